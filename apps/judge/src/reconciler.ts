// PostgreSQL is the source of truth: a submission that is PENDING or JUDGING long after its job was
// enqueued, and whose job is no longer in the queue (lost with Redis, failed, stalled too often), gets a
// new job; after a bounded number of attempts it ends as SE, so no submission stays pending forever.
import type { JobState } from 'bullmq';
import type { Logger } from './logger.ts';
import type { ProgressPublisher } from './progress.ts';
import {
  enqueueJudgeJob,
  enqueueVerifyJob,
  verifyJobIdFor,
  judgeJobIdFor,
  judgePriorityOf,
  rankedJudgePriorityOf,
  JUDGE_JOB_RETRY,
  type JudgeJobRetry,
  type JudgeQueue,
} from '@oj/queue';
import type { CheckRepository } from './check-repository.ts';
import type { OverdueSubmission, SubmissionRepository } from './submission-repository.ts';
import { failedResult } from './verify-job.ts';

/** One advisory lock for the whole cluster of workers: only one reconciles at a time. */
export const RECONCILER_LOCK_KEY = 0x6f6a_7263;
const TRANSACTION_TIMEOUT_MS = 60_000;
const DEFAULT_BATCH_SIZE = 200;

/** A job in one of these states will still be processed: its submission is waiting, not lost. */
const QUEUED_STATES = new Set<JobState | 'unknown'>([
  'active',
  'waiting',
  'prioritized',
  'delayed',
  'waiting-children',
]);

export interface ReconcilerDependencies {
  submissions: SubmissionRepository;
  queue: JudgeQueue;
  progress: ProgressPublisher;
  logger: Logger;
  /** A submission is overdue this long after its job was enqueued. */
  deadlineMs: number;
  /** Enqueues per judge generation before giving up. */
  maxAttempts: number;
  /** Retry options of the jobs it enqueues (tests shorten the backoff). */
  retry?: JudgeJobRetry;
  batchSize?: number;
}

export interface ReconcileReport {
  /** False when another worker was reconciling: this call did nothing. */
  ran: boolean;
  /** Submissions whose job was enqueued again. */
  requeued: number[];
  /** Overdue submissions whose job is still queued or running (their deadline starts again). */
  stillQueued: number[];
  /** Submissions that ran out of attempts and ended as SE. */
  gaveUp: number[];
  /** The same for verification checks (reconcileOverdueChecks), when the worker ran it too. */
  checks?: CheckReconcileReport;
}

/** Reconciles once (one batch of the oldest overdue submissions). */
export async function reconcileOverdueSubmissions(dependencies: ReconcilerDependencies): Promise<ReconcileReport> {
  const { queue, deadlineMs, maxAttempts, logger } = dependencies;
  const report: ReconcileReport = { ran: false, requeued: [], stillQueued: [], gaveUp: [] };
  const finishedAsSystemError: { submissionId: number; maxScore: number }[] = [];

  await dependencies.submissions.withTransactionLock(RECONCILER_LOCK_KEY, TRANSACTION_TIMEOUT_MS, async (locked) => {
    report.ran = true;
    const overdue = await locked.findOverdue(
      new Date(Date.now() - deadlineMs),
      dependencies.batchSize ?? DEFAULT_BATCH_SIZE,
    );
    for (const submission of overdue) {
      const jobId = judgeJobIdFor(submission);
      const state = await queue.getJobState(jobId);
      if (QUEUED_STATES.has(state)) {
        await locked.recordEnqueued(submission.id, submission.judgeGeneration, submission.attempts);
        report.stillQueued.push(submission.id);
        continue;
      }
      // The API's first enqueue may have left the column at its default, 0.
      const enqueues = Math.max(1, submission.attempts);
      if (enqueues >= maxAttempts) {
        const reason = `not judged after ${enqueues} attempt${enqueues === 1 ? '' : 's'}; the last job (${jobId}) ${await describeLostJob(queue, jobId, state)}`;
        const finished = await locked.finishWithSystemError(submission.id, submission.judgeGeneration, reason);
        if (finished) {
          finishedAsSystemError.push({ submissionId: submission.id, maxScore: finished.maxScore });
          report.gaveUp.push(submission.id);
          logger.warn('gave up on a submission', { submissionId: submission.id, reason });
        }
        continue;
      }
      await requeue(locked, submission, enqueues + 1, dependencies);
      report.requeued.push(submission.id);
    }
  });

  for (const { submissionId, maxScore } of finishedAsSystemError) {
    await dependencies.progress.publish({ type: 'final', submissionId, verdict: 'SE', score: 0, maxScore });
  }
  if (report.requeued.length + report.gaveUp.length > 0) {
    logger.info('reconciled overdue submissions', {
      requeued: report.requeued.length,
      gaveUp: report.gaveUp.length,
      stillQueued: report.stillQueued.length,
    });
  }
  return report;
}

async function requeue(
  locked: SubmissionRepository,
  submission: OverdueSubmission,
  attempts: number,
  dependencies: ReconcilerDependencies,
): Promise<void> {
  // The row is updated first, inside the lock's transaction: if enqueueing fails, the transaction rolls
  // back and the next run tries the same attempt again (its job id makes a double enqueue one job).
  await locked.recordEnqueued(submission.id, submission.judgeGeneration, attempts);
  // The same fair-queueing rule as the API's first enqueue: behind the user's own older pending submissions.
  const pendingAhead = judgePriorityOf(submission) === 'rejudge' ? 0 : await locked.countPendingAhead(submission.id);
  await enqueueJudgeJob(
    dependencies.queue,
    { ...submission, attempts },
    rankedJudgePriorityOf({ ...submission, pendingAhead }),
    dependencies.retry ?? JUDGE_JOB_RETRY,
  );
}

async function describeLostJob(queue: JudgeQueue, jobId: string, state: JobState | 'unknown'): Promise<string> {
  switch (state) {
    case 'unknown':
      return 'is not in the queue (lost, or Redis lost its data)';
    case 'failed': {
      const job = await queue.getJob(jobId);
      return `failed: ${job?.failedReason ?? 'no reason recorded'}`;
    }
    case 'completed':
      return 'completed without storing a result';
    case 'active':
    case 'waiting':
    case 'prioritized':
    case 'delayed':
    case 'waiting-children':
      return `is ${state}`;
  }
}

export interface CheckReconcilerDependencies {
  checks: CheckRepository;
  queue: JudgeQueue;
  logger: Logger;
  deadlineMs: number;
  maxAttempts: number;
  retry?: JudgeJobRetry;
  batchSize?: number;
}

export interface CheckReconcileReport {
  requeued: number[];
  stillQueued: number[];
  gaveUp: number[];
}

/**
 * The same for setters' verification checks: a check not finished long after its job was enqueued (or never
 * enqueued: the API could not reach Redis) gets a new job, and after maxAttempts it is finished as failed. Two
 * workers reconciling at once may enqueue a check twice; the second run finds it finished and skips.
 */
export async function reconcileOverdueChecks(dependencies: CheckReconcilerDependencies): Promise<CheckReconcileReport> {
  const { checks, queue, logger } = dependencies;
  const report: CheckReconcileReport = { requeued: [], stillQueued: [], gaveUp: [] };
  const overdue = await checks.findOverdue(
    new Date(Date.now() - dependencies.deadlineMs),
    dependencies.batchSize ?? DEFAULT_BATCH_SIZE,
  );
  for (const check of overdue) {
    if (check.attempts > 0 && QUEUED_STATES.has(await queue.getJobState(verifyJobIdFor(check)))) {
      await checks.recordEnqueued(check.id, check.attempts);
      report.stillQueued.push(check.id);
      continue;
    }
    if (check.attempts >= dependencies.maxAttempts) {
      const reason = `not verified after ${check.attempts} attempts`;
      if (await checks.finish(check.id, failedResult(check, reason))) {
        report.gaveUp.push(check.id);
        logger.warn('gave up on a verification check', { checkId: check.id, reason });
      }
      continue;
    }
    const attempts = check.attempts + 1;
    await checks.recordEnqueued(check.id, attempts);
    await enqueueVerifyJob(queue, { id: check.id, attempts }, dependencies.retry ?? JUDGE_JOB_RETRY);
    report.requeued.push(check.id);
  }
  if (report.requeued.length + report.gaveUp.length > 0) logger.info('reconciled verification checks', { ...report });
  return report;
}
