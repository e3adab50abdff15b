// The queue contract between the API (and the reconciler), which enqueue, and the judge workers, which
// consume: queue and job names, job schemas and versions, job ids, priorities, retry and retention, and
// the enqueue helpers both sides use. Every Redis key is built in keys.ts.
import { Queue, type ConnectionOptions, type Job, type JobsOptions } from 'bullmq';
import type { RunResponse, Verdict } from '@oj/shared';
import { z } from 'zod';

/** The BullMQ queue submissions are judged from. */
export const JUDGE_QUEUE = 'judge';
/** The BullMQ queue of custom runs (code run on samples or the learner's input, never stored). */
export const RUN_QUEUE = 'run';

/** Version 1 of the judge job. A job only names the submission: PostgreSQL holds everything else. */
export const judgeJobSchema = z.strictObject({
  v: z.literal(1),
  submissionId: z.number().int().positive(),
  /** The rejudge generation the job was enqueued for; a worker ignores jobs of an older generation. */
  generation: z.number().int().min(0),
});
export type JudgeJob = z.infer<typeof judgeJobSchema>;

/** One job per submission and generation, so a double enqueue is one job. */
export function judgeJobId(job: Pick<JudgeJob, 'submissionId' | 'generation'>): string {
  return `submission-${job.submissionId}-g${job.generation}`;
}

/**
 * Lower runs first (BullMQ priorities, 1 to 2^21 - 1; all our jobs have one, so none takes BullMQ's
 * "no priority" path (0), which would run before every prioritized job). These are the priorities of a
 * user's first pending submission; see judgePriorityNumber for the ones behind it.
 */
export const JUDGE_PRIORITY = { contest: 1, live: 2, rejudge: 1_000_000 } as const;
export type JudgePriorityClass = keyof typeof JUDGE_PRIORITY;

/**
 * Fair queueing: each submission a user already has waiting (PENDING or JUDGING) pushes their next one
 * back by this much, so another user's first submission overtakes a user's backlog. The step is larger
 * than the gap between contest and live, so the backlog position decides first and the class breaks ties
 * (a contest submission goes before a live one with as many ahead of it).
 */
export const JUDGE_PRIORITY_BACKLOG_STEP = 10;
/** Backlog positions past this one share its priority (keeps learner priorities far below rejudges'). */
export const JUDGE_PRIORITY_MAX_BACKLOG = 10_000;

/**
 * The BullMQ priority of a judge job: its class, pushed back by how many submissions of the same user are
 * pending ahead of it. Rejudges (staff work) all share one priority, after every learner submission.
 */
export function judgePriorityNumber(priorityClass: JudgePriorityClass, pendingAhead = 0): number {
  if (priorityClass === 'rejudge') return JUDGE_PRIORITY.rejudge;
  const position = Math.min(Math.max(0, Math.floor(pendingAhead)), JUDGE_PRIORITY_MAX_BACKLOG);
  return JUDGE_PRIORITY[priorityClass] + position * JUDGE_PRIORITY_BACKLOG_STEP;
}

/** Version 1 of a custom run job; its result (the job's return value) is a RunResponse. */
export const runJobSchema = z.strictObject({
  v: z.literal(1),
  problemVersionId: z.number().int().positive(),
  language: z.enum(['javascript', 'typescript']),
  code: z.string(),
  /** Custom input; absent: run the samples and compare. */
  input: z.string().optional(),
});
export type RunJob = z.infer<typeof runJobSchema>;

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

/**
 * Version 1 of a verification job: one check of a setter's problem version (its validator, or one reference
 * solution), in the judge queue, so it shares the judges' sandboxes and priorities: after every learner's
 * submission, before rejudges.
 */
export const verifyJobSchema = z.strictObject({
  v: z.literal(1),
  checkId: z.number().int().positive(),
});
export type VerifyJob = z.infer<typeof verifyJobSchema>;
export const VERIFY_JOB_NAME = 'verify';

/** Below the last learner's backlog priority (JUDGE_PRIORITY.live + MAX_BACKLOG * STEP), above rejudges. */
export const VERIFY_PRIORITY = 500_000;

/** What a finished verification job returns. */
export interface VerifyJobResult {
  outcome: 'verified' | 'skipped';
}

/** The fields of a VersionCheck row that name its job. */
export interface EnqueueableCheck {
  id: number;
  /** Enqueues so far, this one included (1 for the first). */
  attempts: number;
}

export function verifyJobIdFor(check: EnqueueableCheck): string {
  return `check-${check.id}-a${check.attempts}`;
}

/** The judge queue holds submissions' judge jobs and setters' verification jobs. */
export type JudgeQueue = Queue<JudgeJob | VerifyJob, JudgeJobResult | VerifyJobResult>;
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
  return new Queue<JudgeJob | VerifyJob, JudgeJobResult | VerifyJobResult>(JUDGE_QUEUE, { connection, prefix });
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
 * Enqueues the verification job of a check stored as pending (its row's attempts already counting this
 * enqueue). Infrastructure failures are retried like judge jobs; the last one ends the check with the reason.
 */
export async function enqueueVerifyJob(
  queue: JudgeQueue,
  check: EnqueueableCheck,
  retry: JudgeJobRetry = JUDGE_JOB_RETRY,
): Promise<string> {
  const data = verifyJobSchema.parse({ v: 1, checkId: check.id });
  const jobId = verifyJobIdFor(check);
  await queue.add(VERIFY_JOB_NAME, data, {
    jobId,
    priority: VERIFY_PRIORITY,
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: KEEP_FAILED,
  });
  return jobId;
}
