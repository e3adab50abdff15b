// Regenerates tests/ for `deep-tree-depth` deterministically.
// Usage: node generator/gen.mjs
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const testsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests');

// mulberry32: small seeded PRNG, identical on every machine.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(200_000);
const randInt = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
function shuffle(array) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = randInt(0, i);
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}

/**
 * A tree given in creation order: node k (0-based, 0 is the root) gets parent parentOf(k) < k.
 * The nodes are then relabelled 1..n in random order, so parents do not come first.
 * Returns p[1..n] with p = 0 for the root.
 */
function tree(n, parentOf, { relabel = true } = {}) {
  const label = Array.from({ length: n }, (_, k) => k + 1);
  if (relabel) shuffle(label);
  const p = new Array(n + 1).fill(0);
  for (let k = 1; k < n; k++) p[label[k]] = label[parentOf(k)];
  return p.slice(1);
}
const shapes = {
  star: () => 0,
  random: (k) => randInt(0, k - 1),
  chain: (k) => k - 1,
  /** Mostly long: each node hangs below one of the three newest nodes. */
  deepRandom: (k) => randInt(Math.max(0, k - 3), k - 1),
  /** A chain of the first `m` nodes, every later node a leaf at its bottom. */
  broom: (m) => (k) => (k < m ? k - 1 : m - 1),
  /** Two chains from the root: odd and even creation numbers. */
  twoChains: (k) => Math.max(0, k - 2),
};

// Trusted reference, iterative: visit nodes in BFS order from the root.
function reference(p) {
  const n = p.length;
  const head = new Int32Array(n + 1).fill(-1);
  const next = new Int32Array(n + 1);
  let root = 0;
  for (let v = 1; v <= n; v++) {
    const parent = p[v - 1];
    if (parent === 0) root = v;
    else {
      next[v] = head[parent];
      head[parent] = v;
    }
  }
  const depth = new Int32Array(n + 1);
  const queue = new Int32Array(n);
  let tail = 0;
  queue[tail++] = root;
  let height = 0;
  let sum = 0;
  for (let i = 0; i < tail; i++) {
    const v = queue[i];
    height = Math.max(height, depth[v]);
    sum += depth[v];
    for (let c = head[v]; c !== -1; c = next[c]) {
      depth[c] = depth[v] + 1;
      queue[tail++] = c;
    }
  }
  if (tail !== n) throw new Error('not a tree');
  return `${height} ${sum}`;
}

const cases = [
  [3, 3, 0, 1, 2, 7, 1], // 01 sample
  [2, 3, 4, 5, 0], // 02 sample: a chain, labels from the bottom up
  [0], // 03 n = 1
  tree(2000, shapes.star), // 04
  tree(2000, shapes.random), // 05
  tree(2000, shapes.chain), // 06
  tree(2000, shapes.deepRandom), // 07
  tree(200_000, shapes.random), // 08
  tree(200_000, shapes.chain), // 09 the deepest possible tree
  tree(200_000, shapes.broom(100_000)), // 10
  tree(200_000, shapes.deepRandom), // 11
  tree(200_000, shapes.twoChains), // 12
];

rmSync(testsDir, { recursive: true, force: true });
mkdirSync(testsDir, { recursive: true });
let bytes = 0;
cases.forEach((p, index) => {
  const id = String(index + 1).padStart(2, '0');
  const answer = reference(p);
  writeFileSync(join(testsDir, `${id}.in`), `${p.length}\n${p.join(' ')}\n`);
  writeFileSync(join(testsDir, `${id}.out`), `${answer}\n`);
  bytes += statSync(join(testsDir, `${id}.in`)).size;
  console.log(`${id}: n=${p.length} -> ${answer}`);
});
console.log(
  `deep-tree-depth: wrote ${readdirSync(testsDir).length / 2} tests, ${(bytes / 1e6).toFixed(1)} MB of input`,
);
