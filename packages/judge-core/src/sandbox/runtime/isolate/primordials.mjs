// @ts-check
// The builtins the runtime relies on, captured before learner code runs: the learner may patch any
// builtin afterwards. This module is evaluated first (see index.mjs); every other module imports these
// instead of reaching for the live globals.
export const global = globalThis;
export const ObjectKeys = Object.keys;
export const ObjectDefineProperty = Object.defineProperty;
export const ObjectCreate = Object.create;
export const ArrayIsArray = Array.isArray;
export const ReflectApply = Reflect.apply;
export const ReflectConstruct = Reflect.construct;
export const JSONStringify = JSON.stringify;
export const JSONParse = JSON.parse;
export const StringCtor = String;
export const StringFromCharCode = String.fromCharCode;
export const MathMin = Math.min;
export const NumberIsFinite = Number.isFinite;
export const DateNow = Date.now;
export const PromiseCtor = Promise;
export const PromiseResolve = Promise.resolve.bind(Promise);
export const PromiseThen = Promise.prototype.then;
export const ErrorCtor = Error;
export const RangeErrorCtor = RangeError;
export const TypeErrorCtor = TypeError;
export const Uint8ArrayCtor = Uint8Array;
export const SymbolAsyncIterator = Symbol.asyncIterator;
export const indirectEval = eval;
export const stringSlice = String.prototype.slice;
export const stringIndexOf = String.prototype.indexOf;
export const stringSplit = String.prototype.split;
export const stringReplace = String.prototype.replace;
export const regexpExec = RegExp.prototype.exec;
export const arrayJoin = Array.prototype.join;
export const MapCtor = Map;
export const SetCtor = Set;
export const setHas = Set.prototype.has;
export const setAdd = Set.prototype.add;
export const setDelete = Set.prototype.delete;

/**
 * Calls a captured method on `self`, as `self.fn(...args)` would before any patch.
 * @param {Function} fn
 * @param {any} self
 * @param {...any} args
 * @returns {any}
 */
export const call = (fn, self, ...args) => ReflectApply(fn, self, args);
/**
 * The same as text.charCodeAt(i), immune to later patches of String.prototype, and fast in hot loops.
 * @type {(text: string, index: number) => number}
 */
export const codeAt = Function.prototype.call.bind(String.prototype.charCodeAt);
