// @ts-check
// Work that would outlive the test.
// FinalizationRegistry cleanups, Atomics.waitAsync timeouts and async WebAssembly compiles are run
// by V8 as tasks of their own, possibly after the test's last phase, in an isolate that the next
// tests of the submission reuse. A test that uses any of them says so in its report, and the host
// disposes the isolate after it; a cleanup callback that still gets called after the test is inert.
import { ObjectDefineProperty, ReflectApply, ReflectConstruct, TypeErrorCtor, global } from './primordials.mjs';
import { guard } from './errors.mjs';
import { state } from './state.mjs';

const FinalizationRegistryCtor = global.FinalizationRegistry;
if (typeof FinalizationRegistryCtor === 'function') {
  const registryPrototype = FinalizationRegistryCtor.prototype;
  // Named apart from the function: esbuild would rename a function expression named like its variable.
  /** @param {unknown} cleanup */
  const flaggingFinalizationRegistry = function FinalizationRegistry(cleanup) {
    if (new.target === undefined) throw new TypeErrorCtor("Constructor FinalizationRegistry requires 'new'");
    if (typeof cleanup !== 'function') throw new TypeErrorCtor('FinalizationRegistry: cleanup must be callable');
    state.leavesWork = true;
    const guardedCleanup = (/** @type {unknown} */ heldValue) => {
      if (!state.testOver) guard(cleanup, undefined, [heldValue]);
    };
    return ReflectConstruct(FinalizationRegistryCtor, [guardedCleanup], new.target);
  };
  flaggingFinalizationRegistry.prototype = registryPrototype;
  ObjectDefineProperty(registryPrototype, 'constructor', {
    value: flaggingFinalizationRegistry,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  ObjectDefineProperty(global, 'FinalizationRegistry', {
    value: flaggingFinalizationRegistry,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}
// A weak reference's target can be reclaimed only after the test; the isolate is not kept for more tests.
const WeakRefCtor = global.WeakRef;
if (typeof WeakRefCtor === 'function') {
  /** @param {WeakKey} target */
  const flaggingWeakRef = function WeakRef(target) {
    if (new.target === undefined) throw new TypeErrorCtor("Constructor WeakRef requires 'new'");
    state.leavesWork = true;
    return ReflectConstruct(WeakRefCtor, [target], new.target);
  };
  flaggingWeakRef.prototype = WeakRefCtor.prototype;
  ObjectDefineProperty(WeakRefCtor.prototype, 'constructor', {
    value: flaggingWeakRef,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  ObjectDefineProperty(global, 'WeakRef', {
    value: flaggingWeakRef,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}
/**
 * Replaces owner[name] with a wrapper that flags the test as leaving work.
 * @param {any} owner
 * @param {string} name
 */
function flagMethod(owner, name) {
  const original = owner && owner[name];
  if (typeof original !== 'function') return;
  const wrapped = {
    /** @param {any[]} args */
    [name](...args) {
      state.leavesWork = true;
      return ReflectApply(original, this, args);
    },
  }[name];
  ObjectDefineProperty(owner, name, { value: wrapped, writable: true, configurable: true, enumerable: false });
}
flagMethod(global.Atomics, 'waitAsync');
// WebAssembly is not in the ES library the runtime is type-checked against.
for (const name of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming'])
  flagMethod(/** @type {any} */ (global).WebAssembly, name);
