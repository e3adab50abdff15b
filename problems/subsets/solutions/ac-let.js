// Iterative: every existing subset gives a new one with the next number appended.
const subsets = (nums) => {
  let result = [[]];
  for (const x of nums) {
    result = result.concat(result.map((subset) => [...subset, x]));
  }
  return result;
};
