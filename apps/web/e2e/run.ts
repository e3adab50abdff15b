// `npm run test:e2e -w @oj/web`: the browser tests (e2e/*.e2e.ts, node:test) against a running site.
//   E2E_FILES=setter-flow           only the files whose names contain one of these (comma-separated) words
//   BASE_URL=http://localhost:3000  use a site that is already up (E2E_ADMIN_USERNAME and
//                                   E2E_ADMIN_PASSWORD name its admin, for the tests that need one)
//   (default)                       bring up the whole stack (scripts/stack.ts): fresh database, Redis
//                                   prefix and ports; PostgreSQL and Redis must be running. Afterwards
//                                   the run removes all of it, and fails if a process or a Redis key of
//                                   the stack is left.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from '@oj/shared';
import { REPO_ROOT } from './browser.ts';

const WEB_DIR = path.resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = WEB_DIR): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/** Processes still running (not zombies) with `marker` in their environment: the stack's services and their children. */
function processesWithEnvironment(marker: string): string[] {
  if (!existsSync('/proc/self/environ')) return [];
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(marker)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      found.push(`${entry} ${readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()}`);
    } catch {
      // ended meanwhile, or not ours to read
    }
  }
  return found;
}

interface RedisClient {
  scan(cursor: string, match: 'MATCH', pattern: string, count: 'COUNT', size: number): Promise<[string, string[]]>;
  del(...keys: string[]): Promise<number>;
  quit(): Promise<unknown>;
}

async function redisKeys(redis: RedisClient, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

/** Deletes the keys under `prefix` and returns those still there afterwards (none, unless something still writes). */
async function removeRedisKeys(redisUrl: string, prefix: string): Promise<string[]> {
  // Typed by what is used of it; a computed specifier keeps ioredis (the API's and the judge's) out of this package's type check.
  const ioredisModule = 'ioredis';
  const { Redis } = (await import(ioredisModule)) as { Redis: new (url: string) => RedisClient };
  const redis = new Redis(redisUrl);
  try {
    const pattern = `${prefix}:*`;
    const keys = await redisKeys(redis, pattern);
    for (let index = 0; index < keys.length; index += 500) await redis.del(...keys.slice(index, index + 500));
    return await redisKeys(redis, pattern);
  } finally {
    await redis.quit();
  }
}

interface FullStack {
  url: string;
  admin: { username: string; password: string };
  /** Stops the stack, drops its database and Redis keys; returns what was left behind (empty when clean). */
  stop(): Promise<string[]>;
}

async function withFullStack(): Promise<FullStack> {
  // The lead's scripts/stack.ts; typed here by what this runner uses of it.
  const { startStack } = (await import(path.join(REPO_ROOT, 'scripts/stack.ts'))) as {
    startStack: (options: {
      databaseUrl: string;
      redisUrl: string;
      redisPrefix: string;
      apiPort: number;
      webPort: number;
      workers: number;
      adminUsername: string;
      adminPassword: string;
      log: (line: string) => void;
      env?: Record<string, string>;
    }) => Promise<{ webUrl: string | undefined; stop(): Promise<void> }>;
  };
  const suffix = `${process.pid}`;
  const databaseBase = process.env.E2E_DATABASE_URL ?? new URL('/', DEFAULT_DATABASE_URL).toString();
  const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  const redisPrefix = `oj-web-e2e-${suffix}`;
  const webPort = await freePort();
  const databaseUrl = new URL(
    `oj_web_e2e_${suffix}`,
    databaseBase.endsWith('/') ? databaseBase : `${databaseBase}/`,
  ).toString();
  const admin = { username: 'admin', password: `e2e-${randomBytes(18).toString('base64url')}` };
  const dropTestDatabase = async () => {
    // Typed by what is used of it; a computed specifier keeps @oj/db's sources out of this package's type check.
    const dbModule = '@oj/db/migrations';
    const { dropDatabase } = (await import(dbModule)) as { dropDatabase: (connectionString: string) => Promise<void> };
    await dropDatabase(databaseUrl);
  };
  const leftovers = async (): Promise<string[]> => {
    await dropTestDatabase();
    const keys = await removeRedisKeys(redisUrl, redisPrefix);
    return [
      ...processesWithEnvironment(`REDIS_PREFIX=${redisPrefix}`).map((line) => `process ${line}`),
      ...keys.map((key) => `Redis key ${key}`),
    ];
  };
  let stack: Awaited<ReturnType<typeof startStack>>;
  try {
    stack = await startStack({
      databaseUrl,
      redisUrl,
      redisPrefix,
      apiPort: await freePort(),
      webPort,
      workers: 1,
      adminUsername: admin.username,
      adminPassword: admin.password,
      // The API accepts unsafe requests only from the web app's origin (checked against the Origin header).
      env: { CORS_ORIGINS: `http://127.0.0.1:${webPort},http://localhost:${webPort}` },
      log: (line) => {
        if (process.env.E2E_VERBOSE) console.log(line);
      },
    });
  } catch (error) {
    await leftovers();
    throw error;
  }
  const stop = async (): Promise<string[]> => {
    await stack.stop();
    return leftovers();
  };
  if (!stack.webUrl) {
    await stop();
    throw new Error('the stack started without the web app');
  }
  return { url: stack.webUrl, admin, stop };
}

// E2E_FILES=setter-flow,learner runs only the files whose names contain one of the words.
const only = (process.env.E2E_FILES ?? '')
  .split(',')
  .map((word) => word.trim())
  .filter(Boolean);
const files = readdirSync(path.join(WEB_DIR, 'e2e'))
  .filter((name) => name.endsWith('.e2e.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort()
  .map((name) => path.join('e2e', name));

const { browserProblem } = (await import(path.join(REPO_ROOT, 'scripts/check-browser.ts'))) as {
  browserProblem: () => string | undefined;
};
const missingBrowser = browserProblem();
if (missingBrowser) {
  console.error(`test:e2e: ${missingBrowser}`);
  process.exit(1);
}

let stack: FullStack | undefined;
let code = 1;
// Ctrl+C or a kill: the stack's services run in process groups of their own, so they are stopped here.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`test:e2e: ${signal}, stopping`);
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}
try {
  if (process.env.BASE_URL) {
    console.log(`# browser tests against ${process.env.BASE_URL}`);
    code = await run(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', '--test', '--test-concurrency=1', ...files],
      { ...process.env },
    );
  } else {
    stack = await withFullStack();
    console.log(`# browser tests against ${stack.url}`);
    code = await run(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', '--test', '--test-concurrency=1', ...files],
      {
        ...process.env,
        BASE_URL: stack.url,
        E2E_ADMIN_USERNAME: stack.admin.username,
        E2E_ADMIN_PASSWORD: stack.admin.password,
      },
    );
  }
} catch (error) {
  console.error(`test:e2e: ${(error as Error).message}`);
}
if (stack && !interrupted) {
  const left = await stack.stop();
  if (left.length > 0) {
    console.error(`test:e2e: the run left behind:\n${left.map((line) => `  ${line}`).join('\n')}`);
    code = 1;
  } else {
    console.log('# the stack is stopped: no process and no Redis key of it is left');
  }
}
if (!interrupted) process.exit(code);
