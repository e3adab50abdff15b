import { defineConfig } from 'vitest/config';

// The fast unit tests that StrykerJS runs against each mutant (stryker.config.mjs): pure code only,
// with fake sandbox runners; no PostgreSQL, no Redis, no isolated-vm.
export default defineConfig({
  test: {
    include: [
      'packages/judge-core/test/judge.test.ts',
      'packages/judge-core/test/judge-verdicts.test.ts',
      'packages/judge-core/test/scoring.test.ts',
      'packages/judge-core/test/checkers.test.ts',
      'packages/judge-core/test/checkers-edge.test.ts',
      'apps/api/test/access-policy.test.ts',
    ],
    // Leaves out the tests that assert timings (see timedIt in checkers.test.ts).
    env: { OJ_MUTATION_RUN: '1' },
    testTimeout: 30_000,
  },
});
