// @ts-check
// require('assert').
import { ErrorCtor, JSONStringify } from '../primordials.mjs';
import { safeString } from '../errors.mjs';

/**
 * @param {unknown} value
 * @param {string} [message]
 */
export function assert(value, message) {
  if (!value) throw new ErrorCtor(message || 'Assertion failed');
}
assert.ok = assert;
assert.strictEqual = (/** @type {unknown} */ a, /** @type {unknown} */ b, /** @type {string} */ message) =>
  assert(a === b, message || safeString(a) + ' !== ' + safeString(b));
assert.deepStrictEqual = (/** @type {unknown} */ a, /** @type {unknown} */ b, /** @type {string} */ message) =>
  assert(JSONStringify(a) === JSONStringify(b), message || 'values are not deeply equal');
assert.equal = (/** @type {unknown} */ a, /** @type {unknown} */ b, /** @type {string} */ message) =>
  assert(a == b, message);
