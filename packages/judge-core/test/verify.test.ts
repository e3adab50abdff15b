// Soundness and the time-limit measurement of verify.ts, with a scripted runner instead of the sandbox:
// a package without reference solutions is never sound, and the TLE solution's second run stretches
// every time limit (the problem's, its subtasks', its tests').
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemManifestSchema, type ProblemManifestInput } from '@oj/shared';
import type { ProblemPackage } from '../src/package/load.ts';
import { adviseFromChecks, verifyPackageFully } from '../src/package/verify.ts';
import type { ExecutionRequest, SandboxRunner } from '../src/sandbox/runner.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'oj-verify-'));
  await mkdir(path.join(scratch, 'solutions'));
  await writeFile(path.join(scratch, 'solutions/ac.js'), 'console.log(1);\n');
  await writeFile(path.join(scratch, 'solutions/tle.js'), 'while (true) {}\n');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function problem(overrides: Partial<ProblemManifestInput>): ProblemPackage {
  const manifest = problemManifestSchema.parse({
    slug: 'p',
    title: 'P',
    difficulty: 'easy',
    style: 'stdio',
    limits: { timeMs: 1000, memoryMb: 64 },
    checker: { type: 'tokens' },
    samples: ['1'],
    subtasks: [
      // One test each: no test is skipped after another's TLE.
      { id: 'a', score: 40, tests: ['1'] },
      { id: 'b', score: 30, tests: ['2'], limits: { timeMs: 2000 } },
      { id: 'c', score: 30, tests: ['3'] },
    ],
    testLimits: { '3': { timeMs: 9000, memoryMb: 128 }, '1': { memoryMb: 32 } },
    ...overrides,
  });
  return {
    dir: scratch,
    manifest,
    statements: { en: '' },
    testIds: ['1', '2', '3'],
    readTest: (id) => Promise.resolve({ id, input: id, expected: '1' }),
  };
}

/** Prints 1 for ac.js; tle.js runs out of whatever time it was given. */
function runner(): SandboxRunner & { requests: ExecutionRequest[] } {
  const requests: ExecutionRequest[] = [];
  return {
    requests,
    execute: (request) => {
      requests.push(request);
      return Promise.resolve(
        request.code.includes('while')
          ? { status: 'time-limit', output: '', cpuMs: request.limits.timeMs, memoryKb: 1 }
          : { status: 'ok', output: '1', cpuMs: 10, memoryKb: 1 },
      );
    },
  };
}

describe('verifyPackageFully', () => {
  it('is not sound without reference solutions, and judges nothing', async () => {
    const running = runner();
    const verification = await verifyPackageFully(problem({ solutions: [] }), running, { concurrency: 1 });
    expect(verification).toEqual({ invalidInputs: [], solutions: [], sound: false });
    expect(running.requests).toEqual([]);
  });

  it('is sound when every reference solution gets its verdict, each test under its own limits', async () => {
    const running = runner();
    const verification = await verifyPackageFully(
      problem({ solutions: [{ file: 'solutions/ac.js', expect: 'AC' }] }),
      running,
      { concurrency: 1 },
    );
    expect(verification.sound).toBe(true);
    expect(running.requests.map((request) => [request.input, request.limits.timeMs, request.limits.memoryMb])).toEqual([
      ['1', 1000, 32],
      ['2', 2000, 64],
      ['3', 9000, 128],
    ]);
  });
});

describe('adviseFromChecks', () => {
  it('measures a TLE solution with every time limit stretched 3 times (at most 20 s), memory as it was', async () => {
    const judged = problem({
      solutions: [
        { file: 'solutions/ac.js', expect: 'AC' },
        { file: 'solutions/tle.js', expect: 'TLE' },
      ],
    });
    const first = runner();
    const verification = await verifyPackageFully(judged, first, { concurrency: 1 });
    expect(verification.sound).toBe(true);
    const second = runner();
    await adviseFromChecks(judged, verification.solutions, second, { concurrency: 1 });
    expect(second.requests.map((request) => [request.input, request.limits.timeMs, request.limits.memoryMb])).toEqual([
      ['1', 3000, 32],
      ['2', 6000, 64],
      ['3', 20_000, 128],
    ]);
    // The package itself is left as it was.
    expect(judged.manifest.subtasks[1]!.limits).toEqual({ timeMs: 2000 });
    expect(judged.manifest.testLimits).toEqual({ '3': { timeMs: 9000, memoryMb: 128 }, '1': { memoryMb: 32 } });
  });
});
