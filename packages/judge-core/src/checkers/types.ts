/**
 * What a checker sees of one test. For stdio problems these are the raw texts; for function-style
 * problems `input` is the JSON array of arguments and `expected`/`actual` are JSON texts of the values.
 */
export interface CheckInput {
  input: string;
  expected: string;
  actual: string;
}

/**
 * A checker's judgement of one test. SE means the checker itself is broken (a custom checker that
 * crashed or returned something malformed, an expected answer that is not valid JSON): the setter's
 * fault, never the learner's.
 */
export interface CheckVerdict {
  verdict: 'AC' | 'WA' | 'SE';
  /** Share of the test's credit, 0..1: 1 for AC, 0 for SE, 0 for WA unless a custom checker gives partial credit. */
  scoreFraction: number;
  message?: string;
}

export type Checker = (check: CheckInput) => CheckVerdict | Promise<CheckVerdict>;

export function accepted(): CheckVerdict {
  return { verdict: 'AC', scoreFraction: 1 };
}

export function wrongAnswer(message: string): CheckVerdict {
  return { verdict: 'WA', scoreFraction: 0, message };
}

export function systemError(message: string): CheckVerdict {
  return { verdict: 'SE', scoreFraction: 0, message };
}
