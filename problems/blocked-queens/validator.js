// Input format of the statement: "n\n" then n rows of n characters from ".#", each ending with a newline.
function validate(input, context) {
  if (!input.endsWith('\n')) throw new Error('the input must end with a newline');
  const lines = input.slice(0, -1).split('\n');
  if (!/^[1-9][0-9]*$/.test(lines[0])) throw new Error('line 1 must be n alone');
  const n = Number(lines[0]);
  const maxN = context.subtasks.includes('small') ? 8 : 12;
  if (n < 1 || n > maxN) throw new Error(`n = ${n} is outside 1..${maxN}`);
  if (lines.length !== n + 1) throw new Error(`expected ${n + 1} lines, found ${lines.length}`);
  for (let row = 1; row <= n; row++) {
    if (lines[row].length !== n || !/^[.#]*$/.test(lines[row]))
      throw new Error(`line ${row + 1} must be ${n} characters of . and #`);
  }
}
