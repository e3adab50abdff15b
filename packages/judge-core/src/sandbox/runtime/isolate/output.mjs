// @ts-check
// stdout and stderr, and console.log's formatting (a small util.inspect and util.format).
import {
  ArrayIsArray,
  ErrorCtor,
  JSONStringify,
  MapCtor,
  MathMin,
  ObjectKeys,
  RangeErrorCtor,
  SetCtor,
  Uint8ArrayCtor,
  arrayJoin,
  call,
  setAdd,
  setDelete,
  setHas,
  stringIndexOf,
  stringReplace,
} from './primordials.mjs';
import { EXIT, safeString } from './errors.mjs';
import { state } from './state.mjs';

/** @param {string} text */
export function writeOut(text) {
  // After process.exit() nothing more is written, as in Node, even if the program caught the exit.
  if (state.exitCalled) throw EXIT;
  if (state.outputExceeded) throw new RangeErrorCtor('output limit exceeded');
  state.stdoutLength += text.length;
  if (state.stdoutLength > state.outputLimit) {
    state.outputExceeded = true;
    throw new RangeErrorCtor('output limit exceeded');
  }
  state.stdout += text;
}
/** @param {string} text */
export function writeErr(text) {
  if (state.stderr.length < 65536) state.stderr += text;
}

/** @param {string} text */
function quote(text) {
  return "'" + call(stringReplace, text, /'/g, "\\'") + "'";
}
/**
 * @param {any} value
 * @param {number} depth
 * @param {Set<any>[]} seen the objects on the path to `value`, in a Set made on first use
 * @returns {string}
 */
export function inspect(value, depth, seen) {
  switch (typeof value) {
    case 'string':
      return depth === 0 ? value : quote(value);
    case 'number':
      return value === 0 && 1 / value < 0 ? '-0' : '' + value;
    case 'bigint':
      return value + 'n';
    case 'undefined':
    case 'boolean':
      return '' + value;
    case 'symbol':
      return safeString(value);
    case 'function':
      return '[Function: ' + (safeString(value.name) || '(anonymous)') + ']';
  }
  if (value === null) return 'null';
  if (seen.length > 0 && call(setHas, seen[0], value)) return '[Circular]';
  if (depth > 2) return ArrayIsArray(value) ? '[Array]' : '[Object]';
  if (seen.length === 0) seen[0] = new SetCtor();
  call(setAdd, seen[0], value);
  try {
    if (value instanceof ErrorCtor) return safeString(value.stack || value);
    if (ArrayIsArray(value) || value instanceof Uint8ArrayCtor) {
      const length = value.length;
      if (length === 0) return '[]';
      const parts = [];
      const shown = MathMin(length, 100);
      for (let i = 0; i < shown; i++) parts[i] = inspect(value[i], depth + 1, seen);
      if (length > shown) parts[shown] = '... ' + (length - shown) + ' more items';
      return '[ ' + call(arrayJoin, parts, ', ') + ' ]';
    }
    if (value instanceof MapCtor) return 'Map(' + value.size + ') {}';
    if (value instanceof SetCtor) return 'Set(' + value.size + ') {}';
    const keys = ObjectKeys(value);
    if (keys.length === 0) return '{}';
    const parts = [];
    for (let i = 0; i < keys.length; i++) parts[i] = keys[i] + ': ' + inspect(value[keys[i]], depth + 1, seen);
    return '{ ' + call(arrayJoin, parts, ', ') + ' }';
  } finally {
    call(setDelete, seen[0], value);
  }
}
/**
 * @param {any[]} args
 * @returns {string}
 */
export function format(args) {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  let text;
  let start;
  if (typeof args[0] === 'string' && call(stringIndexOf, args[0], '%') !== -1) {
    let next = 1;
    text = call(stringReplace, args[0], /%[sdifjoO%]/g, (/** @type {string} */ token) => {
      if (token === '%%') return '%';
      if (next >= args.length) return token;
      const arg = args[next++];
      switch (token) {
        case '%s':
          return typeof arg === 'string' ? arg : inspect(arg, 1, []);
        case '%d':
        case '%i':
          return '' + (token === '%i' ? Math.trunc(Number(arg)) : Number(arg));
        case '%f':
          return '' + Number(arg);
        case '%j':
          return JSONStringify(arg);
        default:
          return inspect(arg, 1, []);
      }
    });
    start = next;
  } else {
    text = inspect(args[0], 0, []);
    start = 1;
  }
  for (let i = start; i < args.length; i++) text += ' ' + inspect(args[i], 0, []);
  return text;
}

export const console = {
  log: (/** @type {any[]} */ ...args) => writeOut(format(args) + '\n'),
  info: (/** @type {any[]} */ ...args) => writeOut(format(args) + '\n'),
  debug: (/** @type {any[]} */ ...args) => writeOut(format(args) + '\n'),
  error: (/** @type {any[]} */ ...args) => writeErr(format(args) + '\n'),
  warn: (/** @type {any[]} */ ...args) => writeErr(format(args) + '\n'),
  trace: (/** @type {any[]} */ ...args) => writeErr(format(args) + '\n'),
  dir: (/** @type {any} */ value) => writeOut(inspect(value, 0, []) + '\n'),
};
