// A version's verification from its stored checks: soundness and its reasons, status, the table, the advice.
// Pure: no database, no judge (the judged side is in authoring.test.ts).
import type { StoredSolutionCheck, StoredValidatorCheck } from '@oj/shared';
import { describe, expect, test } from 'vitest';
import type { CheckRow } from '../src/authoring/authoring.repository.ts';
import { verificationOf, verificationSummary } from '../src/authoring/verification.ts';

const SAVED = new Date('2026-12-01T10:00:00.000Z');
const at = (ms: number) => new Date(SAVED.getTime() + ms);

const manifest = {
  slug: 'p',
  title: 'P',
  difficulty: 'easy',
  style: 'stdio',
  limits: { timeMs: 1000, memoryMb: 256 },
  checker: { type: 'lines' },
  samples: ['1'],
  subtasks: [{ id: 'all', score: 100, tests: ['1'] }],
  solutions: [
    { file: 'solutions/ac.js', expect: 'AC' },
    { file: 'solutions/tle.js', expect: 'TLE' },
  ],
};

function solved(verdict: StoredSolutionCheck['verdict'], timeMs: number, extra: Partial<StoredSolutionCheck> = {}) {
  const result: StoredSolutionCheck = {
    verdict,
    score: verdict === 'AC' ? 100 : 0,
    maxScore: 100,
    timeMs,
    memoryKb: 900,
    compileMessage: null,
    tests: [{ id: '1', verdict, timeMs, memoryKb: 900 }],
    measuredMs: null,
    measuredTimedOut: null,
    ...extra,
  };
  return result;
}

let nextId = 1;
function check(
  kind: CheckRow['kind'],
  position: number,
  result: StoredSolutionCheck | StoredValidatorCheck | null,
  finishedAfterMs = 1000,
): CheckRow {
  return {
    id: nextId++,
    kind,
    position,
    status: result === null ? 'pending' : 'finished',
    attempts: 1,
    result,
    createdAt: SAVED,
    finishedAt: result === null ? null : at(finishedAfterMs),
  };
}

describe('a version is sound', () => {
  test('when the validator accepts every input and each solution gets its verdict; the advice comes with it', () => {
    const verification = verificationOf(
      manifest,
      [
        check('validator', 0, { invalidInputs: [], error: null }, 500),
        check('solution', 0, solved('AC', 120), 2000),
        check('solution', 1, solved('TLE', 1000, { measuredMs: 3000, measuredTimedOut: true }), 4500),
      ],
      SAVED,
    );
    expect(verification).toMatchObject({ status: 'finished', sound: true, reasons: [], durationMs: 4500 });
    expect(verification.finishedAt).toBe(at(4500).toISOString());
    expect(verification.solutions.map((row) => [row.file, row.verdict, row.ok, row.timeMs])).toEqual([
      ['solutions/ac.js', 'AC', true, 120],
      ['solutions/tle.js', 'TLE', true, 1000],
    ]);
    expect(verification.advice).toEqual({
      limitMs: 1000,
      slowestAcceptedMs: 120,
      fastestTimeLimitedMs: 3000,
      fastestTimeLimitedAtLeast: true,
      suggestedMs: expect.any(Number) as number,
      warnings: [],
      summary: expect.stringMatching(
        /^limit 1000 ms, slowest AC 120 ms, fastest TLE > 3000 ms, suggested \d+ ms$/,
      ) as string,
    });
  });
});

describe('a version is not sound', () => {
  test('when a solution gets another verdict, or the validator rejects or fails; each reason is listed', () => {
    const verification = verificationOf(
      manifest,
      [
        check('validator', 0, { invalidInputs: [{ test: '1', status: 'rejected', reason: 'n too big' }], error: null }),
        check('solution', 0, solved('WA', 5)),
        check('solution', 1, solved('TLE', 1000)),
      ],
      SAVED,
    );
    expect(verification.sound).toBe(false);
    expect(verification.reasons).toEqual(['test 1: n too big', 'solutions/ac.js: expected AC, got WA']);
    const broken = verificationOf(
      manifest,
      [check('validator', 0, { invalidInputs: [], error: 'validator.js could not be loaded' })],
      SAVED,
    );
    expect(broken.reasons).toContain('validator.js: validator.js could not be loaded');
  });

  test('as soon as one finished check fails, while others still run', () => {
    const verification = verificationOf(
      manifest,
      [check('solution', 0, solved('RE', 5)), check('solution', 1, null)],
      SAVED,
    );
    expect(verification).toMatchObject({ status: 'running', sound: false, finishedAt: null, durationMs: null });
    expect(verification.advice).toBeNull();
    expect(verification.solutions[1]).toMatchObject({ status: 'pending', verdict: null, ok: null, tests: [] });
  });

  test('without a solution that expects AC, or without any check (never verified), or with an unreadable result', () => {
    const noAc = { ...manifest, solutions: [{ file: 'solutions/wa.js', expect: 'WA' }] };
    expect(verificationOf(noAc, [check('solution', 0, solved('WA', 5))], SAVED).reasons).toEqual([
      'no reference solution expects AC: add one that solves the problem',
    ]);
    expect(verificationOf({ ...manifest, solutions: [] }, [], SAVED).reasons).toEqual([
      'no reference solution expects AC: add one that solves the problem',
    ]);
    expect(verificationOf(manifest, [], SAVED)).toMatchObject({
      status: 'finished',
      sound: false,
      reasons: ['this version was never verified (a built-in problem, checked by oj verify)'],
    });
    const unreadable = check('solution', 0, solved('AC', 5));
    unreadable.result = { verdict: 'nonsense' };
    expect(verificationOf(manifest, [unreadable, check('solution', 1, solved('TLE', 1000))], SAVED).reasons).toEqual([
      'solutions/ac.js: its result could not be read',
    ]);
  });
});

describe('while checks are pending', () => {
  test('the status is pending, then running, and soundness is unknown (null) with no reasons', () => {
    expect(verificationSummary(manifest, [check('solution', 0, null), check('solution', 1, null)])).toEqual({
      status: 'pending',
      sound: null,
    });
    const started = { ...check('solution', 1, null), status: 'running' as const };
    expect(verificationOf(manifest, [check('solution', 0, solved('AC', 5)), started], SAVED)).toMatchObject({
      status: 'running',
      sound: null,
      reasons: [],
    });
  });
});
