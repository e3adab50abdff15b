import { describe, expect, it } from 'vitest';
import type { Subtask, TestResult, Verdict } from '@oj/shared';
import { canSkipTest, scoreSubmission, testScoreFraction } from '../src/scoring.ts';

function skipped(id: string): TestResult {
  return { id, status: 'skipped', verdict: null, timeMs: 0, memoryKb: 0 };
}

function test(id: string, verdict: Verdict, scoreFraction?: number): TestResult & { verdict: Verdict } {
  const result: TestResult & { verdict: Verdict } = { id, verdict, timeMs: 10, memoryKb: 1000 };
  if (scoreFraction !== undefined) {
    result.scoreFraction = scoreFraction;
  }
  return result;
}

function subtask(id: string, score: number, tests: string[], dependencies: string[] = []): Subtask {
  return { id, score, tests, dependencies };
}

describe('testScoreFraction', () => {
  it('gives AC full credit and other verdicts none, unless a checker gave partial credit', () => {
    expect(testScoreFraction(test('1', 'AC'))).toBe(1);
    expect(testScoreFraction(test('1', 'WA'))).toBe(0);
    expect(testScoreFraction(test('1', 'WA', 0.4))).toBe(0.4);
    expect(testScoreFraction(test('1', 'TLE'))).toBe(0);
    expect(testScoreFraction(test('1', 'RE', 1))).toBe(0);
    expect(testScoreFraction(test('1', 'SE', 1))).toBe(0);
  });

  it('clamps fractions outside 0..1', () => {
    expect(testScoreFraction(test('1', 'WA', 7))).toBe(1);
    expect(testScoreFraction(test('1', 'AC', -1))).toBe(0);
  });
});

describe('scoreSubmission', () => {
  const twoSubtasks = {
    subtasks: [subtask('small', 30, ['1', '2']), subtask('large', 70, ['3', '4'])],
  };

  it('gives AC and full score when every test is AC', () => {
    const tests = ['1', '2', '3', '4'].map((id) => test(id, 'AC'));
    expect(scoreSubmission(twoSubtasks, tests)).toEqual({
      verdict: 'AC',
      score: 100,
      maxScore: 100,
      subtasks: [
        { id: 'small', score: 30, maxScore: 30, verdict: 'AC' },
        { id: 'large', score: 70, maxScore: 70, verdict: 'AC' },
      ],
    });
  });

  it('takes the first non-AC verdict in test order as the overall verdict', () => {
    const tests = [test('1', 'AC'), test('2', 'AC'), test('3', 'TLE'), test('4', 'WA')];
    const result = scoreSubmission(twoSubtasks, tests);
    expect(result.verdict).toBe('TLE');
    expect(result.score).toBe(30);
    expect(result.subtasks).toEqual([
      { id: 'small', score: 30, maxScore: 30, verdict: 'AC' },
      { id: 'large', score: 0, maxScore: 70, verdict: 'TLE' },
    ]);
  });

  it('follows the order of the tests given, not the order of the subtasks', () => {
    const tests = [test('4', 'WA'), test('3', 'AC'), test('1', 'RE'), test('2', 'AC')];
    expect(scoreSubmission(twoSubtasks, tests).verdict).toBe('WA');
  });

  it('counts tests that are in no subtask for the verdict, not for the score', () => {
    const tests = [test('sample', 'WA'), ...['1', '2', '3', '4'].map((id) => test(id, 'AC'))];
    const result = scoreSubmission(twoSubtasks, tests);
    expect(result.verdict).toBe('WA');
    expect(result.score).toBe(100);
  });

  it('scores a subtask by the smallest credit among its tests (the min rule)', () => {
    const manifest = { subtasks: [subtask('partial', 40, ['1', '2', '3'])] };
    const tests = [test('1', 'AC'), test('2', 'WA', 0.5), test('3', 'WA', 0.75)];
    expect(scoreSubmission(manifest, tests)).toEqual({
      verdict: 'WA',
      score: 20,
      maxScore: 40,
      subtasks: [{ id: 'partial', score: 20, maxScore: 40, verdict: 'WA' }],
    });
  });

  it('rounds partial scores to two decimals', () => {
    const manifest = { subtasks: [subtask('a', 10, ['1']), subtask('b', 10, ['2']), subtask('c', 10, ['3'])] };
    const tests = [test('1', 'WA', 1 / 3), test('2', 'WA', 0.1), test('3', 'WA', 0.2)];
    const result = scoreSubmission(manifest, tests);
    expect(result.subtasks.map((entry) => entry.score)).toEqual([3.33, 1, 2]);
    expect(result.score).toBe(6.33);
  });

  it("gives a subtask's first non-AC verdict in the order the subtask lists its tests", () => {
    const manifest = { subtasks: [subtask('only', 10, ['2', '1'])] };
    const tests = [test('1', 'RE'), test('2', 'TLE')];
    const result = scoreSubmission(manifest, tests);
    expect(result.verdict).toBe('RE');
    expect(result.subtasks[0]?.verdict).toBe('TLE');
  });

  it('shares tests between subtasks', () => {
    const manifest = { subtasks: [subtask('a', 50, ['1', '2']), subtask('b', 50, ['2', '3'])] };
    const result = scoreSubmission(manifest, [test('1', 'AC'), test('2', 'AC'), test('3', 'MLE')]);
    expect(result.score).toBe(50);
    expect(result.subtasks.map((entry) => entry.verdict)).toEqual(['AC', 'MLE']);
  });

  describe('dependencies', () => {
    const chain = {
      subtasks: [
        subtask('base', 20, ['1']),
        subtask('middle', 30, ['2'], ['base']),
        subtask('top', 50, ['3'], ['middle']),
      ],
    };

    it('scores a subtask only when its dependencies are fully scored', () => {
      const result = scoreSubmission(chain, [test('1', 'WA'), test('2', 'AC'), test('3', 'AC')]);
      expect(result.verdict).toBe('WA');
      expect(result.score).toBe(0);
      expect(result.maxScore).toBe(100);
      // An AC subtask whose dependency failed takes the dependency's verdict.
      expect(result.subtasks).toEqual([
        { id: 'base', score: 0, maxScore: 20, verdict: 'WA' },
        { id: 'middle', score: 0, maxScore: 30, verdict: 'WA' },
        { id: 'top', score: 0, maxScore: 50, verdict: 'WA' },
      ]);
    });

    it('zeroes later subtasks transitively, keeping their own failures as their verdicts', () => {
      const result = scoreSubmission(chain, [test('1', 'AC'), test('2', 'TLE'), test('3', 'RE')]);
      expect(result.score).toBe(20);
      expect(result.subtasks.map((entry) => [entry.score, entry.verdict])).toEqual([
        [20, 'AC'],
        [0, 'TLE'],
        [0, 'RE'],
      ]);
    });

    it('treats partial credit in a dependency as not fully scored', () => {
      const result = scoreSubmission(chain, [test('1', 'WA', 0.9), test('2', 'AC'), test('3', 'AC')]);
      expect(result.score).toBe(18);
      expect(result.subtasks.map((entry) => entry.score)).toEqual([18, 0, 0]);
    });

    it('lets a subtask with several dependencies score only when all of them are fully scored', () => {
      const manifest = {
        subtasks: [subtask('a', 10, ['1']), subtask('b', 10, ['2']), subtask('all', 80, ['3'], ['a', 'b'])],
      };
      const allPass = scoreSubmission(manifest, [test('1', 'AC'), test('2', 'AC'), test('3', 'AC')]);
      expect(allPass.score).toBe(100);
      const oneFails = scoreSubmission(manifest, [test('1', 'AC'), test('2', 'OLE'), test('3', 'AC')]);
      expect(oneFails.score).toBe(10);
      expect(oneFails.subtasks[2]).toEqual({ id: 'all', score: 0, maxScore: 80, verdict: 'OLE' });
    });

    it('counts a zero-point dependency as fully scored when all its tests pass', () => {
      const manifest = { subtasks: [subtask('samples', 0, ['1']), subtask('main', 100, ['2'], ['samples'])] };
      expect(scoreSubmission(manifest, [test('1', 'AC'), test('2', 'AC')]).score).toBe(100);
      expect(scoreSubmission(manifest, [test('1', 'WA'), test('2', 'AC')]).score).toBe(0);
    });

    it('refuses a dependency on an unknown or later subtask', () => {
      const forward = { subtasks: [subtask('a', 10, ['1'], ['b']), subtask('b', 10, ['2'])] };
      expect(() => scoreSubmission(forward, [test('1', 'AC'), test('2', 'AC')])).toThrow(/"b"/);
    });
  });

  describe('missing test results', () => {
    it('makes the subtask SE and, if everything else passed, the submission SE', () => {
      const result = scoreSubmission(twoSubtasks, [test('1', 'AC'), test('2', 'AC'), test('3', 'AC')]);
      expect(result.verdict).toBe('SE');
      expect(result.score).toBe(30);
      expect(result.subtasks[1]).toEqual({ id: 'large', score: 0, maxScore: 70, verdict: 'SE' });
    });

    it('keeps a real failure as the overall verdict', () => {
      const result = scoreSubmission(twoSubtasks, [test('1', 'WA')]);
      expect(result.verdict).toBe('WA');
      expect(result.subtasks.map((entry) => entry.verdict)).toEqual(['WA', 'SE']);
    });

    it('gives SE and no score when there are no results at all', () => {
      expect(scoreSubmission(twoSubtasks, [])).toMatchObject({ verdict: 'SE', score: 0, maxScore: 100 });
    });
  });

  it('uses the first result when a test id appears twice', () => {
    const manifest = { subtasks: [subtask('only', 10, ['1'])] };
    expect(scoreSubmission(manifest, [test('1', 'AC'), test('1', 'WA')]).subtasks[0]?.score).toBe(10);
  });
});

describe('skipped tests', () => {
  const manifest = { subtasks: [subtask('a', 40, ['1', '2', '3']), subtask('b', 60, ['4', '5'])] };

  it('score and verdict like the run tests they stand for', () => {
    const skippedRun = scoreSubmission(manifest, [
      test('1', 'WA'),
      skipped('2'),
      skipped('3'),
      test('4', 'AC'),
      test('5', 'AC'),
    ]);
    const fullRun = scoreSubmission(manifest, [
      test('1', 'WA'),
      test('2', 'TLE'),
      test('3', 'AC'),
      test('4', 'AC'),
      test('5', 'AC'),
    ]);
    expect(skippedRun).toEqual(fullRun);
    expect(skippedRun.verdict).toBe('WA');
    expect(skippedRun.score).toBe(60);
  });

  it('are allowed only after an earlier no-credit failure in every subtask of the test', () => {
    const ids = ['1', '2', '3', '4', '5'];
    const known = new Map<string, TestResult>([['1', test('1', 'WA')]]);
    expect(canSkipTest(manifest, ids, 1, known)).toBe(true);
    expect(canSkipTest(manifest, ids, 3, known)).toBe(false);
    // Partial credit can still shrink under the min rule: keep running.
    expect(canSkipTest(manifest, ids, 1, new Map([['1', test('1', 'WA', 0.5)]]))).toBe(false);
    // A test also in a subtask that has not failed must run.
    const shared = { subtasks: [subtask('a', 40, ['1', '2']), subtask('b', 60, ['2'])] };
    expect(canSkipTest(shared, ['1', '2'], 1, known)).toBe(false);
    // A failure later in judging order must not decide: the first non-AC verdict could change.
    expect(canSkipTest(manifest, ['2', '1', '3', '4', '5'], 0, known)).toBe(false);
  });
});

describe('testScoreFraction of every verdict', () => {
  it('gives nothing to a skipped test or to any verdict but AC and WA, whatever fraction it carries', () => {
    expect(testScoreFraction(skipped('1'))).toBe(0);
    for (const verdict of ['TLE', 'MLE', 'RE', 'OLE', 'CE', 'SE'] as const) {
      expect(testScoreFraction(test('1', verdict)), verdict).toBe(0);
      expect(testScoreFraction(test('1', verdict, 0.5)), verdict).toBe(0);
    }
  });

  it('keeps a fraction inside 0..1 as it is, bounds included', () => {
    expect(testScoreFraction(test('1', 'AC', 1))).toBe(1);
    expect(testScoreFraction(test('1', 'WA', 0))).toBe(0);
    expect(testScoreFraction(test('1', 'WA', 0.75))).toBe(0.75);
    expect(testScoreFraction(test('1', 'WA', -3))).toBe(0);
  });
});

describe('scoreSubmission with skipped tests out of judging order', () => {
  it('never takes a skipped test for the first failure: the next real one decides', () => {
    const manifest = { subtasks: [subtask('a', 100, ['1', '2'])] };
    expect(scoreSubmission(manifest, [skipped('2'), test('1', 'TLE')])).toMatchObject({ verdict: 'TLE', score: 0 });
    expect(scoreSubmission(manifest, [skipped('2'), test('1', 'AC')])).toMatchObject({ verdict: 'AC', score: 100 });
  });
});

describe('canSkipTest', () => {
  it('does not count a skipped test as a failure', () => {
    const manifest = { subtasks: [subtask('a', 100, ['1', '2', '3'])] };
    expect(canSkipTest(manifest, ['1', '2', '3'], 2, new Map([['2', skipped('2')]]))).toBe(false);
    expect(canSkipTest(manifest, ['1', '2', '3'], 2, new Map([['2', test('2', 'WA')]]))).toBe(true);
  });

  it("counts only failures listed before the test in its subtask, since the subtask's verdict is its first failure in that list", () => {
    // Test 2 is listed first: its verdict (say TLE) would be the subtask's, so it must run even after 1 failed.
    const manifest = { subtasks: [subtask('a', 100, ['2', '1'])] };
    expect(canSkipTest(manifest, ['1', '2'], 1, new Map([['1', test('1', 'WA')]]))).toBe(false);
  });

  it('skips a test whose dependency lost any credit, partial credit included', () => {
    const manifest = { subtasks: [subtask('small', 40, ['1']), subtask('large', 60, ['2'], ['small'])] };
    expect(canSkipTest(manifest, ['1', '2'], 1, new Map([['1', test('1', 'WA', 0.5)]]))).toBe(true);
    expect(canSkipTest(manifest, ['1', '2'], 1, new Map([['1', test('1', 'AC')]]))).toBe(false);
  });

  it('follows dependencies transitively, visiting a shared one once', () => {
    const manifest = {
      subtasks: [
        subtask('base', 10, ['1']),
        subtask('left', 10, ['2'], ['base']),
        subtask('right', 10, ['3'], ['base']),
        subtask('top', 70, ['4'], ['left', 'right']),
      ],
    };
    const ids = ['1', '2', '3', '4'];
    expect(canSkipTest(manifest, ids, 3, new Map([['1', test('1', 'RE')]]))).toBe(true);
    expect(canSkipTest(manifest, ids, 3, new Map([['1', test('1', 'AC')]]))).toBe(false);
  });

  it('stops on a dependency cycle or an unknown dependency, which the manifest schema forbids anyway', () => {
    const cyclic = { subtasks: [subtask('a', 50, ['1'], ['b']), subtask('b', 50, ['2'], ['a'])] };
    expect(canSkipTest(cyclic, ['1', '2'], 0, new Map())).toBe(false);
    const dangling = { subtasks: [subtask('a', 100, ['1'], ['nowhere'])] };
    expect(canSkipTest(dangling, ['1'], 0, new Map())).toBe(false);
  });
});
