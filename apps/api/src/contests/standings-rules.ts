// The rules of contest standings (ICPC, IOI, OI), as pure functions of the contest's clock and its attempts:
// no database, no clock of their own. The contests module feeds them; their table tests are the definition
// (apps/api/test/standings-rules.test.ts).
import type { Verdict } from '@oj/shared';

export type ContestRuleName = 'ICPC' | 'IOI' | 'OI';

export interface ContestClock {
  startsAt: Date;
  /** Excluded: a submission at the end is upsolving. */
  endsAt: Date;
  /** Included in the freeze: a submission exactly at the freeze time is frozen. Null: no freeze. */
  freezeAt: Date | null;
}

/** One submission of a participant to a contest problem. */
export interface Attempt {
  id: number;
  participantId: number;
  problemId: number;
  submittedAt: Date;
  /** Null while it is being judged. */
  verdict: Verdict | null;
  /** IOI/OI: the points it got (null while judged). */
  score: number | null;
  /** IOI with best-per-subtask: the points of each subtask. */
  subtaskScores?: Record<string, number>;
}

export interface StandingsOptions {
  rule: ContestRuleName;
  clock: ContestClock;
  /** `frozen`: what participants and the public see during a freeze (attempts from freezeAt on are pending). */
  view: 'live' | 'frozen';
  /** IOI: a problem's score is the sum of each subtask's best over the submissions, not the best submission. */
  bestPerSubtask?: boolean;
  /** ICPC: minutes added for each rejected attempt before the first AC. */
  penaltyPerRejection?: number;
}

export interface ProblemCell {
  problemId: number;
  /** ICPC: an attempt got AC (IOI and OI count points instead: `score`). */
  solved: boolean;
  /** ICPC: rejected attempts before the first AC (CE and SE are not attempts). */
  rejected: number;
  /** Attempts whose outcome the view does not show yet (being judged, or made during the freeze). */
  pending: number;
  /** ICPC: when the first AC was submitted, and that in whole minutes from the start. */
  solvedAt: Date | null;
  solvedAtMinutes: number | null;
  /** ICPC: the first AC of this problem in the whole contest (ties share it). */
  firstSolve: boolean;
  /** IOI/OI: the points that count; null when nothing counts yet. */
  score: number | null;
}

export interface StandingsRow {
  participantId: number;
  /** 1-based; rows that tie share a rank, and the next rank skips (1, 1, 3). */
  rank: number;
  solved: number;
  /** ICPC: minutes of penalty. */
  penalty: number;
  /** IOI/OI: the total. */
  score: number;
  cells: ProblemCell[];
}

const NOT_AN_ATTEMPT = new Set<Verdict>(['CE', 'SE']);
const MINUTE_MS = 60_000;

/** Inside the contest window: from the start (included) to the end (excluded); the rest is upsolving. */
export function countsForContest(attempt: Pick<Attempt, 'submittedAt'>, clock: ContestClock): boolean {
  return clock.startsAt <= attempt.submittedAt && attempt.submittedAt < clock.endsAt;
}

/** Whether the view hides this attempt's outcome: judged or not, it is shown as pending. */
export function isHidden(attempt: Pick<Attempt, 'submittedAt' | 'verdict'>, options: StandingsOptions): boolean {
  if (attempt.verdict === null) return true;
  const { freezeAt } = options.clock;
  return options.view === 'frozen' && freezeAt !== null && attempt.submittedAt >= freezeAt;
}

function byTime(a: Attempt, b: Attempt): number {
  return a.submittedAt.getTime() - b.submittedAt.getTime() || a.id - b.id;
}

/** A problem nobody has a counted attempt at yet. */
function emptyCell(problemId: number): ProblemCell {
  return {
    problemId,
    solved: false,
    rejected: 0,
    pending: 0,
    solvedAt: null,
    solvedAtMinutes: null,
    firstSolve: false,
    score: null,
  };
}

function icpcCell(problemId: number, attempts: Attempt[], options: StandingsOptions): ProblemCell {
  const cell = emptyCell(problemId);
  for (const attempt of attempts) {
    if (isHidden(attempt, options)) {
      cell.pending++;
      continue;
    }
    if (NOT_AN_ATTEMPT.has(attempt.verdict!)) continue;
    if (attempt.verdict === 'AC') {
      cell.solved = true;
      cell.solvedAt = attempt.submittedAt;
      cell.solvedAtMinutes = Math.floor((attempt.submittedAt.getTime() - options.clock.startsAt.getTime()) / MINUTE_MS);
      break;
    }
    cell.rejected++;
  }
  return cell;
}

function scoreCell(problemId: number, attempts: Attempt[], options: StandingsOptions): ProblemCell {
  const cell = emptyCell(problemId);
  if (options.rule === 'OI') {
    // The last submission before the end counts, whatever came before it.
    const last = attempts.at(-1);
    if (!last) return cell;
    if (isHidden(last, options)) cell.pending = 1;
    else cell.score = last.score ?? 0;
    return cell;
  }
  const shown = attempts.filter((attempt) => !isHidden(attempt, options));
  cell.pending = attempts.length - shown.length;
  if (shown.length === 0) return cell;
  if (options.bestPerSubtask) {
    const best = new Map<string, number>();
    for (const attempt of shown) {
      for (const [subtask, points] of Object.entries(attempt.subtaskScores ?? {})) {
        best.set(subtask, Math.max(best.get(subtask) ?? 0, points));
      }
    }
    cell.score = [...best.values()].reduce((sum, points) => sum + points, 0);
  } else {
    cell.score = Math.max(...shown.map((attempt) => attempt.score ?? 0));
  }
  return cell;
}

/**
 * The standings of a contest: one row per participant (those without attempts too), ranked. ICPC ranks by
 * problems solved, then penalty (minutes to each first AC plus penaltyPerRejection, 20 by default, per
 * rejected attempt before it); IOI and OI by total score. Upsolving never counts; in the frozen view attempts
 * from the freeze on are pending, like attempts still being judged.
 */
export function computeStandings(
  participantIds: readonly number[],
  problemIds: readonly number[],
  attempts: readonly Attempt[],
  options: StandingsOptions,
): StandingsRow[] {
  const penaltyPerRejection = options.penaltyPerRejection ?? 20;
  const grouped = new Map<string, Attempt[]>();
  for (const attempt of attempts) {
    if (!countsForContest(attempt, options.clock)) continue;
    const key = `${attempt.participantId}:${attempt.problemId}`;
    const list = grouped.get(key) ?? [];
    list.push(attempt);
    grouped.set(key, list);
  }
  for (const list of grouped.values()) list.sort(byTime);

  const rows: StandingsRow[] = participantIds.map((participantId) => {
    const cells = problemIds.map((problemId) => {
      const list = grouped.get(`${participantId}:${problemId}`) ?? [];
      return options.rule === 'ICPC' ? icpcCell(problemId, list, options) : scoreCell(problemId, list, options);
    });
    const solvedCells = cells.filter((cell) => cell.solved);
    return {
      participantId,
      rank: 0,
      solved: solvedCells.length,
      penalty: solvedCells.reduce((sum, cell) => sum + cell.solvedAtMinutes! + cell.rejected * penaltyPerRejection, 0),
      score: cells.reduce((sum, cell) => sum + (cell.score ?? 0), 0),
      cells,
    };
  });

  if (options.rule === 'ICPC') {
    problemIds.forEach((_, index) => {
      const times = rows.flatMap((row) => row.cells[index]!.solvedAt?.getTime() ?? []);
      if (times.length === 0) return;
      const first = Math.min(...times);
      for (const row of rows) if (row.cells[index]!.solvedAt?.getTime() === first) row.cells[index]!.firstSolve = true;
    });
  }

  const better = (a: StandingsRow, b: StandingsRow): number =>
    options.rule === 'ICPC' ? b.solved - a.solved || a.penalty - b.penalty : b.score - a.score;
  rows.sort((a, b) => better(a, b) || a.participantId - b.participantId);
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    row.rank = previous && better(previous, row) === 0 ? previous.rank : index + 1;
  });
  return rows;
}
