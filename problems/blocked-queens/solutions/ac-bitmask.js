// The same backtracking with the attacked columns and diagonals kept as bit masks.
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = parseInt(lines[0], 10);
const full = (1 << n) - 1;
const open = [];
for (let r = 0; r < n; r++) {
  const row = lines[r + 1].trim();
  let mask = 0;
  for (let c = 0; c < n; c++) if (row[c] === '.') mask |= 1 << c;
  open.push(mask);
}
function place(row, cols, left, right) {
  if (row === n) return 1;
  let count = 0;
  let free = open[row] & ~(cols | left | right) & full;
  while (free !== 0) {
    const bit = free & -free;
    free ^= bit;
    count += place(row + 1, cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1);
  }
  return count;
}
process.stdout.write(place(0, 0, 0, 0) + '\n');
