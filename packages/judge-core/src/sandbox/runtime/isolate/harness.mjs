// @ts-check
// The harness the host drives a test with, phase by phase; it returns only strings and never throws.
import {
  ErrorCtor,
  JSONParse,
  JSONStringify,
  NumberIsFinite,
  ReflectApply,
  call,
  indirectEval,
  stringSlice,
  stringSplit,
} from './primordials.mjs';
import { stdinBuffer } from './buffer.mjs';
import { describeError, guard, recordError, safeString } from './errors.mjs';
import { drainTicks, process } from './process.mjs';
import { serialize } from './serialize.mjs';
import { state } from './state.mjs';
import { readlineInterfaces, stdinStream } from './stdin.mjs';
import { nextTimer } from './timers.mjs';

/** @type {unknown} The value a function-style entry returned. */
let result;
let resultSet = false;

/**
 * @param {string} code
 * @param {string} style
 * @param {string} entryName
 * @param {string} argsJson
 */
function runProgram(code, style, entryName, argsJson) {
  const source = code + '\n//# sourceURL=solution-code';
  if (style === 'function') {
    const lookup = '\n;(typeof ' + entryName + " === 'function' ? " + entryName + ' : undefined)';
    // The lookup is appended to the same script so it sees `let`/`const` declarations too.
    const entry = indirectEval(code + lookup + '\n//# sourceURL=solution-code');
    if (typeof entry !== 'function') {
      state.firstError = {
        name: 'Error',
        message: 'the code does not define a function named ' + entryName,
        line: 0,
        column: 0,
      };
      state.exited = true;
      return;
    }
    result = ReflectApply(entry, undefined, JSONParse(argsJson));
    resultSet = true;
  } else {
    indirectEval(source);
  }
}

function deliverStdin() {
  if (state.stdinEncoding === null && stdinStream.listenerCount('data') > 0) {
    stdinStream.emit('data', stdinBuffer());
  } else if (stdinStream.listenerCount('data') > 0) {
    stdinStream.emit('data', state.stdinText);
  }
  stdinStream.emit('end');
  stdinStream.emit('close');
  if (readlineInterfaces.length > 0) {
    /** @type {string[]} */
    let lines = call(stringSplit, state.stdinText, /\r?\n/);
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.length -= 1;
    for (let i = 0; i < readlineInterfaces.length; i++) readlineInterfaces[i]._deliver(lines);
  }
}

/**
 * Built by concatenating primitives: JSON.stringify of an object would call a learner's toJSON.
 * @param {string} [extraFields]
 * @returns {string}
 */
function report(extraFields) {
  const firstError = state.firstError;
  const error =
    firstError === null
      ? 'null'
      : '{"name":' +
        JSONStringify(safeString(firstError.name)) +
        ',"message":' +
        JSONStringify(call(stringSlice, safeString(firstError.message), 0, 2000)) +
        ',"line":' +
        (+firstError.line || 0) +
        ',"column":' +
        (+firstError.column || 0) +
        '}';
  return (
    '{"exited":' +
    (state.exited ? 'true' : 'false') +
    ',"exitCode":' +
    (NumberIsFinite(+state.exitCode) ? +state.exitCode : 1) +
    ',"outputExceeded":' +
    (state.outputExceeded ? 'true' : 'false') +
    ',"error":' +
    error +
    (state.leavesWork ? ',"leavesWork":true' : '') +
    (extraFields || '') +
    '}'
  );
}

/**
 * `input` is the stdin (stdio) or the JSON array of arguments (function style), on 'start'.
 * @param {string} phase
 * @param {string} payload
 * @param {string} input
 * @returns {string}
 */
export function harness(phase, payload, input) {
  state.inPhase = true;
  try {
    return runPhase(phase, payload, input);
  } finally {
    try {
      drainTicks();
    } catch {
      // drainTicks guards every callback; nothing may escape to the host.
    }
    state.inPhase = false;
  }
}

/**
 * @param {string} phase
 * @param {string} payload
 * @param {string} input
 * @returns {string}
 */
function runPhase(phase, payload, input) {
  try {
    switch (phase) {
      case 'start': {
        const request = JSONParse(payload);
        state.outputLimit = request.outputLimit;
        const functionStyle = request.style === 'function';
        state.stdinText = functionStyle ? '' : input;
        guard(runProgram, undefined, [request.code, request.style, request.entry, functionStyle ? input : '[]']);
        return report();
      }
      case 'stdin':
        guard(deliverStdin, undefined, []);
        return report();
      // The next due timer, or when none is left (or the program has exited) the end of the test.
      case 'step':
        if (!state.exited && nextTimer()) return report(',"more":true');
      // falls through
      case 'finish': {
        if (!state.exited) guard(() => process.emit('exit', state.exitCode), undefined, []);
        let value = null;
        if (resultSet && state.firstError === null && !state.outputExceeded) {
          try {
            value = serialize(result);
          } catch (error) {
            const message = error instanceof ErrorCtor ? error.message : '';
            if (message === 'OUTPUT_LIMIT') state.outputExceeded = true;
            else if (call(stringSlice, message, 0, 15) === 'UNSERIALIZABLE:')
              state.firstError = { name: 'TypeError', message: call(stringSlice, message, 15), line: 0, column: 0 };
            else state.firstError = describeError(error);
          }
        }
        if (!state.exitCalled && state.exitCode === 0 && state.firstError === null && process.exitCode !== undefined)
          state.exitCode = +process.exitCode || 0;
        state.testOver = true;
        // The value is JSON text already: it follows the report after a newline (the report's JSON never
        // contains one) rather than being escaped into the report as a string.
        return (
          report(
            ',"finished":true,"stdout":' +
              JSONStringify(state.stdout) +
              ',"stderr":' +
              JSONStringify(call(stringSlice, state.stderr, 0, 4096)) +
              (value === null ? ',"value":null' : ',"valueFollows":true'),
          ) + (value === null ? '' : '\n' + value)
        );
      }
      default:
        return report();
    }
  } catch (error) {
    // Only reachable when the harness itself fails (e.g. the learner exhausted the stack or heap).
    try {
      recordError(error);
      return report();
    } catch {
      return '{"exited":true,"error":{"name":"Error","message":"the sandbox harness failed","line":0,"column":0},"exitCode":0,"outputExceeded":false}';
    }
  }
}
