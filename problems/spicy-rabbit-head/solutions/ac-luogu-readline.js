// readline as in many Luogu Node submissions: the first 'line' event is n, the second
// one holds the faces; the answer is printed as soon as that second line arrives.
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
let count = 0;
let n = 0;
rl.on('line', function (line) {
  count++;
  if (count === 1) {
    n = Number(line);
  } else if (count === 2) {
    const a = line.split(' ').map((x) => parseInt(x));
    const other = [0, 2, 1, 4, 3, 6, 5];
    let sum = 0;
    for (let i = 0; i < n; i++) sum += 21 - a[i] - other[a[i]];
    sum += a[n - 1];
    console.log(sum);
    rl.close();
  }
});
