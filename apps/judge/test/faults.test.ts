// "Every submission ends with exactly one final verdict; none is lost when a worker is killed, Redis
// restarts or a job is retried" (docs/architecture.md, "Promises").
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Verdict } from '@oj/shared';
import { enqueueJudgeJob } from '@oj/queue';
import { startJudgeWorker, type JudgeWorkerHandle } from '../src/worker.ts';
import {
  createSubmission,
  createTestEnvironment,
  deleteKeysWithPrefix,
  progressList,
  readSolution,
  REDIS_URL,
  waitFor,
  waitUntilFinished,
  type BuiltInProblem,
  type TestEnvironment,
} from './helpers.ts';
import { startWorkerProcess, stopWorkerProcess, type WorkerProcess } from './worker-process.ts';

let environment: TestEnvironment;

beforeAll(async () => {
  environment = await createTestEnvironment('faults');
});
afterAll(async () => {
  await environment?.destroy();
});

/** Short deadlines, so a dead worker's jobs and lost jobs come back within seconds. */
function workerEnvironment(): Record<string, string> {
  return {
    DATABASE_URL: environment.databaseUrl,
    REDIS_URL,
    REDIS_PREFIX: environment.redisPrefix,
    CACHE_DIR: environment.cacheDir,
    JUDGE_POOL_SIZE: '2',
    RECONCILE_INTERVAL_MS: '1000',
    RECONCILE_DEADLINE_MS: '4000',
    MAX_JUDGE_ATTEMPTS: '5',
    JOB_LOCK_DURATION_MS: '2000',
    JOB_STALLED_INTERVAL_MS: '1000',
  };
}

const SOLUTIONS: { problem: BuiltInProblem; file: string; verdict: Verdict; tests: number }[] = [
  { problem: 'subsets', file: 'ac.js', verdict: 'AC', tests: 14 },
  { problem: 'spicy-rabbit-head', file: 'ac.js', verdict: 'AC', tests: 13 },
  { problem: 'subsets', file: 'wa-missing-empty.js', verdict: 'WA', tests: 14 },
  { problem: 'spicy-rabbit-head', file: 'wa-opposite-seven.js', verdict: 'WA', tests: 13 },
  { problem: 'subsets', file: 'ac-let.js', verdict: 'AC', tests: 14 },
];

async function submitMany(count: number): Promise<{ id: number; verdict: Verdict; tests: number }[]> {
  const submitted: { id: number; verdict: Verdict; tests: number }[] = [];
  for (let index = 0; index < count; index++) {
    const solution = SOLUTIONS[index % SOLUTIONS.length]!;
    const submission = await createSubmission(environment, {
      problem: solution.problem,
      code: await readSolution(solution.problem, solution.file),
    });
    await enqueueJudgeJob(environment.queue, submission, 'live');
    submitted.push({ id: submission.id, verdict: solution.verdict, tests: solution.tests });
  }
  return submitted;
}

/** Each submission is FINISHED with the verdict its solution must get, its tests stored once, one final event at most. */
async function expectEachJudgedOnce(submitted: { id: number; verdict: Verdict; tests: number }[]): Promise<void> {
  const rows = await environment.prisma.submission.findMany({
    where: { id: { in: submitted.map((submission) => submission.id) } },
    include: { _count: { select: { testResults: true } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const expected of submitted) {
    const row = byId.get(expected.id)!;
    expect({
      id: row.id,
      status: row.status,
      verdict: row.verdict,
      tests: row._count.testResults,
      systemError: row.systemError,
    }).toEqual({
      id: expected.id,
      status: 'FINISHED',
      verdict: expected.verdict,
      tests: expected.tests,
      systemError: null,
    });
    const finals = (await progressList(environment, expected.id)).filter((event) => event.type === 'final');
    expect(finals.length).toBeLessThanOrEqual(1);
    for (const final of finals) expect(final.verdict).toBe(expected.verdict);
  }
}

describe('a worker process killed with SIGKILL in the middle of 50 submissions', () => {
  let first: WorkerProcess | undefined;
  let second: WorkerProcess | undefined;
  afterAll(async () => {
    await stopWorkerProcess(first);
    await stopWorkerProcess(second);
  });

  test('leaves every submission with exactly one final verdict once a new worker runs', async () => {
    const submitted = await submitMany(50);
    first = await startWorkerProcess(workerEnvironment());
    await waitFor(
      'some submissions to finish',
      async () => (await environment.prisma.submission.count({ where: { status: 'FINISHED' } })) >= 8,
      120_000,
      20,
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const atKill = await environment.prisma.submission.groupBy({ by: ['status'], _count: true });
    const count = (status: string) => atKill.find((group) => group.status === status)?._count ?? 0;
    expect(count('FINISHED')).toBeLessThan(50);
    // Jobs were in progress when the worker died: their locks must expire and the jobs come back.
    expect(count('JUDGING')).toBeGreaterThan(0);

    second = await startWorkerProcess(workerEnvironment());
    await waitUntilFinished(
      environment,
      submitted.map((submission) => submission.id),
      150_000,
    );
    await expectEachJudgedOnce(submitted);
    expect(await stopWorkerProcess(second)).toBe(0);
  });
});

describe('Redis losing every key of the deployment with jobs pending', () => {
  let worker: JudgeWorkerHandle | undefined;
  afterAll(async () => {
    await worker?.close();
  });

  test('is recovered by the reconciler: every submission is judged once', async () => {
    worker = await startJudgeWorker(
      environment.config({ reconcileIntervalMs: 500, reconcileDeadlineMs: 2000, maxJudgeAttempts: 5 }),
    );
    const submitted = await submitMany(30);
    await waitFor(
      'some submissions to finish',
      async () =>
        (await environment.prisma.submission.count({
          where: { id: { in: submitted.map((s) => s.id) }, status: 'FINISHED' },
        })) >= 3,
      60_000,
      10,
    );

    // What FLUSHDB does to this deployment, without touching anyone else's keys in the shared Redis.
    expect(await deleteKeysWithPrefix(environment.redis, environment.redisPrefix)).toBeGreaterThan(0);

    await waitUntilFinished(
      environment,
      submitted.map((submission) => submission.id),
      120_000,
    );
    await expectEachJudgedOnce(submitted);
    const requeued = await environment.prisma.submission.count({
      where: { id: { in: submitted.map((s) => s.id) }, attempts: { gt: 1 } },
    });
    expect(requeued).toBeGreaterThan(0);
  });
});

describe('a worker asked to stop while a long job runs', () => {
  let stopped: WorkerProcess | undefined;
  let successor: WorkerProcess | undefined;
  afterAll(async () => {
    await stopWorkerProcess(stopped);
    await stopWorkerProcess(successor);
  });

  test('exits at its shutdown deadline, and the job is judged once by another worker', async () => {
    const submitted: { id: number; verdict: Verdict; tests: number }[] = [];
    for (let index = 0; index < 2; index++) {
      const submission = await createSubmission(environment, {
        problem: 'subsets',
        code: 'var subsets = function () { while (true) {} };',
      });
      await enqueueJudgeJob(environment.queue, submission, 'live');
      submitted.push({ id: submission.id, verdict: 'TLE', tests: 14 });
    }
    stopped = await startWorkerProcess({ ...workerEnvironment(), SHUTDOWN_TIMEOUT_MS: '200' });
    await waitFor(
      'a submission to be judging',
      async () =>
        (await environment.prisma.submission.count({
          where: { id: { in: submitted.map((s) => s.id) }, status: 'JUDGING' },
        })) > 0,
      60_000,
      10,
    );
    stopped.child.kill('SIGTERM');
    // Each test of these runs to the 1000 ms time limit, far past the 200 ms deadline.
    expect(await stopped.exited).toBe(1);
    const lines = stopped
      .log()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const deadline = lines.find((line) => line['msg'] === 'shutdown deadline passed: stopping with jobs in progress');
    // pino's fields, as the API writes them.
    expect(deadline).toMatchObject({ level: 50, service: 'oj-judge', shutdownTimeoutMs: 200 });
    expect(typeof deadline?.['time']).toBe('number');

    successor = await startWorkerProcess(workerEnvironment());
    await waitUntilFinished(
      environment,
      submitted.map((submission) => submission.id),
      150_000,
    );
    const rows = await environment.prisma.submission.findMany({ where: { id: { in: submitted.map((s) => s.id) } } });
    for (const row of rows)
      expect({ status: row.status, verdict: row.verdict }).toEqual({ status: 'FINISHED', verdict: 'TLE' });
    for (const { id } of submitted)
      expect(
        (await progressList(environment, id)).filter((event) => event.type === 'final').length,
      ).toBeLessThanOrEqual(1);
  });
});
