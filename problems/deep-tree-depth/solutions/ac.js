// Recursive DFS from the root. On a chain the recursion is n levels deep, which the
// judge's raised stack (limits.stackMb) allows.
const data = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const n = data[0];
const children = Array.from({ length: n + 1 }, () => []);
let root = 0;
for (let v = 1; v <= n; v++) {
  const parent = data[v];
  if (parent === 0) root = v;
  else children[parent].push(v);
}
let height = 0;
let sum = 0;
function dfs(v, depth) {
  if (depth > height) height = depth;
  sum += depth;
  const list = children[v];
  for (let i = 0; i < list.length; i++) dfs(list[i], depth + 1);
}
dfs(root, 0);
console.log(`${height} ${sum}`);
