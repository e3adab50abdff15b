import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BUILT_IN_PROBLEMS_DIR, loadProblemPackage } from '@oj/judge-core';
import { createPrismaClient, importProblemPackage, type PrismaClient } from '../src/index.ts';
import { applyMigrations, dropDatabase, withDatabaseName } from '../src/migrations/index.ts';
import { verifyPassword } from '../src/password.ts';
import { seedDatabase, WeakAdminPasswordError } from '../src/seed.ts';
import { databaseUrlFrom } from '@oj/shared';

const SERVER_URL = databaseUrlFrom(process.env);
const databaseUrl = withDatabaseName(SERVER_URL, `oj_test_import_${process.pid}_${Date.now()}`);
let db: PrismaClient;
let scratch: string;

beforeAll(async () => {
  await applyMigrations({ databaseUrl });
  db = createPrismaClient(databaseUrl);
  scratch = await mkdtemp(path.join(tmpdir(), 'oj-import-'));
});
afterAll(async () => {
  await db.$disconnect();
  await dropDatabase(databaseUrl);
  await rm(scratch, { recursive: true, force: true });
});

test('a package becomes a version with content-addressed tests; the same package again changes nothing', async () => {
  const pkg = await loadProblemPackage(path.join(BUILT_IN_PROBLEMS_DIR, 'subsets'));
  const first = await importProblemPackage(db, pkg, { visibility: 'public' });
  const again = await importProblemPackage(db, pkg, { visibility: 'public' });

  expect(first.created).toBe(true);
  expect(again).toEqual({ ...first, created: false });
  const problem = await db.problem.findUniqueOrThrow({ where: { slug: 'subsets' } });
  expect(problem.currentVersionId).toBe(first.versionId);
  const tests = await db.problemTest.findMany({
    where: { problemVersionId: first.versionId },
    orderBy: { ordinal: 'asc' },
  });
  expect(tests.map((test) => test.name)).toEqual(pkg.testIds);
  expect(tests.filter((test) => test.isSample).map((test) => test.name)).toEqual(pkg.manifest.samples);
  const firstTest = await pkg.readTest(pkg.testIds[0]!);
  const input = await db.blob.findUniqueOrThrow({ where: { hash: tests[0]!.inputHash } });
  expect(Buffer.from(input.bytes).toString('utf8')).toBe(firstTest.input);
});

test('a changed package becomes the next version and shares unchanged test data', async () => {
  const copy = path.join(scratch, 'subsets');
  await cp(path.join(BUILT_IN_PROBLEMS_DIR, 'subsets'), copy, { recursive: true });
  const before = await importProblemPackage(db, await loadProblemPackage(copy));
  const blobsBefore = await db.blob.count();
  await writeFile(path.join(copy, 'statement.md'), '# Subsets\n\nReworded.\n');

  const after = await importProblemPackage(db, await loadProblemPackage(copy));

  expect(after.created).toBe(true);
  expect(after.versionNumber).toBe(before.versionNumber + 1);
  // Only the reworded statement is new: the tests and every other file are the blobs stored before.
  expect(await db.blob.count()).toBe(blobsBefore + 1);
  const problem = await db.problem.findUniqueOrThrow({ where: { slug: 'subsets' } });
  expect(problem.currentVersionId).toBe(after.versionId);
});

test('the seed loads the built-in problems and an admin, and is idempotent', async () => {
  const problemsDir = path.join(scratch, 'seed-problems');
  await cp(path.join(BUILT_IN_PROBLEMS_DIR, 'spicy-rabbit-head'), path.join(problemsDir, 'spicy-rabbit-head'), {
    recursive: true,
  });
  const log: string[] = [];
  const options = {
    databaseUrl,
    problemsDir,
    adminUsername: 'Root',
    adminPassword: 'correct horse battery staple',
    log: (line: string) => log.push(line),
  };

  await seedDatabase(options);
  await seedDatabase(options);

  expect(log).toContain('created admin root');
  expect(log).toContain('admin root exists');
  const admin = await db.user.findUniqueOrThrow({ where: { username: 'root' } });
  expect(admin.role).toBe('admin');
  expect(await verifyPassword(admin.passwordHash, 'correct horse battery staple')).toBe(true);
  expect(await verifyPassword(admin.passwordHash, 'wrong')).toBe(false);
  const problem = await db.problem.findUniqueOrThrow({
    where: { slug: 'spicy-rabbit-head' },
    include: { versions: true },
  });
  expect(problem.visibility).toBe('public');
  expect(problem.versions).toHaveLength(1);
});

test('the seed refuses an admin password that is easy to guess, with the reason, and creates no admin', async () => {
  const problemsDir = path.join(scratch, 'seed-weak-admin');
  await cp(path.join(BUILT_IN_PROBLEMS_DIR, 'subsets'), path.join(problemsDir, 'subsets'), { recursive: true });
  for (const weak of ['password', 'chief-admin', '12345678']) {
    const seeding = seedDatabase({
      databaseUrl,
      problemsDir,
      adminUsername: 'chief-admin',
      adminPassword: weak,
      log: () => {},
    });
    await expect(seeding).rejects.toThrow(WeakAdminPasswordError);
    await expect(seeding).rejects.toThrow(/ADMIN_PASSWORD is too easy to guess: \S/);
  }
  expect(await db.user.findUnique({ where: { username: 'chief-admin' } })).toBeNull();
});
