import {
  effectiveTestLimits,
  type JudgedTestResult,
  type JudgeResult,
  type Language,
  type ProblemManifest,
  type TestResult,
  type Verdict,
} from '@oj/shared';
import { createChecker, type Checker } from './checkers/index.ts';
import { compileProgram, type CompiledProgram } from './language/compile.ts';
import type { ProblemPackage } from './package/load.ts';
import type { ExecutionOutcome, ExecutionStatus, SandboxRunner } from './sandbox/runner.ts';
import { canSkipTest, scoreSubmission } from './scoring.ts';

/** What judging needs of a problem; a package on disk or a problem version from the database both fit. */
export type JudgeableProblem = Pick<ProblemPackage, 'manifest' | 'testIds' | 'readTest' | 'checkerCode'>;

export interface JudgeRequest {
  problem: JudgeableProblem;
  source: string;
  language: Language;
  /** Isolates are never shared between different keys: use one per submission. */
  sandboxKey: string;
}

export interface JudgeReporter {
  /** Called as each test finishes, in the order they finish. */
  onTestFinished?(result: TestResult, finished: number, total: number): void | Promise<void>;
}

export interface JudgeDependencies {
  runner: SandboxRunner;
  reporter?: JudgeReporter;
  /** How many tests run at once; match the runner's pool size. */
  concurrency?: number;
  /** Passed with every run (tests and custom checker) to the runner: see ExecutionRequest.priority. */
  priority?: number;
}

const VERDICT_BY_STATUS: Record<Exclude<ExecutionStatus, 'ok'>, Verdict> = {
  'runtime-error': 'RE',
  'time-limit': 'TLE',
  'memory-limit': 'MLE',
  'output-limit': 'OLE',
  'system-error': 'SE',
};

function runtimeMessage(outcome: ExecutionOutcome, program: CompiledProgram): string | undefined {
  if (!outcome.message || !outcome.errorLocation) return outcome.message;
  const original = program.originalPosition(outcome.errorLocation.line, outcome.errorLocation.column);
  return original ? `${outcome.message} (line ${original.line}, column ${original.column})` : outcome.message;
}

/** The problem's checker; a custom one runs in the sandbox under its own key. */
export function problemChecker(
  problem: Pick<JudgeableProblem, 'manifest' | 'checkerCode'>,
  runner: SandboxRunner,
  sandboxKey: string,
): Checker {
  return createChecker(problem.manifest.checker, {
    style: problem.manifest.style,
    ...(problem.checkerCode !== undefined
      ? { customChecker: { code: problem.checkerCode, runner, sandboxKey: `${sandboxKey}:checker` } }
      : {}),
  });
}

export interface TestRunRequest {
  manifest: ProblemManifest;
  program: CompiledProgram;
  checker: Checker;
  runner: SandboxRunner;
  sandboxKey: string;
  /** The test being run, whose own limits (subtask or testLimits) apply; omitted for a learner's own input. */
  testId?: string;
  input: string;
  /** Null when there is nothing to compare with (a learner's own input): the verdict is then null if it ran. */
  expected: string | null;
}

export interface TestRun {
  verdict: Verdict | null;
  timeMs: number;
  memoryKb: number;
  /** What the program printed (stdio) or returned as JSON (function style). */
  output: string;
  message?: string;
  scoreFraction: number;
}

/** Runs the program on one input in the sandbox and, when the answer is known, checks it. */
export async function runTest(request: TestRunRequest): Promise<TestRun> {
  const { manifest, program } = request;
  const outcome = await request.runner.execute({
    sandboxKey: request.sandboxKey,
    code: program.code,
    fileName: program.fileName,
    style: manifest.style,
    entry: manifest.function?.name,
    input: request.input,
    limits: effectiveTestLimits(manifest, request.testId),
  });
  const measured = {
    timeMs: Math.max(0, Math.round(outcome.cpuMs)),
    memoryKb: Math.max(0, Math.round(outcome.memoryKb)),
    output: outcome.output,
  };
  if (outcome.status !== 'ok') {
    const message = runtimeMessage(outcome, program);
    return {
      ...measured,
      verdict: VERDICT_BY_STATUS[outcome.status],
      scoreFraction: 0,
      ...(message ? { message } : {}),
    };
  }
  if (request.expected === null) return { ...measured, verdict: null, scoreFraction: 0 };
  const checked = await request.checker({ input: request.input, expected: request.expected, actual: outcome.output });
  return {
    ...measured,
    verdict: checked.verdict,
    scoreFraction: checked.verdict === 'AC' ? 1 : checked.scoreFraction,
    ...(checked.message ? { message: checked.message } : {}),
  };
}

async function judgeTest(
  id: string,
  request: JudgeRequest,
  program: CompiledProgram,
  checker: Checker,
  runner: SandboxRunner,
): Promise<JudgedTestResult> {
  const test = await request.problem.readTest(id);
  const run = await runTest({
    manifest: request.problem.manifest,
    program,
    checker,
    runner,
    sandboxKey: request.sandboxKey,
    testId: id,
    input: test.input,
    expected: test.expected,
  });
  const { output: _output, verdict, ...measured } = run;
  // Every judged test has an expected answer, so the verdict is never null here.
  return { id, ...measured, verdict: verdict ?? 'SE' };
}

/**
 * Judges one submission: compile, run every test in the sandbox, check, score. Pure of any service:
 * the runner, the problem and the reporter come in as arguments.
 */
export async function judgeSubmission(request: JudgeRequest, dependencies: JudgeDependencies): Promise<JudgeResult> {
  const { manifest, testIds } = request.problem;
  const compiled = await compileProgram(request.source, request.language);
  if (!compiled.ok) {
    const maxScore = manifest.subtasks.reduce((sum, subtask) => sum + subtask.score, 0);
    return {
      verdict: 'CE',
      score: 0,
      maxScore,
      tests: [],
      subtasks: [],
      compileMessage: compiled.message,
      timeMs: 0,
      memoryKb: 0,
    };
  }
  const { priority } = dependencies;
  const runner: SandboxRunner =
    priority === undefined
      ? dependencies.runner
      : { execute: (execution) => dependencies.runner.execute({ ...execution, priority }) };
  const checker = problemChecker(request.problem, runner, request.sandboxKey);

  // Stryker disable next-line ArrayDeclaration: every index is filled before the array is read, whatever its initial length
  const results = new Array<TestResult>(testIds.length);
  const finishedById = new Map<string, TestResult>();
  let next = 0;
  let finished = 0;
  const worker = async (): Promise<void> => {
    while (next < testIds.length) {
      const index = next++;
      const id = testIds[index]!;
      const result: TestResult = canSkipTest(manifest, testIds, index, finishedById)
        ? { id, status: 'skipped', verdict: null, timeMs: 0, memoryKb: 0 }
        : await judgeTest(id, request, compiled, checker, runner).catch((error: Error): TestResult => ({
            id,
            verdict: 'SE',
            timeMs: 0,
            memoryKb: 0,
            scoreFraction: 0,
            message: `judging failed: ${error.message}`,
          }));
      results[index] = result;
      finishedById.set(id, result);
      finished++;
      await dependencies.reporter?.onTestFinished?.(result, finished, testIds.length);
    }
  };
  const workers = Math.max(1, Math.min(dependencies.concurrency ?? 1, testIds.length));
  await Promise.all(Array.from({ length: workers }, worker));

  // A test that was already running when an earlier one settled its subtask keeps the result it got: it
  // was shown live, and it cannot change the score or the overall verdict (see canSkipTest).
  const tests = results;
  const scored = scoreSubmission(manifest, tests);
  // Stryker disable next-line ConditionalExpression,MethodExpression,StringLiteral: a skipped test's time and memory are 0, so keeping it cannot change a maximum
  const judged = tests.filter((test) => test.status !== 'skipped');
  return {
    verdict: scored.verdict,
    score: scored.score,
    maxScore: scored.maxScore,
    tests,
    subtasks: scored.subtasks,
    timeMs: judged.reduce((max, test) => Math.max(max, test.timeMs), 0),
    memoryKb: judged.reduce((max, test) => Math.max(max, test.memoryKb), 0),
  };
}
