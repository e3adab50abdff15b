// Each die shows its four side faces: 21 minus its top and its bottom (the face opposite
// the top: 1-2, 3-4, 5-6). The top die also shows its top face.
const data = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const n = data[0];
const opposite = (x) => (x % 2 === 1 ? x + 1 : x - 1);
let total = 0;
for (let i = 1; i <= n; i++) total += 21 - data[i] - opposite(data[i]);
total += data[n];
console.log(total);
