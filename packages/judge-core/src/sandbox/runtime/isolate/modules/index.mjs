// @ts-check
// The modules require() offers, by name (require.mjs adds 'process').
import { ObjectCreate } from '../primordials.mjs';
import { Buffer, utf8Decode } from '../buffer.mjs';
import { EventEmitter } from '../events.mjs';
import { assert } from './assert.mjs';
import { fs } from './fs.mjs';
import { readline } from './readline.mjs';
import { util } from './util.mjs';

/** @type {Record<string, unknown>} */
export const modules = ObjectCreate(null);
modules.fs = fs;
modules.readline = readline;
modules.events = EventEmitter;
/** @type {any} */ (EventEmitter).EventEmitter = EventEmitter;
modules.util = util;
modules.assert = assert;
modules.buffer = { Buffer };
modules.string_decoder = {
  StringDecoder: class StringDecoder {
    /** @param {any} bytes */
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
