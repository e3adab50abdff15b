// Input format of the statement: n, then p_1..p_n, separated by whitespace; the parents form one tree rooted at the founder.
function validate(input, context) {
  if (!/^[0-9\s]*$/.test(input)) throw new Error('the input may hold only digits and whitespace');
  const numbers = input.split(/\s+/).filter((token) => token !== '');
  for (const token of numbers)
    if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new Error(`"${token.slice(0, 20)}" is not a plain integer`);
  const n = Number(numbers[0]);
  const maxN = context.subtasks.includes('small') ? 2000 : 200000;
  if (!(n >= 1 && n <= maxN)) throw new Error(`n = ${numbers[0]} is outside 1..${maxN}`);
  if (numbers.length !== n + 1) throw new Error(`expected ${n + 1} numbers, found ${numbers.length}`);
  const parent = numbers.slice(1).map(Number);
  let founders = 0;
  for (let v = 1; v <= n; v++) {
    const p = parent[v - 1];
    if (p > n || p === v) throw new Error(`p_${v} = ${p} is not 0 or another person`);
    if (p === 0) founders++;
  }
  if (founders !== 1) throw new Error(`expected exactly one founder, found ${founders}`);
  // 0 = unseen, 1 = on the current walk, 2 = reaches the founder.
  const state = new Uint8Array(n + 1);
  for (let start = 1; start <= n; start++) {
    const walk = [];
    let v = start;
    while (v !== 0 && state[v] === 0) {
      state[v] = 1;
      walk.push(v);
      v = parent[v - 1];
    }
    if (v !== 0 && state[v] === 1) throw new Error(`the parents of person ${v} form a cycle`);
    for (const w of walk) state[w] = 2;
  }
}
