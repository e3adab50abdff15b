// Regenerates tests/ for `subsets` deterministically.
// Usage (from this package's folder or anywhere): node generator/gen.mjs
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
const random = rng(78);
const randInt = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
function shuffle(array) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = randInt(0, i);
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}
/** n distinct integers from [lo, hi], in random order. */
function distinct(n, lo = -10, hi = 10) {
  const pool = [];
  for (let v = lo; v <= hi; v++) pool.push(v);
  return shuffle(pool).slice(0, n);
}

// Trusted reference: every bitmask is one subset, elements kept in input order.
function reference(nums) {
  const result = [];
  for (let mask = 0; mask < 1 << nums.length; mask++) {
    result.push(nums.filter((_, i) => mask & (1 << i)));
  }
  return result;
}

const cases = [
  [1, 2, 3], // 01 sample
  [0], // 02 sample
  [-7], // 03 n = 1, negative
  [10, -10], // 04 both extremes
  distinct(3), // 05
  distinct(4), // 06
  distinct(5), // 07
  distinct(6), // 08
  distinct(7), // 09
  distinct(8), // 10
  distinct(9), // 11
  distinct(10), // 12
  distinct(10, -10, -1), // 13 all negative
  [0, 1, -1, 2, -2, 3, -3, 4, -4, 5], // 14 includes zero, n = 10
];

rmSync(testsDir, { recursive: true, force: true });
mkdirSync(testsDir, { recursive: true });
cases.forEach((nums, index) => {
  const id = String(index + 1).padStart(2, '0');
  writeFileSync(join(testsDir, `${id}.json`), JSON.stringify({ args: [nums], expected: reference(nums) }) + '\n');
});
console.log(`subsets: wrote ${readdirSync(testsDir).length} tests`);
