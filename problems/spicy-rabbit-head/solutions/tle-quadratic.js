// Correct but quadratic: for every height i it recounts the whole tower of dice 1..i.
const data = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const n = data[0];
const opposite = (x) => (x % 2 === 1 ? x + 1 : x - 1);
let answer = 0;
for (let i = 1; i <= n; i++) {
  let sides = 0;
  for (let j = 1; j <= i; j++) sides += 21 - data[j] - opposite(data[j]);
  answer = sides + data[i];
}
console.log(answer);
