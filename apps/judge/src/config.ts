import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { loadEnvironment, sharedEnvironmentSchema, type LogLevel } from '@oj/shared';

const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../../..');

export type { LogLevel } from '@oj/shared';

function integerVariable(minimum: number, fallback: number) {
  return z.coerce.number().int().min(minimum).default(fallback);
}

/** Every environment variable the worker reads, with defaults that work on a developer's machine. */
const environmentSchema = sharedEnvironmentSchema.extend({
  /** Sandbox processes, and so how many tests run at once (and how many jobs each queue takes at once). */
  JUDGE_POOL_SIZE: integerVariable(1, availableParallelism()),
  CACHE_DIR: z
    .string()
    .min(1)
    .default(path.join(REPOSITORY_ROOT, '.oj-cache', 'testdata')),
  /** How often each worker tries to run the reconciler (only one at a time runs it); 0 turns it off. */
  RECONCILE_INTERVAL_MS: integerVariable(0, 30_000),
  /** A PENDING/JUDGING submission whose job was enqueued longer ago than this and is no longer queued is enqueued again. */
  RECONCILE_DEADLINE_MS: integerVariable(1, 60_000),
  /** Enqueues per judge generation before the reconciler gives up and finishes the submission as SE. */
  MAX_JUDGE_ATTEMPTS: integerVariable(1, 3),
  /** BullMQ: how long a worker's lock on a job lasts without renewal, i.e. how soon a dead worker's job is seen as stalled. */
  JOB_LOCK_DURATION_MS: integerVariable(1000, 30_000),
  /** BullMQ: how often the worker looks for stalled jobs. */
  JOB_STALLED_INTERVAL_MS: integerVariable(1000, 30_000),
  /**
   * On SIGTERM the worker takes no new jobs and lets the ones in progress finish, for at most this long;
   * then it exits, and their jobs come back to the queue as stalled (another worker judges them).
   */
  SHUTDOWN_TIMEOUT_MS: integerVariable(100, 30_000),
});

export interface JudgeConfig {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  poolSize: number;
  cacheDir: string;
  reconcileIntervalMs: number;
  reconcileDeadlineMs: number;
  maxJudgeAttempts: number;
  jobLockDurationMs: number;
  jobStalledIntervalMs: number;
  shutdownTimeoutMs: number;
  logLevel: LogLevel;
}

/** Parses and validates the environment once; throws an EnvironmentError listing everything wrong. */
export function loadJudgeConfig(environment: NodeJS.ProcessEnv = process.env): JudgeConfig {
  const variables = loadEnvironment('judge worker', environmentSchema, environment);
  return {
    databaseUrl: variables.DATABASE_URL,
    redisUrl: variables.REDIS_URL,
    redisPrefix: variables.REDIS_PREFIX,
    poolSize: variables.JUDGE_POOL_SIZE,
    cacheDir: path.resolve(variables.CACHE_DIR),
    reconcileIntervalMs: variables.RECONCILE_INTERVAL_MS,
    reconcileDeadlineMs: variables.RECONCILE_DEADLINE_MS,
    maxJudgeAttempts: variables.MAX_JUDGE_ATTEMPTS,
    jobLockDurationMs: variables.JOB_LOCK_DURATION_MS,
    jobStalledIntervalMs: variables.JOB_STALLED_INTERVAL_MS,
    shutdownTimeoutMs: variables.SHUTDOWN_TIMEOUT_MS,
    logLevel: variables.LOG_LEVEL,
  };
}
