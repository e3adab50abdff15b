// Wrong: adds the counts exactly and takes the remainder only at the end. The counts
// outgrow 2^53 (and then Infinity) long before n = 5000, so precision is lost.
function countWays(n, steps, broken) {
  const isBroken = new Set(broken);
  const memo = new Map();
  function ways(s) {
    if (s === n) return 1;
    if (s > n || isBroken.has(s)) return 0;
    if (memo.has(s)) return memo.get(s);
    let total = 0;
    for (const step of steps) total += ways(s + step);
    memo.set(s, total);
    return total;
  }
  return ways(0) % 1_000_000_007;
}
