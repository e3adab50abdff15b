import type { JudgeResult, Language, TestResult, Verdict } from '@oj/shared';
import { createChecker, type Checker } from './checkers/index.ts';
import { compileProgram, type CompiledProgram } from './language/compile.ts';
import type { ProblemPackage } from './package/load.ts';
import type { RunOutcome, RunStatus, SandboxRunner } from './sandbox/runner.ts';
import { scoreSubmission } from './scoring.ts';

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
}

const VERDICT_BY_STATUS: Record<Exclude<RunStatus, 'ok'>, Verdict> = {
  'runtime-error': 'RE',
  'time-limit': 'TLE',
  'memory-limit': 'MLE',
  'output-limit': 'OLE',
  'system-error': 'SE',
};

function runtimeMessage(outcome: RunOutcome, program: CompiledProgram): string | undefined {
  if (!outcome.message || !outcome.errorLocation) return outcome.message;
  const original = program.originalPosition(outcome.errorLocation.line, outcome.errorLocation.column);
  return original ? `${outcome.message} (line ${original.line}, column ${original.column})` : outcome.message;
}

async function judgeTest(
  id: string,
  request: JudgeRequest,
  program: CompiledProgram,
  checker: Checker,
  runner: SandboxRunner,
): Promise<TestResult> {
  const { manifest } = request.problem;
  const test = await request.problem.readTest(id);
  const outcome = await runner.run({
    sandboxKey: request.sandboxKey,
    code: program.code,
    fileName: program.fileName,
    style: manifest.style,
    entry: manifest.function?.name,
    input: test.input,
    limits: manifest.limits,
  });
  const measured = { id, timeMs: Math.max(0, Math.round(outcome.cpuMs)), memoryKb: Math.max(0, Math.round(outcome.memoryKb)) };
  if (outcome.status !== 'ok') {
    const message = runtimeMessage(outcome, program);
    return { ...measured, verdict: VERDICT_BY_STATUS[outcome.status], scoreFraction: 0, ...(message ? { message } : {}) };
  }
  const checked = await checker({ input: test.input, expected: test.expected, actual: outcome.output });
  return {
    ...measured,
    verdict: checked.verdict,
    scoreFraction: checked.verdict === 'AC' ? 1 : checked.scoreFraction,
    ...(checked.message ? { message: checked.message } : {}),
  };
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
    return { verdict: 'CE', score: 0, maxScore, tests: [], subtasks: [], compileMessage: compiled.message, timeMs: 0, memoryKb: 0 };
  }
  const checker = createChecker(manifest.checker, {
    style: manifest.style,
    ...(request.problem.checkerCode !== undefined
      ? { customChecker: { code: request.problem.checkerCode, runner: dependencies.runner, sandboxKey: `${request.sandboxKey}:checker` } }
      : {}),
  });

  const results = new Array<TestResult>(testIds.length);
  let next = 0;
  let finished = 0;
  const worker = async (): Promise<void> => {
    while (next < testIds.length) {
      const index = next++;
      const id = testIds[index]!;
      let result: TestResult;
      try {
        result = await judgeTest(id, request, compiled, checker, dependencies.runner);
      } catch (error) {
        result = { id, verdict: 'SE', timeMs: 0, memoryKb: 0, scoreFraction: 0, message: `judging failed: ${(error as Error).message}` };
      }
      results[index] = result;
      finished++;
      await dependencies.reporter?.onTestFinished?.(result, finished, testIds.length);
    }
  };
  const workers = Math.max(1, Math.min(dependencies.concurrency ?? 1, testIds.length));
  await Promise.all(Array.from({ length: workers }, worker));

  const scored = scoreSubmission(manifest, results);
  return {
    verdict: scored.verdict,
    score: scored.score,
    maxScore: scored.maxScore,
    tests: results,
    subtasks: scored.subtasks,
    timeMs: results.reduce((max, test) => Math.max(max, test.timeMs), 0),
    memoryKb: results.reduce((max, test) => Math.max(max, test.memoryKb), 0),
  };
}
