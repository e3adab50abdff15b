import { CUSTOM_CHECKER_LIMITS } from '../checkers/custom.ts';
import { parseJsonSafely, renderJson } from '../checkers/json.ts';
import { truncate } from '../checkers/text.ts';
import type { ExecutionOutcome, SandboxRunner } from '../sandbox/runner.ts';
import { PackageError, VALIDATOR_FILE, type ProblemPackage } from './load.ts';

/**
 * A package's optional validator.js is setter code, like checker.js, and runs sandboxed the same way.
 * It declares
 *
 *     function validate(input, context) { ... }
 *
 * - `input` is the test's input as the learner's program gets it: for stdio the raw text of NN.in
 *   (every byte: spaces, line breaks, the final newline); for function style the JSON text of the
 *   arguments array (`const [nums] = JSON.parse(input)`).
 * - `context` is `{ test: "07", subtasks: ["small"] }`: the test id and the subtasks that contain the
 *   test, for constraints that hold in one subtask only.
 *
 * It accepts the input by returning nothing (undefined), null or true. It rejects it by throwing
 * (the error's message is the reason), by returning a string (the reason) or by returning false.
 * A validator that cannot be loaded (a syntax error, a throw at the top level, no `validate`) makes
 * the package broken; so does one that exceeds its limits or returns anything else.
 */
export interface ValidatorContext {
  test: string;
  subtasks: string[];
}

export type TestValidation =
  | { test: string; status: 'valid' }
  /** The validator says the input breaks the declared format. */
  | { test: string; status: 'rejected'; reason: string }
  /** The validator itself failed on this test (limits, a malformed return value): the setter's bug. */
  | { test: string; status: 'failed'; reason: string };

export const VALIDATOR_LIMITS = CUSTOM_CHECKER_LIMITS;

/** Longest reason kept from a validator. */
const MAX_REASON_LENGTH = 300;

const PROBE_ENTRY = '__ojValidatorProbe';

function reasonOf(outcome: ExecutionOutcome): string {
  return truncate((outcome.message ?? outcome.status).replace(/^Error: /, ''), MAX_REASON_LENGTH);
}

/** Interprets what `validate` returned (as JSON text). */
function interpret(test: string, output: string): TestValidation {
  const parsed = parseJsonSafely(output);
  if (!parsed.ok) return { test, status: 'failed', reason: `the validator returned nothing usable (${parsed.error})` };
  const value = parsed.value;
  if (value === null || value === true) return { test, status: 'valid' };
  if (value === false) return { test, status: 'rejected', reason: 'the validator returned false' };
  if (typeof value === 'string')
    return {
      test,
      status: 'rejected',
      reason: truncate(value || 'the validator returned an empty reason', MAX_REASON_LENGTH),
    };
  return {
    test,
    status: 'failed',
    reason: `the validator returned ${truncate(renderJson(value), 100)}; return nothing (or true) to accept, a string (or false) or throw to reject`,
  };
}

/**
 * Runs the package's validator.js on every test input. Returns one entry per test in judging order
 * (an empty list when the package has no validator). Throws a PackageError when the validator cannot
 * be loaded at all.
 */
export async function validateTests(
  problem: Pick<ProblemPackage, 'dir' | 'manifest' | 'testIds' | 'readTest' | 'validatorCode'>,
  runner: SandboxRunner,
  options: { concurrency?: number } = {},
): Promise<TestValidation[]> {
  const code = problem.validatorCode;
  if (code === undefined) return [];
  const sandboxKey = `validator:${problem.manifest.slug}:${Math.random()}`;

  // Load it once on its own, so that a validator broken as a whole is reported once, as such.
  // The probe is appended to the same script, so it sees `let`/`const` declarations too.
  const probe = await runner.execute({
    sandboxKey,
    code: `${code}\n;function ${PROBE_ENTRY}() { return typeof validate; }\n`,
    fileName: VALIDATOR_FILE,
    style: 'function',
    entry: PROBE_ENTRY,
    input: '[]',
    limits: VALIDATOR_LIMITS,
  });
  if (probe.status !== 'ok')
    throw new PackageError(problem.dir, [`${VALIDATOR_FILE} could not be loaded: ${reasonOf(probe)}`]);
  if (probe.output !== '"function"') {
    throw new PackageError(problem.dir, [`${VALIDATOR_FILE} does not declare a function validate(input, context)`]);
  }

  const subtasksOf = new Map<string, string[]>(problem.testIds.map((id) => [id, []]));
  for (const subtask of problem.manifest.subtasks) for (const id of subtask.tests) subtasksOf.get(id)?.push(subtask.id);

  const results = new Array<TestValidation>(problem.testIds.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < problem.testIds.length) {
      const index = next++;
      const test = problem.testIds[index]!;
      const { input } = await problem.readTest(test);
      const context: ValidatorContext = { test, subtasks: subtasksOf.get(test) ?? [] };
      const outcome = await runner.execute({
        sandboxKey,
        code,
        fileName: VALIDATOR_FILE,
        style: 'function',
        entry: 'validate',
        input: JSON.stringify([input, context]),
        limits: VALIDATOR_LIMITS,
      });
      if (outcome.status === 'ok') results[index] = interpret(test, outcome.output);
      else if (outcome.status === 'runtime-error')
        results[index] = { test, status: 'rejected', reason: reasonOf(outcome) };
      else
        results[index] = {
          test,
          status: 'failed',
          reason: `the validator failed (${outcome.status}): ${reasonOf(outcome)}`,
        };
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 1, problem.testIds.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
