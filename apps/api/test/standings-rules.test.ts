// The standings rules as tables: ICPC penalty and ties, what is not an attempt, upsolving, the freeze
// boundary, OI's last submission, IOI's best and best per subtask. Pure: no database, an explicit clock.
import type { Verdict } from '@oj/shared';
import { describe, expect, test } from 'vitest';
import {
  computeStandings,
  countsForContest,
  type Attempt,
  type ContestClock,
  type StandingsOptions,
} from '../src/contests/standings-rules.ts';

const START = new Date('2026-12-01T10:00:00.000Z');
const at = (minutes: number, seconds = 0) => new Date(START.getTime() + minutes * 60_000 + seconds * 1000);
const clock: ContestClock = { startsAt: START, endsAt: at(300), freezeAt: at(240) };
const A = 1;
const B = 2;

let nextId = 1;
function attempt(
  participantId: number,
  problemId: number,
  minute: number,
  verdict: Verdict | null,
  extra: Partial<Attempt> = {},
): Attempt {
  return { id: nextId++, participantId, problemId, submittedAt: at(minute), verdict, score: null, ...extra };
}

const icpc = (view: StandingsOptions['view'] = 'live'): StandingsOptions => ({ rule: 'ICPC', clock, view });

describe('ICPC', () => {
  test('penalty: minutes to each first AC plus 20 per rejected attempt before it', () => {
    const [row] = computeStandings(
      [10],
      [A, B],
      [
        attempt(10, A, 5, 'WA'),
        attempt(10, A, 12, 'TLE'),
        attempt(10, A, 30, 'AC'),
        attempt(10, B, 61, 'AC', { submittedAt: at(61, 59) }),
      ],
      icpc(),
    );
    expect(row).toMatchObject({ solved: 2, penalty: 30 + 40 + 61, rank: 1 });
    expect(row!.cells.map((cell) => [cell.rejected, cell.solvedAtMinutes])).toEqual([
      [2, 30],
      [0, 61],
    ]);
  });

  test.each([
    ['CE', 0],
    ['SE', 0],
    ['WA', 20],
    ['RE', 20],
    ['TLE', 20],
    ['MLE', 20],
    ['OLE', 20],
  ] as const)('a %s before the AC costs %i minutes', (verdict, cost) => {
    const [row] = computeStandings([10], [A], [attempt(10, A, 1, verdict), attempt(10, A, 10, 'AC')], icpc());
    expect(row!.penalty).toBe(10 + cost);
  });

  test('attempts after the first AC, upsolving and attempts before the start are ignored', () => {
    const [row] = computeStandings(
      [10],
      [A, B],
      [
        attempt(10, A, 10, 'AC'),
        attempt(10, A, 11, 'WA'),
        attempt(10, A, 12, 'AC'),
        attempt(10, B, 300, 'AC'),
        attempt(10, B, -1, 'AC'),
      ],
      icpc(),
    );
    expect(row).toMatchObject({ solved: 1, penalty: 10 });
    expect(row!.cells[1]).toMatchObject({ solved: false, rejected: 0, pending: 0 });
    expect(countsForContest({ submittedAt: at(300) }, clock)).toBe(false);
    expect(countsForContest({ submittedAt: at(0) }, clock)).toBe(true);
  });

  test('ties share a rank, and the next rank skips; more solved beats less penalty', () => {
    const rows = computeStandings(
      [10, 20, 30, 40],
      [A, B],
      [
        attempt(10, A, 50, 'AC'),
        attempt(20, A, 30, 'WA'),
        attempt(20, A, 30, 'AC'),
        attempt(30, A, 200, 'AC'),
        attempt(30, B, 201, 'AC'),
      ],
      icpc(),
    );
    expect(rows.map((row) => [row.participantId, row.rank, row.solved, row.penalty])).toEqual([
      [30, 1, 2, 401],
      [10, 2, 1, 50],
      [20, 2, 1, 50],
      [40, 4, 0, 0],
    ]);
  });

  test('the first solve of each problem is marked, by the exact time; pending attempts are shown', () => {
    const rows = computeStandings(
      [10, 20],
      [A],
      [
        attempt(10, A, 7, 'AC', { submittedAt: at(7, 30) }),
        attempt(20, A, 7, 'AC', { submittedAt: at(7, 10) }),
        attempt(10, A, 8, null),
      ],
      icpc(),
    );
    const cell = (participant: number) => rows.find((row) => row.participantId === participant)!.cells[0]!;
    expect([cell(10).firstSolve, cell(20).firstSolve]).toEqual([false, true]);
    expect(cell(10).pending).toBe(0);
    const judging = computeStandings([10], [A], [attempt(10, A, 8, 'WA'), attempt(10, A, 9, null)], icpc());
    expect(judging[0]!.cells[0]).toMatchObject({ rejected: 1, pending: 1, solved: false });
  });

  test('frozen view: from the freeze time on (a submission exactly at it included) attempts are pending', () => {
    const attempts = [
      attempt(10, A, 239, 'AC', { submittedAt: at(239, 59) }),
      attempt(20, A, 240, 'AC'),
      attempt(20, B, 250, 'WA'),
    ];
    const frozen = computeStandings([10, 20], [A, B], attempts, icpc('frozen'));
    const live = computeStandings([10, 20], [A, B], attempts, icpc('live'));
    const row = (rows: typeof frozen, id: number) => rows.find((candidate) => candidate.participantId === id)!;
    expect(row(frozen, 10)).toMatchObject({ solved: 1, rank: 1 });
    expect(row(frozen, 20)).toMatchObject({ solved: 0, rank: 2 });
    expect(row(frozen, 20).cells.map((cell) => cell.pending)).toEqual([1, 1]);
    expect(row(live, 20)).toMatchObject({ solved: 1, penalty: 240 });
    expect(row(live, 20).cells[1]).toMatchObject({ rejected: 1, pending: 0 });
    const noFreeze = computeStandings([20], [A], attempts, { ...icpc('frozen'), clock: { ...clock, freezeAt: null } });
    expect(noFreeze[0]!.solved).toBe(1);
  });
});

describe('IOI', () => {
  const ioi = (extra: Partial<StandingsOptions> = {}): StandingsOptions => ({
    rule: 'IOI',
    clock,
    view: 'live',
    ...extra,
  });

  test("a problem's score is the best over the submissions; the total ranks, ties sharing", () => {
    const rows = computeStandings(
      [10, 20, 30],
      [A, B],
      [
        attempt(10, A, 1, 'WA', { score: 40 }),
        attempt(10, A, 2, 'WA', { score: 20 }),
        attempt(10, B, 3, 'AC', { score: 100 }),
        attempt(20, A, 4, 'AC', { score: 100 }),
        attempt(20, B, 5, 'WA', { score: 40 }),
        attempt(30, A, 299, 'AC', { score: 100 }),
        attempt(30, A, 300, 'AC', { score: 100 }),
      ],
      ioi(),
    );
    expect(rows.map((row) => [row.participantId, row.rank, row.score])).toEqual([
      [10, 1, 140],
      [20, 1, 140],
      [30, 3, 100],
    ]);
    expect(rows[0]!.cells.map((cell) => cell.score)).toEqual([40, 100]);
  });

  test('best per subtask sums each subtask over the submissions; submissions being judged are pending', () => {
    const attempts = [
      attempt(10, A, 1, 'WA', { score: 40, subtaskScores: { small: 40, large: 0 } }),
      attempt(10, A, 2, 'WA', { score: 60, subtaskScores: { small: 0, large: 60 } }),
      attempt(10, A, 3, null),
    ];
    const [best] = computeStandings([10], [A], attempts, ioi());
    const [perSubtask] = computeStandings([10], [A], attempts, ioi({ bestPerSubtask: true }));
    expect(best!.cells[0]).toMatchObject({ score: 60, pending: 1 });
    expect(perSubtask!.cells[0]).toMatchObject({ score: 100, pending: 1 });
    const [nothing] = computeStandings([10], [A], [], ioi());
    expect(nothing!.cells[0]!.score).toBeNull();
  });
});

describe('OI', () => {
  const oi: StandingsOptions = { rule: 'OI', clock, view: 'live' };

  test('the last submission before the end counts, even when an earlier one scored more', () => {
    const [row] = computeStandings(
      [10],
      [A, B],
      [
        attempt(10, A, 10, 'AC', { score: 100 }),
        attempt(10, A, 20, 'WA', { score: 30 }),
        attempt(10, A, 300, 'AC', { score: 100 }),
        attempt(10, B, 50, 'WA', { score: 0 }),
        attempt(10, B, 40, 'AC', { score: 100 }),
      ],
      oi,
    );
    expect(row!.cells.map((cell) => cell.score)).toEqual([30, 0]);
    expect(row!.score).toBe(30);
  });

  test('a last submission still being judged leaves the problem pending', () => {
    const [row] = computeStandings([10], [A], [attempt(10, A, 10, 'AC', { score: 100 }), attempt(10, A, 20, null)], oi);
    expect(row!.cells[0]).toMatchObject({ score: null, pending: 1 });
  });
});
