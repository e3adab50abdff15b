// Constraints of the statement: countWays(n, steps, broken).
function validate(input, context) {
  const args = JSON.parse(input);
  if (!Array.isArray(args) || args.length !== 3) throw new Error('args must be [n, steps, broken]');
  const [n, steps, broken] = args;
  const maxN = context.subtasks.includes('small') ? 20 : 5000;
  if (!Number.isInteger(n) || n < 1 || n > maxN)
    throw new Error(`n = ${JSON.stringify(n)} is not an integer in 1..${maxN}`);
  if (!Array.isArray(steps) || steps.length < 1 || steps.length > 10) throw new Error('steps must hold 1..10 values');
  for (const d of steps)
    if (!Number.isInteger(d) || d < 1 || d > 50)
      throw new Error(`step ${JSON.stringify(d)} is not an integer in 1..50`);
  if (!Array.isArray(broken) || broken.length > n - 1) throw new Error('broken must hold 0..n-1 values');
  if (new Set(steps).size !== steps.length) throw new Error('steps must be pairwise distinct');
  for (const s of broken)
    if (!Number.isInteger(s) || s < 1 || s > n - 1)
      throw new Error(`broken stair ${JSON.stringify(s)} is not an integer in 1..n-1`);
  if (new Set(broken).size !== broken.length) throw new Error('broken must be pairwise distinct');
}
