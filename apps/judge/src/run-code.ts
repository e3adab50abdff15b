// Custom runs: the learner's code on the samples (compared with the expected answers) or on their own
// input, with the same compiler, harness, checker and limits as judging (judge-core's runTest), returning
// what the program printed.
import { compileProgram, problemChecker, runTest, type SandboxRunner } from '@oj/judge-core';
import type { Language, RunResponse, Verdict } from '@oj/shared';
import type { StoredProblem } from './store/problem-store.ts';

/** Output shown back to the learner is cut here; a flood of output is the learner's, not the browser's, problem. */
export const MAX_RUN_OUTPUT_CHARS = 64 * 1024;
const CUSTOM_INPUT_ID = 'custom';

export interface RunCodeRequest {
  problem: StoredProblem;
  language: Language;
  code: string;
  /** Custom stdin (stdio) or the JSON array of arguments (function style); undefined: run the samples. */
  input?: string;
  sandboxKey: string;
}

type RunTestResult = RunResponse['tests'][number];

function truncated(text: string): string {
  return text.length > MAX_RUN_OUTPUT_CHARS ? `${text.slice(0, MAX_RUN_OUTPUT_CHARS)}\n… (output truncated)` : text;
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

interface RunCase {
  id: string;
  input: string;
  /** Null for custom input: there is nothing to compare with. */
  expected: string | null;
}

export async function runCode(request: RunCodeRequest, runner: SandboxRunner): Promise<RunResponse> {
  const { problem } = request;
  const { manifest } = problem;
  const compiled = await compileProgram(request.code, request.language);
  if (!compiled.ok) return { verdict: 'CE', compileMessage: compiled.message, tests: [] };

  const cases: RunCase[] =
    request.input !== undefined
      ? [{ id: CUSTOM_INPUT_ID, input: request.input, expected: null }]
      : await Promise.all(
          problem.sampleIds.map(async (id) => {
            const test = await problem.readTest(id);
            return { id, input: test.input, expected: test.expected };
          }),
        );
  const checker = problemChecker(problem, runner, request.sandboxKey);

  const runCase = async (testCase: RunCase): Promise<RunTestResult> => {
    const shown = {
      id: testCase.id,
      input: truncated(testCase.input),
      expected: testCase.expected === null ? null : truncated(testCase.expected),
    };
    if (manifest.style === 'function' && !isJsonArray(testCase.input)) {
      return {
        ...shown,
        verdict: 'RE',
        timeMs: 0,
        memoryKb: 0,
        output: '',
        message: "the input must be a JSON array of the function's arguments",
      };
    }
    const run = await runTest({
      manifest,
      program: compiled,
      checker,
      runner,
      sandboxKey: request.sandboxKey,
      input: testCase.input,
      expected: testCase.expected,
      // A sample runs under its own limits (testLimits, its subtask's); custom input under the problem's.
      ...(testCase.id === CUSTOM_INPUT_ID ? {} : { testId: testCase.id }),
    });
    return {
      ...shown,
      verdict: run.verdict,
      timeMs: run.timeMs,
      memoryKb: run.memoryKb,
      output: truncated(run.output),
      ...(run.message !== undefined ? { message: run.message } : {}),
    };
  };

  const tests = await Promise.all(cases.map(runCase));
  return { verdict: overallVerdict(tests, request.input !== undefined), tests };
}

/** Samples: the first verdict that is not AC, else AC. Custom input: the run's failure, or null when it ran. */
function overallVerdict(tests: RunTestResult[], customInput: boolean): Verdict | null {
  const failed = tests.find((test) => test.verdict !== null && test.verdict !== 'AC');
  if (failed) return failed.verdict;
  return customInput ? null : 'AC';
}
