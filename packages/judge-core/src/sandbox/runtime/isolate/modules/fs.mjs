// @ts-check
// require('fs'): stdin, stdout and stderr are the only files there are.
import { ErrorCtor, PromiseResolve, Uint8ArrayCtor } from '../primordials.mjs';
import { stdinBuffer, utf8Decode } from '../buffer.mjs';
import { safeString } from '../errors.mjs';
import { writeErr, writeOut } from '../output.mjs';
import { state } from '../state.mjs';

/** @param {unknown} path */
function isStdinPath(path) {
  return path === 0 || path === '/dev/stdin' || path === '/proc/self/fd/0';
}
/** @param {any} options */
function wantsText(options) {
  const encoding = typeof options === 'string' ? options : options && options.encoding;
  return typeof encoding === 'string';
}
/** @param {unknown} path */
function noFileSystem(path) {
  /** @type {Error & { code?: string }} */
  const error = new ErrorCtor("EACCES: the judge has no file system, cannot open '" + safeString(path) + "'");
  error.code = 'EACCES';
  return error;
}
/**
 * @param {unknown} target
 * @param {unknown} data
 */
function writeToDescriptor(target, data) {
  const text =
    typeof data === 'string'
      ? data
      : data instanceof Uint8ArrayCtor
        ? utf8Decode(data, 0, data.length)
        : safeString(data);
  if (target === 1 || target === '/dev/stdout') writeOut(text);
  else if (target === 2 || target === '/dev/stderr') writeErr(text);
  else throw noFileSystem(target);
  return text.length;
}
/** @type {Record<string, any>} */
export const fs = {
  /**
   * @param {unknown} path
   * @param {unknown} options
   */
  readFileSync(path, options) {
    if (!isStdinPath(path)) throw noFileSystem(path);
    return wantsText(options) ? state.stdinText : stdinBuffer();
  },
  writeSync: writeToDescriptor,
  writeFileSync: (/** @type {unknown} */ target, /** @type {unknown} */ data) => {
    writeToDescriptor(target, data);
  },
  appendFileSync: (/** @type {unknown} */ target, /** @type {unknown} */ data) => {
    writeToDescriptor(target, data);
  },
  existsSync: () => false,
  /** @param {unknown} path */
  openSync(path) {
    if (isStdinPath(path)) return 0;
    if (path === '/dev/stdout') return 1;
    throw noFileSystem(path);
  },
  closeSync() {},
  fstatSync: () => ({ size: state.stdinText.length, isFile: () => false }),
};
for (const name of [
  'readFile',
  'writeFile',
  'readdirSync',
  'statSync',
  'mkdirSync',
  'unlinkSync',
  'readdir',
  'stat',
  'createReadStream',
  'createWriteStream',
]) {
  fs[name] = (/** @type {unknown} */ path) => {
    throw noFileSystem(path);
  };
}
fs.promises = {
  readFile: (/** @type {unknown} */ path, /** @type {unknown} */ options) =>
    PromiseResolve(fs.readFileSync(path, options)),
};
