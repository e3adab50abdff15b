// @ts-check
// The global `require`.
import { ErrorCtor, call, stringSlice } from './primordials.mjs';
import { safeString } from './errors.mjs';
import { modules } from './modules/index.mjs';
import { process } from './process.mjs';

// esbuild renames every binding called `require` (require.name would read 'require2'); a property of
// that name is left alone, and the function expression takes its name from the property.
export const requireModule = {
  /** @param {unknown} name */
  require: function (name) {
    const key =
      typeof name === 'string' && call(stringSlice, name, 0, 5) === 'node:' ? call(stringSlice, name, 5) : name;
    if (typeof key === 'string' && key in modules) return modules[key];
    if (key === 'process') return process;
    /** @type {Error & { code?: string }} */
    const error = new ErrorCtor(
      "Cannot find module '" + safeString(name) + "' (the judge offers fs, readline, events, util, assert, buffer, os)",
    );
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  },
}.require;
