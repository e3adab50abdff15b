// The worker shell around judge-core for one verification check of a setter's problem version: the
// validator over every input, or one reference solution over every test (and, for a solution that must
// get TLE, once more with TIME_LIMITED_MEASURE_FACTOR times the limit, for the time-limit advice).
import path from 'node:path';
import { UnrecoverableError, type Job } from 'bullmq';
import {
  judgeSubmission,
  PackageError,
  TIME_LIMITED_MEASURE_FACTOR,
  validateTests,
  type SandboxRunner,
} from '@oj/judge-core';
import { verifyJobSchema, type VerifyJobResult } from '@oj/queue';
import {
  LANGUAGE_BY_EXTENSION,
  type JudgeResult,
  type StoredSolutionCheck,
  type StoredValidatorCheck,
} from '@oj/shared';
import type { CheckRepository, CheckToRun } from './check-repository.ts';
import type { Logger } from './logger.ts';
import { ProblemDataError, type ProblemStore, type StoredProblem } from './store/problem-store.ts';

export interface VerifyJobDependencies {
  checks: CheckRepository;
  problems: ProblemStore;
  runner: SandboxRunner;
  concurrency: number;
  logger: Logger;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Processes one verification job. Like a judge job, it throws only for infrastructure failures (BullMQ
 * retries them); after the last attempt, or for a version that cannot be judged at all, the check is
 * finished with the reason, so no check stays pending.
 */
export async function processVerifyJob(
  job: Job<unknown>,
  dependencies: VerifyJobDependencies,
): Promise<VerifyJobResult> {
  const parsed = verifyJobSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid verify job payload: ${parsed.error.message}`);
  const { checkId } = parsed.data;
  const check = await dependencies.checks.take(checkId);
  if (!check) return { outcome: 'skipped' };
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  try {
    const result = await runCheck(check, job.opts.priority, dependencies);
    await dependencies.checks.finish(checkId, result);
    dependencies.logger.info('verified', { checkId, kind: check.kind, position: check.position });
    return { outcome: 'verified' };
  } catch (error) {
    const unrecoverable = error instanceof ProblemDataError || error instanceof UnrecoverableError;
    dependencies.logger.error('verification failed', { checkId, attempt: job.attemptsMade + 1, error });
    if (lastAttempt || unrecoverable) {
      await dependencies.checks
        .finish(checkId, failedResult(check, `the check failed: ${reasonOf(error)}`) as never)
        .catch((failure: unknown) => dependencies.logger.error('could not record the failure', { checkId, failure }));
    }
    throw unrecoverable ? new UnrecoverableError(reasonOf(error)) : error;
  }
}

/** The result of a check that could not be run: SE for a solution, an error for the validator. */
export function failedResult(
  check: Pick<CheckToRun, 'kind'>,
  reason: string,
): StoredSolutionCheck | StoredValidatorCheck {
  if (check.kind === 'validator') return { invalidInputs: [], error: reason };
  return {
    verdict: 'SE',
    score: 0,
    maxScore: 0,
    timeMs: 0,
    memoryKb: 0,
    compileMessage: reason,
    tests: [],
    measuredMs: null,
    measuredTimedOut: null,
  };
}

async function runCheck(
  check: CheckToRun,
  priority: number | undefined,
  dependencies: VerifyJobDependencies,
): Promise<StoredSolutionCheck | StoredValidatorCheck> {
  const { problems, runner, concurrency } = dependencies;
  const problem = await problems.load(check.problemVersionId);
  if (check.kind === 'validator') {
    const validatorCode = await problems.readFile(check.problemVersionId, 'validator.js');
    try {
      const validations = await validateTests(
        { ...problem, dir: `problem version ${check.problemVersionId}`, validatorCode },
        runner,
        { concurrency },
      );
      const invalidInputs = validations.filter((validation) => validation.status !== 'valid');
      return { invalidInputs, error: null };
    } catch (error) {
      if (error instanceof PackageError) return { invalidInputs: [], error: error.problems.join('; ') };
      throw error;
    }
  }

  const solution = problem.manifest.solutions[check.position];
  if (!solution)
    throw new ProblemDataError(`problem version ${check.problemVersionId} has no solution ${check.position}`);
  const language = LANGUAGE_BY_EXTENSION[path.extname(solution.file)];
  if (!language)
    return { ...(failedResult(check, `unknown language of ${solution.file}`) as StoredSolutionCheck), verdict: 'CE' };
  const source = await problems.readFile(check.problemVersionId, solution.file);
  const judge = (judged: StoredProblem, attempt: string): Promise<JudgeResult> =>
    judgeSubmission(
      { problem: judged, source, language, sandboxKey: `check-${check.id}-${attempt}` },
      { runner, concurrency, ...(priority !== undefined ? { priority } : {}) },
    );
  const result = await judge(problem, 'limit');
  let measured: JudgeResult | undefined;
  if (solution.expect === 'TLE' && result.verdict === 'TLE') {
    const { limits } = problem.manifest;
    const measuring = {
      ...problem,
      manifest: {
        ...problem.manifest,
        limits: { ...limits, timeMs: Math.min(20_000, limits.timeMs * TIME_LIMITED_MEASURE_FACTOR) },
      },
    };
    measured = await judge(measuring, 'measure');
  }
  return {
    verdict: result.verdict,
    score: result.score,
    maxScore: result.maxScore,
    timeMs: result.timeMs,
    memoryKb: result.memoryKb,
    compileMessage: result.compileMessage ?? null,
    tests: result.tests.map((test) => ({
      id: test.id,
      verdict: test.verdict,
      timeMs: test.timeMs,
      memoryKb: test.memoryKb,
    })),
    measuredMs: measured ? measured.timeMs : null,
    measuredTimedOut: measured ? measured.verdict === 'TLE' : null,
  };
}
