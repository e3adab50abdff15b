// @ts-check
import { ReflectApply, StringCtor, call, regexpExec } from './primordials.mjs';
import { state } from './state.mjs';

/** Thrown by process.exit() to unwind the program; not an error. */
export const EXIT = { exit: true };

/**
 * @param {any} value
 * @returns {string}
 */
export function safeString(value) {
  try {
    if (typeof value === 'string') return value;
    if (typeof value === 'symbol')
      return value.description === undefined ? 'Symbol()' : 'Symbol(' + value.description + ')';
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return '' + value;
    const text = StringCtor(value);
    return typeof text === 'string' ? text : '[object]';
  } catch {
    return '[unprintable value]';
  }
}

// The location of the first stack frame inside the learner's code, as "line:column" of the compiled code.
const LOCATION_PATTERN = /solution-code:(\d+):(\d+)/;
/**
 * @param {any} error
 * @returns {import('./state.mjs').DescribedError}
 */
export function describeError(error) {
  const described = { name: 'Error', message: '', line: 0, column: 0 };
  try {
    if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
      described.name = safeString(error.name);
      described.message = safeString(error.message);
      const stack = error.stack;
      if (typeof stack === 'string') {
        const match = call(regexpExec, LOCATION_PATTERN, stack);
        if (match) {
          described.line = +match[1];
          described.column = +match[2];
        }
      }
    } else {
      described.name = 'Uncaught';
      described.message = safeString(error);
    }
  } catch {
    described.message = 'an exception that could not be read';
  }
  return described;
}

/** @param {unknown} error */
export function recordError(error) {
  if (error === EXIT) return;
  if (state.firstError === null) state.firstError = describeError(error);
  state.exited = true;
}

/**
 * Calls learner code, recording what it throws; nothing runs once the program has exited.
 * @param {Function} fn
 * @param {any} self
 * @param {ArrayLike<any>} args
 * @returns {any}
 */
export function guard(fn, self, args) {
  if (state.exited) return undefined;
  try {
    return ReflectApply(fn, self, args);
  } catch (error) {
    recordError(error);
    return undefined;
  }
}
