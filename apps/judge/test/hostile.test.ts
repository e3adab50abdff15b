// "Hostile code of any kind gets one of these verdicts; the worker keeps serving" (docs/architecture.md, "The sandbox").
// judge-core's own tests probe the sandbox in depth; this proves the worker around it survives a run of
// hostile submissions and judges the next honest one correctly.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importProblemPackage } from '@oj/db';
import type { ProblemPackage } from '@oj/judge-core';
import { problemManifestSchema, type Verdict } from '@oj/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enqueueJudgeJob } from '@oj/queue';
import { startJudgeWorker, type JudgeWorkerHandle } from '../src/worker.ts';
import {
  createSubmission,
  createTestEnvironment,
  readSolution,
  waitUntilFinished,
  type TestEnvironment,
} from './helpers.ts';

let environment: TestEnvironment;
let worker: JudgeWorkerHandle;
let probe: { problemId: number; versionId: number };

/** Reads two numbers, prints their sum; two tests so each hostile program runs twice. */
function sumProblem(dir: string): ProblemPackage {
  const tests = new Map([
    ['1', { id: '1', input: '2 3\n', expected: '5\n' }],
    ['2', { id: '2', input: '40 2\n', expected: '42\n' }],
  ]);
  return {
    // An empty folder: the package lives in memory, so there are no files to store with the version.
    dir,
    manifest: problemManifestSchema.parse({
      slug: 'hostile-sum',
      title: 'Sum, under attack',
      difficulty: 'easy',
      style: 'stdio',
      limits: { timeMs: 1000, memoryMb: 64, outputKb: 64, stackMb: 64 },
      checker: { type: 'lines' },
      samples: ['1'],
      subtasks: [{ id: 'all', score: 100, tests: ['1', '2'] }],
      solutions: [{ file: 'solutions/ac.js', expect: 'AC' }],
    }),
    statements: { en: 'Print the sum of two integers.' },
    testIds: [...tests.keys()],
    readTest: (id) => Promise.resolve(tests.get(id)!),
  };
}

beforeAll(async () => {
  environment = await createTestEnvironment('hostile');
  probe = await importProblemPackage(
    environment.prisma,
    sumProblem(await mkdtemp(path.join(tmpdir(), 'oj-hostile-sum-'))),
  );
  worker = await startJudgeWorker(environment.config());
});
afterAll(async () => {
  await worker?.close();
  await environment?.destroy();
});

const NOT_ANSWERED: Verdict[] = ['WA', 'RE', 'TLE', 'MLE', 'OLE'];

/** Each program, and the verdicts it may get: never SE (our fault), never AC. */
const HOSTILE: { name: string; code: string; verdicts: Verdict[] }[] = [
  { name: 'infinite loop', code: 'while (true) {}', verdicts: ['TLE'] },
  { name: 'infinite loop in a catch-all', code: 'for (;;) { try { for (;;) {} } catch {} }', verdicts: ['TLE'] },
  {
    name: 'memory bomb',
    code: 'const hoard = []; for (;;) hoard.push(new Array(1e6).fill(1));',
    verdicts: ['MLE', 'RE', 'TLE'],
  },
  { name: 'one huge array', code: 'new Array(1e8).fill(0); console.log(5);', verdicts: ['MLE', 'RE', 'TLE'] },
  { name: 'string doubling', code: 'let s = "x"; for (;;) s += s;', verdicts: ['MLE', 'RE', 'TLE'] },
  {
    name: 'thrown Proxy whose get trap loops',
    code: 'throw new Proxy({}, { get() { for (;;) {} } });',
    verdicts: ['TLE', 'RE'],
  },
  {
    name: 'thrown error whose message getter loops',
    code: 'throw { get message() { for (;;) {} }, get stack() { for (;;) {} } };',
    verdicts: ['TLE', 'RE'],
  },
  {
    name: 'stack trace hook that loops',
    code: 'Error.prepareStackTrace = () => { for (;;) {} }; null.x;',
    verdicts: ['TLE', 'RE'],
  },
  { name: 'output flood', code: 'for (;;) console.log("flood ".repeat(100));', verdicts: ['OLE', 'TLE'] },
  { name: 'one giant write', code: 'process.stdout.write("x".repeat(5e7));', verdicts: ['OLE', 'MLE', 'RE'] },
  {
    name: "require('child_process')",
    code: "require('child_process').execSync('touch /tmp/oj-pwned');",
    verdicts: ['RE'],
  },
  { name: "require('fs') writes", code: "require('fs').writeFileSync('/tmp/oj-pwned', 'x');", verdicts: ['RE'] },
  { name: "require('net')", code: "require('net').connect(6379, '127.0.0.1');", verdicts: ['RE'] },
  { name: 'process.exit', code: 'process.exit(0);', verdicts: ['WA', 'RE'] },
  {
    name: 'escape through the Function constructor',
    code: 'console.log(String(this.constructor.constructor("return typeof process.binding")()));',
    verdicts: ['WA', 'RE'],
  },
  {
    name: 'unbounded recursion',
    code: 'function dive(n) { return dive(n + 1) + 1; } dive(0);',
    verdicts: ['RE', 'MLE', 'TLE'],
  },
  {
    name: 'endless microtasks',
    code: 'const spin = () => Promise.resolve().then(spin); spin();',
    verdicts: ['TLE', 'MLE', 'RE'],
  },
  {
    name: 'Atomics.wait forever',
    code: 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);',
    verdicts: ['TLE', 'RE'],
  },
  {
    name: 'timers that outlive the test',
    code: 'setInterval(() => console.log(5), 1); setTimeout(() => { for (;;) {} }, 10);',
    verdicts: NOT_ANSWERED,
  },
  { name: 'eval of a loop', code: 'eval("while (1) {}")', verdicts: ['TLE'] },
];

describe('20 hostile submissions in a row', () => {
  test('each get a verdict that is neither SE nor AC, and the worker then judges an honest submission AC', async () => {
    expect(HOSTILE).toHaveLength(20);
    const hostile: { id: number; name: string; verdicts: Verdict[] }[] = [];
    for (const program of HOSTILE) {
      const submission = await environment.prisma.submission.create({
        data: {
          userId: environment.userId,
          problemId: probe.problemId,
          problemVersionId: probe.versionId,
          language: 'javascript',
          code: program.code,
          attempts: 1,
        },
      });
      await enqueueJudgeJob(environment.queue, submission, 'live');
      hostile.push({ id: submission.id, name: program.name, verdicts: program.verdicts });
    }
    const honest = await createSubmission(environment, {
      problem: 'spicy-rabbit-head',
      code: await readSolution('spicy-rabbit-head', 'ac.js'),
    });
    await enqueueJudgeJob(environment.queue, honest, 'live');

    await waitUntilFinished(environment, [...hostile.map((submission) => submission.id), honest.id], 300_000);

    const rows = await environment.prisma.submission.findMany({
      where: { id: { in: hostile.map((submission) => submission.id) } },
    });
    const verdictOf = new Map(rows.map((row) => [row.id, row.verdict]));
    const outcomes = hostile.map((submission) => ({ name: submission.name, verdict: verdictOf.get(submission.id) }));
    for (const [index, submission] of hostile.entries()) {
      expect(submission.verdicts, `${submission.name}: ${JSON.stringify(outcomes[index])}`).toContain(
        outcomes[index]!.verdict,
      );
    }
    const honestRow = await environment.prisma.submission.findUniqueOrThrow({ where: { id: honest.id } });
    expect(honestRow.verdict).toBe('AC');
  });

  test('touched nothing on the host', async () => {
    const { existsSync } = await import('node:fs');
    expect(existsSync('/tmp/oj-pwned')).toBe(false);
  });
});
