// Regenerates tests/ for `broken-stairs` deterministically.
// Usage: node generator/gen.mjs
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const testsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests');
const MOD = 1_000_000_007;

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
const random = rng(70);
const randInt = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
function shuffle(array) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = randInt(0, i);
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}
/** Each stair 1..n-1 broken with the given probability, in random order. */
function randomBroken(n, probability) {
  const broken = [];
  for (let s = 1; s < n; s++) if (random() < probability) broken.push(s);
  return shuffle(broken);
}
const range = (lo, hi) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);

// Trusted reference: bottom-up table, ways[s] = ways to stand on stair s.
function reference(n, steps, broken) {
  const isBroken = new Uint8Array(n + 1);
  for (const s of broken) isBroken[s] = 1;
  const ways = new Array(n + 1).fill(0);
  ways[0] = 1;
  for (let s = 1; s <= n; s++) {
    if (isBroken[s]) continue;
    let w = 0;
    for (const step of steps) if (step <= s) w = (w + ways[s - step]) % MOD;
    ways[s] = w;
  }
  return ways[n];
}

const cases = [
  [4, [1, 2], []], // 01 sample: 5
  [7, [1, 3], [2, 5]], // 02 sample
  [5, [2], []], // 03 sample: 0
  [1, [1], []], // 04
  [1, [2, 3], []], // 05 every step too long
  [20, [1, 2], []], // 06
  [20, shuffle(range(1, 10)), randomBroken(20, 0.15)], // 07
  [18, [3, 1, 2], randomBroken(18, 0.3)], // 08
  [20, [2, 1], [11, 10]], // 09 two broken stairs in a row: 0
  [100, [1, 2], []], // 10 already far too many paths to walk one by one
  [5000, [1, 2], []], // 11
  [5000, shuffle(range(1, 10)), randomBroken(5000, 0.1)], // 12
  [5000, shuffle([2, 3, 5, 7, 11, 13, 17, 19, 23, 29]), randomBroken(5000, 0.3)], // 13
  [5000, [50, 1], randomBroken(5000, 0.05)], // 14
  [4999, [6, 2, 4], randomBroken(4999, 0.01)], // 15 only even stairs reachable, n odd: 0
  [5000, [1, 2], [4999, 4998]], // 16 the last two stairs are broken: 0
  [5000, shuffle(range(1, 8)), randomBroken(5000, 0.3)], // 17 many broken stairs
];

rmSync(testsDir, { recursive: true, force: true });
mkdirSync(testsDir, { recursive: true });
cases.forEach(([n, steps, broken], index) => {
  const id = String(index + 1).padStart(2, '0');
  const expected = reference(n, steps, broken);
  writeFileSync(join(testsDir, `${id}.json`), JSON.stringify({ args: [n, steps, broken], expected }) + '\n');
  console.log(`${id}: n=${n} steps=${steps.length} broken=${broken.length} -> ${expected}`);
});
console.log(`broken-stairs: wrote ${readdirSync(testsDir).length} tests`);
