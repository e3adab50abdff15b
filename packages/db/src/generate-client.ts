import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { SCHEMA_PATH } from './paths.ts';

const require = createRequire(import.meta.url);

/**
 * Runs `prisma generate` for prisma/schema.prisma, which writes the client into packages/db/src/generated.
 *
 * Generating needs no database and no schema engine, but the Prisma CLI still wants to download its native
 * schema engine first unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file. We name the WebAssembly
 * engine we migrate with: `generate` never runs it, and it is installed wherever this package is.
 */
export function generatePrismaClient(): void {
  const prismaCli = require.resolve('prisma/build/index.js');
  const wasmSchemaEngine = path.join(
    path.dirname(require.resolve('@prisma/schema-engine-wasm')),
    'schema_engine_bg.wasm',
  );
  const run = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', SCHEMA_PATH], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: wasmSchemaEngine,
      // No version check or telemetry calls: generation must work offline.
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`prisma generate failed with exit code ${String(run.status)}`);
}
