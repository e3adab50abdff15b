import type { CheckerSpec, ProblemStyle } from '@oj/shared';
import { createCustomChecker, type CustomCheckerOptions } from './custom.ts';
import { checkExactJson, checkJsonWithTolerance } from './exact.ts';
import { checkFloat } from './float.ts';
import { checkLines } from './lines.ts';
import { checkTokens } from './tokens.ts';
import type { Checker } from './types.ts';
import { checkUnordered } from './unordered.ts';

export interface CreateCheckerOptions {
  /**
   * Function-style problems compare JSON values, not text: there `lines` and `tokens` mean exact deep
   * equality of the values (checkExactJson) and `float` deep equality with numbers within the tolerance.
   */
  style: ProblemStyle;
  /** Required when the spec's type is `custom`. */
  customChecker?: CustomCheckerOptions;
}

/** The one place that maps a manifest's checker spec (and the problem's style) to a checker. */
export function createChecker(spec: CheckerSpec, options: CreateCheckerOptions): Checker {
  const functionStyle = options.style === 'function';
  switch (spec.type) {
    case 'lines':
      return functionStyle ? checkExactJson : checkLines;
    case 'tokens':
      return functionStyle ? checkExactJson : checkTokens;
    case 'float': {
      const tolerance = { absolute: spec.absolute, relative: spec.relative };
      return functionStyle
        ? (check) => checkJsonWithTolerance(check, tolerance)
        : (check) => checkFloat(check, tolerance);
    }
    case 'unordered':
      return checkUnordered;
    case 'custom':
      if (options.customChecker === undefined) {
        throw new Error(`checker "${spec.file}" is custom, but no checker code, runner and sandbox key were given`);
      }
      return createCustomChecker(options.customChecker);
  }
}
