// Setters make problems in the browser's way (versions saved as package edits), see them verified by a real
// judge worker through the queue, publish only sound versions, rejudge, and share problems with co-authors.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importPackageZip } from '@oj/judge-core/package';
import {
  apiErrorSchema,
  authoredProblemDetailSchema,
  packageImportResponseSchema,
  problemDetailSchema,
  problemListResponseSchema,
  rejudgeSchema,
  submissionDetailSchema,
  verificationSchema,
  versionDetailSchema,
  versionSavedResponseSchema,
  type FileChange,
  type Verification,
} from '@oj/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildZip } from '../../../packages/judge-core/test/support/zip.ts';
import type { ApiClient } from './support/api-client.ts';
import { createApiTestEnvironment, STAFF_PASSWORD, type ApiTestEnvironment } from './support/environment.ts';

let environment: ApiTestEnvironment;
let setter: ApiClient;
let scratch: string;

beforeAll(async () => {
  environment = await createApiTestEnvironment('authoring', {
    env: { SUBMISSIONS_PER_MINUTE: '100', MAX_PENDING_SUBMISSIONS: '100', PACKAGE_SAVES_PER_MINUTE: '40' },
  });
  await environment.startJudge();
  setter = await environment.signIn(environment.setter.username, STAFF_PASSWORD);
  scratch = await mkdtemp(path.join(tmpdir(), 'oj-authoring-'));
}, 120_000);
afterAll(async () => {
  await environment?.destroy();
  await rm(scratch, { recursive: true, force: true });
});

/** "Add two numbers", a stdio problem as a setter would write it, Luogu style. */
function manifestOf(slug: string, tests: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    slug,
    title: 'Add Two Numbers',
    difficulty: 'easy',
    tags: ['math'],
    style: 'stdio',
    limits: { timeMs: 500, memoryMb: 256 },
    checker: { type: 'tokens' },
    samples: [tests[0]],
    subtasks: [{ id: 'all', score: 100, tests }],
    solutions: [
      { file: 'solutions/ac.js', expect: 'AC' },
      { file: 'solutions/wa.js', expect: 'WA' },
      { file: 'solutions/tle.js', expect: 'TLE' },
    ],
    ...extra,
  };
}

const AC = `const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(BigInt);\nconsole.log(String(a + b));\n`;
const WA = `const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(a - b);\n`;
const TLE = `while (true) {}\n`;
const VALIDATOR = `function validate(input) {\n  if (!/^-?\\d{1,30} -?\\d{1,30}\\n$/.test(input)) return 'two integers on one line';\n}\n`;

/** Only the accepted solution: the later tests need no verdict other than AC, and a TLE costs seconds. */
const QUICK = { solutions: [{ file: 'solutions/ac.js', expect: 'AC' }] };

function firstFiles(): FileChange[] {
  return [
    { path: 'statement.md', content: '# Add Two Numbers\n\nPrint $a + b$.\n' },
    { path: 'tests/01.in', content: '1 2\n' },
    { path: 'tests/01.out', content: '3\n' },
    { path: 'tests/02.in', content: '-5 5\n' },
    { path: 'tests/02.out', content: '0\n' },
    { path: 'tests/03.in', content: '100 23\n' },
    { path: 'tests/03.out', content: '123\n' },
    { path: 'solutions/ac.js', content: AC },
    { path: 'solutions/wa.js', content: WA },
    { path: 'solutions/tle.js', content: TLE },
    { path: 'validator.js', content: VALIDATOR },
  ];
}

async function save(
  client: ApiClient,
  slug: string,
  base: number | null,
  manifest: Record<string, unknown>,
  files: FileChange[],
) {
  return client.post(`/api/setter/problems/${slug}/versions`, { base, manifest, files });
}

async function verified(client: ApiClient, slug: string, version: number): Promise<Verification> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const response = await client.get(`/api/setter/problems/${slug}/versions/${version}/verification`);
    expect(response.status, response.text).toBe(200);
    const verification = verificationSchema.parse(response.body);
    if (verification.status === 'finished') return verification;
    if (Date.now() > deadline) throw new Error(`not verified in time: ${response.text}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function submitAndWait(client: ApiClient, problem: string, code: string) {
  const created = await client.post<{ id: number }>('/api/submissions', { problem, language: 'javascript', code });
  expect(created.status, created.text).toBe(201);
  return waitForSubmission(client, created.body.id);
}

async function waitForSubmission(client: ApiClient, id: number) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const detail = submissionDetailSchema.parse((await client.get(`/api/submissions/${id}`)).body);
    if (detail.status === 'FINISHED') return detail;
    if (Date.now() > deadline) throw new Error(`submission ${id} not judged in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function solvedState(client: ApiClient, slug: string) {
  const list = problemListResponseSchema.parse((await client.get(`/api/problems?search=${slug}`)).body);
  return list.items.find((item) => item.slug === slug)?.solved;
}

describe('a setter making a problem from nothing', () => {
  const slug = 'add-two-numbers';

  test('saves version 1, sees it verified sound with the table and the advice, and publishes it', async () => {
    const saved = await save(setter, slug, null, manifestOf(slug, ['01', '02', '03']), firstFiles());
    expect(saved.status, saved.text).toBe(201);
    expect(versionSavedResponseSchema.parse(saved.body)).toEqual({
      slug,
      versionNumber: 1,
      created: true,
      current: true,
    });

    // A draft: learners do not see it, through any route.
    const { client: learner } = await environment.registerLearner();
    expect((await learner.get(`/api/problems/${slug}`)).status).toBe(404);
    expect((await learner.get(`/api/setter/problems/${slug}`)).status).toBe(403);

    const verification = await verified(setter, slug, 1);
    expect(verification.sound, JSON.stringify(verification)).toBe(true);
    expect(verification.reasons).toEqual([]);
    expect(verification.validator).toEqual({ status: 'finished', invalidInputs: [], error: null });
    expect(verification.solutions.map((row) => [row.file, row.expected, row.verdict, row.ok])).toEqual([
      ['solutions/ac.js', 'AC', 'AC', true],
      ['solutions/wa.js', 'WA', 'WA', true],
      ['solutions/tle.js', 'TLE', 'TLE', true],
    ]);
    const ac = verification.solutions[0]!;
    expect(ac.tests.map((cell) => [cell.id, cell.verdict])).toEqual([
      ['01', 'AC'],
      ['02', 'AC'],
      ['03', 'AC'],
    ]);
    expect(ac.tests.every((cell) => cell.memoryKb > 0)).toBe(true);
    // The TLE solution was measured again with three times the limit, and ran out of that too.
    expect(verification.solutions[2]).toMatchObject({ measuredTimedOut: true });
    expect(verification.advice?.summary).toMatch(
      /^limit 500 ms, slowest AC \d+ ms, fastest TLE > \d+ ms, suggested \d+ ms$/,
    );
    expect(verification.durationMs).toBeGreaterThan(0);

    const published = await setter.post(`/api/setter/problems/${slug}/versions/1/publish`);
    expect(published.status, published.text).toBe(201);
    const detail = problemDetailSchema.parse((await learner.get(`/api/problems/${slug}`)).body);
    expect(detail.samples).toEqual([{ id: '01', input: '1 2\n', expected: '3\n' }]);
  }, 120_000);

  test('fixes a wrong test: the unsound version cannot be published; the fix is rejudged and the changes listed', async () => {
    // A learner solves version 1 with Numbers: right for small inputs only.
    const { client: learner } = await environment.registerLearner();
    const naive = `const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);\nconsole.log(a + b);\n`;
    expect((await submitAndWait(learner, slug, naive)).verdict).toBe('AC');
    expect(await solvedState(learner, slug)).toBe('solved');

    // Version 2 adds a big test, with a wrong expected answer: the AC solution gets WA, so it is not sound.
    const tests = ['01', '02', '03', '04'];
    const wrong = await save(setter, slug, 1, manifestOf(slug, tests), [
      { path: 'tests/04.in', content: '9007199254740993 1\n' },
      { path: 'tests/04.out', content: '9007199254740993\n' },
    ]);
    expect(wrong.status, wrong.text).toBe(201);
    // The problem is public: the new version waits to be published.
    expect(versionSavedResponseSchema.parse(wrong.body).current).toBe(false);
    const unsound = await verified(setter, slug, 2);
    expect(unsound.sound).toBe(false);
    expect(unsound.reasons).toContain('solutions/ac.js: expected AC, got WA');
    const refused = await setter.post(`/api/setter/problems/${slug}/versions/2/publish`);
    expect(refused.status).toBe(409);
    expect(apiErrorSchema.parse(refused.body).error.message).toMatch(/only a sound version.*solutions\/ac\.js/);

    const fixed = await save(setter, slug, 2, manifestOf(slug, tests), [
      { path: 'tests/04.out', content: '9007199254740994\n' },
    ]);
    expect(fixed.status, fixed.text).toBe(201);
    expect((await verified(setter, slug, 3)).sound).toBe(true);
    expect((await setter.post(`/api/setter/problems/${slug}/versions/3/publish`)).status).toBe(201);

    const started = await setter.post(`/api/setter/problems/${slug}/rejudges`);
    expect(started.status, started.text).toBe(201);
    let rejudge = rejudgeSchema.parse(started.body);
    expect(rejudge).toMatchObject({ versionNumber: 3 });
    expect(rejudge.total).toBeGreaterThanOrEqual(1);
    const deadline = Date.now() + 60_000;
    while (rejudge.done < rejudge.total) {
      if (Date.now() > deadline) throw new Error(`rejudge not done: ${JSON.stringify(rejudge)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      rejudge = rejudgeSchema.parse((await setter.get(`/api/setter/problems/${slug}/rejudges/${rejudge.id}`)).body);
    }
    const learnerName = (await learner.me()).user!.username;
    expect(rejudge.changed).toContainEqual(
      expect.objectContaining({
        username: learnerName,
        before: { verdict: 'AC', score: 100 },
        after: { verdict: 'WA', score: 0 },
      }),
    );
    expect(await solvedState(learner, slug)).toBe('attempted');
  }, 180_000);

  test('exports a version as a zip that imports back to the same package, byte for byte', async () => {
    const response = await setter.open(`/api/setter/problems/${slug}/versions/3/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/zip/);
    const zip = new Uint8Array(await response.arrayBuffer());
    const zipFile = path.join(scratch, 'export.zip');
    await writeFile(zipFile, zip);
    const { dir } = await importPackageZip(zipFile, path.join(scratch, 'exported'));
    const version = versionDetailSchema.parse((await setter.get(`/api/setter/problems/${slug}/versions/3`)).body);
    for (const file of version.files) {
      expect(await readFile(path.join(dir, file.path), 'utf8'), file.path).toBe(file.text);
    }
    // Uploading the export again finds the very same version.
    const again = await setter.post('/api/problems/packages', undefined, {
      rawBody: zip,
      headers: { 'content-type': 'application/zip' },
    });
    expect(packageImportResponseSchema.parse(again.body).problems[0]).toMatchObject({
      versionNumber: 3,
      created: false,
    });
  });

  test('lists its versions with their verification, newest first', async () => {
    const detail = authoredProblemDetailSchema.parse((await setter.get(`/api/setter/problems/${slug}`)).body);
    expect(detail).toMatchObject({ visibility: 'public', currentVersion: 3, latestVersion: 3, canEdit: true });
    expect(detail.versions.map((version) => [version.number, version.current, version.verification.sound])).toEqual([
      [3, true, true],
      [2, false, false],
      [1, false, true],
    ]);
  });
});

describe('what a save refuses, changing nothing', () => {
  const slug = 'refusals';

  test('a broken package lists every reason; bad paths, a wrong slug and a stale base are refused', async () => {
    const broken = await save(
      setter,
      slug,
      null,
      manifestOf(slug, ['01', '09'], { limits: { timeMs: 1e12, memoryMb: 256 } }),
      firstFiles(),
    );
    expect(broken.status).toBe(400);
    const problems = apiErrorSchema.parse(broken.body).error.problems ?? [];
    expect(problems).toContainEqual(expect.stringMatching(/limits\.timeMs/));
    expect(await environment.prisma.problem.count({ where: { slug } })).toBe(0);

    const withoutLimit = manifestOf(slug, ['01', '09'], QUICK);
    const missingTest = await save(setter, slug, null, withoutLimit, firstFiles());
    expect(apiErrorSchema.parse(missingTest.body).error.problems).toEqual(
      expect.arrayContaining(['subtask all: test "09" does not exist', 'test "02" belongs to no subtask']),
    );

    for (const bad of ['../x', '/etc/passwd', 'tests/\u0000.in', 'a//b', 'problem.yaml', 'tests/..']) {
      const response = await save(setter, slug, null, manifestOf(slug, ['01'], QUICK), [{ path: bad, content: 'x' }]);
      expect(response.status, bad).toBe(400);
    }
    const wrongSlug = await save(
      setter,
      slug,
      null,
      manifestOf('someone-else', ['01', '02', '03'], QUICK),
      firstFiles(),
    );
    expect(wrongSlug.status).toBe(400);
    const badSlug = await save(setter, 'Bad%00Slug', null, manifestOf(slug, ['01'], QUICK), firstFiles());
    expect(badSlug.status).toBe(400);
    expect(await environment.prisma.problem.count({ where: { slug } })).toBe(0);

    expect((await save(setter, slug, null, manifestOf(slug, ['01', '02', '03'], QUICK), firstFiles())).status).toBe(
      201,
    );
    const again = await save(setter, slug, null, manifestOf(slug, ['01', '02', '03'], QUICK), firstFiles());
    expect(again.status).toBe(409);
    const edit = [{ path: 'statement.md', content: '# Changed\n' }];
    expect((await save(setter, slug, 1, manifestOf(slug, ['01', '02', '03'], QUICK), edit)).status).toBe(201);
    const stale = await save(setter, slug, 1, manifestOf(slug, ['01', '02', '03'], QUICK), edit);
    expect(stale.status).toBe(409);
    expect(apiErrorSchema.parse(stale.body).error.message).toMatch(/version 2 was saved after version 1/);
    const deleteMissing = await save(setter, slug, 2, manifestOf(slug, ['01', '02', '03'], QUICK), [
      { path: 'tests/77.in', delete: true },
    ]);
    expect(deleteMissing.status).toBe(400);
    expect(await environment.prisma.problemVersion.count({ where: { problem: { slug } } })).toBe(2);
  });

  test('a validator rejecting an input makes the version unsound, naming the test', async () => {
    const name = 'bad-input';
    const files = firstFiles().map((file) =>
      file.path === 'tests/02.in' ? { path: file.path, content: '-5  5\n' } : file,
    );
    expect((await save(setter, name, null, manifestOf(name, ['01', '02', '03'], QUICK), files)).status).toBe(201);
    const verification = await verified(setter, name, 1);
    expect(verification.sound).toBe(false);
    expect(verification.validator?.invalidInputs).toEqual([
      { test: '02', status: 'rejected', reason: 'two integers on one line' },
    ]);
    expect(verification.reasons).toContain('test 02: two integers on one line');
    expect((await setter.post(`/api/setter/problems/${name}/versions/1/publish`)).status).toBe(409);
  }, 120_000);
});

describe('ownership and co-authors', () => {
  test('another setter sees nothing until the owner adds them; then they may edit but not choose authors', async () => {
    const slug = 'shared-problem';
    expect((await save(setter, slug, null, manifestOf(slug, ['01', '02', '03'], QUICK), firstFiles())).status).toBe(
      201,
    );
    const { client: other, id, username } = await environment.registerLearner('coauthor');
    await environment.prisma.user.update({ where: { id }, data: { role: 'setter' } });

    expect((await other.get(`/api/setter/problems/${slug}`)).status).toBe(404);
    expect((await other.get(`/api/setter/problems/${slug}/versions/1/export`)).status).toBe(404);
    const edit = [{ path: 'statement.md', content: '# Mine\n' }];
    expect((await save(other, slug, 1, manifestOf(slug, ['01', '02', '03'], QUICK), edit)).status).toBe(403);
    expect((await other.post(`/api/setter/problems/${slug}/rejudges`)).status).toBe(404);
    expect(
      (await other.request('PUT', `/api/setter/problems/${slug}/authors`, { json: { usernames: [username] } })).status,
    ).toBe(403);

    const { username: learnerName } = await environment.registerLearner('notsetter');
    const refused = await setter.request('PUT', `/api/setter/problems/${slug}/authors`, {
      json: { usernames: [learnerName, 'nobody-here'] },
    });
    expect(refused.status).toBe(400);
    expect(apiErrorSchema.parse(refused.body).error.problems).toEqual([
      `${learnerName}: only setters and admins can be co-authors`,
      'nobody-here: no such user',
    ]);

    const added = await setter.request('PUT', `/api/setter/problems/${slug}/authors`, {
      json: { usernames: [username.toUpperCase()] },
    });
    expect(added.status, added.text).toBe(200);
    expect(added.body).toEqual({ owner: environment.setter.username, authors: [username] });
    expect((await save(other, slug, 1, manifestOf(slug, ['01', '02', '03'], QUICK), edit)).status).toBe(201);
    const seen = authoredProblemDetailSchema.parse((await other.get(`/api/setter/problems/${slug}`)).body);
    expect(seen).toMatchObject({ canEdit: true, canManageAuthors: false, authors: [username] });
    expect(
      (await other.request('PUT', `/api/setter/problems/${slug}/authors`, { json: { usernames: [] } })).status,
    ).toBe(403);
  });
});

describe('a zip of tests', () => {
  const slug = 'zipped-tests';
  const zipOf = (files: Record<string, string>) =>
    new Uint8Array(buildZip(Object.entries(files).map(([name, text]) => ({ name, data: Buffer.from(text) }))));
  const uploadTests = (client: ApiClient, base: number | string, zip: Uint8Array<ArrayBuffer>) =>
    client.post(`/api/setter/problems/${slug}/tests?base=${base}`, undefined, {
      rawBody: zip,
      headers: { 'content-type': 'application/zip' },
    });

  test('replaces the tests of the newest version; the lone subtask and the sample follow', async () => {
    expect((await save(setter, slug, null, manifestOf(slug, ['01', '02', '03'], QUICK), firstFiles())).status).toBe(
      201,
    );
    const zip = zipOf({
      'tests/01.in': '1 2\n',
      'tests/01.out': '3\n',
      'tests/2.in': '20 22\n',
      'tests/2.out': '42\n',
      'tests/10.in': '99999999999999999999 1\n',
      'tests/10.out': '100000000000000000000\n',
    });
    const response = await uploadTests(setter, 1, zip);
    expect(response.status, response.text).toBe(201);
    expect(versionSavedResponseSchema.parse(response.body)).toMatchObject({ versionNumber: 2, created: true });
    const version = versionDetailSchema.parse((await setter.get(`/api/setter/problems/${slug}/versions/2`)).body);
    expect(version.manifest).toMatchObject({ samples: ['01'], subtasks: [{ id: 'all', tests: ['01', '2', '10'] }] });
    expect(version.files.filter((file) => file.path.startsWith('tests/')).map((file) => file.path)).toEqual([
      'tests/01.in',
      'tests/01.out',
      'tests/10.in',
      'tests/10.out',
      'tests/2.in',
      'tests/2.out',
    ]);
    expect(version.files.find((file) => file.path === 'solutions/ac.js')?.text).toBe(AC);
    expect((await verified(setter, slug, 2)).sound).toBe(true);
  }, 120_000);

  test('with other files, on a stale base, or from someone who is not an author is refused', async () => {
    const refused = await uploadTests(setter, 2, zipOf({ '01.in': '1 1\n', '01.out': '2\n', 'notes.txt': 'x' }));
    expect(refused.status).toBe(400);
    expect(apiErrorSchema.parse(refused.body).error.problems).toEqual([
      'notes.txt: not a test file (expected NN.in + NN.out, or NN.json, at the top of the zip)',
    ]);
    const good = zipOf({ '01.in': '1 1\n', '01.out': '2\n' });
    expect((await uploadTests(setter, 1, good)).status).toBe(409);
    expect((await uploadTests(setter, 'x', good)).status).toBe(400);
    expect((await uploadTests(setter, '99999999999', good)).status).toBe(400);
    const { client: learner } = await environment.registerLearner();
    expect((await uploadTests(learner, 2, good)).status).toBe(403);
    const { client: other, id } = await environment.registerLearner('othersetter');
    await environment.prisma.user.update({ where: { id }, data: { role: 'setter' } });
    expect((await uploadTests(other, 2, good)).status).toBe(403);
    const unmatched = await uploadTests(setter, 2, zipOf({ '01.in': '1 1\n' }));
    expect(unmatched.status).toBe(400);
    expect(apiErrorSchema.parse(unmatched.body).error.problems).toEqual([
      'tests/01: a stdio test needs both 01.in and 01.out',
    ]);
    expect(await environment.prisma.problemVersion.count({ where: { problem: { slug } } })).toBe(2);
  });
});

describe('a Hydro export', () => {
  /** Two problems as Hydro's own export writes them: one with testdata/config.yaml, one found by file names. */
  function hydroExport(): Uint8Array<ArrayBuffer> {
    const files: Record<string, string> = {
      '3001/problem.yaml': 'pid: H3001\ntitle: Hydro Sum\ntag: [math]\nowner: 2\nnSubmit: 3\nnAccept: 1\n',
      '3001/problem_zh.md': '求 $a+b$。\n',
      '3001/problem_en.md': 'Print $a+b$.\n',
      '3001/testdata/config.yaml':
        'time: 1s\nmemory: 256m\nsubtasks:\n  - score: 40\n    cases:\n      - { input: 1.in, output: 1.out }\n' +
        '  - score: 60\n    if: [1]\n    time: 2s\n    cases:\n      - { input: 2.in, output: 2.out }\n',
      '3001/testdata/1.in': '1 2\n',
      '3001/testdata/1.out': '3\n',
      '3001/testdata/2.in': '20 22\n',
      '3001/testdata/2.out': '42\n',
      '3002/problem.yaml': 'title: Hydro Echo\nowner: 2\n',
      '3002/problem.md': 'Print the input.\n',
      '3002/testdata/a1.in': 'x\n',
      '3002/testdata/a1.out': 'x\n',
    };
    return new Uint8Array(buildZip(Object.entries(files).map(([name, text]) => ({ name, data: Buffer.from(text) }))));
  }

  test('imports every problem as a draft with notes; adding a solution makes it sound and publishable', async () => {
    const response = await setter.post('/api/problems/packages', undefined, {
      rawBody: hydroExport(),
      headers: { 'content-type': 'application/zip' },
    });
    expect(response.status, response.text).toBe(201);
    const imported = packageImportResponseSchema.parse(response.body);
    expect(imported.format).toBe('hydro');
    expect(imported.problems.map((problem) => [problem.slug, problem.versionNumber, problem.tests])).toEqual([
      ['h3001', 1, 2],
      ['hydro-3002', 1, 1],
    ]);
    expect(imported.problems[0]!.notes.length).toBeGreaterThan(0);
    const { client: learner } = await environment.registerLearner();
    expect((await learner.get('/api/problems/h3001')).status).toBe(404);

    const version = versionDetailSchema.parse((await setter.get('/api/setter/problems/h3001/versions/1')).body);
    expect(version.manifest).toMatchObject({
      title: 'Hydro Sum',
      limits: { timeMs: 1000, memoryMb: 256 },
      solutions: [],
    });
    expect(version.files.map((file) => file.path)).toEqual(expect.arrayContaining(['statement.md', 'statement.zh.md']));
    const unsound = await verified(setter, 'h3001', 1);
    expect(unsound).toMatchObject({
      sound: false,
      reasons: ['no reference solution expects AC: add one that solves the problem'],
    });

    const withSolution = await save(
      setter,
      'h3001',
      1,
      { ...version.manifest, solutions: [{ file: 'solutions/ac.js', expect: 'AC' }] },
      [{ path: 'solutions/ac.js', content: AC }],
    );
    expect(withSolution.status, withSolution.text).toBe(201);
    expect((await verified(setter, 'h3001', 2)).sound).toBe(true);
    expect((await setter.post('/api/setter/problems/h3001/versions/2/publish')).status).toBe(201);
    expect((await learner.get('/api/problems/h3001')).status).toBe(200);
  }, 120_000);

  test('is refused whole when one of its problems belongs to someone else', async () => {
    const { client: other, id } = await environment.registerLearner('hydrosetter');
    await environment.prisma.user.update({ where: { id }, data: { role: 'setter' } });
    const response = await other.post('/api/problems/packages', undefined, {
      rawBody: hydroExport(),
      headers: { 'content-type': 'application/zip' },
    });
    expect(response.status).toBe(403);
    expect(apiErrorSchema.parse(response.body).error.message).toMatch(/h3001.*hydro-3002.*belongs to someone else/);
    expect(await environment.prisma.problemVersion.count({ where: { problem: { slug: 'hydro-3002' } } })).toBe(1);
  });
});

describe('a contest-only problem', () => {
  test('is published for contests: hidden from learners except through a running contest that includes it', async () => {
    const slug = 'contest-only';
    expect((await save(setter, slug, null, manifestOf(slug, ['01', '02', '03'], QUICK), firstFiles())).status).toBe(
      201,
    );
    expect((await verified(setter, slug, 1)).sound).toBe(true);
    const published = await setter.post(`/api/setter/problems/${slug}/versions/1/publish`, { visibility: 'contest' });
    expect(published.status, published.text).toBe(201);
    expect(published.body).toEqual({ slug, versionNumber: 1, visibility: 'contest' });
    const bogus = await setter.post(`/api/setter/problems/${slug}/versions/1/publish`, { visibility: 'everyone' });
    expect(bogus.status).toBe(400);

    const { client: outsider } = await environment.registerLearner();
    expect((await outsider.get(`/api/problems/${slug}`)).status).toBe(404);
    expect(await solvedState(outsider, slug)).toBeUndefined();

    const { client: contestant, id } = await environment.registerLearner('contestant');
    const problem = await environment.prisma.problem.findUniqueOrThrow({ where: { slug } });
    await environment.prisma.contest.create({
      data: {
        slug: 'round-1',
        title: 'Round 1',
        rule: 'ICPC',
        startsAt: new Date(Date.now() - 3600_000),
        endsAt: new Date(Date.now() + 3600_000),
        problems: { create: [{ problemId: problem.id, label: 'A', ordinal: 0 }] },
        participants: { create: [{ userId: id }] },
      },
    });
    expect((await contestant.get(`/api/problems/${slug}`)).status).toBe(200);
    const detail = authoredProblemDetailSchema.parse((await setter.get(`/api/setter/problems/${slug}`)).body);
    expect(detail).toMatchObject({ visibility: 'contest', currentVersion: 1 });
    // A new version of a published problem waits to be published, contest-only ones too.
    const edit = await save(setter, slug, 1, manifestOf(slug, ['01', '02', '03'], QUICK), [
      { path: 'statement.md', content: '# Reworded\n' },
    ]);
    expect(versionSavedResponseSchema.parse(edit.body).current).toBe(false);
  }, 120_000);
});

describe('floods', () => {
  test("a setter's saves and uploads share one budget per minute; the one over it is 429 with Retry-After", async () => {
    const { client, id } = await environment.registerLearner('flooder');
    await environment.prisma.user.update({ where: { id }, data: { role: 'setter' } });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 40; attempt++) {
      statuses.push((await save(client, `flood-${attempt}`, null, { slug: `flood-${attempt}` }, [])).status);
    }
    expect(new Set(statuses)).toEqual(new Set([400]));
    const over = await client.post('/api/problems/packages', undefined, {
      rawBody: new Uint8Array([0x50, 0x4b, 0x05, 0x06]),
      headers: { 'content-type': 'application/zip' },
    });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another setter's budget is their own.
    expect((await save(setter, 'flood-other', null, { slug: 'flood-other' }, [])).status).toBe(400);
  });
});
