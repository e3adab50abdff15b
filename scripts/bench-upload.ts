// `npm run bench:upload`: uploads a 50 MB problem package (five 10 MB tests) to the API, as a setter
// does, and prints the API process's peak memory (VmHWM) before and after, and how long the upload took.
// The goal (issue 9): the API stays under 150 MB of RSS, because the zip is streamed to disk and the tests
// are stored one at a time.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportPackageZip } from '@oj/judge-core/package';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { buildApi } from '../apps/api/scripts/build.ts';
import { createApiTestEnvironment, STAFF_PASSWORD } from '../apps/api/test/support/environment.ts';
import { REPO_ROOT } from './stack.ts';

const TESTS = 5;
const TEST_BYTES = 10 * 1024 * 1024;
const GOAL_MB = 150;

/** The process's resident memory now (VmRSS) and at its peak so far (VmHWM), in MB. */
async function memoryMb(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) =>
    Math.round(Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024);
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

/** Lines of random numbers: test data that compresses as real data does (about 2:1), not like zeros. */
function randomLines(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const line = Array.from({ length: 10 }, () => Math.floor(Math.random() * 1e9)).join(' ');
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

await buildApi();
const scratch = await mkdtemp(path.join(tmpdir(), 'oj-bench-upload-'));
const environment = await createApiTestEnvironment('bench-upload');
try {
  const dir = path.join(scratch, 'big');
  await cp(path.join(REPO_ROOT, 'problems/spicy-rabbit-head'), dir, { recursive: true });
  // The built-in's statement and solutions, with five big tests instead of its own.
  await rm(path.join(dir, 'tests'), { recursive: true });
  await mkdir(path.join(dir, 'tests'));
  const ids = Array.from({ length: TESTS }, (_, index) => String(index + 1).padStart(2, '0'));
  for (const id of ids) {
    await writeFile(path.join(dir, 'tests', `${id}.in`), randomLines(TEST_BYTES));
    await writeFile(path.join(dir, 'tests', `${id}.out`), '0\n');
  }
  const manifest = parseYaml(await readFile(path.join(dir, 'problem.yaml'), 'utf8')) as Record<string, unknown>;
  Object.assign(manifest, {
    slug: 'bench-upload-big',
    samples: [ids[0]],
    subtasks: [{ id: 'all', score: 100, tests: ids }],
  });
  await writeFile(path.join(dir, 'problem.yaml'), toYaml(manifest));
  // Its validator.js would check the random lines against the statement; the upload does not run it.
  await rm(path.join(dir, 'validator.js'), { force: true });
  const zipFile = path.join(scratch, 'big.zip');
  await exportPackageZip(dir, zipFile);
  const zip = await readFile(zipFile);

  const setter = await environment.signIn(environment.setter.username, STAFF_PASSWORD);
  const before = await memoryMb(environment.apiPid);
  // From here VmHWM is the upload's own peak, not the argon2 hashes' (64 MiB each) of the start and the sign-in.
  await writeFile(`/proc/${environment.apiPid}/clear_refs`, '5');
  const started = performance.now();
  const response = await setter.post('/api/problems/packages', undefined, {
    rawBody: new Uint8Array(zip),
    headers: { 'content-type': 'application/zip' },
  });
  const elapsedMs = Math.round(performance.now() - started);
  const after = await memoryMb(environment.apiPid);
  if (response.status !== 201) throw new Error(`the upload failed: ${response.status} ${response.text}`);

  const figures = {
    testDataMb: (TESTS * TEST_BYTES) / (1024 * 1024),
    zipMb: Math.round((zip.length / (1024 * 1024)) * 10) / 10,
    uploadMs: elapsedMs,
    apiRssBeforeMb: before.rss,
    apiPeakRssBeforeMb: before.peak,
    apiPeakRssMb: after.peak,
    goalMb: GOAL_MB,
  };
  console.log(JSON.stringify(figures));
  console.log(
    `upload of ${figures.testDataMb} MB of tests (${figures.zipMb} MB zip): ${elapsedMs} ms; API RSS ${before.rss} MB before (peak ${before.peak} MB), peak ${after.peak} MB after (goal: under ${GOAL_MB} MB) ${after.peak < GOAL_MB ? 'met' : 'NOT met'}`,
  );
} finally {
  await environment.destroy();
  await rm(scratch, { recursive: true, force: true });
}
