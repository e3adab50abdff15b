// First step of `npm test`: the browser tests need Chromium, and without it they would fail only after
// the type check, the lint and every other test, minutes later. Also run by apps/web/e2e/run.ts.
import { spawnSync } from 'node:child_process';

/** The browser the tests drive (apps/web/e2e/browser.ts reads the same variable). */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when Chromium starts. */
export function browserProblem(): string | undefined {
  const result = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.status === 0) return undefined;
  const reason = result.error ? result.error.message : `it exited with code ${result.status}: ${result.stderr.trim()}`;
  return [
    `the browser tests need Chromium, which does not start from ${CHROMIUM_PATH} (${reason}).`,
    '  Install it (Debian, Ubuntu): apt-get install -y chromium fonts-wqy-microhei',
    '  or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  ].join('\n');
}

if (import.meta.filename === process.argv[1]) {
  const problem = browserProblem();
  if (problem) {
    console.error(`check-browser: ${problem}`);
    process.exit(1);
  }
}
