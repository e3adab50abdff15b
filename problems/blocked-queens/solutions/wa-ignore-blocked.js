// Wrong: solves the ordinary n-queens puzzle and never looks at the blocked cells.
const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(tokens[0]);
const colUsed = new Array(n).fill(false);
const diagUsed = new Array(2 * n).fill(false);
const antiUsed = new Array(2 * n).fill(false);

function place(r) {
  if (r === n) return 1;
  let count = 0;
  for (let c = 0; c < n; c++) {
    if (colUsed[c] || diagUsed[r + c] || antiUsed[r - c + n]) continue;
    colUsed[c] = diagUsed[r + c] = antiUsed[r - c + n] = true;
    count += place(r + 1);
    colUsed[c] = diagUsed[r + c] = antiUsed[r - c + n] = false;
  }
  return count;
}

console.log(place(0));
