// Mutation testing of the rules that decide a verdict or an access (issue 8): `npm run test:mutation`.
// Each mutant runs only the fast unit tests that cover it (vitest.mutation.config.ts).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'packages/judge-core/src/judge.ts',
    'packages/judge-core/src/scoring.ts',
    'packages/judge-core/src/checkers/**/*.ts',
    'apps/api/src/access/**/*.ts',
  ],
  coverageAnalysis: 'perTest',
  // Mutants in module-level code would need every test rerun for each; they are constants and tables
  // the tests read anyway.
  ignoreStatic: true,
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  // Read by scripts/mutation-scores.ts, which holds every file to the goal.
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 95, low: 85, break: 85 },
  timeoutMS: 10_000,
};
