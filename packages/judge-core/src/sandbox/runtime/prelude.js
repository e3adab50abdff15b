// Runs inside the isolate, in every fresh context, before the learner's code.
// It builds the small Node-like world learners expect (console, process, require of fs/readline/...)
// and returns the harness function the host drives test phases with.
//
// Learner code may patch any builtin after this runs, so everything the harness itself relies on
// is captured here first, and the harness only passes primitives (strings) back to the host.
// No isolated-vm object is ever put into this context.
(function createSandboxWorld() {
  'use strict';
  const global = globalThis;
  const ObjectKeys = Object.keys;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectCreate = Object.create;
  const ArrayIsArray = Array.isArray;
  const ReflectApply = Reflect.apply;
  const ReflectConstruct = Reflect.construct;
  const JSONStringify = JSON.stringify;
  const JSONParse = JSON.parse;
  const StringCtor = String;
  const StringFromCharCode = String.fromCharCode;
  const MathMin = Math.min;
  const NumberIsFinite = Number.isFinite;
  const DateNow = Date.now;
  const PromiseCtor = Promise;
  const PromiseResolve = Promise.resolve.bind(Promise);
  const PromiseThen = Promise.prototype.then;
  const ErrorCtor = Error;
  const RangeErrorCtor = RangeError;
  const TypeErrorCtor = TypeError;
  const Uint8ArrayCtor = Uint8Array;
  const SymbolAsyncIterator = Symbol.asyncIterator;
  const indirectEval = eval;
  const stringSlice = String.prototype.slice;
  const stringIndexOf = String.prototype.indexOf;
  const stringSplit = String.prototype.split;
  const stringReplace = String.prototype.replace;
  const regexpExec = RegExp.prototype.exec;
  const arrayJoin = Array.prototype.join;
  const MapCtor = Map;
  const SetCtor = Set;
  const setHas = Set.prototype.has;
  const setAdd = Set.prototype.add;
  const setDelete = Set.prototype.delete;

  const call = (fn, self, ...args) => ReflectApply(fn, self, args);
  // The same as text.charCodeAt(i), immune to later patches of String.prototype, and fast in hot loops.
  const codeAt = Function.prototype.call.bind(String.prototype.charCodeAt);
  // eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose
  const NON_ASCII = /[^\x00-\x7f]/;
  const EXIT = { exit: true };

  // ---- state of this test --------------------------------------------------------------------
  let stdinText = '';
  let outputLimit = 1 << 20;
  let stdout = '';
  let stdoutLength = 0;
  let stderr = '';
  let outputExceeded = false;
  let firstError = null;
  let exitCode = 0;
  let exited = false;
  let exitCalled = false;
  let result;
  let resultSet = false;

  function safeString(value) {
    try {
      if (typeof value === 'string') return value;
      if (typeof value === 'symbol') return value.description === undefined ? 'Symbol()' : 'Symbol(' + value.description + ')';
      if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return '' + value;
      const text = StringCtor(value);
      return typeof text === 'string' ? text : '[object]';
    } catch {
      return '[unprintable value]';
    }
  }

  // The location of the first stack frame inside the learner's code, as "line:column" of the compiled code.
  const LOCATION_PATTERN = /solution-code:(\d+):(\d+)/;
  function describeError(error) {
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

  function recordError(error) {
    if (error === EXIT) return;
    if (firstError === null) firstError = describeError(error);
    exited = true;
  }

  function guard(fn, self, args) {
    if (exited) return undefined;
    try {
      return ReflectApply(fn, self, args);
    } catch (error) {
      recordError(error);
      return undefined;
    }
  }

  // ---- output ----------------------------------------------------------------------------------
  function writeOut(text) {
    // After process.exit() nothing more is written, as in Node, even if the program caught the exit.
    if (exitCalled) throw EXIT;
    if (outputExceeded) throw new RangeErrorCtor('output limit exceeded');
    stdoutLength += text.length;
    if (stdoutLength > outputLimit) {
      outputExceeded = true;
      throw new RangeErrorCtor('output limit exceeded');
    }
    stdout += text;
  }
  function writeErr(text) {
    if (stderr.length < 65536) stderr += text;
  }

  function quote(text) {
    return "'" + call(stringReplace, text, /'/g, "\\'") + "'";
  }
  function inspect(value, depth, seen) {
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
  function format(args) {
    if (args.length === 1 && typeof args[0] === 'string') return args[0];
    let text;
    let start;
    if (typeof args[0] === 'string' && call(stringIndexOf, args[0], '%') !== -1) {
      let next = 1;
      text = call(stringReplace, args[0], /%[sdifjoO%]/g, (token) => {
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

  const console = {
    log: (...args) => writeOut(format(args) + '\n'),
    info: (...args) => writeOut(format(args) + '\n'),
    debug: (...args) => writeOut(format(args) + '\n'),
    error: (...args) => writeErr(format(args) + '\n'),
    warn: (...args) => writeErr(format(args) + '\n'),
    trace: (...args) => writeErr(format(args) + '\n'),
    dir: (value) => writeOut(inspect(value, 0, []) + '\n'),
  };

  // ---- events ----------------------------------------------------------------------------------
  class EventEmitter {
    constructor() {
      ObjectDefineProperty(this, '_listeners', { value: ObjectCreate(null), writable: true });
    }
    on(name, listener) {
      const list = this._listeners[name] || (this._listeners[name] = []);
      list[list.length] = { listener, once: false };
      return this;
    }
    addListener(name, listener) {
      return this.on(name, listener);
    }
    once(name, listener) {
      const list = this._listeners[name] || (this._listeners[name] = []);
      list[list.length] = { listener, once: true };
      return this;
    }
    off(name, listener) {
      const list = this._listeners[name];
      if (list) this._listeners[name] = list.filter((entry) => entry.listener !== listener);
      return this;
    }
    removeListener(name, listener) {
      return this.off(name, listener);
    }
    removeAllListeners(name) {
      if (name === undefined) this._listeners = ObjectCreate(null);
      else delete this._listeners[name];
      return this;
    }
    listenerCount(name) {
      return (this._listeners[name] || []).length;
    }
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

  // ---- stdin: delivered as events after the program's first run, like a pipe that is already full ----
  const stdinStream = new EventEmitter();
  let stdinEncoding = null;
  let stdinConsumed = false;
  stdinStream.setEncoding = (encoding) => {
    stdinEncoding = encoding || 'utf8';
    return stdinStream;
  };
  stdinStream.resume = () => stdinStream;
  stdinStream.pause = () => stdinStream;
  stdinStream.isTTY = false;
  stdinStream.fd = 0;
  stdinStream.read = () => {
    if (stdinConsumed) return null;
    stdinConsumed = true;
    return stdinText;
  };
  const readlineInterfaces = [];

  // ---- Buffer and text encoding ------------------------------------------------------------------
  function utf8Encode(text) {
    const length = text.length;
    if (call(regexpExec, NON_ASCII, text) === null) {
      const bytes = new Buffer(length);
      for (let i = 0; i < length; i++) bytes[i] = codeAt(text, i);
      return bytes;
    }
    const out = [];
    for (let i = 0; i < length; i++) {
      let code = codeAt(text, i);
      if (code >= 0xd800 && code < 0xdc00 && i + 1 < length) {
        const low = codeAt(text, i + 1);
        if (low >= 0xdc00 && low < 0xe000) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i++;
        }
      }
      if (code < 0x80) out[out.length] = code;
      else if (code < 0x800) {
        out[out.length] = 0xc0 | (code >> 6);
        out[out.length] = 0x80 | (code & 63);
      } else if (code < 0x10000) {
        out[out.length] = 0xe0 | (code >> 12);
        out[out.length] = 0x80 | ((code >> 6) & 63);
        out[out.length] = 0x80 | (code & 63);
      } else {
        out[out.length] = 0xf0 | (code >> 18);
        out[out.length] = 0x80 | ((code >> 12) & 63);
        out[out.length] = 0x80 | ((code >> 6) & 63);
        out[out.length] = 0x80 | (code & 63);
      }
    }
    const bytes = new Buffer(out.length);
    for (let i = 0; i < out.length; i++) bytes[i] = out[i];
    return bytes;
  }
  function utf8Decode(bytes, start, end) {
    let text = '';
    let chunk = '';
    for (let i = start; i < end; ) {
      const byte = bytes[i];
      let code;
      if (byte < 0x80) {
        code = byte;
        i += 1;
      } else if (byte >= 0xc0 && byte < 0xe0) {
        code = ((byte & 31) << 6) | (bytes[i + 1] & 63);
        i += 2;
      } else if (byte >= 0xe0 && byte < 0xf0) {
        code = ((byte & 15) << 12) | ((bytes[i + 1] & 63) << 6) | (bytes[i + 2] & 63);
        i += 3;
      } else {
        code = ((byte & 7) << 18) | ((bytes[i + 1] & 63) << 12) | ((bytes[i + 2] & 63) << 6) | (bytes[i + 3] & 63);
        i += 4;
      }
      if (code >= 0x10000) {
        code -= 0x10000;
        chunk += StringFromCharCode(0xd800 + (code >> 10), 0xdc00 + (code & 1023));
      } else chunk += StringFromCharCode(code);
      if (chunk.length > 4096) {
        text += chunk;
        chunk = '';
      }
    }
    return text + chunk;
  }
  const decodedText = new WeakMap();
  class Buffer extends Uint8ArrayCtor {
    static from(value, encoding) {
      if (typeof value === 'string') {
        if (encoding && encoding !== 'utf8' && encoding !== 'utf-8') throw new TypeErrorCtor('only utf8 is supported');
        return utf8Encode(value);
      }
      const bytes = new Buffer(value.length);
      for (let i = 0; i < value.length; i++) bytes[i] = value[i];
      return bytes;
    }
    static alloc(size) {
      return new Buffer(size);
    }
    static allocUnsafe(size) {
      return new Buffer(size);
    }
    static isBuffer(value) {
      return value instanceof Buffer;
    }
    static byteLength(text) {
      return utf8Encode(safeString(text)).length;
    }
    static concat(list) {
      let length = 0;
      for (let i = 0; i < list.length; i++) length += list[i].length;
      const joined = new Buffer(length);
      let offset = 0;
      for (let i = 0; i < list.length; i++) {
        joined.set(list[i], offset);
        offset += list[i].length;
      }
      return joined;
    }
    toString(encoding, start, end) {
      const from = start === undefined ? 0 : start;
      const to = end === undefined ? this.length : MathMin(end, this.length);
      if (from === 0 && to === this.length) {
        const cached = decodedText.get(this);
        if (cached !== undefined) return cached;
      }
      return utf8Decode(this, from, to);
    }
    write(text, offset) {
      const bytes = utf8Encode(text);
      this.set(bytes, offset || 0);
      return bytes.length;
    }
  }
  function stdinBuffer() {
    const bytes = utf8Encode(stdinText);
    decodedText.set(bytes, stdinText);
    return bytes;
  }
  class TextEncoder {
    get encoding() {
      return 'utf-8';
    }
    encode(text) {
      return new Uint8ArrayCtor(utf8Encode(text === undefined ? '' : safeString(text)));
    }
  }
  class TextDecoder {
    get encoding() {
      return 'utf-8';
    }
    decode(bytes) {
      if (bytes === undefined) return '';
      const view = bytes instanceof Uint8ArrayCtor ? bytes : new Uint8ArrayCtor(bytes.buffer || bytes);
      return utf8Decode(view, 0, view.length);
    }
  }

  // ---- modules -------------------------------------------------------------------------------------
  function isStdinPath(path) {
    return path === 0 || path === '/dev/stdin' || path === '/proc/self/fd/0';
  }
  function wantsText(options) {
    const encoding = typeof options === 'string' ? options : options && options.encoding;
    return typeof encoding === 'string';
  }
  function noFileSystem(path) {
    const error = new ErrorCtor("EACCES: the judge has no file system, cannot open '" + safeString(path) + "'");
    error.code = 'EACCES';
    return error;
  }
  function writeToDescriptor(target, data) {
    const text = typeof data === 'string' ? data : data instanceof Uint8ArrayCtor ? utf8Decode(data, 0, data.length) : safeString(data);
    if (target === 1 || target === '/dev/stdout') writeOut(text);
    else if (target === 2 || target === '/dev/stderr') writeErr(text);
    else throw noFileSystem(target);
    return text.length;
  }
  const fs = {
    readFileSync(path, options) {
      if (!isStdinPath(path)) throw noFileSystem(path);
      return wantsText(options) ? stdinText : stdinBuffer();
    },
    writeSync: writeToDescriptor,
    writeFileSync: (target, data) => {
      writeToDescriptor(target, data);
    },
    appendFileSync: (target, data) => {
      writeToDescriptor(target, data);
    },
    existsSync: () => false,
    openSync(path) {
      if (isStdinPath(path)) return 0;
      if (path === '/dev/stdout') return 1;
      throw noFileSystem(path);
    },
    closeSync() {},
    fstatSync: () => ({ size: stdinText.length, isFile: () => false }),
  };
  for (const name of ['readFile', 'writeFile', 'readdirSync', 'statSync', 'mkdirSync', 'unlinkSync', 'readdir', 'stat', 'createReadStream', 'createWriteStream']) {
    fs[name] = (path) => {
      throw noFileSystem(path);
    };
  }
  fs.promises = {
    readFile: (path, options) => PromiseResolve(fs.readFileSync(path, options)),
  };

  // A readline interface over stdin. Lines are delivered all at once after the program's first run;
  // async iteration reads the same array by position, whenever the iterator is created.
  class Interface extends EventEmitter {
    constructor(options) {
      super();
      this.closed = false;
      this.input = options && options.input;
      this.terminal = false;
      ObjectDefineProperty(this, '_lines', { value: { all: [], delivered: 0, done: false, waiting: [] } });
      readlineInterfaces[readlineInterfaces.length] = this;
    }
    _deliver(lines) {
      const state = this._lines;
      state.all = lines;
      for (let i = 0; i < lines.length && !this.closed; i++) {
        state.delivered = i + 1;
        if (state.waiting.length > 0) state.waiting.shift()({ value: lines[i], done: false });
        if (this._listeners.line) this.emit('line', lines[i]);
      }
      this.close();
    }
    close() {
      if (this.closed) return;
      this.closed = true;
      const state = this._lines;
      state.done = true;
      while (state.waiting.length > 0) state.waiting.shift()({ value: undefined, done: true });
      this.emit('close');
    }
    setPrompt() {}
    prompt() {}
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
  const readline = {
    createInterface: (input) => new Interface(input && input.input !== undefined ? input : { input }),
    Interface,
  };

  const util = {
    format: (...args) => format(args),
    inspect: (value) => inspect(value, 1, []),
    promisify: (fn) => (...args) => new PromiseCtor((resolve, reject) => fn(...args, (error, value) => (error ? reject(error) : resolve(value)))),
    isDeepStrictEqual: (a, b) => JSONStringify(a) === JSONStringify(b),
    TextEncoder,
    TextDecoder,
  };
  function assert(value, message) {
    if (!value) throw new ErrorCtor(message || 'Assertion failed');
  }
  assert.ok = assert;
  assert.strictEqual = (a, b, message) => assert(a === b, message || safeString(a) + ' !== ' + safeString(b));
  assert.deepStrictEqual = (a, b, message) => assert(JSONStringify(a) === JSONStringify(b), message || 'values are not deeply equal');
  assert.equal = (a, b, message) => assert(a == b, message);

  const modules = ObjectCreate(null);
  modules.fs = fs;
  modules.readline = readline;
  modules.events = EventEmitter;
  EventEmitter.EventEmitter = EventEmitter;
  modules.util = util;
  modules.assert = assert;
  modules.buffer = { Buffer };
  modules.string_decoder = {
    StringDecoder: class StringDecoder {
      write(bytes) {
        return typeof bytes === 'string' ? bytes : utf8Decode(bytes, 0, bytes.length);
      }
      end() {
        return '';
      }
    },
  };
  modules.os = { EOL: '\n', platform: () => 'linux', cpus: () => [] };
  modules['fs/promises'] = fs.promises;
  modules['readline/promises'] = readline;

  function require(name) {
    const key = typeof name === 'string' && call(stringSlice, name, 0, 5) === 'node:' ? call(stringSlice, name, 5) : name;
    if (typeof key === 'string' && key in modules) return modules[key];
    if (key === 'process') return process;
    const error = new ErrorCtor("Cannot find module '" + safeString(name) + "' (the judge offers fs, readline, events, util, assert, buffer, os)");
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }

  // ---- timers, on a virtual clock: they run after the program in time order, and none outlives the test ----
  let timerSequence = 0;
  let virtualNow = 0;
  let pendingTimers = [];
  function addTimer(callback, delay, args, repeat) {
    if (typeof callback !== 'function') throw new TypeErrorCtor('The "callback" argument must be of type function');
    const id = ++timerSequence;
    const wait = NumberIsFinite(+delay) && +delay > 1 ? +delay : 1;
    pendingTimers[pendingTimers.length] = { id, callback, args, due: virtualNow + wait, repeat: repeat ? wait : 0, order: id };
    return id;
  }
  function clearTimer(id) {
    const wanted = typeof id === 'object' && id !== null ? id.id : id;
    const kept = [];
    for (let i = 0; i < pendingTimers.length; i++) if (pendingTimers[i].id !== wanted) kept[kept.length] = pendingTimers[i];
    pendingTimers = kept;
  }
  function nextTimer() {
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
  const queueMicrotask = (callback) => {
    call(PromiseThen, PromiseResolve(), () => guard(callback, undefined, []));
  };

  // ---- process -----------------------------------------------------------------------------------
  const processStart = DateNow();
  const process = new EventEmitter();
  process.argv = ['/usr/local/bin/node', '/judge/solution.js'];
  process.env = {};
  process.platform = 'linux';
  process.version = 'v24.0.0';
  process.versions = { node: '24.0.0' };
  process.pid = 1;
  process.exitCode = undefined;
  process.stdin = stdinStream;
  process.stdout = { write: (text) => (writeOut(typeof text === 'string' ? text : safeString(text)), true), isTTY: false, columns: 80, fd: 1 };
  process.stderr = { write: (text) => (writeErr(safeString(text)), true), isTTY: false, fd: 2 };
  process.cwd = () => '/judge';
  process.exit = (code) => {
    if (!exitCalled) exitCode = code === undefined ? (process.exitCode === undefined ? 0 : +process.exitCode) : +code;
    exited = true;
    exitCalled = true;
    throw EXIT;
  };
  // Node runs the nextTick queue before promise reactions once the current script returns; ticks
  // queued while a phase runs are drained at its end, before the host lets microtasks run.
  let inPhase = false;
  let tickQueue = [];
  process.nextTick = (callback, ...args) => {
    if (typeof callback !== 'function') throw new TypeErrorCtor('The "callback" argument must be of type function');
    if (inPhase) tickQueue[tickQueue.length] = { callback, args };
    else call(PromiseThen, PromiseResolve(), () => guard(callback, undefined, args));
  };
  function drainTicks() {
    for (let i = 0; i < tickQueue.length && !exited; i++) guard(tickQueue[i].callback, undefined, tickQueue[i].args);
    tickQueue = [];
  }
  process.hrtime = (previous) => {
    const ms = DateNow() - processStart;
    const seconds = Math.floor(ms / 1000);
    const nanos = (ms % 1000) * 1e6;
    if (previous) return [seconds - previous[0], nanos - previous[1]];
    return [seconds, nanos];
  };
  process.hrtime.bigint = () => BigInt(DateNow() - processStart) * 1000000n;
  process.memoryUsage = () => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 });
  process.uptime = () => (DateNow() - processStart) / 1000;

  // ---- work that would outlive the test ----------------------------------------------------------
  // FinalizationRegistry cleanups, Atomics.waitAsync timeouts and async WebAssembly compiles are run
  // by V8 as tasks of their own, possibly after the test's last phase, in an isolate that the next
  // tests of the submission reuse. A test that uses any of them says so in its report, and the host
  // disposes the isolate after it; a cleanup callback that still gets called after the test is inert.
  let leavesWork = false;
  let testOver = false;
  const FinalizationRegistryCtor = global.FinalizationRegistry;
  if (typeof FinalizationRegistryCtor === 'function') {
    const registryPrototype = FinalizationRegistryCtor.prototype;
    const FinalizationRegistry = function FinalizationRegistry(cleanup) {
      if (new.target === undefined) throw new TypeErrorCtor("Constructor FinalizationRegistry requires 'new'");
      if (typeof cleanup !== 'function') throw new TypeErrorCtor('FinalizationRegistry: cleanup must be callable');
      leavesWork = true;
      const guardedCleanup = (heldValue) => {
        if (!testOver) guard(cleanup, undefined, [heldValue]);
      };
      return ReflectConstruct(FinalizationRegistryCtor, [guardedCleanup], new.target);
    };
    FinalizationRegistry.prototype = registryPrototype;
    ObjectDefineProperty(registryPrototype, 'constructor', { value: FinalizationRegistry, writable: true, configurable: true, enumerable: false });
    ObjectDefineProperty(global, 'FinalizationRegistry', { value: FinalizationRegistry, writable: true, configurable: true, enumerable: false });
  }
  // A weak reference's target can be reclaimed only after the test; the isolate is not kept for more tests.
  const WeakRefCtor = global.WeakRef;
  if (typeof WeakRefCtor === 'function') {
    const WeakRef = function WeakRef(target) {
      if (new.target === undefined) throw new TypeErrorCtor("Constructor WeakRef requires 'new'");
      leavesWork = true;
      return ReflectConstruct(WeakRefCtor, [target], new.target);
    };
    WeakRef.prototype = WeakRefCtor.prototype;
    ObjectDefineProperty(WeakRefCtor.prototype, 'constructor', { value: WeakRef, writable: true, configurable: true, enumerable: false });
    ObjectDefineProperty(global, 'WeakRef', { value: WeakRef, writable: true, configurable: true, enumerable: false });
  }
  function flagMethod(owner, name) {
    const original = owner && owner[name];
    if (typeof original !== 'function') return;
    const wrapped = {
      [name](...args) {
        leavesWork = true;
        return ReflectApply(original, this, args);
      },
    }[name];
    ObjectDefineProperty(owner, name, { value: wrapped, writable: true, configurable: true, enumerable: false });
  }
  flagMethod(global.Atomics, 'waitAsync');
  for (const name of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) flagMethod(global.WebAssembly, name);

  const performance = { now: () => DateNow() - processStart, timeOrigin: processStart };
  const module = { exports: {} };

  const installed = {
    global,
    console,
    process,
    require,
    module,
    exports: module.exports,
    Buffer,
    TextEncoder,
    TextDecoder,
    performance,
    queueMicrotask,
    setTimeout: (callback, delay, ...args) => addTimer(callback, delay, args, false),
    setInterval: (callback, delay, ...args) => addTimer(callback, delay, args, true),
    setImmediate: (callback, ...args) => addTimer(callback, 0, args, false),
    clearTimeout: clearTimer,
    clearInterval: clearTimer,
    clearImmediate: clearTimer,
    __filename: '/judge/solution.js',
    __dirname: '/judge',
  };
  for (const name of ObjectKeys(installed)) {
    ObjectDefineProperty(global, name, { value: installed[name], writable: true, configurable: true, enumerable: false });
  }

  // ---- the value a function-style entry returns, serialized without trusting any patched builtin ----
  const MAX_DEPTH = 1000;
  function serialize(value) {
    let size = 0;
    const onPath = new SetCtor();
    function visit(node, depth) {
      if (size > outputLimit) throw new RangeErrorCtor('OUTPUT_LIMIT');
      switch (typeof node) {
        case 'string': {
          size += node.length;
          if (size > outputLimit) throw new RangeErrorCtor('OUTPUT_LIMIT');
          return JSONStringify(node);
        }
        case 'number':
          size += 8;
          return NumberIsFinite(node) ? (node === 0 ? '0' : '' + node) : 'null';
        case 'boolean':
          size += 5;
          return node ? 'true' : 'false';
        case 'undefined':
          size += 4;
          return 'null';
        case 'bigint':
          size += 8;
          return '' + node;
        case 'symbol':
        case 'function':
          throw new TypeErrorCtor('UNSERIALIZABLE:the returned value contains a ' + typeof node);
      }
      if (node === null) {
        size += 4;
        return 'null';
      }
      if (depth > MAX_DEPTH) throw new TypeErrorCtor('UNSERIALIZABLE:the returned value is nested too deeply');
      if (call(setHas, onPath, node)) throw new TypeErrorCtor('UNSERIALIZABLE:the returned value contains a cycle');
      call(setAdd, onPath, node);
      let text;
      if (ArrayIsArray(node) || node instanceof Uint8ArrayCtor || node instanceof Int32Array || node instanceof Float64Array) {
        const length = node.length;
        text = '[';
        for (let i = 0; i < length; i++) text += (i === 0 ? '' : ',') + visit(node[i], depth + 1);
        text += ']';
      } else if (node instanceof SetCtor || node instanceof MapCtor) {
        throw new TypeErrorCtor('UNSERIALIZABLE:return an array or a plain object, not a ' + (node instanceof SetCtor ? 'Set' : 'Map'));
      } else {
        const keys = ObjectKeys(node);
        text = '{';
        for (let i = 0; i < keys.length; i++) text += (i === 0 ? '' : ',') + JSONStringify(keys[i]) + ':' + visit(node[keys[i]], depth + 1);
        text += '}';
      }
      size += 2;
      call(setDelete, onPath, node);
      return text;
    }
    return visit(value, 0);
  }

  // ---- the harness the host drives; it returns only strings and never throws ----
  function runProgram(code, style, entryName, argsJson) {
    const source = code + '\n//# sourceURL=solution-code';
    if (style === 'function') {
      const lookup = '\n;(typeof ' + entryName + " === 'function' ? " + entryName + ' : undefined)';
      // The lookup is appended to the same script so it sees `let`/`const` declarations too.
      const entry = indirectEval(code + lookup + '\n//# sourceURL=solution-code');
      if (typeof entry !== 'function') {
        firstError = { name: 'Error', message: 'the code does not define a function named ' + entryName, line: 0, column: 0 };
        exited = true;
        return;
      }
      result = ReflectApply(entry, undefined, JSONParse(argsJson));
      resultSet = true;
    } else {
      indirectEval(source);
    }
  }

  function deliverStdin() {
    if (stdinEncoding === null && stdinStream.listenerCount('data') > 0) {
      stdinStream.emit('data', stdinBuffer());
    } else if (stdinStream.listenerCount('data') > 0) {
      stdinStream.emit('data', stdinText);
    }
    stdinStream.emit('end');
    stdinStream.emit('close');
    if (readlineInterfaces.length > 0) {
      let lines = call(stringSplit, stdinText, /\r?\n/);
      if (lines.length > 0 && lines[lines.length - 1] === '') lines.length -= 1;
      for (let i = 0; i < readlineInterfaces.length; i++) readlineInterfaces[i]._deliver(lines);
    }
  }

  // Built by concatenating primitives: JSON.stringify of an object would call a learner's toJSON.
  function report(extraFields) {
    const error =
      firstError === null
        ? 'null'
        : '{"name":' + JSONStringify(safeString(firstError.name)) + ',"message":' + JSONStringify(call(stringSlice, safeString(firstError.message), 0, 2000)) +
          ',"line":' + (+firstError.line || 0) + ',"column":' + (+firstError.column || 0) + '}';
    return '{"exited":' + (exited ? 'true' : 'false') + ',"exitCode":' + (NumberIsFinite(+exitCode) ? +exitCode : 1) +
      ',"outputExceeded":' + (outputExceeded ? 'true' : 'false') + ',"error":' + error + (leavesWork ? ',"leavesWork":true' : '') + (extraFields || '') + '}';
  }

  // `input` is the stdin (stdio) or the JSON array of arguments (function style), on 'start'.
  return function harness(phase, payload, input) {
    inPhase = true;
    try {
      return runPhase(phase, payload, input);
    } finally {
      try {
        drainTicks();
      } catch {
        // drainTicks guards every callback; nothing may escape to the host.
      }
      inPhase = false;
    }
  };

  function runPhase(phase, payload, input) {
    try {
      switch (phase) {
        case 'start': {
          const request = JSONParse(payload);
          outputLimit = request.outputLimit;
          const functionStyle = request.style === 'function';
          stdinText = functionStyle ? '' : input;
          guard(runProgram, undefined, [request.code, request.style, request.entry, functionStyle ? input : '[]']);
          return report();
        }
        case 'stdin':
          guard(deliverStdin, undefined, []);
          return report();
        // The next due timer, or when none is left (or the program has exited) the end of the test.
        case 'step':
          if (!exited && nextTimer()) return report(',"more":true');
        // falls through
        case 'finish': {
          if (!exited) guard(() => process.emit('exit', exitCode), undefined, []);
          let value = null;
          if (resultSet && firstError === null && !outputExceeded) {
            try {
              value = serialize(result);
            } catch (error) {
              const message = error instanceof ErrorCtor ? error.message : '';
              if (message === 'OUTPUT_LIMIT') outputExceeded = true;
              else if (call(stringSlice, message, 0, 15) === 'UNSERIALIZABLE:') firstError = { name: 'TypeError', message: call(stringSlice, message, 15), line: 0, column: 0 };
              else firstError = describeError(error);
            }
          }
          if (!exitCalled && exitCode === 0 && firstError === null && process.exitCode !== undefined) exitCode = +process.exitCode || 0;
          testOver = true;
          // The value is JSON text already: it follows the report after a newline (the report's JSON never
          // contains one) rather than being escaped into the report as a string.
          return report(',"finished":true,"stdout":' + JSONStringify(stdout) + ',"stderr":' + JSONStringify(call(stringSlice, stderr, 0, 4096)) + (value === null ? ',"value":null' : ',"valueFollows":true')) + (value === null ? '' : '\n' + value);
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
})();
