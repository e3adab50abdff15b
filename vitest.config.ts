import { defineConfig } from 'vitest/config';
import SummaryLineReporter from './scripts/summary-reporter.ts';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    reporters: ['default', new SummaryLineReporter()],
  },
});
