// The worker judges submissions end to end against real PostgreSQL, Redis and sandbox processes.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Job, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { progressEventSchema, type ProgressEvent, type RunResponse, type Verdict } from '@oj/shared';
import { createRunQueue, enqueueJudgeJob, enqueueRunJob, redisKeys, type RunQueue } from '@oj/queue';
import { BlobStore, StoreError } from '../src/store/blob-store.ts';
import { ProblemDataError, ProblemStore } from '../src/store/problem-store.ts';
import { startJudgeWorker, type JudgeWorkerHandle } from '../src/worker.ts';
import {
  createSubmission,
  createTestEnvironment,
  languageOf,
  progressList,
  readSolution,
  REDIS_URL,
  REPOSITORY_ROOT,
  waitFor,
  waitUntilFinished,
  type BuiltInProblem,
  type TestEnvironment,
} from './helpers.ts';

let environment: TestEnvironment;
let worker: JudgeWorkerHandle;

beforeAll(async () => {
  environment = await createTestEnvironment('judging');
  worker = await startJudgeWorker(environment.config());
});

afterAll(async () => {
  await worker?.close();
  await environment?.destroy();
});

async function submitAndWait(problem: BuiltInProblem, code: string, language = languageOf('x.js')) {
  const submission = await createSubmission(environment, { problem, code, language });
  await enqueueJudgeJob(environment.queue, submission, 'live');
  await waitUntilFinished(environment, [submission.id]);
  return environment.prisma.submission.findUniqueOrThrow({
    where: { id: submission.id },
    include: { testResults: { orderBy: { ordinal: 'asc' } } },
  });
}

describe('a submission of a reference solution', () => {
  const cases: { problem: BuiltInProblem; file: string; verdict: Verdict; tests: number }[] = [
    { problem: 'subsets', file: 'ac.js', verdict: 'AC', tests: 14 },
    { problem: 'subsets', file: 'ac.ts', verdict: 'AC', tests: 14 },
    { problem: 'subsets', file: 'wa-duplicates.js', verdict: 'WA', tests: 14 },
    { problem: 'spicy-rabbit-head', file: 'ac.js', verdict: 'AC', tests: 13 },
    { problem: 'spicy-rabbit-head', file: 'wa-opposite-seven.js', verdict: 'WA', tests: 13 },
    { problem: 'spicy-rabbit-head', file: 'tle-quadratic.js', verdict: 'TLE', tests: 13 },
  ];
  test.each(cases)(
    '$problem/$file gets $verdict with every test result stored',
    async ({ problem, file, verdict, tests }) => {
      const stored = await submitAndWait(problem, await readSolution(problem, file), languageOf(file));

      expect(stored.status).toBe('FINISHED');
      expect(stored.verdict).toBe(verdict);
      expect(stored.judgedAt).not.toBeNull();
      expect(stored.maxScore).toBe(100);
      expect(stored.score).toEqual(verdict === 'AC' ? 100 : verdict === 'TLE' ? 40 : expect.any(Number));
      expect(stored.testResults.map((result) => result.ordinal)).toEqual([...Array(tests).keys()]);
      expect(stored.testResults.map((result) => result.testName)).toEqual(
        [...Array(tests).keys()].map((ordinal) => String(ordinal + 1).padStart(2, '0')),
      );
      if (verdict === 'AC') expect(stored.testResults.every((result) => result.verdict === 'AC')).toBe(true);
      else expect(stored.testResults.some((result) => result.verdict === verdict)).toBe(true);
      expect(stored.timeMs).toBe(Math.max(...stored.testResults.map((result) => result.timeMs)));
    },
  );

  test('that does not compile gets CE with the compiler message and no test results', async () => {
    const stored = await submitAndWait('subsets', 'function subsets(nums: number[] { return [] }', 'typescript');

    expect(stored.verdict).toBe('CE');
    expect(stored.score).toBe(0);
    expect(stored.compileMessage).toMatch(/line 1/);
    expect(stored.testResults).toEqual([]);
  });

  test('whose output holds NUL characters is stored (PostgreSQL text cannot hold NUL)', async () => {
    const stored = await submitAndWait('spicy-rabbit-head', 'console.log("19\\u0000")');
    expect(stored.verdict).toBe('WA');
  });

  test('that fails a subtask stores the rest of its tests as skipped, with no verdict', async () => {
    const stored = await submitAndWait('spicy-rabbit-head', 'console.log("0")');
    expect(stored.verdict).toBe('WA');
    expect(stored.score).toBe(0);
    expect(stored.testResults[0]).toMatchObject({ status: 'judged', verdict: 'WA' });
    const skipped = stored.testResults.filter((result) => result.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((result) => result.verdict === null && result.timeMs === 0 && result.memoryKb === 0)).toBe(
      true,
    );
    expect(stored.testResults.every((result) => result.status === 'skipped' || result.verdict === 'WA')).toBe(true);
  });
});

describe('progress', () => {
  test('arrives on the pub/sub channel in order, ends with one final event, and is kept for late subscribers', async () => {
    const submission = await createSubmission(environment, {
      problem: 'subsets',
      code: await readSolution('subsets', 'ac.js'),
    });
    const subscriber = new Redis(REDIS_URL);
    const received: ProgressEvent[] = [];
    subscriber.on('message', (_channel: string, message: string) =>
      received.push(progressEventSchema.parse(JSON.parse(message))),
    );
    await subscriber.subscribe(redisKeys(environment.redisPrefix).submissionChannel(submission.id));
    try {
      await enqueueJudgeJob(environment.queue, submission, 'live');
      await waitFor('the final event', () => received.some((event) => event.type === 'final'));
    } finally {
      subscriber.disconnect();
    }

    expect(received[0]).toEqual({ type: 'judging', submissionId: submission.id, total: 14 });
    const tests = received.filter((event) => event.type === 'test');
    expect(tests.map((event) => event.finished)).toEqual([...Array(14).keys()].map((index) => index + 1));
    expect(new Set(tests.map((event) => event.ordinal))).toEqual(new Set([...Array(14).keys()]));
    for (const event of tests) expect(event).toMatchObject({ total: 14, test: { verdict: 'AC' } });
    expect(received.at(-1)).toEqual({
      type: 'final',
      submissionId: submission.id,
      verdict: 'AC',
      score: 100,
      maxScore: 100,
    });
    expect(received.filter((event) => event.type === 'final')).toHaveLength(1);
    expect(received).toHaveLength(16);

    // The replay list holds the same events, and expires.
    expect(await progressList(environment, submission.id)).toEqual(received);
    const ttl = await environment.redis.ttl(`${environment.redisPrefix}:progress:${submission.id}`);
    expect(ttl).toBeGreaterThan(0);
  });
});

describe('the same job', () => {
  test('enqueued twice gives one result', async () => {
    const submission = await createSubmission(environment, {
      problem: 'subsets',
      code: await readSolution('subsets', 'ac.js'),
    });
    const first = await enqueueJudgeJob(environment.queue, submission, 'live');
    const second = await enqueueJudgeJob(environment.queue, submission, 'live');
    expect(second).toBe(first);
    await waitUntilFinished(environment, [submission.id]);
    const firstJudgedAt = (await environment.prisma.submission.findUniqueOrThrow({ where: { id: submission.id } }))
      .judgedAt;

    // A job of a later attempt (another id) for the same, now final, submission does nothing.
    await enqueueJudgeJob(environment.queue, { ...submission, attempts: 2 }, 'live');
    const job = await waitFor('the second job to complete', async () => {
      const state = await environment.queue.getJobState(`submission-${submission.id}-g0-a2`);
      return state === 'completed' ? environment.queue.getJob(`submission-${submission.id}-g0-a2`) : undefined;
    });
    expect(job?.returnvalue).toEqual({ outcome: 'skipped' });

    const stored = await environment.prisma.submission.findUniqueOrThrow({
      where: { id: submission.id },
      include: { testResults: true },
    });
    expect(stored.judgedAt).toEqual(firstJudgedAt);
    expect(stored.testResults).toHaveLength(14);
    const events = await progressList(environment, submission.id);
    expect(events.filter((event) => event.type === 'final')).toHaveLength(1);
  });

  test('with a malformed payload fails without retries', async () => {
    const job = await environment.queue.add('judge', { v: 2, submissionId: 'x' } as never, {
      attempts: 5,
      jobId: 'malformed-1',
    });
    await waitFor('the malformed job to fail', async () => (await environment.queue.getJobState(job.id!)) === 'failed');
    const failed = await Job.fromId(environment.queue, job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/invalid judge job payload/);
  });

  test('for an older judge generation does nothing', async () => {
    const submission = await createSubmission(environment, {
      problem: 'subsets',
      code: await readSolution('subsets', 'ac.js'),
    });
    await environment.prisma.submission.update({ where: { id: submission.id }, data: { judgeGeneration: 1 } });
    await enqueueJudgeJob(environment.queue, { ...submission, judgeGeneration: 0 }, 'live');
    await waitFor(
      'the stale job to complete',
      async () => (await environment.queue.getJobState(`submission-${submission.id}-g0`)) === 'completed',
    );
    const stored = await environment.prisma.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(stored.status).toBe('PENDING');
  });
});

describe('a custom run', () => {
  let runQueue: RunQueue;
  let runEvents: QueueEvents;
  beforeAll(async () => {
    runQueue = createRunQueue({ url: REDIS_URL, maxRetriesPerRequest: null }, environment.redisPrefix);
    runEvents = new QueueEvents(runQueue.name, {
      connection: { url: REDIS_URL, maxRetriesPerRequest: null },
      prefix: environment.redisPrefix,
    });
    await runEvents.waitUntilReady();
  });
  afterAll(async () => {
    await runEvents?.close();
    await runQueue?.close();
  });

  async function run(problem: BuiltInProblem, code: string, input?: string): Promise<RunResponse> {
    const job = await enqueueRunJob(runQueue, {
      v: 1,
      problemVersionId: environment.versions[problem].versionId,
      language: 'javascript',
      code,
      ...(input !== undefined ? { input } : {}),
    });
    return job.waitUntilFinished(runEvents, 60_000);
  }

  test('on the samples returns each output with the checker verdict', async () => {
    const response = await run('spicy-rabbit-head', await readSolution('spicy-rabbit-head', 'ac.js'));
    expect(response.verdict).toBe('AC');
    expect(response.tests.map((test) => test.id)).toEqual(['01', '02', '03']);
    expect(response.tests[0]).toMatchObject({ id: '01', verdict: 'AC', output: '19\n', expected: '19\n' });
  });

  test('on the samples of a function-style problem compares the returned values', async () => {
    const response = await run('subsets', 'function subsets(nums) { return [[]]; }');
    expect(response.verdict).toBe('WA');
    expect(response.tests.every((test) => test.verdict === 'WA' && test.output === '[[]]')).toBe(true);
  });

  test('on custom input returns the output and no verdict', async () => {
    const response = await run(
      'spicy-rabbit-head',
      'const s = require("fs").readFileSync(0, "utf8"); console.log(s.trim().split(/\\s+/).length);',
      '3\n1 2 3\n',
    );
    expect(response).toMatchObject({
      verdict: null,
      tests: [{ id: 'custom', verdict: null, output: '4\n', expected: null, input: '3\n1 2 3\n' }],
    });
  });

  test('that floods its output gets a truncated output and no more', async () => {
    const response = await run(
      'spicy-rabbit-head',
      'for (let i = 0; i < 20000; i++) console.log("x".repeat(20));',
      '1\n1\n',
    );
    expect(response.tests[0]!.verdict).toBe('OLE');
    expect(response.tests[0]!.output.length).toBeLessThanOrEqual(64 * 1024 + 100);
  });

  test('that does not compile returns CE', async () => {
    const response = await run('subsets', 'function subsets( {');
    expect(response.verdict).toBe('CE');
    expect(response.compileMessage).toBeTruthy();
    expect(response.tests).toEqual([]);
  });
});

describe('the test data store', () => {
  test('caches blobs on disk by hash, verified, and serves them from there without the database', async () => {
    const blobs = new BlobStore(environment.prisma, environment.cacheDir);
    const text = `cache me ${Date.now()}`;
    const bytes = Buffer.from(text);
    const hash = createHash('sha256').update(bytes).digest('hex');
    await environment.prisma.blob.create({ data: { hash, bytes: new Uint8Array(bytes), sizeBytes: bytes.length } });

    expect(await blobs.readText(hash)).toBe(text);
    const file = path.join(environment.cacheDir, hash.slice(0, 2), hash);
    expect(await readFile(file, 'utf8')).toBe(text);
    expect((await readdir(path.dirname(file))).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    await environment.prisma.blob.delete({ where: { hash } });
    expect(await new BlobStore(environment.prisma, environment.cacheDir).readText(hash)).toBe(text);
  });

  test('refuses a hash that is not one, before it can become a path', async () => {
    const blobs = new BlobStore(environment.prisma, environment.cacheDir);
    await expect(blobs.readText('../../etc/passwd')).rejects.toThrow(StoreError);
  });

  test('loads a problem version with its tests in judging order and its samples', async () => {
    const store = new ProblemStore(environment.prisma, new BlobStore(environment.prisma, environment.cacheDir));
    const problem = await store.load(environment.versions['spicy-rabbit-head'].versionId);
    expect(problem.testIds).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13']);
    expect(problem.sampleIds).toEqual(['01', '02', '03']);
    expect(problem.manifest.slug).toBe('spicy-rabbit-head');
    expect(await problem.readTest('01')).toEqual({
      id: '01',
      input: await readFile(path.join(REPOSITORY_ROOT, 'problems/spicy-rabbit-head/tests/01.in'), 'utf8'),
      expected: '19\n',
    });
    expect(await store.load(environment.versions['spicy-rabbit-head'].versionId)).toBe(problem);
    await expect(store.load(999_999)).rejects.toThrow(ProblemDataError);
  });
});
