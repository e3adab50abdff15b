function subsets(nums: number[]): number[][] {
  const result: number[][] = [];
  const chosen: number[] = [];
  const choose = (index: number): void => {
    if (index === nums.length) {
      result.push([...chosen]);
      return;
    }
    // Leave nums[index] out, then take it.
    choose(index + 1);
    chosen.push(nums[index]!);
    choose(index + 1);
    chosen.pop();
  };
  choose(0);
  return result;
}
