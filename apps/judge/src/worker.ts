import { Worker, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { createPrismaClient, type PrismaClient } from '@oj/db';
import { SandboxPool } from '@oj/judge-core';
import {
  createJudgeQueue,
  JUDGE_QUEUE,
  RUN_QUEUE,
  VERIFY_JOB_NAME,
  type JudgeJob,
  type JudgeJobResult,
  type VerifyJob,
  type VerifyJobResult,
  type JudgeJobRetry,
  type RunJob,
} from '@oj/queue';
import type { RunResponse } from '@oj/shared';
import type { JudgeConfig } from './config.ts';
import { CheckRepository } from './check-repository.ts';
import { processJudgeJob } from './judge-job.ts';
import { createLogger, type Logger } from './logger.ts';
import { ProgressPublisher } from './progress.ts';
import { reconcileOverdueChecks, reconcileOverdueSubmissions, type ReconcileReport } from './reconciler.ts';
import { processRunJob } from './run-job.ts';
import { BlobStore } from './store/blob-store.ts';
import { ProblemStore } from './store/problem-store.ts';
import { SubmissionRepository } from './submission-repository.ts';
import { processVerifyJob } from './verify-job.ts';

export interface JudgeWorkerOptions {
  logger?: Logger;
  /** Retry options of the jobs the reconciler enqueues (tests shorten the backoff). */
  retry?: JudgeJobRetry;
}

export interface JudgeWorkerHandle {
  /** Finishes the jobs in progress, then stops the workers, the sandbox pool and every connection. */
  close(): Promise<void>;
  /** Runs the reconciler now (it also runs every RECONCILE_INTERVAL_MS unless that is 0). */
  reconcileOnce(): Promise<ReconcileReport>;
}

/** How many times a job may be found stalled (its worker died) and be put back before it fails. */
const MAX_STALLED_COUNT = 2;

function causeOf(error: unknown): string {
  // Prisma's messages start with the failed invocation; the cause is on the last line.
  const lines = (error instanceof Error ? error.message : String(error)).trim().split('\n');
  return lines.at(-1)!.trim().replace(/\.$/, '');
}

/** Fails fast, with the way out, when PostgreSQL or Redis is not there (or the database is not migrated). */
async function connectToServices(
  prisma: PrismaClient,
  redis: Redis,
  config: JudgeConfig,
  redisFailure: () => Error | undefined,
): Promise<void> {
  try {
    await prisma.submission.findFirst({ select: { id: true } });
  } catch (error) {
    throw new Error(
      `cannot use PostgreSQL at DATABASE_URL (${new URL(config.databaseUrl).host}): ${causeOf(error)}. ` +
        'Is it running (see the README) and migrated (npm run db:migrate)?',
      { cause: error },
    );
  }
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `cannot reach Redis at REDIS_URL (${new URL(config.redisUrl).host}): ${causeOf(redisFailure() ?? error)}. Is it running (see the README)?`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Starts a judge worker in this process: a sandbox pool, a BullMQ worker on the judge queue and one on
 * the custom run queue (both sized by the pool), and the periodic reconciler.
 */
export async function startJudgeWorker(
  config: JudgeConfig,
  options: JudgeWorkerOptions = {},
): Promise<JudgeWorkerHandle> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const prisma = createPrismaClient(config.databaseUrl);
  // Progress is best effort: fail a publish quickly rather than hold a test while Redis is away.
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  let started = false;
  let connectionFailure: Error | undefined;
  redis.on('error', (error) => {
    // Before the start, connectToServices reports it once, with the way out.
    if (started) logger.warn('redis connection error', { error: error.message });
    else connectionFailure = error;
  });
  const pool = new SandboxPool({ size: config.poolSize });
  const closers: (() => Promise<unknown>)[] = [];
  const closeAll = async (): Promise<void> => {
    for (const close of closers.splice(0).reverse()) {
      await close().catch((error: unknown) => logger.error('error while closing', { error }));
    }
  };
  closers.push(
    () => prisma.$disconnect(),
    () => redis.quit(),
    () => pool.close(),
  );

  try {
    await connectToServices(prisma, redis, config, () => connectionFailure);
    await pool.warm();
    started = true;
  } catch (error) {
    await closeAll();
    throw error;
  }

  // BullMQ's blocking connections must wait for Redis indefinitely instead of failing commands.
  const connection: ConnectionOptions = { url: config.redisUrl, maxRetriesPerRequest: null };
  const submissions = new SubmissionRepository(prisma);
  const problems = new ProblemStore(prisma, new BlobStore(prisma, config.cacheDir));
  const progress = new ProgressPublisher(redis, config.redisPrefix, logger);
  const queue = createJudgeQueue(connection, config.redisPrefix);
  queue.on('error', (error) => logger.warn('judge queue error', { error }));
  closers.push(() => queue.close());

  const workerOptions = {
    connection,
    prefix: config.redisPrefix,
    lockDuration: config.jobLockDurationMs,
    stalledInterval: config.jobStalledIntervalMs,
    maxStalledCount: MAX_STALLED_COUNT,
  };
  const checks = new CheckRepository(prisma);
  const judgeWorker = new Worker<JudgeJob | VerifyJob, JudgeJobResult | VerifyJobResult>(
    JUDGE_QUEUE,
    (job) =>
      job.name === VERIFY_JOB_NAME
        ? processVerifyJob(job, { checks, problems, runner: pool, concurrency: pool.size, logger })
        : processJudgeJob(job, { submissions, problems, runner: pool, concurrency: pool.size, progress, logger }),
    // Two jobs per sandbox: part of each job is database and Redis I/O, and the sandboxes should not wait for it.
    { ...workerOptions, concurrency: pool.size * 2 },
  );
  const runWorker = new Worker<RunJob, RunResponse>(
    RUN_QUEUE,
    (job) => processRunJob(job, { problems, runner: pool }),
    {
      ...workerOptions,
      concurrency: pool.size,
    },
  );
  for (const worker of [judgeWorker, runWorker]) {
    worker.on('error', (error) => logger.error('worker error', { queue: worker.name, error }));
    worker.on('failed', (job, error) =>
      logger.warn('job failed', { queue: worker.name, jobId: job?.id, error: error.message }),
    );
  }
  // Closed before the pool: close() lets the jobs in progress finish, and they need their sandboxes.
  closers.push(
    () => runWorker.close(),
    () => judgeWorker.close(),
  );

  let reconciling: Promise<ReconcileReport> | undefined;
  const reconcileOnce = (): Promise<ReconcileReport> => {
    reconciling ??= reconcileOverdueSubmissions({
      submissions,
      queue,
      progress,
      logger,
      deadlineMs: config.reconcileDeadlineMs,
      maxAttempts: config.maxJudgeAttempts,
      ...(options.retry ? { retry: options.retry } : {}),
    })
      .then(async (report) => {
        const checkReport = await reconcileOverdueChecks({
          checks,
          queue,
          logger,
          deadlineMs: config.reconcileDeadlineMs,
          maxAttempts: config.maxJudgeAttempts,
          ...(options.retry ? { retry: options.retry } : {}),
        });
        return { ...report, checks: checkReport };
      })
      .finally(() => {
        reconciling = undefined;
      });
    return reconciling;
  };
  if (config.reconcileIntervalMs > 0) {
    const timer = setInterval(() => {
      reconcileOnce().catch((error: unknown) => logger.error('reconciling failed', { error }));
    }, config.reconcileIntervalMs);
    closers.push(async () => {
      clearInterval(timer);
      await reconciling?.catch(() => undefined);
    });
  }

  await Promise.all([judgeWorker.waitUntilReady(), runWorker.waitUntilReady()]);
  logger.info('judge worker started', { poolSize: pool.size, prefix: config.redisPrefix, cacheDir: config.cacheDir });

  let closing: Promise<void> | undefined;
  return {
    close: () => (closing ??= closeAll()),
    reconcileOnce,
  };
}
