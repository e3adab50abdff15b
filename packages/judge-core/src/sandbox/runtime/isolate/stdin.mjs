// @ts-check
// process.stdin: delivered as events after the program's first run, like a pipe that is already full.
import { EventEmitter } from './events.mjs';
import { state } from './state.mjs';

/** @type {EventEmitter & Record<string, any>} */
export const stdinStream = new EventEmitter();
let stdinConsumed = false;
stdinStream.setEncoding = (/** @type {string | undefined} */ encoding) => {
  state.stdinEncoding = encoding || 'utf8';
  return stdinStream;
};
stdinStream.resume = () => stdinStream;
stdinStream.pause = () => stdinStream;
stdinStream.isTTY = false;
stdinStream.fd = 0;
stdinStream.read = () => {
  if (stdinConsumed) return null;
  stdinConsumed = true;
  return state.stdinText;
};
/**
 * The readline interfaces the program created, which are given stdin's lines after its first run.
 * @type {import('./modules/readline.mjs').Interface[]}
 */
export const readlineInterfaces = [];
