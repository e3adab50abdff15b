// @ts-check
// The global `process`.
import { DateNow, PromiseResolve, PromiseThen, TypeErrorCtor, call } from './primordials.mjs';
import { EXIT, guard, safeString } from './errors.mjs';
import { EventEmitter } from './events.mjs';
import { writeErr, writeOut } from './output.mjs';
import { state } from './state.mjs';
import { stdinStream } from './stdin.mjs';

export const processStart = DateNow();
/** @type {EventEmitter & Record<string, any>} */
export const process = new EventEmitter();
process.argv = ['/usr/local/bin/node', '/judge/solution.js'];
process.env = {};
process.platform = 'linux';
process.version = 'v24.0.0';
process.versions = { node: '24.0.0' };
process.pid = 1;
process.exitCode = undefined;
process.stdin = stdinStream;
process.stdout = {
  write: (/** @type {unknown} */ text) => (writeOut(typeof text === 'string' ? text : safeString(text)), true),
  isTTY: false,
  columns: 80,
  fd: 1,
};
process.stderr = { write: (/** @type {unknown} */ text) => (writeErr(safeString(text)), true), isTTY: false, fd: 2 };
process.cwd = () => '/judge';
process.exit = (/** @type {any} */ code) => {
  if (!state.exitCalled)
    state.exitCode = code === undefined ? (process.exitCode === undefined ? 0 : +process.exitCode) : +code;
  state.exited = true;
  state.exitCalled = true;
  throw EXIT;
};
// Node runs the nextTick queue before promise reactions once the current script returns; ticks
// queued while a phase runs are drained at its end, before the host lets microtasks run.
/** @type {{ callback: Function, args: any[] }[]} */
let tickQueue = [];
process.nextTick = (/** @type {unknown} */ callback, /** @type {any[]} */ ...args) => {
  if (typeof callback !== 'function') throw new TypeErrorCtor('The "callback" argument must be of type function');
  if (state.inPhase) tickQueue[tickQueue.length] = { callback, args };
  else call(PromiseThen, PromiseResolve(), () => guard(callback, undefined, args));
};
export function drainTicks() {
  for (let i = 0; i < tickQueue.length && !state.exited; i++)
    guard(tickQueue[i].callback, undefined, tickQueue[i].args);
  tickQueue = [];
}
process.hrtime = (/** @type {[number, number] | undefined} */ previous) => {
  const ms = DateNow() - processStart;
  const seconds = Math.floor(ms / 1000);
  const nanos = (ms % 1000) * 1e6;
  if (previous) return [seconds - previous[0], nanos - previous[1]];
  return [seconds, nanos];
};
process.hrtime.bigint = () => BigInt(DateNow() - processStart) * 1000000n;
process.memoryUsage = () => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 });
process.uptime = () => (DateNow() - processStart) / 1000;
