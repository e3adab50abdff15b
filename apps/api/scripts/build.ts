// Bundles the API into dist/main.js. NestJS needs decorators, which Node's type stripping cannot run, so
// the API is compiled, with the workspace packages (@oj/*) it imports: no .ts is left to strip at run time,
// and Node never loads its type stripper (about 30 MB of the API's memory). node_modules stay external.
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const appRoot = path.resolve(import.meta.dirname, '..');
export const API_ENTRY_POINT = path.join(appRoot, 'dist/main.js');

/** Every bare import is external (left to node_modules), except the workspace's own packages (@oj/*). */
const workspacePackagesInside: Plugin = {
  name: 'workspace-packages-inside',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@oj/') ? undefined : { path: args.path, external: true },
    );
  },
};

export async function buildApi(): Promise<void> {
  await build({
    entryPoints: [path.join(appRoot, 'src/main.ts')],
    outfile: API_ENTRY_POINT,
    bundle: true,
    plugins: [workspacePackagesInside],
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
