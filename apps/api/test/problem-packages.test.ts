// Setters upload problem package zips: who may, what a zip becomes, and every refusal changing nothing.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportPackageZip } from '@oj/judge-core/package';
import { apiErrorSchema, packageImportResponseSchema } from '@oj/shared';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildZip } from '../../../packages/judge-core/test/support/zip.ts';
import type { ApiClient } from './support/api-client.ts';
import { createApiTestEnvironment, STAFF_PASSWORD, type ApiTestEnvironment } from './support/environment.ts';

const PROBLEMS_DIR = path.resolve(import.meta.dirname, '../../../problems');
let environment: ApiTestEnvironment;
let scratch: string;
let setter: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  environment = await createApiTestEnvironment('problem-packages');
  scratch = await mkdtemp(path.join(tmpdir(), 'oj-api-packages-'));
  setter = await environment.signIn(environment.setter.username, STAFF_PASSWORD);
  admin = await environment.signIn(environment.admin.username, STAFF_PASSWORD);
});
afterAll(async () => {
  await environment?.destroy();
  await rm(scratch, { recursive: true, force: true });
});

/** A built-in package under a new slug (and title), as a zip `oj export` writes. */
async function packageZip(
  builtIn: string,
  slug: string,
  change: (manifest: Record<string, unknown>) => void = () => {},
): Promise<Buffer> {
  const dir = path.join(scratch, `${slug}-${Math.random().toString(36).slice(2)}`);
  await cp(path.join(PROBLEMS_DIR, builtIn), dir, { recursive: true });
  const manifest = parseYaml(await readFile(path.join(dir, 'problem.yaml'), 'utf8')) as Record<string, unknown>;
  manifest['slug'] = slug;
  change(manifest);
  await writeFile(path.join(dir, 'problem.yaml'), toYaml(manifest));
  const zipFile = `${dir}.zip`;
  await exportPackageZip(dir, zipFile);
  return readFile(zipFile);
}

function upload(client: ApiClient, zip: Uint8Array, headers: Record<string, string> = {}) {
  return client.post('/api/problems/packages', undefined, {
    rawBody: new Uint8Array(zip),
    headers: { 'content-type': 'application/zip', ...headers },
  });
}

/** The one problem an upload of our format stored. */
function storedOf(body: unknown) {
  return packageImportResponseSchema.parse(body).problems[0];
}

async function versionCount(slug: string): Promise<number> {
  return environment.prisma.problemVersion.count({ where: { problem: { slug } } });
}

describe('a setter uploading a package zip', () => {
  test('makes a new private draft they own, seen by them and not by learners', async () => {
    const response = await upload(setter, await packageZip('subsets', 'my-subsets'));
    expect(response.status, response.text).toBe(201);
    expect(packageImportResponseSchema.parse(response.body)).toEqual({
      format: 'oj',
      problems: [{ slug: 'my-subsets', versionNumber: 1, created: true, current: true, tests: 14, notes: [] }],
    });
    const stored = await environment.prisma.problem.findUniqueOrThrow({ where: { slug: 'my-subsets' } });
    expect({ ownerId: stored.ownerId, visibility: stored.visibility }).toEqual({
      ownerId: environment.setter.id,
      visibility: 'private',
    });

    expect((await setter.get('/api/problems/my-subsets')).status).toBe(200);
    const { client: learner } = await environment.registerLearner();
    expect((await learner.get('/api/problems/my-subsets')).status).toBe(404);
    expect((await environment.anonymous().get('/api/problems/my-subsets')).status).toBe(404);
  });

  test('again with the same package changes nothing; with a change adds version 2', async () => {
    const zip = await packageZip('subsets', 'versioned');
    expect((await upload(setter, zip)).status).toBe(201);
    const same = await upload(setter, zip);
    expect(storedOf(same.body)).toMatchObject({ versionNumber: 1, created: false });
    const changed = await upload(
      setter,
      await packageZip('subsets', 'versioned', (manifest) => (manifest['title'] = 'Subsets, again')),
    );
    expect(storedOf(changed.body)).toMatchObject({ versionNumber: 2, created: true, current: true });
    expect(await versionCount('versioned')).toBe(2);
  });

  test('of a public problem stores the version without showing it to learners yet', async () => {
    expect((await upload(setter, await packageZip('subsets', 'went-public'))).status).toBe(201);
    await environment.prisma.problem.update({ where: { slug: 'went-public' }, data: { visibility: 'public' } });
    const before = await environment.prisma.problem.findUniqueOrThrow({ where: { slug: 'went-public' } });
    const response = await upload(
      setter,
      await packageZip('subsets', 'went-public', (manifest) => (manifest['title'] = 'Changed')),
    );
    expect(storedOf(response.body)).toMatchObject({ versionNumber: 2, created: true, current: false });
    const after = await environment.prisma.problem.findUniqueOrThrow({ where: { slug: 'went-public' } });
    expect({ version: after.currentVersionId, title: after.title }).toEqual({
      version: before.currentVersionId,
      title: before.title,
    });
  });
});

describe('who may upload', () => {
  test('anonymous visitors get 401 and learners 403; nothing is stored', async () => {
    const zip = await packageZip('subsets', 'not-allowed');
    expect((await upload(environment.anonymous(), zip)).status).toBe(401);
    const { client: learner } = await environment.registerLearner();
    expect((await upload(learner, zip)).status).toBe(403);
    expect(await environment.prisma.problem.count({ where: { slug: 'not-allowed' } })).toBe(0);
  });

  test("another setter cannot add a version to someone's problem, nor to a built-in; an admin can", async () => {
    expect((await upload(setter, await packageZip('subsets', 'owned'))).status).toBe(201);
    const { client: other, id } = await environment.registerLearner('setter2');
    await environment.prisma.user.update({ where: { id }, data: { role: 'setter' } });
    const refused = await upload(
      other,
      await packageZip('subsets', 'owned', (manifest) => (manifest['title'] = 'Taken over')),
    );
    expect(refused.status).toBe(403);
    expect(apiErrorSchema.parse(refused.body).error.message).toMatch(/belongs to someone else/);
    expect(await versionCount('owned')).toBe(1);
    expect(
      (await upload(other, await packageZip('subsets', 'subsets', (manifest) => (manifest['title'] = 'Mine now'))))
        .status,
    ).toBe(403);
    const byAdmin = await upload(
      admin,
      await packageZip('subsets', 'owned', (manifest) => (manifest['title'] = 'Fixed by an admin')),
    );
    expect(storedOf(byAdmin.body)).toMatchObject({ versionNumber: 2, created: true });
  });

  test('without the CSRF token is 403', async () => {
    const response = await setter.post('/api/problems/packages', undefined, {
      rawBody: new Uint8Array(await packageZip('subsets', 'no-csrf')),
      headers: { 'content-type': 'application/zip' },
      withoutCsrf: true,
    });
    expect(response.status).toBe(403);
  });
});

describe('a refused upload says every reason and changes nothing', () => {
  async function expectRefused(zip: Uint8Array, status: number, reason: RegExp, headers: Record<string, string> = {}) {
    const problemsBefore = await environment.prisma.problem.count();
    const versionsBefore = await environment.prisma.problemVersion.count();
    const response = await upload(setter, zip, headers);
    expect(response.status, response.text).toBe(status);
    const { error } = apiErrorSchema.parse(response.body);
    expect([error.message, ...(error.problems ?? [])].join('\n')).toMatch(reason);
    expect(await environment.prisma.problem.count()).toBe(problemsBefore);
    expect(await environment.prisma.problemVersion.count()).toBe(versionsBefore);
    return error;
  }

  test('a body that is not a zip', async () => {
    await expectRefused(Buffer.from('PK but not really'), 400, /not a zip file/);
  });

  test('a zip slip and a symlink, both listed', async () => {
    const zip = buildZip([
      { name: '../../etc/cron.d/evil', data: Buffer.from('x') },
      { name: 'tests/link.in', data: Buffer.from('/etc/passwd'), mode: 0o120777, stored: true },
    ]);
    const error = await expectRefused(zip, 400, /out of the package/);
    expect(error.problems).toEqual([
      '"../../etc/cron.d/evil": a path out of the package (..)',
      'tests/link.in: a symbolic link',
    ]);
  });

  test('a zip bomb, from its header', async () => {
    const zip = buildZip([{ name: 'tests/01.in', data: Buffer.alloc(1024 * 1024), declaredSize: 0xfffffff0 }]);
    await expectRefused(zip, 400, /unpack to more than/);
  });

  test('a broken package, with each of its problems', async () => {
    const dir = path.join(scratch, 'broken-source');
    await cp(path.join(PROBLEMS_DIR, 'subsets'), dir, { recursive: true });
    const files = ['problem.yaml', 'tests/01.json'];
    const zip = buildZip(
      await Promise.all(files.map(async (name) => ({ name, data: await readFile(path.join(dir, name)) }))),
    );
    const error = await expectRefused(zip, 400, /the package is refused/);
    expect(error.problems).toContain('statement.md is missing');
    expect(error.problems).toContain('subtask all: test "02" does not exist');
  });

  test('a zip over the size limit is 413', async () => {
    await expectRefused(Buffer.alloc(65 * 1024 * 1024), 413, /at most 64 MiB/);
  });

  test('a body that is not sent as a zip is 415', async () => {
    await expectRefused(await packageZip('subsets', 'as-octets'), 415, /application\/zip/, {
      'content-type': 'application/octet-stream',
    });
  });
});
