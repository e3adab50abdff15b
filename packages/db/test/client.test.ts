import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../src/index.ts';
import { applyMigrations, dropDatabase, withDatabaseName } from '../src/migrations/index.ts';
import { databaseUrlFrom } from '@oj/shared';

const SERVER_URL = databaseUrlFrom(process.env);
const databaseUrl = withDatabaseName(SERVER_URL, `oj_test_client_${process.pid}_${Date.now()}`);
let db: PrismaClient;

beforeAll(async () => {
  await applyMigrations({ databaseUrl });
  db = createPrismaClient(databaseUrl);
});
afterAll(async () => {
  await db.$disconnect();
  await dropDatabase(databaseUrl);
});

test('the client writes and reads rows through the pg adapter', async () => {
  const created = await db.user.create({
    data: { username: 'ada', passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$...' },
  });

  const read = await db.user.findUniqueOrThrow({ where: { username: 'ada' } });

  expect(read).toEqual(created);
  expect(read.role).toBe('learner');
  expect(read.disabled).toBe(false);
  expect(read.createdAt).toBeInstanceOf(Date);
});

test('test data round-trips as bytes, addressed by hash', async () => {
  const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
  await db.blob.create({ data: { hash: 'f'.repeat(64), bytes, sizeBytes: bytes.length } });

  const blob = await db.blob.findUniqueOrThrow({ where: { hash: 'f'.repeat(64) } });

  expect(Array.from(blob.bytes)).toEqual(Array.from(bytes));
});
