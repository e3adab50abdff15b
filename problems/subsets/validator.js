// Constraints of the statement (LeetCode 78): 1 <= nums.length <= 10, -10 <= nums[i] <= 10, all distinct.
function validate(input) {
  const args = JSON.parse(input);
  if (!Array.isArray(args) || args.length !== 1) throw new Error('args must be [nums]');
  const [nums] = args;
  if (!Array.isArray(nums) || nums.length < 1 || nums.length > 10)
    throw new Error('nums must be an array of 1..10 numbers');
  for (const value of nums)
    if (!Number.isInteger(value) || value < -10 || value > 10)
      throw new Error(`${JSON.stringify(value)} is not an integer in -10..10`);
  if (new Set(nums).size !== nums.length) throw new Error('the values of nums must be distinct');
}
