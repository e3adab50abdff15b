// The worker shell around judge-core for one judge job: parse the job, load the submission and its
// problem version, judge, stream progress, persist. No judging logic lives here.
import { UnrecoverableError, type Job } from 'bullmq';
import { judgeSubmission, type SandboxRunner, type TestCase } from '@oj/judge-core';
import { judgeJobSchema, type JudgeJobResult } from '@oj/queue';
import type { Logger } from './logger.ts';
import type { ProgressPublisher } from './progress.ts';
import { ProblemDataError, type ProblemStore, type StoredProblem } from './store/problem-store.ts';
import type { SubmissionRepository } from './submission-repository.ts';

export interface JudgeJobDependencies {
  submissions: SubmissionRepository;
  problems: ProblemStore;
  runner: SandboxRunner;
  /** How many tests of one submission run at once: the sandbox pool's size. */
  concurrency: number;
  progress: ProgressPublisher;
  logger: Logger;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Processes one judge job. Whatever the learner's code does becomes a verdict; this throws only for
 * infrastructure failures (database, Redis, test data store), which BullMQ retries with backoff, and
 * UnrecoverableError for what no retry can fix. On the last attempt the submission ends as SE.
 */
export async function processJudgeJob(job: Job<unknown>, dependencies: JudgeJobDependencies): Promise<JudgeJobResult> {
  const parsed = judgeJobSchema.safeParse(job.data);
  if (!parsed.success) {
    throw new UnrecoverableError(
      `invalid judge job payload: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  const { submissionId, generation } = parsed.data;
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  try {
    return await judgeTakenSubmission(submissionId, generation, lastAttempt, job.opts.priority, dependencies);
  } catch (error) {
    const unrecoverable = error instanceof ProblemDataError || error instanceof UnrecoverableError;
    dependencies.logger.error('judging failed', {
      jobId: job.id,
      submissionId,
      attempt: job.attemptsMade + 1,
      lastAttempt: lastAttempt || unrecoverable,
      error,
    });
    if (lastAttempt || unrecoverable)
      await giveUp(submissionId, generation, `judging failed: ${reasonOf(error)}`, dependencies);
    throw unrecoverable ? new UnrecoverableError(reasonOf(error)) : error;
  }
}

async function judgeTakenSubmission(
  submissionId: number,
  generation: number,
  lastAttempt: boolean,
  priority: number | undefined,
  dependencies: JudgeJobDependencies,
): Promise<JudgeJobResult> {
  const { submissions, problems, progress, logger } = dependencies;
  // One statement takes the submission when it is not final and still at this generation.
  const submission = await submissions.takeForJudging(submissionId, generation);
  if (!submission) {
    if (!(await submissions.findToJudge(submissionId))) {
      logger.warn('the submission of a judge job does not exist', { submissionId });
    }
    logger.debug('skipped: the submission is final or at another generation', { submissionId, generation });
    return { outcome: 'skipped' };
  }
  logger.debug('judging', { submissionId, generation, problemVersionId: submission.problemVersionId, priority });

  const stored = await problems.load(submission.problemVersionId);
  const { problem, storeFailures } = watchTestReads(stored);
  const total = problem.testIds.length;
  const ordinalOf = new Map(problem.testIds.map((id, ordinal) => [id, ordinal]));

  await progress.publish({ type: 'judging', submissionId, total });
  const result = await judgeSubmission(
    {
      problem,
      source: submission.code,
      language: submission.language,
      sandboxKey: `submission-${submissionId}-g${generation}`,
    },
    {
      runner: dependencies.runner,
      concurrency: dependencies.concurrency,
      // The job's fair-queueing priority also orders its tests among other jobs' in the sandbox pool.
      ...(priority !== undefined ? { priority } : {}),
      reporter: {
        // Not awaited, so the next test starts at once: the publisher keeps the submission's events in
        // order (the final event below goes out after every test event) and never rejects.
        onTestFinished: (test, finished) => {
          logger.trace('test finished', {
            submissionId,
            test: test.id,
            verdict: test.verdict,
            timeMs: test.timeMs,
            memoryKb: test.memoryKb,
          });
          void progress.publish({
            type: 'test',
            submissionId,
            ordinal: ordinalOf.get(test.id) ?? -1,
            finished,
            total,
            test,
          });
        },
      },
    },
  );
  // judge-core turns a failed test read into an SE test; that is our store failing, so retry instead.
  if (storeFailures.length > 0) throw storeFailures[0];
  // SE is always our fault (a sandbox that failed to start, a broken checker): perhaps a passing one, so
  // the job is retried, and only the last attempt stores the SE with its per-test results.
  if (result.verdict === 'SE' && !lastAttempt) {
    const reason = result.tests.find((test) => test.verdict === 'SE')?.message ?? 'no reason given';
    throw new Error(`judging ended in a system error: ${reason}`);
  }

  const saved = await submissions.saveResult(submissionId, generation, problem.testIds, result);
  if (!saved) return { outcome: 'skipped' };
  await progress.publish({
    type: 'final',
    submissionId,
    verdict: result.verdict,
    score: result.score,
    maxScore: result.maxScore,
  });
  logger.info('judged', { submissionId, generation, verdict: result.verdict, score: result.score });
  return { outcome: 'judged', verdict: result.verdict };
}

/** The same problem, remembering every failure to read test data. */
function watchTestReads(stored: StoredProblem): { problem: StoredProblem; storeFailures: unknown[] } {
  const storeFailures: unknown[] = [];
  const readTest = async (id: string): Promise<TestCase> => {
    try {
      return await stored.readTest(id);
    } catch (error) {
      storeFailures.push(error);
      throw error;
    }
  };
  return { problem: { ...stored, readTest }, storeFailures };
}

/** Ends the submission as SE; if even that fails, the reconciler finds the submission later. */
async function giveUp(
  submissionId: number,
  generation: number,
  reason: string,
  dependencies: JudgeJobDependencies,
): Promise<void> {
  try {
    const finished = await dependencies.submissions.finishWithSystemError(submissionId, generation, reason);
    if (finished)
      await dependencies.progress.publish({
        type: 'final',
        submissionId,
        verdict: 'SE',
        score: 0,
        maxScore: finished.maxScore,
      });
  } catch (error) {
    dependencies.logger.error('could not record the system error', { submissionId, error });
  }
}
