// What a producer (the API, the reconciler) needs to put work on the judge's queues. Imported by the API
// as `@oj/judge/queue`, so it stays free of the worker's dependencies (Prisma, the sandbox).
import { Queue, type ConnectionOptions, type Job, type JobsOptions } from 'bullmq';
import {
  JUDGE_QUEUE,
  RUN_QUEUE,
  judgeJobId,
  judgeJobSchema,
  judgePriorityNumber,
  runJobSchema,
  type JudgePriorityClass,
  type JudgeJob,
  type RunJob,
  type RunResponse,
  type Verdict,
} from '@oj/shared';

export { JUDGE_PRIORITY, JUDGE_QUEUE, RUN_QUEUE, judgePriorityNumber, submissionChannel } from '@oj/shared';

export type JudgePriority = JudgePriorityClass;

/** A priority class and the job's place in its user's backlog (see judgePriorityNumber). */
export interface RankedJudgePriority {
  priorityClass: JudgePriority;
  /** How many submissions of the same user are pending (PENDING or JUDGING) ahead of this one. */
  pendingAhead: number;
}

/** What a finished judge job returns (visible in the queue dashboard). */
export interface JudgeJobResult {
  /** `skipped`: the submission was already final, or the job was for an older judge generation. */
  outcome: 'judged' | 'skipped';
  verdict?: Verdict;
}

export type JudgeQueue = Queue<JudgeJob, JudgeJobResult>;
export type RunQueue = Queue<RunJob, RunResponse>;

export const JUDGE_JOB_NAME = 'judge';
export const RUN_JOB_NAME = 'run';

/**
 * BullMQ retries a judge job only for infrastructure failures (the worker throws for nothing else);
 * after the last attempt the submission ends as SE.
 */
export const JUDGE_JOB_RETRY = { attempts: 4, backoffMs: 1000 } as const;
export interface JudgeJobRetry {
  attempts: number;
  /** First retry delay; it doubles with every further retry. */
  backoffMs: number;
}

/** Finished jobs are kept for a while for the dashboard, bounded so Redis does not grow without end. */
const KEEP_COMPLETED = { age: 24 * 3600, count: 10_000 };
const KEEP_FAILED = { age: 7 * 24 * 3600, count: 10_000 };
/** A custom run's result is read once by the API right after it finishes. */
const KEEP_RUN_RESULT = { age: 600, count: 1000 };

/** The fields of a Submission row that name its job. */
export interface EnqueueableSubmission {
  id: number;
  judgeGeneration: number;
  /**
   * How many times a job has been enqueued for this generation, this one included: 1 (or 0, the column's
   * default) for the API's first enqueue, then 2, 3, ... for the reconciler's.
   */
  attempts: number;
}

/**
 * One job id per submission, generation and enqueue attempt: a double enqueue of the same attempt is one
 * job, while the reconciler's next attempt is not swallowed by an old job of the same id.
 */
export function judgeJobIdFor(submission: EnqueueableSubmission): string {
  const base = judgeJobId({ submissionId: submission.id, generation: submission.judgeGeneration });
  return submission.attempts <= 1 ? base : `${base}-a${submission.attempts}`;
}

/** Contest and live submissions go before rejudges. */
export function judgePriorityOf(submission: { contestId: number | null; judgeGeneration: number }): JudgePriority {
  if (submission.judgeGeneration > 0) return 'rejudge';
  return submission.contestId === null ? 'live' : 'contest';
}

/**
 * The priority the API and the reconciler enqueue a submission's job with: its class, pushed back by the
 * user's submissions pending ahead of it, so one user's backlog yields to other users' first submissions.
 */
export function rankedJudgePriorityOf(submission: {
  contestId: number | null;
  judgeGeneration: number;
  pendingAhead: number;
}): RankedJudgePriority {
  return { priorityClass: judgePriorityOf(submission), pendingAhead: submission.pendingAhead };
}

export function createJudgeQueue(connection: ConnectionOptions, prefix: string): JudgeQueue {
  return new Queue<JudgeJob, JudgeJobResult>(JUDGE_QUEUE, { connection, prefix });
}

export function createRunQueue(connection: ConnectionOptions, prefix: string): RunQueue {
  return new Queue<RunJob, RunResponse>(RUN_QUEUE, { connection, prefix });
}

/**
 * Enqueues the judge job of a submission that is stored as PENDING. Returns the job id; enqueueing the
 * same submission attempt again while its job exists does nothing. A bare class means the user's first
 * pending submission (nothing ahead of it).
 */
export async function enqueueJudgeJob(
  queue: JudgeQueue,
  submission: EnqueueableSubmission,
  priority: JudgePriority | RankedJudgePriority,
  retry: JudgeJobRetry = JUDGE_JOB_RETRY,
): Promise<string> {
  const data = judgeJobSchema.parse({ v: 1, submissionId: submission.id, generation: submission.judgeGeneration });
  const jobId = judgeJobIdFor(submission);
  const options: JobsOptions = {
    jobId,
    priority:
      typeof priority === 'string'
        ? judgePriorityNumber(priority)
        : judgePriorityNumber(priority.priorityClass, priority.pendingAhead),
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: KEEP_FAILED,
  };
  await queue.add(JUDGE_JOB_NAME, data, options);
  return jobId;
}

/**
 * Enqueues a custom run; wait for its RunResponse with `job.waitUntilFinished(queueEvents, timeoutMs)`.
 * A run is never retried: the caller can simply ask again.
 */
export async function enqueueRunJob(queue: RunQueue, run: RunJob): Promise<Job<RunJob, RunResponse>> {
  const data = runJobSchema.parse(run);
  return queue.add(RUN_JOB_NAME, data, {
    attempts: 1,
    removeOnComplete: KEEP_RUN_RESULT,
    removeOnFail: KEEP_RUN_RESULT,
  });
}

/**
 * Redis list holding every progress event of a submission's current judging, in order, so an SSE client
 * that subscribes late can replay what it missed (LRANGE 0 -1, then follow the pub/sub channel).
 * Emptied when judging (re)starts; expires PROGRESS_LIST_TTL_SECONDS after the last event.
 */
export function progressListKey(prefix: string, submissionId: number): string {
  return `${prefix}:progress:${submissionId}`;
}
export const PROGRESS_LIST_TTL_SECONDS = 3600;
