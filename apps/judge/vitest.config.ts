import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'judge',
    include: ['test/**/*.test.ts'],
    // Integration tests: real PostgreSQL, Redis and sandbox processes; judging on two cores takes a while.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Each file starts sandbox pools of its own; running them side by side would only make time limits flaky.
    fileParallelism: false,
    // @prisma/schema-engine-wasm imports its .wasm file as an ES module, which Node 24 flags as experimental.
    execArgv: ['--disable-warning=ExperimentalWarning'],
  },
});
