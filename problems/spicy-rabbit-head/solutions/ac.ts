import { readFileSync } from 'fs';

const input: number[] = readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const n: number = input[0] ?? 0;
const faces: number[] = input.slice(1, n + 1);

function bottomOf(top: number): number {
  return top % 2 === 1 ? top + 1 : top - 1;
}

let visible = 0;
for (const top of faces) {
  visible += 21 - top - bottomOf(top);
}
visible += faces[faces.length - 1] ?? 0;
console.log(String(visible));
