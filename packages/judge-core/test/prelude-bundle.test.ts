import ivm from 'isolated-vm';
import { afterAll, describe, expect, it } from 'vitest';
import { bundlePrelude, loadPrelude } from '../src/sandbox/runtime/bundle.ts';

const prelude = bundlePrelude();
const isolate = new ivm.Isolate({ memoryLimit: 64 });
afterAll(() => isolate.dispose());

/** The names a fresh context's globalThis has after the prelude ran that it did not have before. */
function globalsAddedByPrelude(): string[] {
  const context = isolate.createContextSync();
  try {
    const before = context.evalSync('JSON.stringify(Object.getOwnPropertyNames(globalThis))', { copy: true }) as string;
    isolate.compileScriptSync(prelude, { filename: 'judge-runtime.js' }).runSync(context);
    const added = context.evalSync(
      `(() => { const before = new Set(${before}); return JSON.stringify(Object.getOwnPropertyNames(globalThis).filter((name) => !before.has(name))); })()`,
      { copy: true },
    ) as string;
    return (JSON.parse(added) as string[]).sort();
  } finally {
    context.release();
  }
}

function runInFreshContext<T>(code: string): T {
  const context = isolate.createContextSync();
  try {
    isolate.compileScriptSync(prelude, { filename: 'judge-runtime.js' }).runSync(context);
    return JSON.parse(context.evalSync(code, { copy: true }) as string) as T;
  } finally {
    context.release();
  }
}

describe('the bundled prelude', () => {
  it('is one self-contained classic script', () => {
    expect(prelude).not.toMatch(/\brequire\s*\(/);
    expect(prelude).not.toMatch(/^\s*(import|export)\b/m);
    expect(prelude).not.toMatch(/\bimport\s*\(/);
    expect(prelude).not.toMatch(/\bimport\.meta\b/);
    // A script, not a module: an import or export left in it would not compile.
    expect(() => isolate.compileScriptSync(prelude)).not.toThrow();
  });

  it('is what a sandbox process loads', () => {
    expect(loadPrelude()).toBe(prelude);
    // From the cache this time.
    expect(loadPrelude()).toBe(prelude);
  });

  it('defines no globals but the ones the single-file prelude defined', () => {
    // Computed from the single-file prelude (runtime/prelude.js) before it was split into modules.
    // console, FinalizationRegistry and WeakRef are replaced too, but exist in every context already.
    const definedBySingleFilePrelude = [
      'global',
      'process',
      'require',
      'module',
      'exports',
      'Buffer',
      'TextEncoder',
      'TextDecoder',
      'performance',
      'queueMicrotask',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'clearTimeout',
      'clearInterval',
      'clearImmediate',
      '__filename',
      '__dirname',
    ];
    expect(globalsAddedByPrelude()).toEqual(definedBySingleFilePrelude.sort());
  });

  it('completes with the harness, which runs a program', () => {
    const context = isolate.createContextSync();
    try {
      const harness = isolate
        .compileScriptSync(prelude, { filename: 'judge-runtime.js' })
        .runSync(context, { reference: true }) as ivm.Reference<
        (phase: string, payload: string, input: string) => string
      >;
      expect(harness.typeof).toBe('function');
      const call = (phase: string, payload = '', input = ''): string =>
        harness.applySync(undefined, [phase, payload, input], { arguments: { copy: true }, result: { copy: true } });
      const request = { code: 'console.log(require("fs").readFileSync(0, "utf8").trim())', style: 'stdio', entry: '' };
      call('start', JSON.stringify({ ...request, outputLimit: 1024 }), 'hello\n');
      const finished = JSON.parse(call('finish')) as { finished: boolean; stdout: string; error: unknown };
      expect(finished).toMatchObject({ finished: true, stdout: 'hello\n', error: null });
      harness.release();
    } finally {
      context.release();
    }
  });

  it('evaluates the modules in dependency order, builtins captured first', () => {
    const modules = [...prelude.matchAll(/^\/\/ (\S+\.mjs)$/gm)].map((match) => match[1]);
    expect(modules).toEqual([
      'primordials.mjs',
      'state.mjs',
      'errors.mjs',
      'output.mjs',
      'events.mjs',
      'stdin.mjs',
      'buffer.mjs',
      'modules/fs.mjs',
      'modules/readline.mjs',
      'modules/util.mjs',
      'modules/assert.mjs',
      'modules/index.mjs',
      'timers.mjs',
      'process.mjs',
      'outliving-work.mjs',
      'require.mjs',
      'globals.mjs',
      'serialize.mjs',
      'harness.mjs',
    ]);
    // Nothing of the runtime runs before the builtins are captured.
    expect(prelude.indexOf('// primordials.mjs')).toBeLessThan(prelude.indexOf('var '));
  });

  it('keeps the names learner code sees on the functions it is given', () => {
    // Bundling renames clashing declarations (esbuild would make `require` `require2`); these are the
    // names the single-file prelude gave.
    const names = runInFreshContext<Record<string, string>>(`(() => {
      const names = {};
      const record = (path, value) => { if (typeof value === 'function') names[path] = value.name; };
      for (const name of ['require', 'Buffer', 'TextEncoder', 'TextDecoder', 'queueMicrotask', 'setTimeout', 'clearTimeout', 'FinalizationRegistry', 'WeakRef']) record(name, globalThis[name]);
      record('Atomics.waitAsync', Atomics.waitAsync);
      record('WebAssembly.instantiate', WebAssembly.instantiate);
      for (const name of ['events', 'util', 'assert', 'readline', 'fs', 'string_decoder']) {
        const exported = require(name);
        record(name, exported);
        for (const key of Object.keys(exported)) if (exported[key].name) record(name + '.' + key, exported[key]);
      }
      return JSON.stringify(names);
    })()`);
    expect(names).toEqual({
      require: 'require',
      Buffer: 'Buffer',
      TextEncoder: 'TextEncoder',
      TextDecoder: 'TextDecoder',
      queueMicrotask: 'queueMicrotask',
      setTimeout: 'setTimeout',
      clearTimeout: 'clearTimer',
      FinalizationRegistry: 'FinalizationRegistry',
      WeakRef: 'WeakRef',
      'Atomics.waitAsync': 'waitAsync',
      'WebAssembly.instantiate': 'instantiate',
      events: 'EventEmitter',
      'events.EventEmitter': 'EventEmitter',
      'util.format': 'format',
      'util.inspect': 'inspect',
      'util.promisify': 'promisify',
      'util.isDeepStrictEqual': 'isDeepStrictEqual',
      'util.TextEncoder': 'TextEncoder',
      'util.TextDecoder': 'TextDecoder',
      assert: 'assert',
      'assert.ok': 'assert',
      'readline.createInterface': 'createInterface',
      'readline.Interface': 'Interface',
      'fs.readFileSync': 'readFileSync',
      'fs.writeSync': 'writeToDescriptor',
      'fs.writeFileSync': 'writeFileSync',
      'fs.appendFileSync': 'appendFileSync',
      'fs.existsSync': 'existsSync',
      'fs.openSync': 'openSync',
      'fs.closeSync': 'closeSync',
      'fs.fstatSync': 'fstatSync',
      'string_decoder.StringDecoder': 'StringDecoder',
    });
  });
});
