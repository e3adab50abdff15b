import { numbersWithinTolerance, type FloatTolerance } from './float.ts';
import { jsonKind, parseJsonSafely, renderJson, sortedKeys, type JsonObject, type JsonValue } from './json.ts';
import { countOf } from './text.ts';
import { accepted, systemError, wrongAnswer, type CheckInput, type CheckVerdict } from './types.ts';

export type NumberEquality = (expected: number, actual: number) => boolean;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Path segments from the returned value down to a difference: array indexes and object keys. */
type JsonPath = (number | string)[];

function formatPath(path: JsonPath): string {
  let text = 'result';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
    } else {
      text += IDENTIFIER.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
    }
  }
  return text;
}

/**
 * The first place where `actual` differs from `expected`, as a message, or undefined when they are equal.
 * Arrays are ordered; object key order does not matter; numbers are compared by `numbersEqual`.
 */
export function findJsonDifference(
  expected: JsonValue,
  actual: JsonValue,
  numbersEqual: NumberEquality,
): string | undefined {
  return findDifferenceAt([], expected, actual, numbersEqual);
}

function findDifferenceAt(
  path: JsonPath,
  expected: JsonValue,
  actual: JsonValue,
  numbersEqual: NumberEquality,
): string | undefined {
  const mismatch = () => `${where(path)}expected ${renderJson(expected)}, got ${renderJson(actual)}`;
  const expectedKind = jsonKind(expected);
  if (expectedKind !== jsonKind(actual)) {
    return mismatch();
  }
  switch (expectedKind) {
    case 'null':
      return undefined;
    case 'boolean':
    case 'string':
      return expected === actual ? undefined : mismatch();
    case 'number':
      return numbersEqual(expected as number, actual as number) ? undefined : mismatch();
    case 'array':
      return findArrayDifference(path, expected as JsonValue[], actual as JsonValue[], numbersEqual);
    case 'object':
      return findObjectDifference(path, expected as JsonObject, actual as JsonObject, numbersEqual);
  }
}

function where(path: JsonPath): string {
  return path.length === 0 ? '' : `at ${formatPath(path)}: `;
}

function findArrayDifference(
  path: JsonPath,
  expected: JsonValue[],
  actual: JsonValue[],
  numbersEqual: NumberEquality,
): string | undefined {
  const sharedLength = Math.min(expected.length, actual.length);
  for (let index = 0; index < sharedLength; index++) {
    path.push(index);
    const difference = findDifferenceAt(path, expected[index]!, actual[index]!, numbersEqual);
    path.pop();
    if (difference !== undefined) {
      return difference;
    }
  }
  if (actual.length < expected.length) {
    const missingPath = [...path, actual.length];
    return `${where(missingPath)}expected ${renderJson(expected[actual.length]!)}, but the array ends (${countOf(actual.length, 'element')})`;
  }
  if (actual.length > expected.length) {
    const extraPath = [...path, expected.length];
    return `${where(extraPath)}expected the array to end (${countOf(expected.length, 'element')}), got ${renderJson(actual[expected.length]!)}`;
  }
  return undefined;
}

function findObjectDifference(
  path: JsonPath,
  expected: JsonObject,
  actual: JsonObject,
  numbersEqual: NumberEquality,
): string | undefined {
  const expectedKeys = sortedKeys(expected);
  const missingKey = expectedKeys.find((key) => !Object.hasOwn(actual, key));
  if (missingKey !== undefined) {
    return `${where(path)}missing key ${JSON.stringify(missingKey)}`;
  }
  const extraKey = sortedKeys(actual).find((key) => !Object.hasOwn(expected, key));
  if (extraKey !== undefined) {
    return `${where(path)}unexpected key ${JSON.stringify(extraKey)}`;
  }
  for (const key of expectedKeys) {
    path.push(key);
    const difference = findDifferenceAt(path, expected[key]!, actual[key]!, numbersEqual);
    path.pop();
    if (difference !== undefined) {
      return difference;
    }
  }
  return undefined;
}

/**
 * Parses both sides, or says whose fault it is that they can't be: a broken expected answer is the
 * setter's (SE), a broken output the learner's (WA).
 */
export function parseBothJson(
  check: CheckInput,
): { ok: true; expected: JsonValue; actual: JsonValue } | { ok: false; verdict: CheckVerdict } {
  const expected = parseJsonSafely(check.expected);
  if (!expected.ok) {
    return { ok: false, verdict: systemError(`the expected answer is ${expected.error}`) };
  }
  const actual = parseJsonSafely(check.actual);
  if (!actual.ok) {
    return { ok: false, verdict: wrongAnswer(`the output is ${actual.error}`) };
  }
  return { ok: true, expected: expected.value, actual: actual.value };
}

const exactlyEqual: NumberEquality = (expected, actual) => expected === actual;

/**
 * The checker for function-style problems whose checker is `lines` or `tokens`: the returned value must
 * deep-equal the expected one. This is the same as comparing canonical JSON texts (keys sorted, no
 * whitespace): spacing, object key order and number spelling (1.0 vs 1) don't matter, array order does.
 */
export function checkExactJson(check: CheckInput): CheckVerdict {
  const parsed = parseBothJson(check);
  if (!parsed.ok) {
    return parsed.verdict;
  }
  const difference = findJsonDifference(parsed.expected, parsed.actual, exactlyEqual);
  return difference === undefined ? accepted() : wrongAnswer(difference);
}

/** The checker for function-style problems whose checker is `float`: deep equality, numbers within the tolerance. */
export function checkJsonWithTolerance(check: CheckInput, tolerance: FloatTolerance): CheckVerdict {
  const parsed = parseBothJson(check);
  if (!parsed.ok) {
    return parsed.verdict;
  }
  const difference = findJsonDifference(parsed.expected, parsed.actual, (expected, actual) =>
    numbersWithinTolerance(expected, actual, tolerance),
  );
  return difference === undefined ? accepted() : wrongAnswer(difference);
}
