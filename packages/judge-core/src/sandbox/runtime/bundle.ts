// Host side: turns the runtime's modules (isolate/, the code that runs inside the isolate) into the one
// classic script a sandbox process compiles into every isolate. The script's completion value is the
// harness function, as child.ts expects.
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as esbuild from 'esbuild';

// Loaded only to bundle: a sandbox process that finds the bundle in the cache spares loading esbuild (~25 ms).
type Esbuild = typeof esbuild;
const loadEsbuild = (): Esbuild => createRequire(import.meta.url)('esbuild') as Esbuild;

const ISOLATE_DIRECTORY = fileURLToPath(new URL('./isolate/', import.meta.url));
const ENTRY = fileURLToPath(new URL('./isolate/index.mjs', import.meta.url));
/** Bundling takes a few hundred ms in a fresh process (esbuild's service starts), so each result is kept. */
const CACHE_FILE = fileURLToPath(new URL('../../../node_modules/.cache/sandbox-prelude.json', import.meta.url));

/**
 * Bundles the runtime. esbuild hoists every module into one scope, in the order the entry imports them.
 * The format is 'esm' because the entry exports nothing: esbuild then emits the modules' statements and
 * nothing else ('iife' would wrap them in a function that returns nothing). Those statements become the
 * body of a function, so nothing the modules declare is a global, and the function returns the harness.
 * `harness` is the name harness.mjs gives it: esbuild renames a top-level name only when another module
 * declares it too (or it is one esbuild reserves, such as `require`), so no other module may use it.
 */
export function bundlePrelude(): string {
  const result = loadEsbuild().buildSync({
    entryPoints: [ENTRY],
    // The modules' paths, in the comments esbuild puts before each, are relative to this.
    absWorkingDir: ISOLATE_DIRECTORY,
    bundle: true,
    write: false,
    format: 'esm',
    // The isolate runs on the V8 of the Node running us (isolated-vm 7 needs Node 24).
    target: 'node24',
    platform: 'neutral',
    // Readable stack traces and messages; and every statement kept, as written.
    minify: false,
    treeShaking: false,
    charset: 'utf8',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  return `(function createSandboxWorld() {\n'use strict';\n${code}\nreturn harness;\n})();\n`;
}

function esbuildPackageVersion(): string {
  const manifest = createRequire(import.meta.url).resolve('esbuild/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Everything the bundle is made from: esbuild's version, this file (the options) and the runtime's sources. */
function bundleInputs(): string {
  let inputs = `esbuild ${esbuildPackageVersion()}\n${readFileSync(fileURLToPath(import.meta.url), 'utf8')}`;
  const files = readdirSync(ISOLATE_DIRECTORY, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mjs'))
    .sort();
  for (const file of files) inputs += `\n// ${file}\n${readFileSync(ISOLATE_DIRECTORY + file, 'utf8')}`;
  return inputs;
}

interface CachedPrelude {
  inputs: string;
  prelude: string;
}

/**
 * The prelude, from the cache when it was bundled from exactly the inputs there are now (the cache keeps
 * them to compare); otherwise bundled afresh, and cached for the next sandbox process.
 */
export function loadPrelude(): string {
  const inputs = bundleInputs();
  try {
    const cached = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as CachedPrelude;
    if (cached.inputs === inputs && typeof cached.prelude === 'string') return cached.prelude;
  } catch {
    // Not bundled yet.
  }
  const prelude = bundlePrelude();
  try {
    mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
    // Sandbox processes start together: each writes a file of its own and renames it into place.
    const temporary = `${CACHE_FILE}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ inputs, prelude } satisfies CachedPrelude));
    renameSync(temporary, CACHE_FILE);
  } catch {
    // A read-only installation bundles in every sandbox process instead.
  }
  return prelude;
}
