import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { LANGUAGE_BY_EXTENSION, type JudgeResult, type Verdict } from '@oj/shared';
import { judgeSubmission } from '../judge.ts';
import type { SandboxRunner } from '../sandbox/runner.ts';
import type { ProblemPackage } from './load.ts';
import { adviseTimeLimit, type SolutionTiming, type TimeLimitAdvice } from './time-limit.ts';
import { validateTests, type TestValidation } from './validate.ts';

export interface SolutionCheck {
  file: string;
  expected: Verdict;
  actual: Verdict;
  ok: boolean;
  result: JudgeResult;
}

/** Judges one of the package's solution files; a file of no known language is a CE. */
async function judgeSolution(
  problem: ProblemPackage,
  file: string,
  runner: SandboxRunner,
  concurrency: number,
): Promise<JudgeResult> {
  const language = LANGUAGE_BY_EXTENSION[path.extname(file)];
  if (!language) {
    return {
      verdict: 'CE',
      score: 0,
      maxScore: 0,
      tests: [],
      subtasks: [],
      timeMs: 0,
      memoryKb: 0,
      compileMessage: `unknown language of ${file}`,
    };
  }
  const source = await readFile(path.join(problem.dir, file), 'utf8');
  return judgeSubmission(
    { problem, source, language, sandboxKey: `verify:${problem.manifest.slug}:${file}:${Math.random()}` },
    { runner, concurrency },
  );
}

/** Judges each reference solution of a package; the package is sound when every one gets its expected verdict. */
export async function verifyPackage(
  problem: ProblemPackage,
  runner: SandboxRunner,
  options: { concurrency: number; onSolution?: (check: SolutionCheck) => void },
): Promise<SolutionCheck[]> {
  const checks: SolutionCheck[] = [];
  for (const solution of problem.manifest.solutions) {
    const result = await judgeSolution(problem, solution.file, runner, options.concurrency);
    const check = {
      file: solution.file,
      expected: solution.expect,
      actual: result.verdict,
      ok: result.verdict === solution.expect,
      result,
    };
    checks.push(check);
    options.onSolution?.(check);
  }
  return checks;
}

export interface PackageVerification {
  /** One entry per test input that the package's validator.js rejected or failed on (empty when all are valid or there is no validator). */
  invalidInputs: Exclude<TestValidation, { status: 'valid' }>[];
  /** The reference solutions' checks; empty when an input was invalid, since verdicts on wrong tests mean nothing. */
  solutions: SolutionCheck[];
  /** Every input valid, at least one reference solution, and each got its expected verdict. */
  sound: boolean;
}

/**
 * Validates every test input first (validator.js), then judges the reference solutions.
 * Throws a PackageError when the validator cannot be loaded.
 */
export async function verifyPackageFully(
  problem: ProblemPackage,
  runner: SandboxRunner,
  options: { concurrency: number; onSolution?: (check: SolutionCheck) => void },
): Promise<PackageVerification> {
  const validations = await validateTests(problem, runner, { concurrency: options.concurrency });
  const invalidInputs = validations.filter((validation) => validation.status !== 'valid');
  if (invalidInputs.length > 0) return { invalidInputs, solutions: [], sound: false };
  const solutions = await verifyPackage(problem, runner, options);
  // With no reference solution nothing shows that the tests accept a right answer: never sound.
  return { invalidInputs, solutions, sound: solutions.length > 0 && solutions.every((check) => check.ok) };
}

/** Solutions that must get TLE are measured again with this many times the limit, to see how far off they are. */
export const TIME_LIMITED_MEASURE_FACTOR = 3;

const stretched = (timeMs: number): number => Math.min(20_000, timeMs * TIME_LIMITED_MEASURE_FACTOR);

/**
 * Time-limit advice from a verification's checks. The accepted solutions' times are those of the checks;
 * each solution that must get TLE (and did) is judged once more with TIME_LIMITED_MEASURE_FACTOR times the
 * limit, since under the limit itself it is cut off at the limit.
 */
export async function adviseFromChecks(
  problem: ProblemPackage,
  checks: SolutionCheck[],
  runner: SandboxRunner,
  options: { concurrency: number },
): Promise<TimeLimitAdvice> {
  const { limits } = problem.manifest;
  const measuringLimitMs = stretched(limits.timeMs);
  // Every time limit is stretched, the subtasks' and tests' own too, or a test with its own would still cut off at it.
  const measuring: ProblemPackage = {
    ...problem,
    manifest: {
      ...problem.manifest,
      limits: { ...limits, timeMs: measuringLimitMs },
      subtasks: problem.manifest.subtasks.map((subtask) =>
        subtask.limits?.timeMs === undefined
          ? subtask
          : { ...subtask, limits: { ...subtask.limits, timeMs: stretched(subtask.limits.timeMs) } },
      ),
      ...(problem.manifest.testLimits
        ? {
            testLimits: Object.fromEntries(
              Object.entries(problem.manifest.testLimits).map(([id, own]) => [
                id,
                own.timeMs === undefined ? own : { ...own, timeMs: stretched(own.timeMs) },
              ]),
            ),
          }
        : {}),
    },
  };
  const timings: SolutionTiming[] = [];
  for (const check of checks) {
    if (!check.ok) continue;
    if (check.expected !== 'TLE') {
      timings.push({ file: check.file, expected: check.expected, slowestMs: check.result.timeMs, timedOut: false });
      continue;
    }
    const result = await judgeSolution(measuring, check.file, runner, options.concurrency);
    timings.push({ file: check.file, expected: 'TLE', slowestMs: result.timeMs, timedOut: result.verdict === 'TLE' });
  }
  return adviseTimeLimit(limits.timeMs, timings);
}
