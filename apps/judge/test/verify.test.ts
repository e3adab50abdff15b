// Setters' verification checks through the judge queue: a check is judged by the worker, a lost or never
// enqueued one is enqueued again by the reconciler, and one that cannot succeed is finished with its reason.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importProblemPackage } from '@oj/db';
import { loadProblemPackage } from '@oj/judge-core';
import { enqueueVerifyJob } from '@oj/queue';
import { storedSolutionCheckSchema, storedValidatorCheckSchema } from '@oj/shared';
import { startJudgeWorker, type JudgeWorkerHandle } from '../src/worker.ts';
import { createTestEnvironment, REPOSITORY_ROOT, waitFor, type TestEnvironment } from './helpers.ts';

let environment: TestEnvironment;
let worker: JudgeWorkerHandle;

beforeAll(async () => {
  environment = await createTestEnvironment('verify');
  worker = await startJudgeWorker(
    environment.config({ reconcileIntervalMs: 0, reconcileDeadlineMs: 1000, maxJudgeAttempts: 3 }),
    { retry: { attempts: 2, backoffMs: 50 } },
  );
});
afterAll(async () => {
  await worker?.close();
  await environment?.destroy();
});

/** The built-in subsets package stored under `slug` with its checks, as the API stores a setter's version. */
async function storedWithChecks(slug: string) {
  const pkg = await loadProblemPackage(path.join(REPOSITORY_ROOT, 'problems/subsets'));
  const stored = await importProblemPackage(
    environment.prisma,
    { ...pkg, manifest: { ...pkg.manifest, slug } },
    { verify: true },
  );
  return environment.prisma.versionCheck.findMany({
    where: { problemVersionId: stored.versionId },
    orderBy: [{ kind: 'asc' }, { position: 'asc' }],
  });
}

async function finished(checkIds: number[]) {
  return waitFor('the checks to finish', async () => {
    const rows = await environment.prisma.versionCheck.findMany({ where: { id: { in: checkIds } } });
    return rows.every((row) => row.status === 'finished') ? rows : undefined;
  });
}

describe('verification checks', () => {
  test('an enqueued check is judged: each reference solution gets its verdict, per test', async () => {
    const checks = await storedWithChecks('verify-enqueued');
    const pkg = await loadProblemPackage(path.join(REPOSITORY_ROOT, 'problems/subsets'));
    expect(checks.map((check) => [check.kind, check.position])).toEqual([
      ['validator', 0],
      ...pkg.manifest.solutions.map((_, position) => ['solution', position]),
    ]);
    for (const check of checks) {
      await environment.prisma.versionCheck.update({ where: { id: check.id }, data: { attempts: 1 } });
      await enqueueVerifyJob(environment.queue, { id: check.id, attempts: 1 });
    }
    const rows = await finished(checks.map((check) => check.id));
    const validator = rows.find((row) => row.kind === 'validator')!;
    expect(storedValidatorCheckSchema.parse(validator.result)).toEqual({ invalidInputs: [], error: null });
    for (const [position, solution] of pkg.manifest.solutions.entries()) {
      const row = rows.find((candidate) => candidate.kind === 'solution' && candidate.position === position)!;
      const result = storedSolutionCheckSchema.parse(row.result);
      expect(result.verdict, solution.file).toBe(solution.expect);
      if (solution.expect === 'AC') expect(result.tests).toHaveLength(pkg.testIds.length);
    }
  }, 180_000);

  test('the reconciler enqueues checks that were never enqueued, and gives up on one out of attempts', async () => {
    const checks = await storedWithChecks('verify-reconciled');
    const [exhausted, ...rest] = checks;
    await environment.prisma.versionCheck.update({
      where: { id: exhausted!.id },
      data: { attempts: 3, enqueuedAt: new Date(Date.now() - 3600_000) },
    });
    const report = await worker.reconcileOnce();
    expect(report.checks?.gaveUp).toEqual([exhausted!.id]);
    expect(report.checks?.requeued).toEqual(expect.arrayContaining(rest.map((check) => check.id)));
    const rows = await finished(checks.map((check) => check.id));
    const gaveUp = rows.find((row) => row.id === exhausted!.id)!;
    expect(storedValidatorCheckSchema.parse(gaveUp.result).error).toBe('not verified after 3 attempts');
    expect(rows.filter((row) => row.kind === 'solution').every((row) => row.attempts === 1)).toBe(true);
  }, 180_000);

  test('a solution whose file is missing from the version ends as SE with the reason, not pending', async () => {
    const checks = await storedWithChecks('verify-missing-file');
    const solution = checks.find((check) => check.kind === 'solution')!;
    const pkg = await loadProblemPackage(path.join(REPOSITORY_ROOT, 'problems/subsets'));
    await environment.prisma.problemFile.delete({
      where: {
        problemVersionId_path: { problemVersionId: solution.problemVersionId, path: pkg.manifest.solutions[0]!.file },
      },
    });
    await environment.prisma.versionCheck.update({ where: { id: solution.id }, data: { attempts: 1 } });
    await enqueueVerifyJob(environment.queue, { id: solution.id, attempts: 1 }, { attempts: 2, backoffMs: 50 });
    const [row] = await finished([solution.id]);
    const result = storedSolutionCheckSchema.parse(row!.result);
    expect(result.verdict).toBe('SE');
    expect(result.compileMessage).toMatch(/has no file solutions\//);
  }, 60_000);
});
