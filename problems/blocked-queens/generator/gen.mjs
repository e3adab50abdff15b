// Regenerates tests/ for `blocked-queens` deterministically.
// Usage: node generator/gen.mjs
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
const random = rng(8);

const empty = (n) => Array.from({ length: n }, () => '.'.repeat(n));
/** Each cell blocked with the given probability. */
const randomBoard = (n, probability) =>
  Array.from({ length: n }, () => Array.from({ length: n }, () => (random() < probability ? '#' : '.')).join(''));
/** Blocks the cells (r, c) for which blocked(r, c) holds. */
const pattern = (n, blocked) =>
  Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => (blocked(r, c) ? '#' : '.')).join(''));

// Trusted reference: row-by-row backtracking over bitmasks of free columns.
function reference(board) {
  const n = board.length;
  const full = (1 << n) - 1;
  const open = board.map((row) => [...row].reduce((mask, ch, c) => (ch === '.' ? mask | (1 << c) : mask), 0));
  function place(row, cols, left, right) {
    if (row === n) return 1;
    let count = 0;
    let free = open[row] & ~(cols | left | right) & full;
    while (free) {
      const bit = free & -free;
      free ^= bit;
      count += place(row + 1, cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1);
    }
    return count;
  }
  return place(0, 0, 0, 0);
}

const cases = [
  empty(4), // 01 sample: 2
  ['.#..', '....', '....', '....'], // 02 sample
  ['.....', '..#..', '.#.#.', '..#..', '.....'], // 03 sample
  ['#'], // 04
  ['.'], // 05
  empty(3), // 06: 0
  randomBoard(6, 0.1), // 07
  empty(8), // 08: 92
  randomBoard(8, 0.2), // 09
  pattern(7, (r) => r === 3), // 10 a whole row blocked: 0
  randomBoard(10, 0.1), // 11
  empty(12), // 12: 14200
  randomBoard(12, 0.05), // 13
  randomBoard(12, 0.15), // 14
  pattern(12, (r, c) => r === c), // 15 main diagonal blocked
  randomBoard(11, 0.25), // 16
  pattern(12, (r, c) => (r + 5 * c) % 12 === 0), // 17 one cell in every row and column blocked
];

rmSync(testsDir, { recursive: true, force: true });
mkdirSync(testsDir, { recursive: true });
cases.forEach((board, index) => {
  const id = String(index + 1).padStart(2, '0');
  const answer = reference(board);
  writeFileSync(join(testsDir, `${id}.in`), `${board.length}\n${board.join('\n')}\n`);
  writeFileSync(join(testsDir, `${id}.out`), `${answer}\n`);
  console.log(`${id}: n=${board.length} blocked=${board.join('').split('#').length - 1} -> ${answer}`);
});
console.log(`blocked-queens: wrote ${readdirSync(testsDir).length / 2} tests`);
