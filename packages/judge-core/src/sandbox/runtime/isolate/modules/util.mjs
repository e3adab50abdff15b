// @ts-check
// require('util').
import { JSONStringify, PromiseCtor } from '../primordials.mjs';
import { TextDecoder, TextEncoder } from '../buffer.mjs';
import { format, inspect } from '../output.mjs';

export const util = {
  format: (/** @type {any[]} */ ...args) => format(args),
  inspect: (/** @type {unknown} */ value) => inspect(value, 1, []),
  promisify:
    (/** @type {Function} */ fn) =>
    (/** @type {any[]} */ ...args) =>
      new PromiseCtor((resolve, reject) =>
        fn(...args, (/** @type {unknown} */ error, /** @type {unknown} */ value) =>
          error ? reject(error) : resolve(value),
        ),
      ),
  isDeepStrictEqual: (/** @type {unknown} */ a, /** @type {unknown} */ b) => JSONStringify(a) === JSONStringify(b),
  TextEncoder,
  TextDecoder,
};
