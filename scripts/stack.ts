// Brings up the whole platform on this machine: checks PostgreSQL and Redis, migrates, seeds the
// built-in problems, builds what needs building, then runs the API, the judge worker(s) and the web
// app as child processes. Used by `npm start` and by the end-to-end tests (each with its own
// database, Redis prefix and ports).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { applyMigrations } from '@oj/db/migrations';
import { seedDatabase } from '@oj/db/seed';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');

export interface StackOptions {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  apiPort: number;
  webPort: number;
  /** Judge worker processes; each runs a sandbox pool as large as the machine has cores. */
  workers: number;
  judgePoolSize?: number;
  adminUsername?: string;
  adminPassword?: string;
  /** Skip the web app (API and workers only). */
  withoutWeb?: boolean;
  /** Prefix child output with the service name on this stream; default: inherit quietly. */
  log: (line: string) => void;
  /** Extra environment for every service (rate limits in tests, for example). */
  env?: Record<string, string>;
}

export interface RunningStack {
  apiUrl: string;
  webUrl: string | undefined;
  /** Kills one judge worker with SIGKILL (fault tests) and returns how many remain. */
  killWorker(): number;
  startWorker(): void;
  stop(): Promise<void>;
}

class StackError extends Error {}

function parseHostPort(url: string, defaultPort: number): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port) || defaultPort };
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function checkServices(databaseUrl: string, redisUrl: string): Promise<void> {
  const problems: string[] = [];
  const postgres = parseHostPort(databaseUrl, 5432);
  if (!(await canConnect(postgres.host, postgres.port))) {
    problems.push(
      `PostgreSQL is not reachable at ${postgres.host}:${postgres.port} (DATABASE_URL).\n` +
        `  Start it, e.g.: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n` +
        `  or: docker compose up -d postgres`,
    );
  }
  const redis = parseHostPort(redisUrl, 6379);
  if (!(await canConnect(redis.host, redis.port))) {
    problems.push(
      `Redis is not reachable at ${redis.host}:${redis.port} (REDIS_URL).\n` +
        `  Start it, e.g.: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no\n` +
        `  or: docker compose up -d redis`,
    );
  }
  if (problems.length > 0) throw new StackError(problems.join('\n'));
}

function runToCompletion(command: string, args: string[], log: (line: string) => void, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    pipeLines(child, 'build', log);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new StackError(`${command} ${args.join(' ')} failed with exit code ${code}`))));
  });
}

function pipeLines(child: ChildProcess, name: string, log: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') log(`[${name}] ${line}`);
    });
  }
}

async function waitForHttp(url: string, timeoutMs: number, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new StackError(`${name} exited with code ${child.exitCode} while starting`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new StackError(`${name} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  await checkServices(options.databaseUrl, options.redisUrl);
  const migrated = await applyMigrations({ databaseUrl: options.databaseUrl });
  for (const name of migrated.appliedMigrationNames) options.log(`applied migration ${name}`);
  await seedDatabase({
    databaseUrl: options.databaseUrl,
    adminUsername: options.adminUsername ?? 'admin',
    adminPassword: options.adminPassword,
    log: (line) => options.log(`seed: ${line}`),
  });

  const withWeb = !options.withoutWeb && existsSync(path.join(REPO_ROOT, 'apps/web/package.json'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: options.redisPrefix,
    NEXT_TELEMETRY_DISABLED: '1',
    // The API accepts unsafe requests only from the site's own origin, under either host name.
    CORS_ORIGINS: options.env?.['CORS_ORIGINS'] ?? `http://localhost:${options.webPort},http://127.0.0.1:${options.webPort}`,
    // Browsers reach the API through the web app's proxy on this machine, which names the client in
    // X-Forwarded-For; a header from anyone else is ignored.
    TRUSTED_PROXIES: options.env?.['TRUSTED_PROXIES'] ?? 'loopback',
    ...(options.judgePoolSize ? { JUDGE_POOL_SIZE: String(options.judgePoolSize) } : {}),
  };
  const workspaces = ['@oj/api', ...(withWeb ? ['@oj/web'] : [])];
  await runToCompletion('npx', ['turbo', 'run', 'build', ...workspaces.map((name) => `--filter=${name}`), '--output-logs=errors-only'], options.log, env);

  const children = new Set<ChildProcess>();
  const workers: ChildProcess[] = [];
  const launch = (name: string, command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): ChildProcess => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    pipeLines(child, name, options.log);
    children.add(child);
    child.once('exit', () => children.delete(child));
    return child;
  };
  const node = process.execPath;
  const startWorker = (): void => {
    workers.push(launch(`judge-${workers.length + 1}`, node, ['--disable-warning=ExperimentalWarning', 'apps/judge/src/main.ts']));
  };

  const stop = async (): Promise<void> => {
    const exits = [...children].map((child) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve()))));
    for (const child of children) child.kill('SIGTERM');
    const timer = setTimeout(() => {
      for (const child of children) child.kill('SIGKILL');
    }, 10_000);
    await Promise.all(exits);
    clearTimeout(timer);
  };

  try {
    const api = launch('api', node, ['--disable-warning=ExperimentalWarning', 'apps/api/dist/main.js'], { PORT: String(options.apiPort) });
    for (let index = 0; index < options.workers; index++) startWorker();
    const apiUrl = `http://127.0.0.1:${options.apiPort}`;
    await waitForHttp(`${apiUrl}/api/ready`, 60_000, api, 'the API');
    let webUrl: string | undefined;
    if (withWeb) {
      const web = launch('web', 'npm', ['run', '-s', 'start', '-w', '@oj/web'], { PORT: String(options.webPort), API_URL: apiUrl });
      webUrl = `http://127.0.0.1:${options.webPort}`;
      await waitForHttp(webUrl, 60_000, web, 'the web app');
    }
    return {
      apiUrl,
      webUrl,
      killWorker() {
        const victim = workers.find((worker) => worker.exitCode === null && worker.signalCode === null);
        victim?.kill('SIGKILL');
        return workers.filter((worker) => worker !== victim && worker.exitCode === null && worker.signalCode === null).length;
      },
      startWorker,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export { StackError };
