// `npm run bench:verify`: how long a setter waits for the reference-solution table of a real problem. Uploads
// the built-in spicy-rabbit-head (10 reference solutions, 13 tests, a validator) under a new slug to the API,
// with one judge worker, and prints the time from the upload to the last check's end, per solution too.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportPackageZip } from '@oj/judge-core/package';
import { packageImportResponseSchema, verificationSchema } from '@oj/shared';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { buildApi } from '../apps/api/scripts/build.ts';
import { createApiTestEnvironment, STAFF_PASSWORD } from '../apps/api/test/support/environment.ts';
import { REPO_ROOT } from './stack.ts';

const PROBLEM = 'spicy-rabbit-head';

await buildApi();
const scratch = await mkdtemp(path.join(tmpdir(), 'oj-bench-verify-'));
const environment = await createApiTestEnvironment('bench-verify');
try {
  await environment.startJudge();
  const dir = path.join(scratch, PROBLEM);
  await cp(path.join(REPO_ROOT, 'problems', PROBLEM), dir, { recursive: true });
  const manifest = parseYaml(await readFile(path.join(dir, 'problem.yaml'), 'utf8')) as Record<string, unknown>;
  const slug = `bench-${PROBLEM}`;
  await writeFile(path.join(dir, 'problem.yaml'), toYaml({ ...manifest, slug }));
  const zipFile = path.join(scratch, `${PROBLEM}.zip`);
  await exportPackageZip(dir, zipFile);

  const setter = await environment.signIn(environment.setter.username, STAFF_PASSWORD);
  const started = performance.now();
  const response = await setter.post('/api/problems/packages', undefined, {
    rawBody: new Uint8Array(await readFile(zipFile)),
    headers: { 'content-type': 'application/zip' },
  });
  if (response.status !== 201) throw new Error(`the upload failed: ${response.status} ${response.text}`);
  const { versionNumber } = packageImportResponseSchema.parse(response.body).problems[0]!;
  for (;;) {
    const polled = await setter.get(`/api/setter/problems/${slug}/versions/${versionNumber}/verification`);
    const verification = verificationSchema.parse(polled.body);
    if (verification.status === 'finished') {
      const elapsedMs = Math.round(performance.now() - started);
      console.log(
        JSON.stringify({
          problem: PROBLEM,
          solutions: verification.solutions.length,
          tests: verification.solutions[0]?.tests.length ?? 0,
          sound: verification.sound,
          tableMs: elapsedMs,
          storedDurationMs: verification.durationMs,
          advice: verification.advice?.summary ?? null,
        }),
      );
      for (const solution of verification.solutions) {
        console.log(
          `  ${solution.file.padEnd(36)} expected ${solution.expected}, got ${solution.verdict}, slowest test ${solution.timeMs} ms` +
            (solution.measuredMs === null ? '' : `, at 3x the limit ${solution.measuredMs} ms`),
        );
      }
      console.log(
        `reference-solution table of ${PROBLEM}: ${elapsedMs} ms from upload to the last check (${verification.sound ? 'sound' : 'NOT sound'}); ${verification.advice?.summary ?? ''}`,
      );
      break;
    }
    if (performance.now() - started > 300_000) throw new Error('not verified within 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
} finally {
  await environment.destroy();
  await rm(scratch, { recursive: true, force: true });
}
