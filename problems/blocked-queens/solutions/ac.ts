import { readFileSync } from 'fs';

const tokens: string[] = readFileSync(0, 'utf8')
  .split(/\s+/)
  .filter((t) => t.length > 0);
const n: number = Number(tokens[0]);
const free: boolean[][] = [];
for (let r = 0; r < n; r++) {
  const row: string = tokens[r + 1] ?? '';
  free.push(Array.from({ length: n }, (_, c) => row[c] === '.'));
}

const column: boolean[] = new Array<boolean>(n).fill(false);
const down: boolean[] = new Array<boolean>(2 * n).fill(false); // indexed by r + c
const up: boolean[] = new Array<boolean>(2 * n).fill(false); // indexed by r - c + n

function count(r: number): number {
  if (r === n) return 1;
  let total = 0;
  const cells: boolean[] = free[r]!;
  for (let c = 0; c < n; c++) {
    if (!cells[c] || column[c] || down[r + c] || up[r - c + n]) continue;
    column[c] = down[r + c] = up[r - c + n] = true;
    total += count(r + 1);
    column[c] = down[r + c] = up[r - c + n] = false;
  }
  return total;
}

console.log(count(0));
