// @ts-check
// Timers, on a virtual clock: they run after the program in time order, and none outlives the test.
import { NumberIsFinite, PromiseResolve, PromiseThen, TypeErrorCtor, call } from './primordials.mjs';
import { guard } from './errors.mjs';

/** @typedef {{ id: number, callback: Function, args: any[], due: number, repeat: number, order: number }} Timer */

let timerSequence = 0;
let virtualNow = 0;
/** @type {Timer[]} */
let pendingTimers = [];
/**
 * @param {unknown} callback
 * @param {any} delay
 * @param {any[]} args
 * @param {boolean} repeat
 */
export function addTimer(callback, delay, args, repeat) {
  if (typeof callback !== 'function') throw new TypeErrorCtor('The "callback" argument must be of type function');
  const id = ++timerSequence;
  const wait = NumberIsFinite(+delay) && +delay > 1 ? +delay : 1;
  pendingTimers[pendingTimers.length] = {
    id,
    callback,
    args,
    due: virtualNow + wait,
    repeat: repeat ? wait : 0,
    order: id,
  };
  return id;
}
/** @param {any} id */
export function clearTimer(id) {
  const wanted = typeof id === 'object' && id !== null ? id.id : id;
  const kept = [];
  for (let i = 0; i < pendingTimers.length; i++)
    if (pendingTimers[i].id !== wanted) kept[kept.length] = pendingTimers[i];
  pendingTimers = kept;
}
/** Runs the next due timer; false when none is left. */
export function nextTimer() {
  let bestIndex = -1;
  for (let i = 0; i < pendingTimers.length; i++) {
    const timer = pendingTimers[i];
    const best = pendingTimers[bestIndex];
    if (bestIndex === -1 || timer.due < best.due || (timer.due === best.due && timer.order < best.order)) bestIndex = i;
  }
  if (bestIndex === -1) return false;
  const timer = pendingTimers[bestIndex];
  virtualNow = timer.due;
  if (timer.repeat > 0) {
    timer.due += timer.repeat;
    timer.order = ++timerSequence;
  } else clearTimer(timer.id);
  guard(timer.callback, undefined, timer.args);
  return true;
}
export const queueMicrotask = (/** @type {Function} */ callback) => {
  call(PromiseThen, PromiseResolve(), () => guard(callback, undefined, []));
};
