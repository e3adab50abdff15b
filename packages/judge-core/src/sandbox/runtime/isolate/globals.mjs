// @ts-check
// Puts the Node-like globals on globalThis: writable and configurable like Node's, not enumerable.
import { DateNow, ObjectDefineProperty, ObjectKeys, global } from './primordials.mjs';
import { Buffer, TextDecoder, TextEncoder } from './buffer.mjs';
import { console } from './output.mjs';
import { process, processStart } from './process.mjs';
import { requireModule } from './require.mjs';
import { addTimer, clearTimer, queueMicrotask } from './timers.mjs';

const performance = { now: () => DateNow() - processStart, timeOrigin: processStart };
const module = { exports: {} };

/** @type {Record<string, unknown>} */
const installed = {
  global,
  console,
  process,
  require: requireModule,
  module,
  exports: module.exports,
  Buffer,
  TextEncoder,
  TextDecoder,
  performance,
  queueMicrotask,
  setTimeout: (/** @type {unknown} */ callback, /** @type {unknown} */ delay, /** @type {any[]} */ ...args) =>
    addTimer(callback, delay, args, false),
  setInterval: (/** @type {unknown} */ callback, /** @type {unknown} */ delay, /** @type {any[]} */ ...args) =>
    addTimer(callback, delay, args, true),
  setImmediate: (/** @type {unknown} */ callback, /** @type {any[]} */ ...args) => addTimer(callback, 0, args, false),
  clearTimeout: clearTimer,
  clearInterval: clearTimer,
  clearImmediate: clearTimer,
  __filename: '/judge/solution.js',
  __dirname: '/judge',
};
for (const name of ObjectKeys(installed)) {
  ObjectDefineProperty(global, name, { value: installed[name], writable: true, configurable: true, enumerable: false });
}
