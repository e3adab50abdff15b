// Wrong: assumes every parent has a smaller number than its child, and fills the
// depths in one pass from 1 to n. The labels in this problem come in any order.
const data = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const n = data[0];
const depth = new Array(n + 1).fill(0);
let height = 0;
let sum = 0;
for (let v = 1; v <= n; v++) {
  depth[v] = data[v] === 0 ? 0 : depth[data[v]] + 1;
  height = Math.max(height, depth[v]);
  sum += depth[v];
}
console.log(`${height} ${sum}`);
