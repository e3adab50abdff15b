import { findJsonDifference, parseBothJson } from './exact.ts';
import { compareJson, renderJson, type JsonValue } from './json.ts';
import { countOf } from './text.ts';
import { accepted, wrongAnswer, type CheckInput, type CheckVerdict } from './types.ts';

/** How many differences a message lists before it just counts the rest. */
const MAX_LISTED_DIFFERENCES = 3;

/**
 * The value with every array, at every depth (inside objects too), sorted into a canonical order after
 * its elements were made canonical. Two values are equal up to array order exactly when their canonical
 * forms are deep-equal; duplicates stay, so arrays compare as multisets.
 */
export function canonicalizeUnordered(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    const elements = value.map((element) => canonicalizeUnordered(element));
    // Arrays of numbers are the common case (subsets, permutations): a numeric sort gives the same order.
    if (elements.every((element) => typeof element === 'number')) return elements.sort((a, b) => a - b);
    return elements.sort(compareJson);
  }
  if (value !== null && typeof value === 'object') {
    // Object.fromEntries defines own properties, so a "__proto__" key stays a plain key.
    return Object.fromEntries(Object.entries(value).map(([key, element]) => [key, canonicalizeUnordered(element)]));
  }
  return value;
}

/**
 * For values (given as JSON texts) made of nested arrays whose order does not matter at any level, such
 * as the subsets of a set. The expected and returned arrays must hold the same elements the same number
 * of times; the message names what is missing, extra or duplicated (elements shown in canonical order).
 * Values that are not arrays compare by deep equality (arrays inside them still unordered).
 */
export function checkUnordered(check: CheckInput): CheckVerdict {
  const parsed = parseBothJson(check);
  if (!parsed.ok) {
    return parsed.verdict;
  }
  const expected = canonicalizeUnordered(parsed.expected);
  const actual = canonicalizeUnordered(parsed.actual);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return compareSortedMultisets(expected, actual);
  }
  const difference = findJsonDifference(expected, actual, (first, second) => first === second);
  return difference === undefined ? accepted() : wrongAnswer(difference);
}

/** Walks two sorted arrays together, counting each distinct element on both sides. */
function compareSortedMultisets(expected: JsonValue[], actual: JsonValue[]): CheckVerdict {
  // Only the first few differences are rendered: there may be millions, and rendering one costs its size.
  const listed: string[] = [];
  let differenceCount = 0;
  let expectedIndex = 0;
  let actualIndex = 0;
  while (expectedIndex < expected.length || actualIndex < actual.length) {
    const element = smallerHead(expected, expectedIndex, actual, actualIndex);
    const expectedCount = countRun(expected, expectedIndex, element);
    const actualCount = countRun(actual, actualIndex, element);
    expectedIndex += expectedCount;
    actualIndex += actualCount;
    if (expectedCount !== actualCount) {
      differenceCount++;
      if (listed.length < MAX_LISTED_DIFFERENCES) {
        listed.push(describeCountDifference(element, expectedCount, actualCount));
      }
    }
  }
  if (differenceCount === 0) {
    return accepted();
  }
  const unlisted = differenceCount - listed.length;
  if (unlisted > 0) {
    listed.push(`and ${countOf(unlisted, 'more difference')}`);
  }
  const sizes =
    expected.length === actual.length ? '' : `expected ${countOf(expected.length, 'element')}, got ${actual.length}: `;
  return wrongAnswer(`${sizes}${listed.join('; ')}`);
}

function smallerHead(
  expected: JsonValue[],
  expectedIndex: number,
  actual: JsonValue[],
  actualIndex: number,
): JsonValue {
  if (expectedIndex >= expected.length) {
    return actual[actualIndex]!;
  }
  if (actualIndex >= actual.length) {
    return expected[expectedIndex]!;
  }
  const expectedHead = expected[expectedIndex]!;
  const actualHead = actual[actualIndex]!;
  return compareJson(expectedHead, actualHead) <= 0 ? expectedHead : actualHead;
}

/** How many elements equal to `element` start at `start` (the array is sorted). */
function countRun(values: JsonValue[], start: number, element: JsonValue): number {
  let end = start;
  while (end < values.length && compareJson(values[end]!, element) === 0) {
    end++;
  }
  return end - start;
}

function describeCountDifference(element: JsonValue, expectedCount: number, actualCount: number): string {
  const rendered = renderJson(element);
  if (actualCount === 0) {
    return expectedCount === 1 ? `missing ${rendered}` : `missing ${rendered} (expected ${expectedCount} times)`;
  }
  if (expectedCount === 0) {
    return actualCount === 1 ? `extra ${rendered}` : `extra ${rendered} (${actualCount} times)`;
  }
  return `${rendered} appears ${actualCount} times, expected ${expectedCount}`;
}
