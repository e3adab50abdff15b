// Regenerates tests/ for `spicy-rabbit-head` deterministically.
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
const random = rng(3815);
const randInt = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const randomFaces = (n, faces = [1, 2, 3, 4, 5, 6]) =>
  Array.from({ length: n }, () => faces[randInt(0, faces.length - 1)]);

// Trusted reference. Opposite faces: 1-2, 3-4, 5-6.
const opposite = (x) => (x % 2 === 1 ? x + 1 : x - 1);
function reference(a) {
  let total = 0;
  for (const top of a) total += 21 - top - opposite(top);
  return total + a[a.length - 1];
}

// The input exactly as Luogu B3815 gives it: n on the first line, the n top faces on the
// second line separated by single spaces, and a newline after each line. Nothing else.
const input = (a) => `${a.length}\n${a.join(' ')}\n`;

const cases = [
  [1], // 01 sample: 19
  [2, 5, 3], // 02 sample
  [4, 4, 6, 1, 3], // 03 sample
  [6], // 04 n = 1
  [5, 6], // 05 n = 2
  randomFaces(10), // 06
  randomFaces(100), // 07
  Array(1000).fill(3), // 08 n = 1000, all the same face
  randomFaces(1000), // 09 n = 1000
  randomFaces(100_000), // 10 n = 1e5
  randomFaces(1_000_000, [1, 2]), // 11 n = 1e6, the largest possible answer
  randomFaces(1_000_000), // 12 n = 1e6
  randomFaces(1_000_000, [5, 6]), // 13 n = 1e6, the smallest sides
];

rmSync(testsDir, { recursive: true, force: true });
mkdirSync(testsDir, { recursive: true });
let bytes = 0;
cases.forEach((a, index) => {
  const id = String(index + 1).padStart(2, '0');
  writeFileSync(join(testsDir, `${id}.in`), input(a));
  writeFileSync(join(testsDir, `${id}.out`), `${reference(a)}\n`);
  bytes += statSync(join(testsDir, `${id}.in`)).size;
});
console.log(
  `spicy-rabbit-head: wrote ${readdirSync(testsDir).length / 2} tests, ${(bytes / 1e6).toFixed(1)} MB of input`,
);
