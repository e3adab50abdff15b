// Test fixtures: each test file gets its own database (migrated, built-in problems imported), its own
// Redis prefix and its own test data cache, and removes all three at the end.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { createPrismaClient, importProblemPackage, type Language, type PrismaClient } from '@oj/db';
import { applyMigrations, dropDatabase, withDatabaseName } from '@oj/db/migrations';
import { loadProblemPackage } from '@oj/judge-core';
import { databaseUrlFrom, DEFAULT_REDIS_URL, progressEventSchema, type ProgressEvent } from '@oj/shared';
import type { JudgeConfig } from '../src/config.ts';
import { createJudgeQueue, redisKeys, type JudgeQueue } from '@oj/queue';

export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../../..');
/** Only its server is used: every test file works in a database of its own. */
const SERVER_URL = databaseUrlFrom(process.env);
export const REDIS_URL = process.env['REDIS_URL'] || DEFAULT_REDIS_URL;
export const BUILT_IN_PROBLEMS = ['subsets', 'spicy-rabbit-head'] as const;
export type BuiltInProblem = (typeof BUILT_IN_PROBLEMS)[number];

export interface TestEnvironment {
  name: string;
  databaseUrl: string;
  prisma: PrismaClient;
  redis: Redis;
  redisPrefix: string;
  cacheDir: string;
  queue: JudgeQueue;
  userId: number;
  /** Current version id of each built-in problem. */
  versions: Record<BuiltInProblem, { problemId: number; versionId: number }>;
  config(overrides?: Partial<JudgeConfig>): JudgeConfig;
  /** Drops the database, deletes the prefix's Redis keys and the cache. */
  destroy(): Promise<void>;
}

export async function createTestEnvironment(name: string): Promise<TestEnvironment> {
  const unique = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabaseName(SERVER_URL, `oj_test_judge_${name}_${unique}`);
  await applyMigrations({ databaseUrl });
  const prisma = createPrismaClient(databaseUrl);
  const redisPrefix = `ojtest-${name}-${unique}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const cacheDir = await mkdtemp(path.join(tmpdir(), `oj-judge-cache-${name}-`));
  const queue = createJudgeQueue({ url: REDIS_URL, maxRetriesPerRequest: null }, redisPrefix);

  const versions = {} as TestEnvironment['versions'];
  for (const slug of BUILT_IN_PROBLEMS) {
    const imported = await importProblemPackage(
      prisma,
      await loadProblemPackage(path.join(REPOSITORY_ROOT, 'problems', slug)),
      { visibility: 'public' },
    );
    versions[slug] = { problemId: imported.problemId, versionId: imported.versionId };
  }
  const user = await prisma.user.create({ data: { username: `learner-${unique}`, passwordHash: 'not-a-real-hash' } });

  return {
    name,
    databaseUrl,
    prisma,
    redis,
    redisPrefix,
    cacheDir,
    queue,
    userId: user.id,
    versions,
    config: (overrides = {}) => ({
      databaseUrl,
      redisUrl: REDIS_URL,
      redisPrefix,
      poolSize: 2,
      cacheDir,
      reconcileIntervalMs: 0,
      reconcileDeadlineMs: 60_000,
      maxJudgeAttempts: 3,
      jobLockDurationMs: 30_000,
      jobStalledIntervalMs: 30_000,
      shutdownTimeoutMs: 30_000,
      logLevel: 'silent',
      ...overrides,
    }),
    async destroy() {
      await queue.close();
      await deleteKeysWithPrefix(redis, redisPrefix);
      redis.disconnect();
      await prisma.$disconnect();
      await dropDatabase(databaseUrl);
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}

/** Deletes every key of one prefix, never anything else in the shared Redis. */
export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  return deleted;
}

export function readSolution(problem: BuiltInProblem, file: string): Promise<string> {
  return readFile(path.join(REPOSITORY_ROOT, 'problems', problem, 'solutions', file), 'utf8');
}

export function languageOf(file: string): Language {
  return file.endsWith('.ts') ? 'typescript' : 'javascript';
}

export interface NewSubmission {
  problem: BuiltInProblem;
  code: string;
  language?: Language;
  attempts?: number;
  enqueuedAt?: Date;
}

/** Stores a PENDING submission as the API does (without enqueueing it). */
export async function createSubmission(
  environment: TestEnvironment,
  submission: NewSubmission,
): Promise<{ id: number; judgeGeneration: number; attempts: number; contestId: number | null }> {
  const { problemId, versionId } = environment.versions[submission.problem];
  return environment.prisma.submission.create({
    data: {
      userId: environment.userId,
      problemId,
      problemVersionId: versionId,
      language: submission.language ?? 'javascript',
      code: submission.code,
      attempts: submission.attempts ?? 1,
      ...(submission.enqueuedAt ? { enqueuedAt: submission.enqueuedAt } : {}),
    },
    select: { id: true, judgeGeneration: true, attempts: true, contestId: true },
  });
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 120_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export async function waitUntilFinished(
  environment: TestEnvironment,
  submissionIds: number[],
  timeoutMs = 120_000,
): Promise<void> {
  await waitFor(
    `${submissionIds.length} submission(s) to finish`,
    async () =>
      (await environment.prisma.submission.count({ where: { id: { in: submissionIds }, status: 'FINISHED' } })) ===
      submissionIds.length,
    timeoutMs,
  );
}

export async function progressList(environment: TestEnvironment, submissionId: number): Promise<ProgressEvent[]> {
  const raw = await environment.redis.lrange(redisKeys(environment.redisPrefix).progressList(submissionId), 0, -1);
  return raw.map((entry) => progressEventSchema.parse(JSON.parse(entry)));
}
