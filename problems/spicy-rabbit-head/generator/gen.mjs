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

// Layouts of the numbers after n.
const oneLine = (a) => `${a.length}\n${a.join(' ')}\n`;
const onePerLine = (a) => `${a.length}\n${a.join('\n')}\n`;
function chunked(a, width) {
  const lines = [];
  for (let i = 0; i < a.length; i += width) lines.push(a.slice(i, i + width).join(' '));
  return `${a.length}\n${lines.join('\n')}\n`;
}
/** Any whitespace: runs of spaces, tabs, blank lines, leading and trailing blanks. */
function messy(a) {
  const gaps = [' ', ' ', ' ', '  ', '\t', '\n', '\n\n', ' \n  '];
  let text = `  ${a.length}\n`;
  a.forEach((x, i) => {
    text += (i === 0 ? '' : gaps[randInt(0, gaps.length - 1)]) + x;
  });
  return text + '  \n\n';
}

const cases = [
  oneLine([1]), // 01 sample: 19
  oneLine([2, 5, 3]), // 02 sample
  oneLine([4, 4, 6, 1, 3]), // 03 sample
  oneLine([6]), // 04 n = 1
  oneLine([5, 6]), // 05 n = 2
  oneLine(randomFaces(10)), // 06
  messy(randomFaces(100)), // 07 irregular whitespace
  chunked(Array(1000).fill(3), 40), // 08 n = 1000, all the same face
  onePerLine(randomFaces(1000)), // 09 n = 1000, one per line
  oneLine(randomFaces(100_000)), // 10 n = 1e5, one line
  chunked(randomFaces(500_000, [1, 2]), 20), // 11 n = 5e5, largest possible answer
  oneLine(randomFaces(1_000_000)), // 12 n = 1e6, one line of a million numbers
  onePerLine(randomFaces(1_000_000)), // 13 n = 1e6, one number per line
];

rmSync(testsDir, { recursive: true, force: true });
mkdirSync(testsDir, { recursive: true });
let bytes = 0;
cases.forEach((input, index) => {
  const id = String(index + 1).padStart(2, '0');
  const numbers = input.trim().split(/\s+/).map(Number);
  const a = numbers.slice(1);
  if (a.length !== numbers[0]) throw new Error(`test ${id}: n does not match`);
  writeFileSync(join(testsDir, `${id}.in`), input);
  writeFileSync(join(testsDir, `${id}.out`), `${reference(a)}\n`);
  bytes += statSync(join(testsDir, `${id}.in`)).size;
});
console.log(
  `spicy-rabbit-head: wrote ${readdirSync(testsDir).length / 2} tests, ${(bytes / 1e6).toFixed(1)} MB of input`,
);
