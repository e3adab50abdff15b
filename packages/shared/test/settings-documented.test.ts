// The README is the users' list of settings: every environment variable that the shipped code reads
// (through an environment schema (parseEnvironment, loadEnvironment) or process.env directly) must appear in it as `NAME`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SOURCE_ROOTS = [
  'apps/api/src',
  'apps/judge/src',
  'apps/web/src',
  'apps/web/next.config.ts',
  'packages',
  'scripts',
];
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', '.next', 'generated', 'test', 'bench', 'e2e']);
/** Set by npm itself, not by users. */
const NOT_SETTINGS = new Set(['INIT_CWD', 'NODE_ENV', 'NEXT_TELEMETRY_DISABLED']);

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (statSync(full).isFile()) return /\.(ts|tsx|mjs)$/.test(entry) ? [entry] : [];
  return readdirSync(full).flatMap((name) =>
    SKIPPED_DIRECTORIES.has(name) ? [] : sourceFiles(path.join(entry, name)),
  );
}

/** Names read with process.env, and the keys of environment schemas (files that call parseEnvironment). */
function settingsReadBy(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const names = [...text.matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])/g)].map(
    (match) => match[1] ?? match[2]!,
  );
  if (/\b(parseEnvironment|loadEnvironment)\(|sharedEnvironmentSchema = /.test(text)) {
    names.push(...[...text.matchAll(/^\s+([A-Z][A-Z0-9_]+): /gm)].map((match) => match[1]!));
  }
  return names;
}

describe('README settings', () => {
  const settings = new Set(
    SOURCE_ROOTS.flatMap(sourceFiles)
      .flatMap(settingsReadBy)
      .filter((name) => !NOT_SETTINGS.has(name)),
  );
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('finds the settings of the API, the judge worker and npm start', () => {
    for (const name of [
      'HOST',
      'TRUSTED_PROXIES',
      'JUDGE_POOL_SIZE',
      'CACHE_DIR',
      'JUDGE_WORKERS',
      'ADMIN_PASSWORD',
      'API_URL',
    ]) {
      expect(settings).toContain(name);
    }
  });

  it('names every one of them', () => {
    const missing = [...settings].filter((name) => !readme.includes(`\`${name}\``)).sort();
    expect(missing).toEqual([]);
  });
});
