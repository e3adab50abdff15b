// Wrong: records the current path at every node of the take/skip tree instead of only
// at the leaves, so the "skip" branch records the same subset again.
var subsets = function (nums) {
  const result = [];
  const path = [];
  function go(i) {
    result.push(path.slice());
    if (i === nums.length) return;
    go(i + 1);
    path.push(nums[i]);
    go(i + 1);
    path.pop();
  }
  go(0);
  return result;
};
