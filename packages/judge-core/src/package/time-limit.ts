// Time-limit advice from the reference solutions' measured CPU times: a limit with a wide margin over the
// slowest solution that must pass and well below the fastest one that must not, and a warning where a
// margin is thin.
import type { Verdict } from '@oj/shared';

export interface SolutionTiming {
  file: string;
  expected: Verdict;
  /** CPU time of its slowest test, in ms. */
  slowestMs: number;
  /** It ran out of the time it was measured with: its real time is more than `slowestMs`. */
  timedOut: boolean;
}

export interface TimeLimitAdvice {
  limitMs: number;
  /** The slowest test of the slowest solution that must be accepted. */
  slowestAccepted?: { file: string; ms: number };
  /** The solution that must get TLE and is the fastest of those; `atLeast` when it was cut off. */
  fastestTimeLimited?: { file: string; ms: number; atLeast: boolean };
  /** A limit that keeps both margins, or undefined when none does (or nothing must be accepted). */
  suggestedMs?: number;
  warnings: string[];
}

/** An accepted solution should use at most half the limit ... */
export const ACCEPTED_MARGIN = 2;
/** ... and a solution that must get TLE should need at least twice the limit. */
export const TIME_LIMITED_MARGIN = 2;
/**
 * No suggestion goes below this: at a few ms, a test's CPU time is mostly start-up and garbage collection,
 * which a loaded judge host stretches; a limit that tight fails correct solutions now and then.
 */
export const MIN_SUGGESTED_MS = 500;
/** The manifest's bounds for a time limit (limitsSchema). */
const MIN_LIMIT_MS = 50;
const MAX_LIMIT_MS = 20_000;

/** A round figure at or above `ms`: steps of 50 ms up to 1 s, of 100 ms up to 5 s, then of 500 ms. */
export function roundLimitUp(ms: number): number {
  return roundLimit(ms, Math.ceil);
}

/** The same, at or below `ms`. */
function roundLimitDown(ms: number): number {
  return roundLimit(ms, Math.floor);
}

function roundLimit(ms: number, round: (steps: number) => number): number {
  const step = ms <= 1000 ? 50 : ms <= 5000 ? 100 : 500;
  return Math.min(MAX_LIMIT_MS, Math.max(MIN_LIMIT_MS, round(ms / step) * step));
}

/**
 * Advice for a problem whose time limit is `limitMs`, from its reference solutions' timings. The suggested
 * limit sits in the middle (geometrically) of what both margins allow: at least ACCEPTED_MARGIN times the
 * slowest accepted test, at most the fastest TLE solution over TIME_LIMITED_MARGIN. With no TLE solution it
 * is three times the slowest accepted test. Either way not below MIN_SUGGESTED_MS while the margins allow.
 */
export function adviseTimeLimit(limitMs: number, timings: SolutionTiming[]): TimeLimitAdvice {
  const advice: TimeLimitAdvice = { limitMs, warnings: [] };
  const accepted = timings.filter((timing) => timing.expected === 'AC');
  const timeLimited = timings.filter((timing) => timing.expected === 'TLE');
  for (const timing of accepted) {
    if (!advice.slowestAccepted || timing.slowestMs > advice.slowestAccepted.ms) {
      advice.slowestAccepted = { file: timing.file, ms: timing.slowestMs };
    }
  }
  for (const timing of timeLimited) {
    if (!advice.fastestTimeLimited || timing.slowestMs < advice.fastestTimeLimited.ms) {
      advice.fastestTimeLimited = { file: timing.file, ms: timing.slowestMs, atLeast: timing.timedOut };
    }
  }

  const { slowestAccepted, fastestTimeLimited } = advice;
  if (slowestAccepted && slowestAccepted.ms * ACCEPTED_MARGIN > limitMs) {
    advice.warnings.push(
      `thin margin: ${slowestAccepted.file} takes ${slowestAccepted.ms} ms, more than 1/${ACCEPTED_MARGIN} of the ${limitMs} ms limit`,
    );
  }
  if (fastestTimeLimited && !fastestTimeLimited.atLeast && fastestTimeLimited.ms < limitMs * TIME_LIMITED_MARGIN) {
    advice.warnings.push(
      `thin margin: ${fastestTimeLimited.file} must get TLE but needs only ${fastestTimeLimited.ms} ms, less than ${TIME_LIMITED_MARGIN}x the ${limitMs} ms limit`,
    );
  }
  if (!slowestAccepted) return advice;

  // At least 1 ms, so that a solution too fast to measure still gets a finite, positive range.
  const lowest = Math.max(1, slowestAccepted.ms) * ACCEPTED_MARGIN;
  if (!fastestTimeLimited) {
    advice.suggestedMs = roundLimitUp(Math.max(MIN_SUGGESTED_MS, lowest, Math.max(1, slowestAccepted.ms) * 3));
    return advice;
  }
  const highest = fastestTimeLimited.ms / TIME_LIMITED_MARGIN;
  const low = roundLimitUp(lowest);
  const high = roundLimitDown(highest);
  if (low > high) {
    advice.warnings.push(
      `no limit keeps both margins: ${slowestAccepted.file} needs ${low} ms or more, ${fastestTimeLimited.file} must get TLE below ${Math.floor(highest)} ms`,
    );
    return advice;
  }
  advice.suggestedMs = Math.min(high, Math.max(low, MIN_SUGGESTED_MS, roundLimitUp(Math.sqrt(lowest * highest))));
  return advice;
}

/** One line for `oj verify` and the setter's table. */
export function describeAdvice(advice: TimeLimitAdvice): string {
  const parts = [`limit ${advice.limitMs} ms`];
  if (advice.slowestAccepted) parts.push(`slowest AC ${advice.slowestAccepted.ms} ms`);
  if (advice.fastestTimeLimited) {
    parts.push(`fastest TLE ${advice.fastestTimeLimited.atLeast ? '> ' : ''}${advice.fastestTimeLimited.ms} ms`);
  }
  parts.push(advice.suggestedMs === undefined ? 'no suggestion' : `suggested ${advice.suggestedMs} ms`);
  return parts.join(', ');
}
