// TypeScript, the same line-based reading as a Luogu learner's: line 1 is n, line 2 the faces.
import * as fs from 'fs';

const lines: string[] = fs.readFileSync('/dev/stdin', 'utf8').split('\n');
const n: number = Number(lines[0]);
const a: number[] = lines[1]!.split(' ').map(Number);
if (a.length !== n) throw new Error(`expected ${n} faces on line 2, got ${a.length}`);
const opposite: Record<number, number> = { 1: 2, 2: 1, 3: 4, 4: 3, 5: 6, 6: 5 };
let total = 0;
for (const top of a) total += 21 - top - opposite[top]!;
total += a[n - 1]!;
console.log(total);
