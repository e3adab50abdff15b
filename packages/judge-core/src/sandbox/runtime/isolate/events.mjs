// @ts-check
// Node's EventEmitter, as far as learner programs use it (process, process.stdin, readline).
import { ObjectCreate, ObjectDefineProperty, ReflectApply } from './primordials.mjs';

/** @typedef {{ listener: Function, once: boolean }} ListenerEntry */

export class EventEmitter {
  constructor() {
    ObjectDefineProperty(this, '_listeners', { value: ObjectCreate(null), writable: true });
    // A declaration for the type checker (reading the property just defined has no effect).
    /** @type {Record<string, ListenerEntry[] | undefined>} */
    this._listeners;
  }
  /**
   * @param {string} name
   * @param {Function} listener
   */
  on(name, listener) {
    const list = this._listeners[name] || (this._listeners[name] = []);
    list[list.length] = { listener, once: false };
    return this;
  }
  /**
   * @param {string} name
   * @param {Function} listener
   */
  addListener(name, listener) {
    return this.on(name, listener);
  }
  /**
   * @param {string} name
   * @param {Function} listener
   */
  once(name, listener) {
    const list = this._listeners[name] || (this._listeners[name] = []);
    list[list.length] = { listener, once: true };
    return this;
  }
  /**
   * @param {string} name
   * @param {Function} listener
   */
  off(name, listener) {
    const list = this._listeners[name];
    if (list) this._listeners[name] = list.filter((entry) => entry.listener !== listener);
    return this;
  }
  /**
   * @param {string} name
   * @param {Function} listener
   */
  removeListener(name, listener) {
    return this.off(name, listener);
  }
  /** @param {string} [name] */
  removeAllListeners(name) {
    if (name === undefined) this._listeners = ObjectCreate(null);
    else delete this._listeners[name];
    return this;
  }
  /** @param {string} name */
  listenerCount(name) {
    return (this._listeners[name] || []).length;
  }
  /**
   * @param {string} name
   * @param {...any} args
   */
  emit(name, ...args) {
    const list = this._listeners[name];
    if (!list || list.length === 0) return false;
    let hasOnce = false;
    for (let i = 0; i < list.length; i++) if (list[i].once) hasOnce = true;
    if (hasOnce) this._listeners[name] = list.filter((entry) => !entry.once);
    if (list.length === 1) ReflectApply(list[0].listener, this, args);
    else for (let i = 0; i < list.length; i++) ReflectApply(list[i].listener, this, args);
    return true;
  }
  setMaxListeners() {
    return this;
  }
}
