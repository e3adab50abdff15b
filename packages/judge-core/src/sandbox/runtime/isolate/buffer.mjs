// @ts-check
// Buffer, TextEncoder and TextDecoder, over a UTF-8 codec of our own (the only encoding offered).
import {
  MathMin,
  StringFromCharCode,
  TypeErrorCtor,
  Uint8ArrayCtor,
  call,
  codeAt,
  regexpExec,
} from './primordials.mjs';
import { safeString } from './errors.mjs';
import { state } from './state.mjs';

// eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * @param {string} text
 * @returns {Buffer}
 */
export function utf8Encode(text) {
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
/**
 * @param {ArrayLike<number>} bytes
 * @param {number} start
 * @param {number} end
 * @returns {string}
 */
export function utf8Decode(bytes, start, end) {
  let text = '';
  let chunk = '';
  for (let i = start; i < end;) {
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
/** The text a Buffer was made from, so that decoding stdin's bytes again costs nothing. */
const decodedText = new WeakMap();
// The class body does not name the class itself: esbuild would then rename the class (Buffer.name would
// read '_Buffer'), so it reaches the class through these two functions.
/** @param {number} size */
function newBuffer(size) {
  return new Buffer(size);
}
/** @param {unknown} value */
function isBuffer(value) {
  return value instanceof Buffer;
}
// @ts-expect-error -- Node's Buffer.from takes an encoding where Uint8Array.from takes a map function
export class Buffer extends Uint8ArrayCtor {
  /**
   * @param {any} value
   * @param {string} [encoding]
   * @override
   */
  static from(value, encoding) {
    if (typeof value === 'string') {
      if (encoding && encoding !== 'utf8' && encoding !== 'utf-8') throw new TypeErrorCtor('only utf8 is supported');
      return utf8Encode(value);
    }
    const bytes = newBuffer(value.length);
    for (let i = 0; i < value.length; i++) bytes[i] = value[i];
    return bytes;
  }
  /** @param {number} size */
  static alloc(size) {
    return newBuffer(size);
  }
  /** @param {number} size */
  static allocUnsafe(size) {
    return newBuffer(size);
  }
  /** @param {unknown} value */
  static isBuffer(value) {
    return isBuffer(value);
  }
  /** @param {unknown} text */
  static byteLength(text) {
    return utf8Encode(safeString(text)).length;
  }
  /** @param {ArrayLike<number>[]} list */
  static concat(list) {
    let length = 0;
    for (let i = 0; i < list.length; i++) length += list[i].length;
    const joined = newBuffer(length);
    let offset = 0;
    for (let i = 0; i < list.length; i++) {
      joined.set(list[i], offset);
      offset += list[i].length;
    }
    return joined;
  }
  /**
   * @param {string} [encoding]
   * @param {number} [start]
   * @param {number} [end]
   * @returns {string}
   * @override
   */
  toString(encoding, start, end) {
    const from = start === undefined ? 0 : start;
    const to = end === undefined ? this.length : MathMin(end, this.length);
    if (from === 0 && to === this.length) {
      const cached = decodedText.get(this);
      if (cached !== undefined) return cached;
    }
    return utf8Decode(this, from, to);
  }
  /**
   * @param {string} text
   * @param {number} [offset]
   */
  write(text, offset) {
    const bytes = utf8Encode(text);
    this.set(bytes, offset || 0);
    return bytes.length;
  }
}
/** stdin's bytes, in a Buffer that remembers their text. */
export function stdinBuffer() {
  const bytes = utf8Encode(state.stdinText);
  decodedText.set(bytes, state.stdinText);
  return bytes;
}
export class TextEncoder {
  get encoding() {
    return 'utf-8';
  }
  /** @param {unknown} text */
  encode(text) {
    return new Uint8ArrayCtor(utf8Encode(text === undefined ? '' : safeString(text)));
  }
}
export class TextDecoder {
  get encoding() {
    return 'utf-8';
  }
  /** @param {any} bytes */
  decode(bytes) {
    if (bytes === undefined) return '';
    const view = bytes instanceof Uint8ArrayCtor ? bytes : new Uint8ArrayCtor(bytes.buffer || bytes);
    return utf8Decode(view, 0, view.length);
  }
}
