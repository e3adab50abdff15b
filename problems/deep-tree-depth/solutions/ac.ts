import { readFileSync } from 'fs';

const data: number[] = readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const n: number = data[0] ?? 0;

const children: number[][] = [];
for (let v = 0; v <= n; v++) children.push([]);
let root = 0;
for (let v = 1; v <= n; v++) {
  const parent: number = data[v] ?? 0;
  if (parent === 0) root = v;
  else children[parent]!.push(v);
}

let height = 0;
let sum = 0;

/** Visits the subtree of v, whose depth is `depth`. Recurses once per tree level. */
function visit(v: number, depth: number): void {
  if (depth > height) height = depth;
  sum += depth;
  const kids: number[] = children[v]!;
  for (let i = 0; i < kids.length; i++) visit(kids[i]!, depth + 1);
}

visit(root, 0);
console.log(`${height} ${sum}`);
