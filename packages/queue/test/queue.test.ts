import { describe, expect, test } from 'vitest';
import {
  JUDGE_PRIORITY,
  JUDGE_PRIORITY_BACKLOG_STEP,
  JUDGE_PRIORITY_MAX_BACKLOG,
  judgeJobId,
  judgeJobIdFor,
  judgeJobSchema,
  judgePriorityNumber,
  judgePriorityOf,
  rankedJudgePriorityOf,
  redisKeys,
  runJobSchema,
} from '../src/index.ts';

describe('judge job ids', () => {
  test('are one per submission and generation for the first enqueue, and differ for every later attempt', () => {
    expect(judgeJobId({ submissionId: 7, generation: 0 })).toBe('submission-7-g0');
    expect(judgeJobIdFor({ id: 7, judgeGeneration: 0, attempts: 0 })).toBe('submission-7-g0');
    expect(judgeJobIdFor({ id: 7, judgeGeneration: 0, attempts: 1 })).toBe('submission-7-g0');
    expect(judgeJobIdFor({ id: 7, judgeGeneration: 0, attempts: 2 })).toBe('submission-7-g0-a2');
    expect(judgeJobIdFor({ id: 7, judgeGeneration: 3, attempts: 2 })).toBe('submission-7-g3-a2');
  });
});

describe('judge priorities', () => {
  test('put contest and live submissions before rejudges', () => {
    expect(judgePriorityOf({ contestId: 4, judgeGeneration: 0 })).toBe('contest');
    expect(judgePriorityOf({ contestId: null, judgeGeneration: 0 })).toBe('live');
    expect(judgePriorityOf({ contestId: 4, judgeGeneration: 1 })).toBe('rejudge');
    expect(JUDGE_PRIORITY.contest).toBeLessThan(JUDGE_PRIORITY.live);
    expect(JUDGE_PRIORITY.live).toBeLessThan(JUDGE_PRIORITY.rejudge);
  });

  test("push a user's backlog back, so another user's first submission overtakes it", () => {
    expect(judgePriorityNumber('live', 0)).toBe(JUDGE_PRIORITY.live);
    expect(judgePriorityNumber('live', 3)).toBe(JUDGE_PRIORITY.live + 3 * JUDGE_PRIORITY_BACKLOG_STEP);
    expect(judgePriorityNumber('live', 1)).toBeGreaterThan(judgePriorityNumber('live', 0));
    // The backlog position decides first; the class breaks ties.
    expect(judgePriorityNumber('contest', 1)).toBeGreaterThan(judgePriorityNumber('live', 0));
    expect(judgePriorityNumber('contest', 2)).toBeLessThan(judgePriorityNumber('live', 2));
    // Negative or fractional counts do not move a job ahead; huge ones stay below rejudges.
    expect(judgePriorityNumber('live', -5)).toBe(JUDGE_PRIORITY.live);
    expect(judgePriorityNumber('live', 2.7)).toBe(judgePriorityNumber('live', 2));
    expect(judgePriorityNumber('live', 1e12)).toBe(judgePriorityNumber('live', JUDGE_PRIORITY_MAX_BACKLOG));
    expect(judgePriorityNumber('live', 1e12)).toBeLessThan(JUDGE_PRIORITY.rejudge);
    expect(judgePriorityNumber('rejudge', 50)).toBe(JUDGE_PRIORITY.rejudge);
    // BullMQ's range: 1 to 2^21 - 1.
    expect(JUDGE_PRIORITY.rejudge).toBeLessThanOrEqual(2 ** 21 - 1);
  });

  test('rank a submission by its class and its backlog', () => {
    const ranked = rankedJudgePriorityOf({ contestId: null, judgeGeneration: 0, pendingAhead: 2 });
    expect(ranked).toEqual({ priorityClass: 'live', pendingAhead: 2 });
  });
});

describe('job schemas', () => {
  test('accept version 1 and refuse anything else', () => {
    expect(judgeJobSchema.parse({ v: 1, submissionId: 3, generation: 0 })).toEqual({
      v: 1,
      submissionId: 3,
      generation: 0,
    });
    expect(judgeJobSchema.safeParse({ v: 2, submissionId: 3, generation: 0 }).success).toBe(false);
    expect(judgeJobSchema.safeParse({ v: 1, submissionId: 0, generation: 0 }).success).toBe(false);
    expect(judgeJobSchema.safeParse({ v: 1, submissionId: 3, generation: 0, extra: true }).success).toBe(false);
    const run = { v: 1, problemVersionId: 5, language: 'javascript', code: 'x' };
    expect(runJobSchema.safeParse(run).success).toBe(true);
    expect(runJobSchema.safeParse({ ...run, v: 2 }).success).toBe(false);
    expect(runJobSchema.safeParse({ ...run, language: 'python' }).success).toBe(false);
  });
});

describe('redis keys', () => {
  test('all live under the deployment prefix', () => {
    const keys = redisKeys('oj-test');
    expect(keys.progressList(12)).toBe('oj-test:progress:12');
    expect(keys.submissionChannel(12)).toBe('oj-test:submission:12');
    expect(keys.submissionChannelPattern).toBe('oj-test:submission:*');
    expect(keys.rateLimit('submit:42')).toBe('oj-test:ratelimit:submit:42');
    expect(keys.runSlots(42)).toBe('oj-test:run-slots:42');
    expect(keys.loginBackoff('alice')).toBe('oj-test:login-backoff:alice');
    const all = [
      keys.progressList(1),
      keys.submissionChannel(1),
      keys.rateLimit('x'),
      keys.runSlots(1),
      keys.loginBackoff('x'),
    ];
    expect(new Set(all.map((key) => key.split(':')[1])).size).toBe(all.length);
    expect(all.every((key) => key.startsWith('oj-test:'))).toBe(true);
  });
});
