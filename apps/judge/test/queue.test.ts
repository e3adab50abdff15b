import { describe, expect, test } from 'vitest';
import { JUDGE_PRIORITY } from '@oj/shared';
import { judgeJobIdFor, judgePriorityOf, progressListKey } from '../src/queue.ts';
import { LruCache } from '../src/store/lru.ts';

describe('judge job ids', () => {
  test('are the shared contract for the first enqueue, and differ for every later attempt', () => {
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
    expect(JUDGE_PRIORITY.contest).toBeLessThan(JUDGE_PRIORITY.rejudge);
    expect(JUDGE_PRIORITY.live).toBeLessThan(JUDGE_PRIORITY.rejudge);
  });
});

test('the progress list key lives under the deployment prefix', () => {
  expect(progressListKey('oj', 12)).toBe('oj:progress:12');
});

describe('the LRU cache', () => {
  test('drops the least recently used entries beyond its budget', () => {
    const cache = new LruCache<string, string>(5, (value) => value.length);
    cache.set('a', 'aa');
    cache.set('b', 'bb');
    expect(cache.get('a')).toBe('aa');
    cache.set('c', 'cc');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('aa');
    expect(cache.get('c')).toBe('cc');
    cache.set('huge', 'x'.repeat(6));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
