import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  applyMigrations,
  createDatabaseIfMissing,
  diffDatabaseAgainstSchema,
  diffMigrationsAgainstSchema,
  dropDatabase,
  withDatabaseName,
  withTemporaryDatabase,
} from '../src/migrations/index.ts';
import { writeMigration } from '../src/migrations/migrations-folder.ts';
import { MIGRATIONS_DIRECTORY } from '../src/paths.ts';
import { databaseUrlFrom } from '@oj/shared';

/** Only its server is used: every test works in databases of its own. */
const SERVER_URL = databaseUrlFrom(process.env);

async function query(connectionString: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('the migrations in prisma/migrations', () => {
  const databaseUrl = withDatabaseName(SERVER_URL, `oj_test_migrations_${process.pid}_${Date.now()}`);

  beforeAll(async () => {
    await createDatabaseIfMissing(databaseUrl);
  });
  afterAll(async () => {
    await dropDatabase(databaseUrl);
  });

  test('apply in order to an empty database, each recorded in _prisma_migrations', async () => {
    const folders = (await readdir(MIGRATIONS_DIRECTORY, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders.length).toBeGreaterThan(0);

    const { appliedMigrationNames } = await applyMigrations({ databaseUrl });

    expect(appliedMigrationNames).toEqual(folders);
    const recorded = await query(
      databaseUrl,
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
    );
    expect(recorded.rows.map((row: { migration_name: string }) => row.migration_name)).toEqual(folders);
  });

  test('leave a database that matches schema.prisma exactly', async () => {
    const difference = await diffDatabaseAgainstSchema({ databaseUrl });
    expect(difference.hasChanges, `the migrated database differs from schema.prisma:\n${difference.sql}`).toBe(false);
  });

  test('produce exactly schema.prisma when replayed from scratch', async () => {
    const difference = await diffMigrationsAgainstSchema({ serverUrl: SERVER_URL });
    expect(
      difference.hasChanges,
      `schema.prisma has changes no migration holds (npm run db:migrate:create -- <name>):\n${difference.sql}`,
    ).toBe(false);
  });

  test('are not applied twice', async () => {
    const { createdDatabase, appliedMigrationNames } = await applyMigrations({ databaseUrl });
    expect(createdDatabase).toBe(false);
    expect(appliedMigrationNames).toEqual([]);
  });
});

describe('the comparison with schema.prisma', () => {
  test('sees a schema that no migration holds', async () => {
    const emptyMigrationsDirectory = await mkdtemp(path.join(tmpdir(), 'oj-no-migrations-'));
    try {
      const difference = await diffMigrationsAgainstSchema({
        serverUrl: SERVER_URL,
        migrationsDirectory: emptyMigrationsDirectory,
      });
      expect(difference.hasChanges).toBe(true);
      expect(difference.sql).toContain('CREATE TABLE "Submission"');
    } finally {
      await rm(emptyMigrationsDirectory, { recursive: true, force: true });
    }
  });

  test('sees a database that drifted from the schema', async () => {
    await withTemporaryDatabase(SERVER_URL, 'oj_test_drift', async (databaseUrl) => {
      await applyMigrations({ databaseUrl });
      await query(databaseUrl, 'DROP INDEX "Submission_status_enqueuedAt_idx"');

      const difference = await diffDatabaseAgainstSchema({ databaseUrl });

      expect(difference.hasChanges).toBe(true);
      expect(difference.sql).toContain('CREATE INDEX "Submission_status_enqueuedAt_idx"');
    });
  });
});

describe('a migration script', () => {
  let migrationsDirectory: string;
  beforeAll(async () => {
    migrationsDirectory = await mkdtemp(path.join(tmpdir(), 'oj-migrations-'));
  });
  afterAll(async () => {
    await rm(migrationsDirectory, { recursive: true, force: true });
  });

  test('reaches PostgreSQL whole, semicolons inside strings included', async () => {
    await writeMigration(
      migrationsDirectory,
      '20000101000000_semicolons',
      `CREATE TABLE "Note" ("text" TEXT NOT NULL DEFAULT 'a;b');\nINSERT INTO "Note" VALUES ('one; two');\n`,
    );
    await withTemporaryDatabase(SERVER_URL, 'oj_test_script', async (databaseUrl) => {
      await applyMigrations({ databaseUrl, migrationsDirectory });
      const notes = await query(databaseUrl, 'SELECT "text" FROM "Note"');
      expect(notes.rows).toEqual([{ text: 'one; two' }]);
    });
  });

  test('that fails leaves nothing half-applied and says why', async () => {
    await writeMigration(
      migrationsDirectory,
      '20000102000000_fails_halfway',
      'CREATE TABLE "Half" ("id" INTEGER);\nSELECT 1 / 0;\n',
    );
    await withTemporaryDatabase(SERVER_URL, 'oj_test_script', async (databaseUrl) => {
      await expect(applyMigrations({ databaseUrl, migrationsDirectory })).rejects.toThrow(/division by zero/);
      const tables = await query(databaseUrl, `SELECT 1 FROM pg_tables WHERE tablename = 'Half'`);
      expect(tables.rowCount).toBe(0);
    });
  });
});
