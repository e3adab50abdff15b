// Wrong: assumes ordinary dice, where opposite faces add up to 7.
const data = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const n = data[0];
let total = 0;
for (let i = 1; i <= n; i++) total += 21 - data[i] - (7 - data[i]);
total += data[n];
console.log(total);
