// Correct but brute force: tries all n! ways to give each row a different column and
// only checks the diagonals and the blocked cells once the board is full.
const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean);
const n = Number(tokens[0]);
const board = tokens.slice(1, n + 1);
const colOf = new Array(n).fill(-1);
const used = new Array(n).fill(false);

function valid() {
  for (let r = 0; r < n; r++) {
    if (board[r][colOf[r]] === '#') return false;
    for (let s = r + 1; s < n; s++) {
      if (Math.abs(colOf[r] - colOf[s]) === s - r) return false;
    }
  }
  return true;
}

function permute(r) {
  if (r === n) return valid() ? 1 : 0;
  let count = 0;
  for (let c = 0; c < n; c++) {
    if (used[c]) continue;
    used[c] = true;
    colOf[r] = c;
    count += permute(r + 1);
    used[c] = false;
  }
  return count;
}

console.log(permute(0));
