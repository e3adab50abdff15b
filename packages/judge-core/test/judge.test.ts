import type { ProblemManifest } from '@oj/shared';
import { describe, expect, it } from 'vitest';
import { judgeSubmission, type JudgeableProblem } from '../src/judge.ts';
import type { ExecutionOutcome, SandboxRunner } from '../src/sandbox/runner.ts';

/** A runner that prints the input back, except for inputs starting with "wrong", and counts its calls. */
function echoRunner(): SandboxRunner & { inputs: string[] } {
  const inputs: string[] = [];
  return {
    inputs,
    execute: (request: { input: string }): Promise<ExecutionOutcome> => {
      inputs.push(request.input);
      const output = request.input.startsWith('wrong') ? 'nope' : request.input;
      return Promise.resolve({ status: 'ok', output, cpuMs: 5, memoryKb: 1024 });
    },
  };
}

function problem(subtasks: ProblemManifest['subtasks'], answers: Record<string, string>): JudgeableProblem {
  return {
    manifest: {
      style: 'stdio',
      checker: { type: 'tokens' },
      limits: { timeMs: 1000, memoryMb: 64, outputKb: 64, stackMb: 8 },
      subtasks,
    } as unknown as ProblemManifest,
    testIds: Object.keys(answers),
    readTest: (id: string) =>
      Promise.resolve({ input: answers[id]!, expected: answers[id]!.startsWith('wrong') ? 'right' : answers[id]! }),
    checkerCode: undefined,
  } as unknown as JudgeableProblem;
}

const source = 'console.log(1);';

describe('judgeSubmission stops a failed subtask early', () => {
  it('runs no further test of a min-rule subtask after one fails, and shows them skipped', async () => {
    const runner = echoRunner();
    const result = await judgeSubmission(
      {
        problem: problem(
          [
            { id: 'a', score: 40, tests: ['1', '2', '3'], dependencies: [] },
            { id: 'b', score: 60, tests: ['4', '5'], dependencies: [] },
          ],
          { '1': 'wrong1', '2': 'x2', '3': 'wrong3', '4': 'x4', '5': 'x5' },
        ),
        source,
        language: 'javascript',
        sandboxKey: 'k',
      },
      { runner },
    );
    expect(runner.inputs).toEqual(['wrong1', 'x4', 'x5']);
    expect(result.tests.map((test) => [test.id, test.status ?? 'judged', test.verdict])).toEqual([
      ['1', 'judged', 'WA'],
      ['2', 'skipped', null],
      ['3', 'skipped', null],
      ['4', 'judged', 'AC'],
      ['5', 'judged', 'AC'],
    ]);
    expect(result.verdict).toBe('WA');
    expect(result.score).toBe(60);
    expect(result.subtasks.map((subtask) => [subtask.id, subtask.score, subtask.verdict])).toEqual([
      ['a', 0, 'WA'],
      ['b', 60, 'AC'],
    ]);
  });

  it('gives the same score and verdict with tests running concurrently, and keeps what ran', async () => {
    const runner = echoRunner();
    const result = await judgeSubmission(
      {
        problem: problem([{ id: 'a', score: 100, tests: ['1', '2', '3', '4'], dependencies: [] }], {
          '1': 'wrong1',
          '2': 'wrong2',
          '3': 'x3',
          '4': 'x4',
        }),
        source,
        language: 'javascript',
        sandboxKey: 'k',
      },
      { runner, concurrency: 2 },
    );
    // Test 2 was already running when test 1 failed: it keeps its result (it was shown live).
    expect(runner.inputs).toEqual(['wrong1', 'wrong2']);
    expect(result.tests.map((test) => [test.status ?? 'judged', test.verdict])).toEqual([
      ['judged', 'WA'],
      ['judged', 'WA'],
      ['skipped', null],
      ['skipped', null],
    ]);
    expect(result.verdict).toBe('WA');
    expect(result.score).toBe(0);
  });

  it('runs a test in no subtask even after a failure', async () => {
    const runner = echoRunner();
    const result = await judgeSubmission(
      {
        problem: problem([{ id: 'a', score: 100, tests: ['1', '2'], dependencies: [] }], {
          '1': 'wrong1',
          '2': 'x2',
          extra: 'wrongx',
        }),
        source,
        language: 'javascript',
        sandboxKey: 'k',
      },
      { runner },
    );
    expect(runner.inputs).toEqual(['wrong1', 'wrongx']);
    expect(result.verdict).toBe('WA');
  });
});

describe('judgeSubmission priority', () => {
  it("passes the job's priority with every run to the runner", async () => {
    const priorities: (number | undefined)[] = [];
    const runner: SandboxRunner = {
      execute: (request) => {
        priorities.push(request.priority);
        return Promise.resolve({ status: 'ok', output: request.input, cpuMs: 1, memoryKb: 1 });
      },
    };
    const judged = problem([{ id: 'a', score: 100, tests: ['1', '2'], dependencies: [] }], { '1': 'x1', '2': 'x2' });
    await judgeSubmission(
      { problem: judged, source, language: 'javascript', sandboxKey: 'p' },
      { runner, priority: 32 },
    );
    await judgeSubmission({ problem: judged, source, language: 'javascript', sandboxKey: 'q' }, { runner });
    expect(priorities).toEqual([32, 32, undefined, undefined]);
  });
});

describe('judgeSubmission skips subtasks whose dependency failed', () => {
  it('runs no test of a subtask once a subtask it depends on has failed, and scores as a full run', async () => {
    const subtasks = [
      { id: 'small', score: 40, tests: ['1', '2'], dependencies: [] },
      { id: 'large', score: 60, tests: ['3', '4'], dependencies: ['small'] },
      { id: 'huge', score: 0, tests: ['5'], dependencies: ['large'] },
    ];
    const answers = { '1': 'wrong1', '2': 'x2', '3': 'wrong3', '4': 'x4', '5': 'x5' };
    const runner = echoRunner();
    const result = await judgeSubmission(
      { problem: problem(subtasks, answers), source, language: 'javascript', sandboxKey: 'd' },
      { runner },
    );
    expect(runner.inputs).toEqual(['wrong1']);
    expect(result.tests.map((test) => test.status ?? 'judged')).toEqual([
      'judged',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect(result).toMatchObject({ verdict: 'WA', score: 0, maxScore: 100 });
    expect(result.subtasks.map((subtask) => [subtask.id, subtask.score, subtask.verdict])).toEqual([
      ['small', 0, 'WA'],
      ['large', 0, 'WA'],
      ['huge', 0, 'WA'],
    ]);
  });

  it('still runs a dependent subtask when its dependency passed', async () => {
    const runner = echoRunner();
    const result = await judgeSubmission(
      {
        problem: problem(
          [
            { id: 'small', score: 40, tests: ['1'], dependencies: [] },
            { id: 'large', score: 60, tests: ['2', '3'], dependencies: ['small'] },
          ],
          { '1': 'x1', '2': 'x2', '3': 'wrong3' },
        ),
        source,
        language: 'javascript',
        sandboxKey: 'e',
      },
      { runner, concurrency: 2 },
    );
    expect(runner.inputs.sort()).toEqual(['wrong3', 'x1', 'x2']);
    expect(result).toMatchObject({ verdict: 'WA', score: 40 });
  });
});
