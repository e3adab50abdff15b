// Correct but quadratic on deep trees: climbs from every node all the way to the root.
const data = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const n = data[0];
let height = 0;
let sum = 0;
for (let v = 1; v <= n; v++) {
  let d = 0;
  for (let u = v; data[u] !== 0; u = data[u]) d++;
  if (d > height) height = d;
  sum += d;
}
console.log(`${height} ${sum}`);
