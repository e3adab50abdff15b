// Input format of the statement (after Luogu B3815): exactly two lines, "n\n" then n faces separated by single spaces, "\n".
function validate(input) {
  if (!input.endsWith('\n')) throw new Error('the input must end with a newline');
  const lines = input.slice(0, -1).split('\n');
  if (lines.length !== 2) throw new Error(`expected exactly 2 lines, found ${lines.length}`);
  if (!/^[1-9][0-9]*$/.test(lines[0]))
    throw new Error(`line 1 must be n alone, found ${JSON.stringify(lines[0].slice(0, 40))}`);
  const n = Number(lines[0]);
  if (n < 1 || n > 1e6) throw new Error(`n = ${n} is outside 1..10^6`);
  if (!/^[1-6]( [1-6])*$/.test(lines[1]))
    throw new Error('line 2 must be faces 1..6 separated by single spaces, with no other spaces');
  const count = (lines[1].length + 1) / 2;
  if (count !== n) throw new Error(`line 2 has ${count} faces, n is ${n}`);
}
