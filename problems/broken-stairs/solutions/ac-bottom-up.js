// Iterative table, no recursion: reach[s] = ways to stand on stair s.
var countWays = function (n, steps, broken) {
  const MOD = 1000000007;
  const reach = new Array(n + 1).fill(0);
  const blocked = new Uint8Array(n + 1);
  for (const s of broken) blocked[s] = 1;
  reach[0] = 1;
  for (let s = 1; s <= n; s++) {
    if (blocked[s]) continue;
    let total = 0;
    for (const step of steps) if (step <= s) total = (total + reach[s - step]) % MOD;
    reach[s] = total;
  }
  return reach[n];
};
