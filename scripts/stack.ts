// Brings up the whole platform on this machine: checks PostgreSQL and Redis, migrates, seeds the
// built-in problems, builds what needs building, then runs the API, the judge worker(s) and the web
// app as child processes. Used by `npm start` and by the end-to-end tests (each with its own
// database, Redis prefix and ports).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
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
  /**
   * Stops every service and whatever it started (each runs in a process group of its own): SIGTERM, then
   * SIGKILL after 10 s; resolves when none of their processes is left. Calling it again waits for the same stop.
   */
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

function runToCompletion(
  command: string,
  args: string[],
  log: (line: string) => void,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    pipeLines(child, 'build', log);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new StackError(`${command} ${args.join(' ')} failed with exit code ${code}`)),
    );
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

function signalGroup(groupId: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-groupId, signal);
  } catch {
    // the group has no processes left
  }
}

/** Whether a process group has a member that still runs; a zombie does not (and may never be reaped in a container). */
function groupExists(groupId: number): boolean {
  try {
    process.kill(-groupId, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (!existsSync('/proc/self/stat')) return true;
  return readdirSync('/proc').some((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      // `pid (command) state ppid pgrp ...`; the command may itself contain spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === groupId && state !== 'Z' && state !== 'X';
    } catch {
      return false; // ended while we looked
    }
  });
}

async function waitForGroupsGone(groupIds: Iterable<number>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (![...groupIds].some(groupExists)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

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
    CORS_ORIGINS:
      options.env?.['CORS_ORIGINS'] ?? `http://localhost:${options.webPort},http://127.0.0.1:${options.webPort}`,
    // Browsers reach the API through the web app's proxy on this machine, which names the client in
    // X-Forwarded-For; a header from anyone else is ignored.
    TRUSTED_PROXIES: options.env?.['TRUSTED_PROXIES'] ?? 'loopback',
    ...(options.judgePoolSize ? { JUDGE_POOL_SIZE: String(options.judgePoolSize) } : {}),
  };
  const workspaces = ['@oj/api', ...(withWeb ? ['@oj/web'] : [])];
  await runToCompletion(
    'npx',
    ['turbo', 'run', 'build', ...workspaces.map((name) => `--filter=${name}`), '--output-logs=errors-only'],
    options.log,
    env,
  );

  const workers: ChildProcess[] = [];
  // Each service leads a process group of its own (detached), and the group is what gets stopped: a
  // signal to the leader alone leaves its children (a judge's sandboxes) running.
  const groupIds = new Set<number>();
  const launch = (name: string, command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): ChildProcess => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    pipeLines(child, name, options.log);
    if (child.pid !== undefined) groupIds.add(child.pid);
    return child;
  };
  // A group of its own also means Ctrl+C in the terminal no longer reaches the services: when this
  // process ends, they end with it.
  const killGroupsNow = (): void => {
    for (const groupId of groupIds) signalGroup(groupId, 'SIGKILL');
  };
  process.once('exit', killGroupsNow);
  const signalHandlers = new Map<NodeJS.Signals, () => void>();
  for (const signal of STOP_SIGNALS) {
    // Only where the caller does not handle the signal itself (it then calls stop()).
    if (process.listenerCount(signal) > 0) continue;
    const handler = (): void => void stop().finally(() => process.exit(128 + (os.constants.signals[signal] ?? 0)));
    signalHandlers.set(signal, handler);
    process.once(signal, handler);
  }
  const node = process.execPath;
  const startWorker = (): void => {
    workers.push(
      launch(`judge-${workers.length + 1}`, node, ['--disable-warning=ExperimentalWarning', 'apps/judge/src/main.ts']),
    );
  };

  let stopping: Promise<void> | undefined;
  const stopGroups = async (): Promise<void> => {
    for (const groupId of groupIds) signalGroup(groupId, 'SIGTERM');
    if (!(await waitForGroupsGone(groupIds, 10_000))) {
      killGroupsNow();
      if (!(await waitForGroupsGone(groupIds, 5_000)))
        throw new StackError(
          `processes of the stack are still running after SIGKILL (process groups ${[...groupIds].join(', ')})`,
        );
    }
    process.removeListener('exit', killGroupsNow);
    for (const [signal, handler] of signalHandlers) process.removeListener(signal, handler);
  };
  const stop = (): Promise<void> => (stopping ??= stopGroups());

  try {
    const api = launch('api', node, ['--disable-warning=ExperimentalWarning', 'apps/api/dist/main.js'], {
      PORT: String(options.apiPort),
    });
    for (let index = 0; index < options.workers; index++) startWorker();
    const apiUrl = `http://127.0.0.1:${options.apiPort}`;
    await waitForHttp(`${apiUrl}/api/ready`, 60_000, api, 'the API');
    let webUrl: string | undefined;
    if (withWeb) {
      // The site's own server directly, not through npm: no wrapper between the signal and the server.
      const web = launch('web', node, ['--disable-warning=ExperimentalWarning', 'apps/web/src/lib/site-server.ts'], {
        PORT: String(options.webPort),
        API_URL: apiUrl,
      });
      webUrl = `http://127.0.0.1:${options.webPort}`;
      await waitForHttp(webUrl, 60_000, web, 'the web app');
    }
    return {
      apiUrl,
      webUrl,
      killWorker() {
        const victim = workers.find((worker) => worker.exitCode === null && worker.signalCode === null);
        victim?.kill('SIGKILL');
        return workers.filter((worker) => worker !== victim && worker.exitCode === null && worker.signalCode === null)
          .length;
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
