// Written the way Luogu learners usually read B3815: all of stdin, split into lines,
// n from line 1 and the faces from line 2 split on single spaces.
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const n = parseInt(lines[0]);
const a = lines[1].split(' ').map(Number);
let ans = 0;
for (let i = 0; i < n; i++) {
  let bottom;
  if (a[i] == 1) bottom = 2;
  else if (a[i] == 2) bottom = 1;
  else if (a[i] == 3) bottom = 4;
  else if (a[i] == 4) bottom = 3;
  else if (a[i] == 5) bottom = 6;
  else bottom = 5;
  ans += 21 - a[i] - bottom;
}
ans += a[a.length - 1];
console.log(ans);
