function countWays(n: number, steps: number[], broken: number[]): number {
  const MOD = 1_000_000_007;
  const blocked: boolean[] = new Array<boolean>(n + 1).fill(false);
  for (const s of broken) blocked[s] = true;
  // memo[s] = ways to reach stair n from stair s, or -1 while unknown.
  const memo: number[] = new Array<number>(n + 1).fill(-1);

  const ways = (s: number): number => {
    if (s === n) return 1;
    if (s > n || blocked[s]) return 0;
    const known = memo[s]!;
    if (known >= 0) return known;
    let total = 0;
    for (const step of steps) {
      total = (total + ways(s + step)) % MOD;
    }
    memo[s] = total;
    return total;
  };

  return ways(0);
}
