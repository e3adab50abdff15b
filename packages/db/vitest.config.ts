import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'db',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // @prisma/schema-engine-wasm imports its .wasm file as an ES module, which Node 24 flags as experimental.
    execArgv: ['--disable-warning=ExperimentalWarning'],
  },
});
