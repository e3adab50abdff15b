// No recursion: an explicit stack over a linked list of children.
const data = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const n = data[0];
const head = new Int32Array(n + 1).fill(-1);
const next = new Int32Array(n + 1);
let root = 0;
for (let v = 1; v <= n; v++) {
  const p = data[v];
  if (p === 0) root = v;
  else {
    next[v] = head[p];
    head[p] = v;
  }
}
const depth = new Int32Array(n + 1);
const stack = new Int32Array(n);
let top = 0;
stack[top++] = root;
let height = 0;
let sum = 0;
while (top > 0) {
  const v = stack[--top];
  if (depth[v] > height) height = depth[v];
  sum += depth[v];
  for (let c = head[v]; c !== -1; c = next[c]) {
    depth[c] = depth[v] + 1;
    stack[top++] = c;
  }
}
process.stdout.write(`${height} ${sum}\n`);
