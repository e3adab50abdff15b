// Bundles the API into dist/main.js. NestJS needs decorators, which Node's type stripping cannot run, so
// the API alone is compiled; workspace packages (@oj/*) and node_modules stay external and load as they
// are (the @oj/* packages as .ts through Node 24's type stripping).
import path from 'node:path';
import { build } from 'esbuild';

const appRoot = path.resolve(import.meta.dirname, '..');
export const API_ENTRY_POINT = path.join(appRoot, 'dist/main.js');

export async function buildApi(): Promise<void> {
  await build({
    entryPoints: [path.join(appRoot, 'src/main.ts')],
    outfile: API_ENTRY_POINT,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node24',
    sourcemap: true,
    // Legacy decorators, as tsconfig.json's experimentalDecorators says.
    tsconfig: path.join(appRoot, 'tsconfig.json'),
    logLevel: 'warning',
  });
}

if (import.meta.main) await buildApi();
