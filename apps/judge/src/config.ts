import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_REDIS_PREFIX, parseEnvironment } from '@oj/shared';

const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../../..');

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function integerVariable(minimum: number, fallback: number) {
  return z.coerce.number().int().min(minimum).default(fallback);
}

/** Every environment variable the worker reads, with defaults that work on a developer's machine. */
const environmentSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgresql://postgres@127.0.0.1:5432/oj'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . and - only')
    .default(DEFAULT_REDIS_PREFIX),
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
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
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
  logLevel: LogLevel;
}

/** The environment could not be turned into a config; `problems` names every variable that is wrong. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`the judge worker's environment is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses and validates the environment once; throws a ConfigError listing everything wrong. */
export function loadJudgeConfig(environment: NodeJS.ProcessEnv = process.env): JudgeConfig {
  const parsed = parseEnvironment(environmentSchema, environment);
  if (!parsed.ok) throw new ConfigError(parsed.problems);
  const variables = parsed.data;
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
    logLevel: variables.LOG_LEVEL,
  };
}
