// `npm run test:e2e -w @oj/web`: the browser tests (e2e/*.e2e.ts, node:test) against a running site.
//   BASE_URL=http://localhost:3000  use a site that is already up
//   (default)                       bring up the whole stack (scripts/stack.ts): fresh database, Redis
//                                   prefix and ports; PostgreSQL and Redis must be running
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
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

async function withFullStack(): Promise<{ url: string; stop(): Promise<void> }> {
  // The lead's scripts/stack.ts; typed here by what this runner uses of it.
  const { startStack } = (await import(path.join(REPO_ROOT, 'scripts/stack.ts'))) as {
    startStack: (options: {
      databaseUrl: string;
      redisUrl: string;
      redisPrefix: string;
      apiPort: number;
      webPort: number;
      workers: number;
      log: (line: string) => void;
      env?: Record<string, string>;
    }) => Promise<{ webUrl: string | undefined; stop(): Promise<void> }>;
  };
  const suffix = `${process.pid}`;
  const databaseBase = process.env.E2E_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/';
  const webPort = await freePort();
  const databaseUrl = new URL(`oj_web_e2e_${suffix}`, databaseBase.endsWith('/') ? databaseBase : `${databaseBase}/`).toString();
  const stack = await startStack({
    databaseUrl,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: `oj-web-e2e-${suffix}`,
    apiPort: await freePort(),
    webPort,
    workers: 1,
    // The API accepts unsafe requests only from the web app's origin (checked against the Origin header).
    env: { CORS_ORIGINS: `http://127.0.0.1:${webPort},http://localhost:${webPort}` },
    log: (line) => {
      if (process.env.E2E_VERBOSE) console.log(line);
    },
  });
  const dropTestDatabase = async () => {
    // Typed by what is used of it; a computed specifier keeps @oj/db's sources out of this package's type check.
    const dbModule = '@oj/db/migrations';
    const { dropDatabase } = (await import(dbModule)) as { dropDatabase: (connectionString: string) => Promise<void> };
    await dropDatabase(databaseUrl);
  };
  if (!stack.webUrl) {
    await stack.stop();
    await dropTestDatabase();
    throw new Error('the stack started without the web app');
  }
  return {
    url: stack.webUrl,
    stop: async () => {
      await stack.stop();
      await dropTestDatabase();
    },
  };
}

const files = readdirSync(path.join(WEB_DIR, 'e2e'))
  .filter((name) => name.endsWith('.e2e.ts'))
  .map((name) => path.join('e2e', name));

let stack: { url: string; stop(): Promise<void> } | undefined;
let code = 1;
try {
  const url = process.env.BASE_URL ?? (stack = await withFullStack()).url;
  console.log(`# browser tests against ${url}`);
  code = await run(process.execPath, ['--disable-warning=ExperimentalWarning', '--test', '--test-concurrency=1', ...files], { ...process.env, BASE_URL: url });
} catch (error) {
  console.error(`test:e2e: ${(error as Error).message}`);
} finally {
  await stack?.stop();
}
process.exit(code);
