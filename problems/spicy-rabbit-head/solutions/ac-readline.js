const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin });
const opposite = [0, 2, 1, 4, 3, 6, 5];
let n = -1;
let seen = 0;
let total = 0;
let last = 0;
rl.on('line', (line) => {
  for (const token of line.split(/\s+/)) {
    if (token === '') continue;
    const x = Number(token);
    if (n < 0) {
      n = x;
    } else if (seen < n) {
      total += 21 - x - opposite[x];
      last = x;
      seen++;
    }
  }
});
rl.on('close', () => {
  console.log(total + last);
});
