import type { ExecutionOutcome, SandboxLimits, SandboxRunner } from '../sandbox/runner.ts';
import { jsonKind, parseJsonSafely, renderJson, type JsonObject, type JsonValue } from './json.ts';
import { truncate } from './text.ts';
import { accepted, systemError, wrongAnswer, type CheckInput, type CheckVerdict, type Checker } from './types.ts';

export interface CustomCheckerOptions {
  /** The setter's checker.js, declaring `function check(input, expected, actual)`. */
  code: string;
  runner: SandboxRunner;
  /** One key per checker, so it never shares an isolate with learner code. */
  sandboxKey: string;
}

export const CUSTOM_CHECKER_LIMITS: SandboxLimits = { timeMs: 5000, memoryMb: 256, outputKb: 1024, stackMb: 64 };

/** Longest checker message passed on to the learner. */
const MAX_CHECKER_MESSAGE_LENGTH = 200;

const EXPECTED_SHAPE = "{ verdict: 'AC' | 'WA', score?: number from 0 to 1, message?: string } or a boolean";

/**
 * Runs the setter's checker in the sandbox as a function-style call `check(input, expected, actual)`,
 * all three as strings (for function-style problems, JSON texts the checker may parse).
 * It returns a boolean, or `{ verdict, score?, message? }` where score (0..1) gives partial credit.
 * A checker that fails in any way (error, time limit, a malformed result) makes the test SE.
 */
export function createCustomChecker(options: CustomCheckerOptions): Checker {
  return async (check: CheckInput): Promise<CheckVerdict> => {
    let outcome: ExecutionOutcome;
    try {
      outcome = await options.runner.execute({
        sandboxKey: options.sandboxKey,
        code: options.code,
        fileName: 'checker.js',
        style: 'function',
        entry: 'check',
        input: JSON.stringify([check.input, check.expected, check.actual]),
        limits: CUSTOM_CHECKER_LIMITS,
      });
    } catch (error) {
      // The runner promises never to throw; if it does anyway, it is still not the learner's fault.
      return systemError(`the checker could not run: ${truncate(String(error), MAX_CHECKER_MESSAGE_LENGTH)}`);
    }
    if (outcome.status !== 'ok') {
      const reason = outcome.message === undefined ? '' : `: ${truncate(outcome.message, MAX_CHECKER_MESSAGE_LENGTH)}`;
      return systemError(`the checker failed (${outcome.status})${reason}`);
    }
    return interpretCheckerResult(outcome.output);
  };
}

/** Turns the JSON text of what `check` returned into a verdict; anything malformed is SE. */
export function interpretCheckerResult(output: string): CheckVerdict {
  const parsed = parseJsonSafely(output);
  if (!parsed.ok) {
    return systemError(`the checker returned nothing usable (${parsed.error}); expected ${EXPECTED_SHAPE}`);
  }
  const returned = parsed.value;
  if (typeof returned === 'boolean') {
    return returned ? accepted() : wrongAnswer('the checker rejected the answer');
  }
  if (jsonKind(returned) !== 'object') {
    return malformed(returned);
  }
  const { verdict, score, message } = returned as JsonObject;
  if (verdict !== 'AC' && verdict !== 'WA') {
    return malformed(returned);
  }
  if (message !== undefined && typeof message !== 'string') {
    return malformed(returned);
  }
  if (score !== undefined && (typeof score !== 'number' || score < 0 || score > 1)) {
    return malformed(returned);
  }
  // Full credit with WA, or partial credit with AC, would make the verdict and the score disagree.
  if ((verdict === 'AC' && score !== undefined && score !== 1) || (verdict === 'WA' && score === 1)) {
    return systemError(`the checker returned ${renderJson(returned)}: AC must have score 1 and WA a score below 1`);
  }
  const scoreFraction = score ?? (verdict === 'AC' ? 1 : 0);
  const result: CheckVerdict = { verdict, scoreFraction };
  if (message !== undefined && message !== '') {
    result.message = truncate(message, MAX_CHECKER_MESSAGE_LENGTH);
  }
  return result;
}

function malformed(returned: JsonValue): CheckVerdict {
  return systemError(`the checker returned ${renderJson(returned)}; expected ${EXPECTED_SHAPE}`);
}
