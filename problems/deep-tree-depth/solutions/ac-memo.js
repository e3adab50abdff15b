// Memoised recursion on the parent pointers: depth(v) = depth(parent(v)) + 1.
const data = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const n = data[0];
const depth = new Int32Array(n + 1).fill(-1);
function depthOf(v) {
  if (depth[v] >= 0) return depth[v];
  const parent = data[v];
  depth[v] = parent === 0 ? 0 : depthOf(parent) + 1;
  return depth[v];
}
let height = 0;
let sum = 0;
for (let v = 1; v <= n; v++) {
  const d = depthOf(v);
  if (d > height) height = d;
  sum += d;
}
console.log(height + ' ' + sum);
