// Runs the worker as a real child process, `node apps/judge/src/main.ts`, as production does.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPOSITORY_ROOT } from './helpers.ts';

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything the process wrote on stderr (its JSON log lines). */
  log(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>;
}

export async function startWorkerProcess(
  environment: Record<string, string>,
  startTimeoutMs = 60_000,
): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', path.join(REPOSITORY_ROOT, 'apps/judge/src/main.ts')],
    {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...environment },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let log = '';
  child.stderr.setEncoding('utf8');
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the worker did not start within ${startTimeoutMs} ms:\n${log}`)),
      startTimeoutMs,
    );
    child.stderr.on('data', (chunk: string) => {
      log += chunk;
      if (log.includes('"judge worker started"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited (${how}) before it started:\n${log}`));
    });
  });
  await started;
  return { child, log: () => log, exited };
}

/** Stops the process politely (SIGTERM) and waits for it; SIGKILL if it does not end in time. */
export async function stopWorkerProcess(
  worker: WorkerProcess | undefined,
  timeoutMs = 30_000,
): Promise<number | NodeJS.Signals | null> {
  if (!worker) return null;
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return worker.exited;
  worker.child.kill('SIGTERM');
  const timer = setTimeout(() => worker.child.kill('SIGKILL'), timeoutMs);
  try {
    return await worker.exited;
  } finally {
    clearTimeout(timer);
  }
}
