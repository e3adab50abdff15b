import { describe, expect, it } from 'vitest';
import {
  adviseTimeLimit,
  describeAdvice,
  MIN_SUGGESTED_MS,
  roundLimitUp,
  type SolutionTiming,
} from '../src/package/time-limit.ts';

const ac = (file: string, slowestMs: number): SolutionTiming => ({ file, expected: 'AC', slowestMs, timedOut: false });
const tle = (file: string, slowestMs: number, timedOut = false): SolutionTiming => ({
  file,
  expected: 'TLE',
  slowestMs,
  timedOut,
});

describe('time-limit advice', () => {
  it('suggests a limit between the slowest AC and the fastest TLE, with both margins', () => {
    const advice = adviseTimeLimit(1000, [
      ac('fast.js', 100),
      ac('slow.js', 300),
      tle('naive.js', 4000),
      tle('worse.js', 9000),
    ]);
    expect(advice.slowestAccepted).toEqual({ file: 'slow.js', ms: 300 });
    expect(advice.fastestTimeLimited).toEqual({ file: 'naive.js', ms: 4000, atLeast: false });
    expect(advice.warnings).toEqual([]);
    // Between 2 x 300 and 4000 / 2, in the geometric middle: sqrt(600 * 2000) = 1095 -> 1100.
    expect(advice.suggestedMs).toBe(1100);
    expect(describeAdvice(advice)).toBe('limit 1000 ms, slowest AC 300 ms, fastest TLE 4000 ms, suggested 1100 ms');
  });

  it('warns when the slowest AC uses more than half the limit', () => {
    const advice = adviseTimeLimit(1000, [ac('slow.js', 501), tle('naive.js', 5000)]);
    expect(advice.warnings).toEqual(['thin margin: slow.js takes 501 ms, more than 1/2 of the 1000 ms limit']);
    expect(adviseTimeLimit(1000, [ac('ok.js', 500)]).warnings).toEqual([]);
  });

  it('warns when a TLE solution is within 2x of the limit, unless it was cut off (its time is a lower bound)', () => {
    const advice = adviseTimeLimit(1000, [ac('ok.js', 100), tle('almost.js', 1999)]);
    expect(advice.warnings).toEqual([
      'thin margin: almost.js must get TLE but needs only 1999 ms, less than 2x the 1000 ms limit',
    ]);
    expect(adviseTimeLimit(1000, [ac('ok.js', 100), tle('far.js', 2000)]).warnings).toEqual([]);
    const cutOff = adviseTimeLimit(1000, [ac('ok.js', 100), tle('cut.js', 1500, true)]);
    expect(cutOff.warnings).toEqual([]);
    expect(describeAdvice(cutOff)).toContain('fastest TLE > 1500 ms');
  });

  it('says when no limit keeps both margins', () => {
    const advice = adviseTimeLimit(1000, [ac('slow.js', 900), tle('naive.js', 2400)]);
    expect(advice.suggestedMs).toBeUndefined();
    expect(advice.warnings).toContain(
      'no limit keeps both margins: slow.js needs 1800 ms or more, naive.js must get TLE below 1200 ms',
    );
    expect(describeAdvice(advice)).toMatch(/no suggestion$/);
  });

  it('without TLE solutions suggests three times the slowest AC, never below the floor', () => {
    expect(adviseTimeLimit(1000, [ac('a.js', 400)]).suggestedMs).toBe(1200);
    expect(adviseTimeLimit(1000, [ac('a.js', 12)]).suggestedMs).toBe(MIN_SUGGESTED_MS);
    expect(adviseTimeLimit(1000, [ac('a.js', 0)]).suggestedMs).toBe(MIN_SUGGESTED_MS);
  });

  it('keeps the floor only where the TLE margin allows it', () => {
    // 2 x 5 = 10 ms at least, 600 / 2 = 300 ms at most: the floor of 500 would let naive.js pass.
    expect(adviseTimeLimit(1000, [ac('a.js', 5), tle('naive.js', 600)]).suggestedMs).toBe(300);
  });

  it('suggests nothing when no solution must be accepted', () => {
    const advice = adviseTimeLimit(1000, [tle('naive.js', 3000)]);
    expect(advice.suggestedMs).toBeUndefined();
    expect(advice.slowestAccepted).toBeUndefined();
  });

  it('rounds limits to round figures within the manifest bounds', () => {
    expect(roundLimitUp(1)).toBe(50);
    expect(roundLimitUp(51)).toBe(100);
    expect(roundLimitUp(1000)).toBe(1000);
    expect(roundLimitUp(1001)).toBe(1100);
    expect(roundLimitUp(5001)).toBe(5500);
    expect(roundLimitUp(1e9)).toBe(20_000);
  });
});
