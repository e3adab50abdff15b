const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const text = chunks.join('');
  let n = -1;
  let count = 0;
  let total = 0;
  let last = 0;
  // Scan the characters once: every die's top face is a single digit.
  let value = 0;
  let inNumber = false;
  const flush = () => {
    if (n < 0) {
      n = value;
    } else if (count < n) {
      const bottom = value % 2 === 1 ? value + 1 : value - 1;
      total += 21 - value - bottom;
      last = value;
      count++;
    }
    value = 0;
    inNumber = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      inNumber = true;
    } else if (inNumber) {
      flush();
    }
  }
  if (inNumber) flush();
  process.stdout.write(`${total + last}\n`);
});
