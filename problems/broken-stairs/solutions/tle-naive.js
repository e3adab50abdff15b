// Correct but exponential: plain recursion without memoisation walks every path.
function countWays(n, steps, broken) {
  const MOD = 1_000_000_007;
  const isBroken = new Set(broken);
  function ways(s) {
    if (s === n) return 1;
    if (s > n || isBroken.has(s)) return 0;
    let total = 0;
    for (const step of steps) total = (total + ways(s + step)) % MOD;
    return total;
  }
  return ways(0);
}
