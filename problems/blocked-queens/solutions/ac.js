// Backtracking row by row; a queen goes only on a free cell whose column and both
// diagonals are still unattacked, so dead branches are cut off immediately.
const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(tokens[0]);
const board = tokens.slice(1, n + 1);
const colUsed = new Array(n).fill(false);
const diagUsed = new Array(2 * n).fill(false); // r + c
const antiUsed = new Array(2 * n).fill(false); // r - c + n

function place(r) {
  if (r === n) return 1;
  let count = 0;
  const row = board[r];
  for (let c = 0; c < n; c++) {
    if (row[c] === '#' || colUsed[c] || diagUsed[r + c] || antiUsed[r - c + n]) continue;
    colUsed[c] = diagUsed[r + c] = antiUsed[r - c + n] = true;
    count += place(r + 1);
    colUsed[c] = diagUsed[r + c] = antiUsed[r - c + n] = false;
  }
  return count;
}

console.log(place(0));
