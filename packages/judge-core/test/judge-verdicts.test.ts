// Fast tests of the verdict rules of judgeSubmission and runTest, with a scripted fake runner: what each
// execution status becomes, compile errors, failures of the judge itself, credit, skipping and progress.
import { describe, expect, it } from 'vitest';
import {
  judgeResultSchema,
  problemManifestSchema,
  type ProblemManifestInput,
  type TestResult,
  type Verdict,
} from '@oj/shared';
import type { Checker } from '../src/checkers/index.ts';
import { compileProgram, type CompiledProgram } from '../src/language/compile.ts';
import { judgeSubmission, runTest, type JudgeableProblem, type JudgeReporter } from '../src/judge.ts';
import type { TestCase } from '../src/package/load.ts';
import type { ExecutionOutcome, ExecutionRequest, ExecutionStatus, SandboxRunner } from '../src/sandbox/runner.ts';

type Script = (request: ExecutionRequest) => ExecutionOutcome | Promise<ExecutionOutcome>;

/** A runner that records each request and answers as `script` says; by default it prints the input back. */
function scriptedRunner(
  script: Script = (request) => ok(request.input),
): SandboxRunner & { requests: ExecutionRequest[] } {
  const requests: ExecutionRequest[] = [];
  return {
    requests,
    execute: async (request) => {
      requests.push(request);
      return script(request);
    },
  };
}

function ok(output: string, measured: Partial<ExecutionOutcome> = {}): ExecutionOutcome {
  return { status: 'ok', output, cpuMs: 3, memoryKb: 2048, ...measured };
}

const LIMITS = { timeMs: 1000, memoryMb: 64, outputKb: 64, stackMb: 8 };

/** A valid problem whose test `id` has input `id` and expected answer `answers[id]`. */
function problem(
  answers: Record<string, string>,
  subtasks: ProblemManifestInput['subtasks'],
  overrides: Partial<ProblemManifestInput> = {},
  readTest?: (id: string) => Promise<TestCase>,
  checkerCode?: string,
): JudgeableProblem {
  const testIds = Object.keys(answers);
  const manifest = problemManifestSchema.parse({
    slug: 'p',
    title: 'P',
    difficulty: 'easy',
    style: 'stdio',
    limits: LIMITS,
    checker: { type: 'tokens' },
    samples: [testIds[0]],
    subtasks,
    solutions: [{ file: 'solutions/ok.js', expect: 'AC' }],
    ...overrides,
  });
  return {
    manifest,
    testIds,
    readTest: readTest ?? ((id) => Promise.resolve({ id, input: id, expected: answers[id]! })),
    checkerCode,
  };
}

const oneSubtask = (tests: string[], score = 100) => [{ id: 'all', score, tests }];
const source = 'console.log(1);';

async function judge(
  judged: JudgeableProblem,
  runner: SandboxRunner,
  options: { reporter?: JudgeReporter; concurrency?: number } = {},
) {
  const result = await judgeSubmission(
    { problem: judged, source, language: 'javascript', sandboxKey: 'sub-1' },
    { runner, ...options },
  );
  expect(judgeResultSchema.parse(result)).toEqual(result);
  return result;
}

describe('judgeSubmission maps each execution status to its verdict', () => {
  const cases: [Exclude<ExecutionStatus, 'ok'>, Verdict][] = [
    ['runtime-error', 'RE'],
    ['time-limit', 'TLE'],
    ['memory-limit', 'MLE'],
    ['output-limit', 'OLE'],
    ['system-error', 'SE'],
  ];
  for (const [status, verdict] of cases) {
    it(`${status} -> ${verdict}, with no credit and the runner's message`, async () => {
      const runner = scriptedRunner(() => ({
        status,
        output: '',
        cpuMs: 12,
        memoryKb: 4096,
        message: `${status} happened`,
      }));
      const result = await judge(problem({ '1': '1' }, oneSubtask(['1'])), runner);
      expect(result).toEqual({
        verdict,
        score: 0,
        maxScore: 100,
        tests: [{ id: '1', verdict, timeMs: 12, memoryKb: 4096, message: `${status} happened`, scoreFraction: 0 }],
        subtasks: [{ id: 'all', score: 0, maxScore: 100, verdict }],
        timeMs: 12,
        memoryKb: 4096,
      });
    });
  }

  it('ok -> the checker decides: AC with full credit, WA with none', async () => {
    const runner = scriptedRunner(() => ok('42'));
    const result = await judge(problem({ '1': '42', '2': '41' }, oneSubtask(['1', '2'])), runner);
    expect(result.tests).toEqual([
      { id: '1', verdict: 'AC', timeMs: 3, memoryKb: 2048, scoreFraction: 1 },
      {
        id: '2',
        verdict: 'WA',
        timeMs: 3,
        memoryKb: 2048,
        scoreFraction: 0,
        message: expect.stringMatching(/41/) as string,
      },
    ]);
    expect(result).toMatchObject({ verdict: 'WA', score: 0, maxScore: 100 });
  });

  it('gives no message key when the failed run had no message', async () => {
    const runner = scriptedRunner(() => ({ status: 'runtime-error', output: '', cpuMs: 1, memoryKb: 1 }));
    const result = await judge(problem({ '1': '1' }, oneSubtask(['1'])), runner);
    expect(result.tests[0]).toEqual({ id: '1', verdict: 'RE', timeMs: 1, memoryKb: 1, scoreFraction: 0 });
  });

  it('takes the first non-AC verdict in judging order as the overall verdict', async () => {
    const statuses: Record<string, ExecutionOutcome> = {
      '1': ok('1'),
      '2': { status: 'time-limit', output: '', cpuMs: 1000, memoryKb: 1 },
      '3': { status: 'output-limit', output: '', cpuMs: 1, memoryKb: 1 },
    };
    const runner = scriptedRunner((request) => statuses[request.input]!);
    const result = await judge(
      problem({ '1': '1', '2': '2', '3': '3' }, [
        { id: 'a', score: 10, tests: ['1'] },
        { id: 'b', score: 20, tests: ['2'] },
        { id: 'c', score: 30, tests: ['3'] },
      ]),
      runner,
    );
    expect(result.tests.map((test) => test.verdict)).toEqual(['AC', 'TLE', 'OLE']);
    expect(result.subtasks.map((subtask) => [subtask.id, subtask.score, subtask.verdict])).toEqual([
      ['a', 10, 'AC'],
      ['b', 0, 'TLE'],
      ['c', 0, 'OLE'],
    ]);
    expect(result).toMatchObject({ verdict: 'TLE', score: 10, maxScore: 60 });
  });
});

describe('judgeSubmission with a compile error', () => {
  it('is CE with score 0 out of the full maximum, the compiler message, and nothing run', async () => {
    const runner = scriptedRunner();
    const finished: number[] = [];
    const judged = problem({ '1': '1', '2': '2' }, [
      { id: 'a', score: 30, tests: ['1'] },
      { id: 'b', score: 70, tests: ['2'] },
    ]);
    const result = await judgeSubmission(
      { problem: judged, source: 'let x = ;', language: 'javascript', sandboxKey: 'ce' },
      { runner, reporter: { onTestFinished: (_test, count) => void finished.push(count) } },
    );
    expect(judgeResultSchema.parse(result)).toEqual(result);
    expect(result).toEqual({
      verdict: 'CE',
      score: 0,
      maxScore: 100,
      tests: [],
      subtasks: [],
      compileMessage: expect.stringMatching(/^line 1, column 9: /) as string,
      timeMs: 0,
      memoryKb: 0,
    });
    expect(runner.requests).toEqual([]);
    expect(finished).toEqual([]);
  });

  it('reports TypeScript syntax errors of a .ts source the same way', async () => {
    const result = await judgeSubmission(
      {
        problem: problem({ '1': '1' }, oneSubtask(['1'], 40)),
        source: 'const x: number = ;',
        language: 'typescript',
        sandboxKey: 'ce',
      },
      { runner: scriptedRunner() },
    );
    expect(result).toMatchObject({
      verdict: 'CE',
      score: 0,
      maxScore: 40,
      compileMessage: expect.stringMatching(/^line 1, column \d+: /) as string,
    });
  });
});

describe('judgeSubmission when the judge itself fails', () => {
  it('makes a test whose data cannot be read SE with the reason, and judges the others', async () => {
    const answers = { '1': '1', '2': '2', '3': '3' };
    const readTest = (id: string): Promise<TestCase> =>
      id === '2' ? Promise.reject(new Error('ENOENT: tests/2.out')) : Promise.resolve({ id, input: id, expected: id });
    const runner = scriptedRunner();
    const result = await judge(
      problem(
        answers,
        [
          { id: 'a', score: 50, tests: ['1'] },
          { id: 'b', score: 50, tests: ['2', '3'] },
        ],
        {},
        readTest,
      ),
      runner,
    );
    expect(result.tests).toEqual([
      { id: '1', verdict: 'AC', timeMs: 3, memoryKb: 2048, scoreFraction: 1 },
      {
        id: '2',
        verdict: 'SE',
        timeMs: 0,
        memoryKb: 0,
        scoreFraction: 0,
        message: 'judging failed: ENOENT: tests/2.out',
      },
      // SE gives no credit, so the rest of subtask b cannot matter.
      { id: '3', status: 'skipped', verdict: null, timeMs: 0, memoryKb: 0 },
    ]);
    expect(runner.requests.map((request) => request.input)).toEqual(['1']);
    expect(result).toMatchObject({ verdict: 'SE', score: 50, maxScore: 100 });
  });

  it('makes a test SE when the runner breaks its promise and throws', async () => {
    const runner = scriptedRunner(() => Promise.reject(new Error('pool closed')));
    const result = await judge(problem({ '1': '1' }, oneSubtask(['1'])), runner);
    expect(result.tests).toEqual([
      { id: '1', verdict: 'SE', timeMs: 0, memoryKb: 0, scoreFraction: 0, message: 'judging failed: pool closed' },
    ]);
    expect(result.verdict).toBe('SE');
  });

  it('makes a test with no expected answer SE rather than leaving it without a verdict', async () => {
    const readTest = (id: string) => Promise.resolve({ id, input: id, expected: null } as unknown as TestCase);
    const broken = await judge(problem({ '1': '1' }, oneSubtask(['1']), {}, readTest), scriptedRunner());
    expect(broken.tests).toEqual([{ id: '1', verdict: 'SE', timeMs: 3, memoryKb: 2048, scoreFraction: 0 }]);
    expect(broken.verdict).toBe('SE');
  });
});

describe('judgeSubmission credit', () => {
  const partialChecker = `function check(input, expected, actual) {
    if (actual === 'half') return { verdict: 'WA', score: 0.5, message: 'half right' };
    return actual === expected;
  }`;
  /** Stands in for the sandbox when it runs the custom checker (a function-style call of check). */
  function runnerWithChecker(outputs: Record<string, string>): SandboxRunner & { requests: ExecutionRequest[] } {
    return scriptedRunner((request) => {
      if (request.entry !== 'check') return ok(outputs[request.input] ?? request.input);
      const [, expected, actual] = JSON.parse(request.input) as [string, string, string];
      if (actual === 'half') return ok(JSON.stringify({ verdict: 'WA', score: 0.5, message: 'half right' }));
      return ok(JSON.stringify(actual === expected));
    });
  }

  it("scores a subtask by its weakest test's credit, partial credit included", async () => {
    const runner = runnerWithChecker({ '2': 'half' });
    const judged = problem(
      { '1': '1', '2': '2', '3': '3' },
      [
        { id: 'a', score: 30, tests: ['1'] },
        { id: 'b', score: 70, tests: ['2', '3'] },
      ],
      { checker: { type: 'custom' } },
      undefined,
      partialChecker,
    );
    const result = await judge(judged, runner);
    expect(result.tests.map((test) => [test.id, test.verdict, test.scoreFraction])).toEqual([
      ['1', 'AC', 1],
      ['2', 'WA', 0.5],
      ['3', 'AC', 1],
    ]);
    expect(result.tests[1]).toMatchObject({ message: 'half right' });
    expect(result).toMatchObject({ verdict: 'WA', score: 65, maxScore: 100 });
    expect(result.subtasks).toEqual([
      { id: 'a', score: 30, maxScore: 30, verdict: 'AC' },
      { id: 'b', score: 35, maxScore: 70, verdict: 'WA' },
    ]);
  });

  it('runs the custom checker under its own sandbox key, with the priority of the job', async () => {
    const runner = runnerWithChecker({});
    const judged = problem({ '1': '1' }, oneSubtask(['1']), { checker: { type: 'custom' } }, undefined, partialChecker);
    await judgeSubmission(
      { problem: judged, source, language: 'javascript', sandboxKey: 'sub-9' },
      { runner, priority: 7 },
    );
    expect(runner.requests.map((request) => [request.sandboxKey, request.entry, request.priority])).toEqual([
      ['sub-9', undefined, 7],
      ['sub-9:checker', 'check', 7],
    ]);
    expect(runner.requests[1]!.code).toBe(partialChecker);
  });

  it('gives full marks when every test is AC', async () => {
    const result = await judge(
      problem({ '1': '1', '2': '2' }, [
        { id: 'a', score: 25, tests: ['1'] },
        { id: 'b', score: 75, tests: ['2'] },
      ]),
      scriptedRunner(),
    );
    expect(result).toMatchObject({ verdict: 'AC', score: 100, maxScore: 100 });
    expect(result.tests.map((test) => test.scoreFraction)).toEqual([1, 1]);
  });
});

describe('runTest', () => {
  const manifest = problemManifestSchema.parse({
    slug: 'f',
    title: 'F',
    difficulty: 'easy',
    style: 'function',
    function: { name: 'solve', params: [{ name: 'n', type: 'number' }], returns: 'number' },
    limits: LIMITS,
    checker: { type: 'tokens' },
    samples: ['1'],
    subtasks: oneSubtask(['1']),
    solutions: [{ file: 'solutions/ok.js', expect: 'AC' }],
  });
  let program: CompiledProgram;
  const compiled = async (code: string): Promise<CompiledProgram> => {
    const result = await compileProgram(code, 'typescript');
    if (!result.ok) throw new Error(result.message);
    program = result;
    return program;
  };
  const checkerSaying = (verdict: Awaited<ReturnType<Checker>>): Checker & { calls: number } => {
    const checker = Object.assign(
      () => {
        checker.calls++;
        return verdict;
      },
      { calls: 0 },
    );
    return checker;
  };

  it('sends the program, the style, the entry, the input and the limits to the runner', async () => {
    const runner = scriptedRunner(() => ok('2'));
    await runTest({
      manifest,
      program: await compiled('function solve(n: number) { return n + 1; }'),
      checker: checkerSaying({ verdict: 'AC', scoreFraction: 1 }),
      runner,
      sandboxKey: 'k1',
      input: '[1]',
      expected: '2',
    });
    expect(runner.requests).toEqual([
      {
        sandboxKey: 'k1',
        code: program.code,
        fileName: 'solution.ts',
        style: 'function',
        entry: 'solve',
        input: '[1]',
        limits: manifest.limits,
      },
    ]);
  });

  it('gives AC full credit even when a checker reports less', async () => {
    const run = await runTest({
      manifest,
      program: await compiled('function solve() { return 1; }'),
      checker: checkerSaying({ verdict: 'AC', scoreFraction: 0.25 }),
      runner: scriptedRunner(() => ok('1')),
      sandboxKey: 'k',
      input: '[]',
      expected: '1',
    });
    expect(run).toEqual({ verdict: 'AC', scoreFraction: 1, timeMs: 3, memoryKb: 2048, output: '1' });
  });

  it("keeps a WA's partial credit and the checker's message, and gives the checker the texts", async () => {
    const calls: unknown[] = [];
    const checker: Checker = (check) => {
      calls.push(check);
      return { verdict: 'WA', scoreFraction: 0.4, message: 'close' };
    };
    const run = await runTest({
      manifest,
      program: await compiled('function solve() { return 3; }'),
      checker,
      runner: scriptedRunner(() => ok('3')),
      sandboxKey: 'k',
      input: '[5]',
      expected: '4',
    });
    expect(run).toEqual({
      verdict: 'WA',
      scoreFraction: 0.4,
      message: 'close',
      timeMs: 3,
      memoryKb: 2048,
      output: '3',
    });
    expect(calls).toEqual([{ input: '[5]', expected: '4', actual: '3' }]);
  });

  it('has no verdict and does not check when there is no expected answer (a custom run)', async () => {
    const checker = checkerSaying({ verdict: 'WA', scoreFraction: 0 });
    const run = await runTest({
      manifest,
      program: await compiled('function solve() { return 3; }'),
      checker,
      runner: scriptedRunner(() => ok('3')),
      sandboxKey: 'k',
      input: '[]',
      expected: null,
    });
    expect(run).toEqual({ verdict: null, scoreFraction: 0, timeMs: 3, memoryKb: 2048, output: '3' });
    expect(checker.calls).toBe(0);
  });

  it('still reports a failed run when there is no expected answer', async () => {
    const runner = scriptedRunner(() => ({ status: 'time-limit', output: '', cpuMs: 1000, memoryKb: 9 }));
    const run = await runTest({
      manifest,
      program: await compiled('function solve() {}'),
      checker: checkerSaying({ verdict: 'AC', scoreFraction: 1 }),
      runner,
      sandboxKey: 'k',
      input: '[]',
      expected: null,
    });
    expect(run).toEqual({ verdict: 'TLE', scoreFraction: 0, timeMs: 1000, memoryKb: 9, output: '' });
  });

  it('rounds the measurements to whole numbers and never below 0', async () => {
    const measuredAs = async (cpuMs: number, memoryKb: number) =>
      runTest({
        manifest,
        program: await compiled('function solve() { return 1; }'),
        checker: checkerSaying({ verdict: 'AC', scoreFraction: 1 }),
        runner: scriptedRunner(() => ok('1', { cpuMs, memoryKb })),
        sandboxKey: 'k',
        input: '[]',
        expected: '1',
      });
    expect(await measuredAs(4.6, 100.4)).toMatchObject({ timeMs: 5, memoryKb: 100 });
    expect(await measuredAs(-3, -1)).toMatchObject({ timeMs: 0, memoryKb: 0 });
  });

  it('points a runtime error at the line and column of the source, not of the compiled code', async () => {
    const typed =
      'type Pair = { a: number; b: number };\ninterface Unused { x: string }\n\nfunction solve(pair: Pair): number {\n  throw new Error("boom");\n}\n';
    const built = await compiled(typed);
    const compiledLines = built.code.split('\n');
    const line = compiledLines.findIndex((text) => text.includes('throw')) + 1;
    const column = compiledLines[line - 1]!.indexOf('throw') + 1;
    expect(line).not.toBe(5);
    const runner = scriptedRunner(() => ({
      status: 'runtime-error',
      output: '',
      cpuMs: 1,
      memoryKb: 1,
      message: 'Error: boom',
      errorLocation: { line, column },
    }));
    const run = await runTest({
      manifest,
      program: built,
      checker: checkerSaying({ verdict: 'AC', scoreFraction: 1 }),
      runner,
      sandboxKey: 'k',
      input: '[]',
      expected: '1',
    });
    expect(run.message).toBe('Error: boom (line 5, column 3)');
  });

  it('keeps the message as it is when the location maps to no source position or there is none', async () => {
    const built = await compiled('function solve() { throw new Error("x"); }');
    const failWith = async (outcome: Partial<ExecutionOutcome>) =>
      (
        await runTest({
          manifest,
          program: built,
          checker: checkerSaying({ verdict: 'AC', scoreFraction: 1 }),
          runner: scriptedRunner(() => ({ status: 'runtime-error', output: '', cpuMs: 1, memoryKb: 1, ...outcome })),
          sandboxKey: 'k',
          input: '[]',
          expected: '1',
        })
      ).message;
    expect(await failWith({ message: 'Error: x', errorLocation: { line: 999, column: 1 } })).toBe('Error: x');
    expect(await failWith({ message: 'Error: x' })).toBe('Error: x');
    expect(await failWith({ errorLocation: { line: 1, column: 1 } })).toBeUndefined();
  });
});

describe('judgeSubmission runs each test under its own limits', () => {
  it('sends the test override, else its subtask override, else the problem limits, and returns the verdict the runner gives', async () => {
    // The runner plays the sandbox: over the time it was given, the test is TLE.
    const runner = scriptedRunner((request) =>
      request.limits.timeMs < 1500
        ? { status: 'time-limit', output: '', cpuMs: request.limits.timeMs, memoryKb: 1 }
        : ok(request.input, { cpuMs: 1500 }),
    );
    const result = await judge(
      problem(
        { a: 'a', b: 'b', c: 'c', d: 'd' },
        [
          // b first: listed after the failing a, it would be skipped.
          { id: 'small', score: 40, tests: ['b', 'a'] },
          { id: 'large', score: 60, tests: ['c', 'd'], limits: { timeMs: 2000, memoryMb: 128 } },
        ],
        { testLimits: { b: { timeMs: 3000 }, d: { memoryMb: 512 } } },
      ),
      runner,
    );
    const sent = Object.fromEntries(runner.requests.map((request) => [request.input, request.limits]));
    expect(sent).toEqual({
      a: LIMITS,
      b: { ...LIMITS, timeMs: 3000 },
      c: { ...LIMITS, timeMs: 2000, memoryMb: 128 },
      d: { ...LIMITS, timeMs: 2000, memoryMb: 512 },
    });
    expect(result.tests.map((test) => [test.id, test.verdict])).toEqual([
      ['a', 'TLE'],
      ['b', 'AC'],
      ['c', 'AC'],
      ['d', 'AC'],
    ]);
    expect(result).toMatchObject({ verdict: 'TLE', score: 60, maxScore: 100 });
  });

  it('runTest without a test id (a custom run) uses the problem limits', async () => {
    const judged = problem({ t: 't' }, [{ id: 'all', score: 100, tests: ['t'], limits: { timeMs: 5000 } }]);
    const compiled = await compileProgram(source, 'javascript');
    if (!compiled.ok) throw new Error(compiled.message);
    const runner = scriptedRunner();
    const checker: Checker = () => ({ verdict: 'AC', scoreFraction: 1 });
    const common = { manifest: judged.manifest, program: compiled, checker, runner, sandboxKey: 'k', input: 't' };
    await runTest({ ...common, expected: null });
    await runTest({ ...common, testId: 't', expected: 't' });
    expect(runner.requests.map((request) => request.limits.timeMs)).toEqual([1000, 5000]);
  });
});

describe('judgeSubmission skipping and subtask dependencies', () => {
  it('skips the tests of every subtask that depends, directly or not, on a failed one, and runs the others', async () => {
    const runner = scriptedRunner((request) => ok(request.input === '2' ? 'wrong' : request.input));
    const result = await judge(
      problem({ '1': '1', '2': '2', '3': '3', '4': '4', '5': '5' }, [
        { id: 'base', score: 10, tests: ['1', '2'] },
        { id: 'mid', score: 20, tests: ['3'], dependencies: ['base'] },
        { id: 'top', score: 30, tests: ['4'], dependencies: ['mid'] },
        { id: 'free', score: 40, tests: ['5'] },
      ]),
      runner,
    );
    expect(runner.requests.map((request) => request.input)).toEqual(['1', '2', '5']);
    expect(result.tests.map((test) => [test.id, test.status ?? 'judged', test.verdict])).toEqual([
      ['1', 'judged', 'AC'],
      ['2', 'judged', 'WA'],
      ['3', 'skipped', null],
      ['4', 'skipped', null],
      ['5', 'judged', 'AC'],
    ]);
    expect(result.subtasks.map((subtask) => [subtask.id, subtask.score, subtask.verdict])).toEqual([
      ['base', 0, 'WA'],
      ['mid', 0, 'WA'],
      ['top', 0, 'WA'],
      ['free', 40, 'AC'],
    ]);
    expect(result).toMatchObject({ verdict: 'WA', score: 40, maxScore: 100 });
  });

  it('does not skip after a failure with partial credit: a later test could still score lower', async () => {
    const runner = scriptedRunner((request) => {
      if (request.entry === 'check') {
        const [, , actual] = JSON.parse(request.input) as [string, string, string];
        return ok(actual === 'half' ? '{"verdict":"WA","score":0.5}' : 'true');
      }
      return ok(request.input === '1' ? 'half' : request.input);
    });
    const result = await judge(
      problem(
        { '1': '1', '2': '2' },
        oneSubtask(['1', '2']),
        { checker: { type: 'custom' } },
        undefined,
        'function check() {}',
      ),
      runner,
    );
    expect(result.tests.map((test) => test.status ?? 'judged')).toEqual(['judged', 'judged']);
    expect(result.score).toBe(50);
  });

  it('measures the submission by its slowest and largest judged test', async () => {
    const measures: Record<string, Partial<ExecutionOutcome>> = {
      '1': { cpuMs: 40, memoryKb: 100 },
      '2': { cpuMs: 10, memoryKb: 900 },
      '3': { cpuMs: 25, memoryKb: 5 },
    };
    const result = await judge(
      problem({ '1': '1', '2': '2', '3': '3' }, oneSubtask(['1', '2', '3'])),
      scriptedRunner((request) => ok(request.input, measures[request.input])),
    );
    expect(result).toMatchObject({ verdict: 'AC', timeMs: 40, memoryKb: 900 });
  });

  it('judges with at least one worker whatever the concurrency asked for', async () => {
    for (const concurrency of [0, -1, 10]) {
      const runner = scriptedRunner();
      const result = await judge(problem({ '1': '1', '2': '2' }, oneSubtask(['1', '2'])), runner, { concurrency });
      expect(
        result.tests.map((test) => test.verdict),
        String(concurrency),
      ).toEqual(['AC', 'AC']);
      expect(runner.requests).toHaveLength(2);
    }
  });

  it('runs as many tests at once as the concurrency allows', async () => {
    let running = 0;
    let mostAtOnce = 0;
    const runner = scriptedRunner(async (request) => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return ok(request.input);
    });
    const ids = ['1', '2', '3', '4', '5', '6'];
    await judge(problem(Object.fromEntries(ids.map((id) => [id, id])), oneSubtask(ids)), runner, { concurrency: 3 });
    expect(mostAtOnce).toBe(3);
    mostAtOnce = 0;
    await judge(problem(Object.fromEntries(ids.map((id) => [id, id])), oneSubtask(ids)), runner);
    expect(mostAtOnce).toBe(1);
  });
});

describe('judgeSubmission reports progress', () => {
  it('reports every test, skipped ones included, with the count finished so far out of the total', async () => {
    const reported: [string, string, number, number][] = [];
    const reporter: JudgeReporter = {
      onTestFinished: (test: TestResult, finished, total) => {
        reported.push([test.id, test.status ?? String(test.verdict), finished, total]);
      },
    };
    const runner = scriptedRunner((request) => ok(request.input === '1' ? 'wrong' : request.input));
    await judge(
      problem({ '1': '1', '2': '2', '3': '3' }, [
        { id: 'a', score: 50, tests: ['1', '2'] },
        { id: 'b', score: 50, tests: ['3'] },
      ]),
      runner,
      { reporter },
    );
    expect(reported).toEqual([
      ['1', 'WA', 1, 3],
      ['2', 'skipped', 2, 3],
      ['3', 'AC', 3, 3],
    ]);
  });

  it('waits for the reporter before it returns', async () => {
    const reported: string[] = [];
    const reporter: JudgeReporter = {
      onTestFinished: async (test) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        reported.push(test.id);
      },
    };
    await judge(problem({ '1': '1', '2': '2' }, oneSubtask(['1', '2'])), scriptedRunner(), {
      reporter,
      concurrency: 2,
    });
    expect(reported.sort()).toEqual(['1', '2']);
  });

  it('counts tests in the order they finish when they run concurrently', async () => {
    const counts: [string, number, number][] = [];
    const delays: Record<string, number> = { '1': 30, '2': 1 };
    const runner = scriptedRunner(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, delays[request.input]));
      return ok(request.input);
    });
    const result = await judge(problem({ '1': '1', '2': '2' }, oneSubtask(['1', '2'])), runner, {
      concurrency: 2,
      reporter: { onTestFinished: (test, finished, total) => void counts.push([test.id, finished, total]) },
    });
    expect(counts).toEqual([
      ['2', 1, 2],
      ['1', 2, 2],
    ]);
    // The result keeps judging order, whatever the order of finishing.
    expect(result.tests.map((test) => test.id)).toEqual(['1', '2']);
  });
});

describe('judgeSubmission wiring', () => {
  it('refuses a custom checker spec when the problem brings no checker code', async () => {
    const judged = problem({ '1': '1' }, oneSubtask(['1']), { checker: { type: 'custom' } });
    await expect(
      judgeSubmission(
        { problem: judged, source, language: 'javascript', sandboxKey: 'x' },
        { runner: scriptedRunner() },
      ),
    ).rejects.toThrow(/checker "checker.js" is custom, but no checker code/);
  });

  it('adds no priority to the requests when the job has none', async () => {
    const runner = scriptedRunner();
    await judge(problem({ '1': '1' }, oneSubtask(['1'])), runner);
    expect(runner.requests).toHaveLength(1);
    expect(Object.keys(runner.requests[0]!)).not.toContain('priority');
  });

  it('accepts a reporter that does not listen to finished tests', async () => {
    const result = await judge(problem({ '1': '1' }, oneSubtask(['1'])), scriptedRunner(), { reporter: {} });
    expect(result.verdict).toBe('AC');
  });
});
