// Wrong: only records a subset right after adding an element, so [] never appears.
var subsets = function (nums) {
  const result = [];
  const path = [];
  function backtrack(start) {
    for (let i = start; i < nums.length; i++) {
      path.push(nums[i]);
      result.push(path.slice());
      backtrack(i + 1);
      path.pop();
    }
  }
  backtrack(0);
  return result;
};
