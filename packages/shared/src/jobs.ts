import { z } from 'zod';
import { testResultSchema } from './result.ts';
import { verdictSchema } from './verdict.ts';

/** The BullMQ queue submissions are judged from. */
export const JUDGE_QUEUE = 'judge';
/** The BullMQ queue of custom runs (code run on samples or the learner's input, never stored). */
export const RUN_QUEUE = 'run';
/**
 * Every Redis key and channel of one deployment starts with its prefix (BullMQ's `prefix` option too),
 * so tests and several deployments can share one Redis without seeing each other's jobs.
 */
export const DEFAULT_REDIS_PREFIX = 'oj';

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

/** Redis pub/sub channel carrying one submission's progress, so any API instance can relay it. */
export function submissionChannel(prefix: string, submissionId: number): string {
  return `${prefix}:submission:${submissionId}`;
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

export const submissionStatusSchema = z.enum(['PENDING', 'JUDGING', 'FINISHED']);
export type SubmissionStatus = z.infer<typeof submissionStatusSchema>;

export const progressEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('judging'), submissionId: z.number().int(), total: z.number().int() }),
  z.object({
    type: z.literal('test'),
    submissionId: z.number().int(),
    /** Position of the test in judging order, from 0. */
    ordinal: z.number().int(),
    finished: z.number().int(),
    total: z.number().int(),
    test: testResultSchema,
  }),
  z.object({
    type: z.literal('final'),
    submissionId: z.number().int(),
    verdict: verdictSchema,
    score: z.number(),
    maxScore: z.number(),
  }),
]);
export type ProgressEvent = z.infer<typeof progressEventSchema>;
