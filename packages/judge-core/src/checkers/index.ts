export type { CheckInput, CheckVerdict, Checker } from './types.ts';
export { createChecker, type CreateCheckerOptions } from './registry.ts';
export { checkLines } from './lines.ts';
export { checkTokens } from './tokens.ts';
export { checkFloat, numbersWithinTolerance, type FloatTolerance } from './float.ts';
export { checkExactJson, checkJsonWithTolerance } from './exact.ts';
export { checkUnordered, canonicalizeUnordered } from './unordered.ts';
export { createCustomChecker, CUSTOM_CHECKER_LIMITS, type CustomCheckerOptions } from './custom.ts';
export { MAX_JSON_DEPTH } from './json.ts';
