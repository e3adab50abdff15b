// process.stdin 'data'/'end' as in many Luogu Node submissions: collect the text, then
// take line 2 and split it on ' '.
let input = '';
process.stdin.on('data', (data) => {
  input += data;
});
process.stdin.on('end', () => {
  const lines = input.split('\n');
  const n = +lines[0];
  const a = lines[1].split(' ');
  let ans = 0;
  for (let i = 0; i < n; i++) {
    const x = +a[i];
    const y = x % 2 == 0 ? x - 1 : x + 1;
    ans += 21 - x - y;
  }
  ans += +a[n - 1];
  process.stdout.write(ans + '\n');
});
