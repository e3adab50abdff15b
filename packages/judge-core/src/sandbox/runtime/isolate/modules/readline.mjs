// @ts-check
// require('readline'): an interface over stdin. Lines are delivered all at once after the program's
// first run; async iteration reads the same array by position, whenever the iterator is created.
import { ObjectDefineProperty, PromiseCtor, PromiseResolve, SymbolAsyncIterator } from '../primordials.mjs';
import { EventEmitter } from '../events.mjs';
import { readlineInterfaces } from '../stdin.mjs';

/**
 * @typedef {{ all: string[], delivered: number, done: boolean, waiting: ((result: IteratorResult<string | undefined>) => void)[] }} LineState
 */

export class Interface extends EventEmitter {
  /** @param {any} options */
  constructor(options) {
    super();
    this.closed = false;
    this.input = options && options.input;
    this.terminal = false;
    ObjectDefineProperty(this, '_lines', { value: { all: [], delivered: 0, done: false, waiting: [] } });
    // A declaration for the type checker (reading the property just defined has no effect).
    /** @type {LineState} */
    this._lines;
    readlineInterfaces[readlineInterfaces.length] = this;
  }
  /** @param {string[]} lines */
  _deliver(lines) {
    const state = this._lines;
    state.all = lines;
    for (let i = 0; i < lines.length && !this.closed; i++) {
      state.delivered = i + 1;
      if (state.waiting.length > 0) /** @type {Function} */ (state.waiting.shift())({ value: lines[i], done: false });
      if (this._listeners.line) this.emit('line', lines[i]);
    }
    this.close();
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    const state = this._lines;
    state.done = true;
    while (state.waiting.length > 0) /** @type {Function} */ (state.waiting.shift())({ value: undefined, done: true });
    this.emit('close');
  }
  setPrompt() {}
  prompt() {}
  /**
   * @param {unknown} _query
   * @param {Function} callback
   */
  question(_query, callback) {
    this.once('line', callback);
  }
  pause() {
    return this;
  }
  resume() {
    return this;
  }
  [SymbolAsyncIterator]() {
    const state = this._lines;
    // Lines delivered before the iterator existed are still read, from the first one on.
    let position = 0;
    return {
      next() {
        if (position < state.delivered) return PromiseResolve({ value: state.all[position++], done: false });
        if (state.done) return PromiseResolve({ value: undefined, done: true });
        return new PromiseCtor((resolve) => {
          position++;
          state.waiting[state.waiting.length] = resolve;
        });
      },
      return() {
        return PromiseResolve({ value: undefined, done: true });
      },
      [SymbolAsyncIterator]() {
        return this;
      },
    };
  }
}
export const readline = {
  createInterface: (/** @type {any} */ input) => new Interface(input && input.input !== undefined ? input : { input }),
  Interface,
};
