// Each test file gets its own PostgreSQL database (migrated, problems imported, staff accounts created), its
// own Redis prefix and its own API process (the built dist/main.js on a free port), and removes all of them
// at the end. Verdict tests also start a judge worker, as its own process (`apps/judge/src/main.ts`), as production does.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient, importProblemPackage, type PrismaClient, type Role } from '@oj/db';
import { applyMigrations, dropDatabase, withDatabaseName } from '@oj/db/migrations';
import { hashPassword } from '@oj/db/password';
import { loadProblemPackage } from '@oj/judge-core';
import { Redis } from 'ioredis';
import { API_ENTRY_POINT } from '../../scripts/build.ts';
import { ApiClient } from './api-client.ts';
import { databaseUrlFrom, DEFAULT_REDIS_URL } from '@oj/shared';

const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../../../..');
const JUDGE_ENTRY_POINT = path.join(REPOSITORY_ROOT, 'apps/judge/src/main.ts');
/** Only its server is used: every test file works in a database of its own. */
const SERVER_URL = databaseUrlFrom(process.env);
export const REDIS_URL = process.env['REDIS_URL'] || DEFAULT_REDIS_URL;
export const STAFF_PASSWORD = 'staff-password-1';
/** The password of every learner made by registerLearner; strong enough for the sign-up rule. */
export const LEARNER_PASSWORD = 'learner-password';

/** The problems every test database holds: two public built-ins, and one private problem owned by the setter. */
export const PUBLIC_PROBLEMS = ['subsets', 'spicy-rabbit-head'] as const;
export const PRIVATE_PROBLEM = 'broken-stairs';

export interface StaffAccount {
  id: number;
  username: string;
  role: Role;
}

export interface ApiTestEnvironment {
  baseUrl: string;
  databaseUrl: string;
  prisma: PrismaClient;
  redis: Redis;
  redisPrefix: string;
  problemIds: Record<string, number>;
  admin: StaffAccount;
  setter: StaffAccount;
  /** A client with no cookies yet (signed out). */
  anonymous(): ApiClient;
  signIn(username: string, password: string): Promise<ApiClient>;
  /** Registers a new learner (a unique name from `prefix`) and returns a client signed in as them. */
  registerLearner(prefix?: string): Promise<{ client: ApiClient; id: number; username: string }>;
  /** Starts a judge worker process on this environment's database and Redis prefix; destroy() stops it. */
  startJudge(): Promise<void>;
  /** The API process's output so far (for failure messages). */
  apiOutput(): string;
  /** The API process's id (benchmarks read its memory from /proc). */
  apiPid: number;
  destroy(): Promise<void>;
}

export interface EnvironmentOptions {
  /** Extra API environment variables (rate limits, timeouts). */
  env?: Record<string, string>;
}

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  output: () => string;
}

/** Starts the built API with exactly this environment on a free port; resolves once it listens. */
export async function startApiProcess(env: NodeJS.ProcessEnv): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', API_ENTRY_POINT], {
    cwd: REPOSITORY_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start within 30 s:\n${output}`)), 30_000);
    let pending = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /"msg":"oj-api listening","port":(\d+)/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with code ${code} while starting:\n${output}`));
    });
  });
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, output: () => output };
}

async function waitUntilReady(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/ready`).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the API did not become ready within 30 s');
}

/** Starts a judge worker process with this environment; resolves once it has logged that it started. */
async function startJudgeProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', JUDGE_ENTRY_POINT], {
    cwd: REPOSITORY_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the judge did not start within 60 s:\n${output}`)), 60_000);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('"judge worker started"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the judge exited with code ${code} while starting:\n${output}`));
    });
  });
  return child;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Every key of the environment, and of prefixes made from it (a second API a test starts, `<prefix>-no-token`). */
async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

export async function createApiTestEnvironment(
  name: string,
  options: EnvironmentOptions = {},
): Promise<ApiTestEnvironment> {
  const unique = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabaseName(SERVER_URL, `oj_test_api_${name}_${unique}`);
  const redisPrefix = `ojtest-api-${name}-${unique}`;
  await applyMigrations({ databaseUrl });
  const prisma = createPrismaClient(databaseUrl);
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });

  const passwordHash = await hashPassword(STAFF_PASSWORD);
  const createStaff = async (role: Role): Promise<StaffAccount> => {
    const user = await prisma.user.create({
      data: { username: `${role}-${randomBytes(3).toString('hex')}`, passwordHash, role },
    });
    return { id: user.id, username: user.username, role };
  };
  const admin = await createStaff('admin');
  const setter = await createStaff('setter');

  const problemIds: Record<string, number> = {};
  for (const slug of PUBLIC_PROBLEMS) {
    const imported = await importProblemPackage(
      prisma,
      await loadProblemPackage(path.join(REPOSITORY_ROOT, 'problems', slug)),
      {
        visibility: 'public',
      },
    );
    problemIds[slug] = imported.problemId;
  }
  const privateProblem = await importProblemPackage(
    prisma,
    await loadProblemPackage(path.join(REPOSITORY_ROOT, 'problems', PRIVATE_PROBLEM)),
    { visibility: 'private', ownerId: setter.id, uploadedById: setter.id },
  );
  problemIds[PRIVATE_PROBLEM] = privateProblem.problemId;

  const api = await startApiProcess({
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // The tests sign up many learners from 127.0.0.1; the sign-up limit's own test sets a low value.
    SIGNUPS_PER_HOUR: '100000',
    ...options.env,
  });
  const baseUrl = api.baseUrl;
  await waitUntilReady(baseUrl);

  const judges: ChildProcess[] = [];
  const cacheDirs: string[] = [];
  let learnerCount = 0;

  const environment: ApiTestEnvironment = {
    baseUrl,
    databaseUrl,
    prisma,
    redis,
    redisPrefix,
    problemIds,
    admin,
    setter,
    anonymous: () => new ApiClient(baseUrl),
    async signIn(username, password) {
      const client = new ApiClient(baseUrl);
      const response = await client.post('/api/auth/login', { username, password });
      if (response.status !== 200) throw new Error(`sign in as ${username}: ${response.status} ${response.text}`);
      return client;
    },
    async registerLearner(prefix = 'learner') {
      const client = new ApiClient(baseUrl);
      const username = `${prefix}-${++learnerCount}-${randomBytes(2).toString('hex')}`;
      const response = await client.post<{ user: { id: number } }>('/api/auth/register', {
        username,
        password: LEARNER_PASSWORD,
      });
      if (response.status !== 201) throw new Error(`register ${username}: ${response.status} ${response.text}`);
      return { client, id: response.body.user.id, username };
    },
    async startJudge() {
      const cacheDir = await mkdtemp(path.join(tmpdir(), `oj-api-test-cache-${name}-`));
      cacheDirs.push(cacheDir);
      judges.push(
        await startJudgeProcess({
          ...process.env,
          DATABASE_URL: databaseUrl,
          REDIS_URL,
          REDIS_PREFIX: redisPrefix,
          JUDGE_POOL_SIZE: '2',
          CACHE_DIR: cacheDir,
          RECONCILE_INTERVAL_MS: '0',
          RECONCILE_DEADLINE_MS: '60000',
          MAX_JUDGE_ATTEMPTS: '3',
          JOB_LOCK_DURATION_MS: '30000',
          JOB_STALLED_INTERVAL_MS: '30000',
          LOG_LEVEL: 'info',
        }),
      );
    },
    apiOutput: () => api.output(),
    apiPid: api.child.pid ?? 0,
    async destroy() {
      await stopProcess(api.child);
      for (const judge of judges) await stopProcess(judge);
      await prisma.$disconnect();
      await dropDatabase(databaseUrl);
      await deleteKeys(redis, redisPrefix);
      await redis.quit();
      for (const cacheDir of cacheDirs) await rm(cacheDir, { recursive: true, force: true });
    },
  };
  return environment;
}
