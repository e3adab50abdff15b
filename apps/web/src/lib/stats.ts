// Profile figures, computed from the submissions list endpoint.
import { VERDICTS, type SubmissionSummary, type Verdict } from '@oj/shared';

export interface ProfileStats {
  total: number;
  solved: { slug: string; title: string; firstSolvedAt: string }[];
  attempted: { slug: string; title: string }[];
  verdicts: { verdict: Verdict; count: number }[];
  acceptanceRate: number | null;
}

export function profileStats(submissions: SubmissionSummary[]): ProfileStats {
  const solved = new Map<string, { slug: string; title: string; firstSolvedAt: string }>();
  const tried = new Map<string, { slug: string; title: string }>();
  const counts = new Map<Verdict, number>();
  let finished = 0;
  for (const submission of submissions) {
    const { slug, title } = submission.problem;
    tried.set(slug, { slug, title });
    if (submission.status !== 'FINISHED' || !submission.verdict) continue;
    finished++;
    counts.set(submission.verdict, (counts.get(submission.verdict) ?? 0) + 1);
    if (submission.verdict === 'AC') {
      const known = solved.get(slug);
      if (!known || submission.createdAt < known.firstSolvedAt)
        solved.set(slug, { slug, title, firstSolvedAt: submission.createdAt });
    }
  }
  const accepted = counts.get('AC') ?? 0;
  return {
    total: submissions.length,
    solved: [...solved.values()].sort((a, b) => a.slug.localeCompare(b.slug)),
    attempted: [...tried.values()]
      .filter((problem) => !solved.has(problem.slug))
      .sort((a, b) => a.slug.localeCompare(b.slug)),
    verdicts: VERDICTS.map((verdict) => ({ verdict, count: counts.get(verdict) ?? 0 })).filter(
      (entry) => entry.count > 0,
    ),
    acceptanceRate: finished > 0 ? accepted / finished : null,
  };
}

/** The bars of the CPU time chart: performance tests when the problem names them, else every hidden test. */
export function chartTests<T extends { id: string; sample?: boolean | undefined }>(
  tests: T[],
  performanceTests: string[],
): T[] {
  if (performanceTests.length > 0) {
    const wanted = new Set(performanceTests);
    return tests.filter((test) => wanted.has(test.id));
  }
  return tests.filter((test) => !test.sample);
}

/** A "nice" upper bound for a chart axis: 1, 2 or 5 times a power of ten, at least `value`. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}
