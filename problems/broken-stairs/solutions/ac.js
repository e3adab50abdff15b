// Memoised recursion: ways(s) = number of ways to get from stair s to stair n.
function countWays(n, steps, broken) {
  const MOD = 1_000_000_007;
  const isBroken = new Set(broken);
  const memo = new Map();
  function ways(s) {
    if (s === n) return 1;
    if (s > n || isBroken.has(s)) return 0;
    if (memo.has(s)) return memo.get(s);
    let total = 0;
    for (const step of steps) total = (total + ways(s + step)) % MOD;
    memo.set(s, total);
    return total;
  }
  return ways(0);
}
