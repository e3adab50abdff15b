// A submission never stays pending: when judging cannot succeed, it ends as SE with the reason.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importProblemPackage } from '@oj/db';
import { problemManifestSchema } from '@oj/shared';
import { enqueueJudgeJob } from '@oj/queue';
import { RECONCILER_LOCK_KEY } from '../src/reconciler.ts';
import { startJudgeWorker, type JudgeWorkerHandle } from '../src/worker.ts';
import {
  createSubmission,
  createTestEnvironment,
  progressList,
  waitFor,
  waitUntilFinished,
  type TestEnvironment,
} from './helpers.ts';

let environment: TestEnvironment;
let worker: JudgeWorkerHandle;

beforeAll(async () => {
  environment = await createTestEnvironment('giveup');
  // The reconciler runs only when a test calls it.
  worker = await startJudgeWorker(
    environment.config({ reconcileIntervalMs: 0, reconcileDeadlineMs: 1000, maxJudgeAttempts: 3 }),
    {
      retry: { attempts: 3, backoffMs: 50 },
    },
  );
});
afterAll(async () => {
  await worker?.close();
  await environment?.destroy();
});

const LONG_AGO = new Date(Date.now() - 3600_000);

/** A problem whose only version stores the given manifest and one test whose input blob is given. */
async function problemWithVersion(
  slug: string,
  manifest: unknown,
  inputBlob: { hash: string; bytes: Buffer },
): Promise<{ problemId: number; versionId: number }> {
  const expected = Buffer.from('[]');
  const expectedHash = createHash('sha256').update(expected).digest('hex');
  await environment.prisma.blob.createMany({
    data: [
      { hash: inputBlob.hash, bytes: new Uint8Array(inputBlob.bytes), sizeBytes: inputBlob.bytes.length },
      { hash: expectedHash, bytes: new Uint8Array(expected), sizeBytes: expected.length },
    ],
    skipDuplicates: true,
  });
  const problem = await environment.prisma.problem.create({ data: { slug, title: slug, difficulty: 'easy' } });
  const version = await environment.prisma.problemVersion.create({
    data: {
      problemId: problem.id,
      number: 1,
      manifest: manifest as object,
      contentHash: slug,
      tests: {
        create: [
          { ordinal: 0, name: '01', isSample: true, inputHash: inputBlob.hash, expectedOutputHash: expectedHash },
        ],
      },
    },
  });
  return { problemId: problem.id, versionId: version.id };
}

const VALID_MANIFEST = problemManifestSchema.parse({
  slug: 'broken',
  title: 'Broken',
  difficulty: 'easy',
  style: 'function',
  function: { name: 'solve', params: [{ name: 'nums', type: 'number[]' }], returns: 'number[]' },
  limits: { timeMs: 1000, memoryMb: 64 },
  checker: { type: 'lines' },
  samples: ['01'],
  subtasks: [{ id: 'all', score: 100, tests: ['01'] }],
  solutions: [{ file: 'solutions/ac.js', expect: 'AC' }],
});

async function submitTo(version: {
  problemId: number;
  versionId: number;
}): Promise<{ id: number; judgeGeneration: number; attempts: number }> {
  return environment.prisma.submission.create({
    data: {
      userId: environment.userId,
      problemId: version.problemId,
      problemVersionId: version.versionId,
      language: 'javascript',
      code: 'function solve(nums) { return nums; }',
      attempts: 1,
    },
    select: { id: true, judgeGeneration: true, attempts: true },
  });
}

describe('a submission', () => {
  test('whose test data is corrupt in the database is retried with backoff, then ends as SE with the reason', async () => {
    const bytes = Buffer.from('[[1,2]]');
    const wrongHash = createHash('sha256').update('something else').digest('hex');
    const submission = await submitTo(
      await problemWithVersion('corrupt-blob', VALID_MANIFEST, { hash: wrongHash, bytes }),
    );

    const jobId = await enqueueJudgeJob(environment.queue, submission, 'live', { attempts: 3, backoffMs: 50 });
    await waitUntilFinished(environment, [submission.id]);

    const stored = await environment.prisma.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(stored).toMatchObject({ status: 'FINISHED', verdict: 'SE', score: 0, maxScore: 100 });
    expect(stored.systemError).toMatch(/corrupt/);
    await waitFor('the job to fail', async () => (await environment.queue.getJobState(jobId)) === 'failed');
    expect((await environment.queue.getJob(jobId))?.attemptsMade).toBe(3);
    const events = await progressList(environment, submission.id);
    expect(events).toEqual([{ type: 'final', submissionId: submission.id, verdict: 'SE', score: 0, maxScore: 100 }]);
  });

  test('whose problem version has an invalid manifest ends as SE at once, without retries', async () => {
    const bytes = Buffer.from('[[1]]');
    const hash = createHash('sha256').update(bytes).digest('hex');
    const submission = await submitTo(
      await problemWithVersion('bad-manifest', { ...VALID_MANIFEST, limits: { timeMs: -1 } }, { hash, bytes }),
    );

    const jobId = await enqueueJudgeJob(environment.queue, submission, 'live', { attempts: 3, backoffMs: 50 });
    await waitUntilFinished(environment, [submission.id]);

    const stored = await environment.prisma.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(stored.verdict).toBe('SE');
    expect(stored.systemError).toMatch(/manifest .* is invalid/);
    await waitFor('the job to fail', async () => (await environment.queue.getJobState(jobId)) === 'failed');
    expect((await environment.queue.getJob(jobId))?.attemptsMade).toBe(1);
  });

  test('whose judging ends in SE (a broken custom checker) is retried, and the last attempt stores the SE', async () => {
    const tests = new Map([['1', { id: '1', input: '[1]', expected: '[1]' }]]);
    // Every file of a package's folder is stored with its version: here only the checker.
    const dir = await mkdtemp(path.join(tmpdir(), 'oj-broken-checker-'));
    await writeFile(path.join(dir, 'checker.js'), 'function check() { throw new Error("the checker is broken"); }');
    const version = await importProblemPackage(environment.prisma, {
      dir,
      manifest: problemManifestSchema.parse({ ...VALID_MANIFEST, slug: 'broken-checker', checker: { type: 'custom' } }),
      statements: { en: 'Echo.' },
      testIds: ['1'],
      readTest: (id) => Promise.resolve(tests.get(id)!),
      checkerCode: 'function check() { throw new Error("the checker is broken"); }',
    });
    await rm(dir, { recursive: true });
    const submission = await submitTo(version);

    const jobId = await enqueueJudgeJob(environment.queue, submission, 'live', { attempts: 3, backoffMs: 50 });
    await waitUntilFinished(environment, [submission.id]);

    const stored = await environment.prisma.submission.findUniqueOrThrow({
      where: { id: submission.id },
      include: { testResults: true },
    });
    expect(stored.verdict).toBe('SE');
    expect(stored.systemError).toMatch(/checker/);
    expect(stored.testResults.map((test) => test.verdict)).toEqual(['SE']);
    await waitFor('the job to complete', async () => (await environment.queue.getJobState(jobId)) === 'completed');
    expect((await environment.queue.getJob(jobId))?.attemptsMade).toBe(3);
  });

  test('still pending after the last attempt is finished as SE by the reconciler, with the reason', async () => {
    const lost = await createSubmission(environment, {
      problem: 'subsets',
      code: 'x',
      attempts: 3,
      enqueuedAt: LONG_AGO,
    });

    const report = await worker.reconcileOnce();

    expect(report.gaveUp).toContain(lost.id);
    const stored = await environment.prisma.submission.findUniqueOrThrow({ where: { id: lost.id } });
    expect(stored).toMatchObject({ status: 'FINISHED', verdict: 'SE', maxScore: 100 });
    expect(stored.systemError).toMatch(
      /not judged after 3 attempts; the last job \(submission-\d+-g0-a3\) is not in the queue/,
    );
    expect(await progressList(environment, lost.id)).toEqual([
      { type: 'final', submissionId: lost.id, verdict: 'SE', score: 0, maxScore: 100 },
    ]);
  });
});

describe('the reconciler', () => {
  test('enqueues a lost job again with the next attempt, which is then judged', async () => {
    const lost = await createSubmission(environment, {
      problem: 'subsets',
      code: 'var subsets = (nums) => [[]];',
      enqueuedAt: LONG_AGO,
    });

    const report = await worker.reconcileOnce();

    expect(report.requeued).toContain(lost.id);
    await waitUntilFinished(environment, [lost.id]);
    const stored = await environment.prisma.submission.findUniqueOrThrow({ where: { id: lost.id } });
    expect(stored).toMatchObject({ verdict: 'WA', attempts: 2 });
    expect(await environment.queue.getJobState(`submission-${lost.id}-g0-a2`)).toBe('completed');
  });

  test('leaves alone a submission whose job is still queued, restarting its deadline', async () => {
    const waiting = await createSubmission(environment, { problem: 'subsets', code: 'x', enqueuedAt: LONG_AGO });
    // Delayed: queued but not yet processed, like a job behind a long backlog.
    await environment.queue.add(
      'judge',
      { v: 1, submissionId: waiting.id, generation: 0 },
      { jobId: `submission-${waiting.id}-g0`, delay: 60_000 },
    );

    const report = await worker.reconcileOnce();

    expect(report.stillQueued).toContain(waiting.id);
    const stored = await environment.prisma.submission.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(stored.attempts).toBe(1);
    expect(stored.enqueuedAt.getTime()).toBeGreaterThan(LONG_AGO.getTime());
    await environment.queue.remove(`submission-${waiting.id}-g0`);
    await environment.prisma.submission.update({
      where: { id: waiting.id },
      data: { status: 'FINISHED', verdict: 'SE' },
    });
  });

  test("enqueues a user's lost submissions again behind one another, as the API first did", async () => {
    const { problemId, versionId } = environment.versions['spicy-rabbit-head'];
    const user = await environment.prisma.user.create({
      data: { username: `backlog-${Date.now()}`, passwordHash: 'x' },
    });
    const lost = [];
    for (let i = 0; i < 3; i++) {
      lost.push(
        await environment.prisma.submission.create({
          data: {
            userId: user.id,
            problemId,
            problemVersionId: versionId,
            language: 'javascript',
            // Slow to judge, so none of them is final before the reconciler has enqueued all three.
            code: 'while (true) {}',
            enqueuedAt: LONG_AGO,
          },
        }),
      );
    }

    const report = await worker.reconcileOnce();

    for (const submission of lost) expect(report.requeued).toContain(submission.id);
    const priorities = await Promise.all(
      lost.map(
        async (submission) => (await environment.queue.getJob(`submission-${submission.id}-g0-a2`))?.opts.priority,
      ),
    );
    expect(priorities).toEqual([2, 12, 22]);
    await waitUntilFinished(
      environment,
      lost.map((submission) => submission.id),
    );
  });

  test('does nothing while another worker holds its lock', async () => {
    const lost = await createSubmission(environment, { problem: 'subsets', code: 'x', enqueuedAt: LONG_AGO });
    // Another session holds the lock for the length of its transaction.
    const whileLocked = await environment.prisma.$transaction(async (transaction) => {
      await transaction.$executeRaw`SELECT pg_advisory_xact_lock(${RECONCILER_LOCK_KEY}::bigint)`;
      return worker.reconcileOnce();
    });
    expect(whileLocked).toEqual({
      ran: false,
      requeued: [],
      stillQueued: [],
      gaveUp: [],
      checks: { requeued: [], stillQueued: [], gaveUp: [] },
    });
    expect((await worker.reconcileOnce()).requeued).toContain(lost.id);
    await waitUntilFinished(environment, [lost.id]);
  });
});
