import type { JudgedTestResult, ProblemManifest, SubtaskResult, TestResult, Verdict } from '@oj/shared';

export interface SubmissionScore {
  verdict: Verdict;
  score: number;
  maxScore: number;
  subtasks: SubtaskResult[];
}

/**
 * The share of credit one test earns: AC earns its scoreFraction (1 when absent), WA only the partial
 * credit a custom checker gave it, and every other verdict nothing.
 */
export function testScoreFraction(test: TestResult): number {
  if (test.status === 'skipped') return 0;
  switch (test.verdict) {
    case 'AC':
      return clampFraction(test.scoreFraction ?? 1);
    case 'WA':
      return clampFraction(test.scoreFraction ?? 0);
    case 'TLE':
    case 'MLE':
    case 'RE':
    case 'OLE':
    case 'CE':
    case 'SE':
      return 0;
  }
}

function clampFraction(fraction: number): number {
  return Math.min(1, Math.max(0, fraction));
}

/** Scores are kept to two decimals so that float noise (0.1 + 0.2) never shows in results or standings. */
function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

interface SubtaskOutcome {
  result: SubtaskResult;
  /** Every test earned full credit and every dependency was fully scored. */
  fullyScored: boolean;
}

/**
 * Scores a judged submission.
 * - Overall verdict: AC only if every test is AC, otherwise the first non-AC verdict in the order of
 *   `tests`. Tests in no subtask count here too. A test a subtask names but `tests` lacks is a judge
 *   failure: it makes its subtask SE, and the overall verdict SE if everything else was AC.
 * - A subtask scores its score times the smallest credit fraction among its tests (the "min" rule),
 *   and 0 unless each of its dependencies was fully scored (all credit, dependencies included).
 * - A subtask's verdict is the first non-AC verdict among its tests, in the order the subtask lists
 *   them; if all its tests are AC but a dependency was not fully scored, it takes that dependency's verdict.
 */
export function scoreSubmission(manifest: Pick<ProblemManifest, 'subtasks'>, tests: TestResult[]): SubmissionScore {
  const testsById = new Map<string, TestResult>();
  for (const test of tests) {
    if (!testsById.has(test.id)) {
      testsById.set(test.id, test);
    }
  }

  let someTestMissing = false;
  const outcomesById = new Map<string, SubtaskOutcome>();
  const subtasks: SubtaskResult[] = [];
  for (const subtask of manifest.subtasks) {
    let verdict: Verdict = 'AC';
    let fraction = 1;
    for (const testId of subtask.tests) {
      const test = testsById.get(testId);
      if (test === undefined) {
        someTestMissing = true;
      } else if (test.status === 'skipped') {
        // Skipped only once the subtask was settled (see canSkipTest): nothing left to change.
        continue;
      }
      const testVerdict = test?.verdict ?? 'SE';
      if (verdict === 'AC') {
        verdict = testVerdict;
      }
      fraction = Math.min(fraction, test === undefined ? 0 : testScoreFraction(test));
    }

    const failedDependency = subtask.dependencies
      .map((dependencyId) => dependencyOutcome(outcomesById, subtask.id, dependencyId))
      .find((dependency) => !dependency.fullyScored);
    if (failedDependency !== undefined) {
      fraction = 0;
      if (verdict === 'AC') {
        verdict = failedDependency.result.verdict;
      }
    }

    const result: SubtaskResult = {
      id: subtask.id,
      score: roundScore(subtask.score * fraction),
      maxScore: subtask.score,
      verdict,
    };
    subtasks.push(result);
    outcomesById.set(subtask.id, { result, fullyScored: fraction === 1 });
  }

  const firstFailure = tests.find(
    (test): test is JudgedTestResult => test.status !== 'skipped' && test.verdict !== 'AC',
  );
  const verdict: Verdict = firstFailure?.verdict ?? (someTestMissing ? 'SE' : 'AC');
  return {
    verdict,
    score: roundScore(subtasks.reduce((total, subtask) => total + subtask.score, 0)),
    maxScore: subtasks.reduce((total, subtask) => total + subtask.maxScore, 0),
    subtasks,
  };
}

function dependencyOutcome(
  outcomesById: Map<string, SubtaskOutcome>,
  subtaskId: string,
  dependencyId: string,
): SubtaskOutcome {
  const outcome = outcomesById.get(dependencyId);
  if (outcome === undefined) {
    // The manifest schema already requires dependencies to name earlier subtasks.
    throw new Error(`subtask "${subtaskId}" depends on "${dependencyId}", which is not an earlier subtask`);
  }
  return outcome;
}

/**
 * Whether a test need not run (stop early): each subtask listing it is already settled at 0 credit for
 * it, by a failed test that comes earlier in judging order, either
 * - of its own, with no credit and before it in the subtask's list (the min rule cannot go lower and the
 *   subtask's verdict is that test's), or
 * - of a subtask it depends on, directly or not (then it scores 0 whatever its own tests do, and its
 *   verdict is the dependency's, as when its own tests all pass).
 * The score and the overall verdict (the first non-AC in judging order) are then settled without it.
 * `earlier` holds the results known so far; tests in no subtask always run.
 */
export function canSkipTest(
  manifest: Pick<ProblemManifest, 'subtasks'>,
  testIds: readonly string[],
  index: number,
  earlier: ReadonlyMap<string, TestResult>,
): boolean {
  const testId = testIds[index]!;
  const containing = manifest.subtasks.filter((subtask) => subtask.tests.includes(testId));
  if (containing.length === 0) return false;
  const failedBefore = (otherId: string, withNoCredit: boolean): boolean => {
    const other = earlier.get(otherId);
    return (
      other !== undefined &&
      other.status !== 'skipped' &&
      other.verdict !== 'AC' &&
      (!withNoCredit || testScoreFraction(other) === 0) &&
      // Stryker disable next-line EqualityOperator: only the test itself sits at `index`, and it is never among the results known before it runs
      testIds.indexOf(otherId) < index
    );
  };
  const subtasksById = new Map(manifest.subtasks.map((subtask) => [subtask.id, subtask]));
  const dependencyFailed = (subtask: (typeof manifest.subtasks)[number], seen = new Set<string>()): boolean =>
    subtask.dependencies.some((dependencyId) => {
      if (seen.has(dependencyId)) return false;
      seen.add(dependencyId);
      const dependency = subtasksById.get(dependencyId);
      if (dependency === undefined) return false;
      return dependency.tests.some((otherId) => failedBefore(otherId, false)) || dependencyFailed(dependency, seen);
    });
  return containing.every(
    (subtask) =>
      subtask.tests.slice(0, subtask.tests.indexOf(testId)).some((otherId) => failedBefore(otherId, true)) ||
      dependencyFailed(subtask),
  );
}
