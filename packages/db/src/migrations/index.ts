import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS_DIRECTORY, SCHEMA_PATH } from '../paths.ts';
import { createDatabaseIfMissing, withTemporaryDatabase } from './databases.ts';
import { migrationFolderName, readMigrationsFolder, writeMigration } from './migrations-folder.ts';
import { NO_SCHEMA_FILTER, openSchemaEngine } from './schema-engine.ts';

export {
  createDatabaseIfMissing,
  databaseNameOf,
  dropDatabase,
  withDatabaseName,
  withTemporaryDatabase,
} from './databases.ts';

/** Where the schema and the migrations are; the repository's prisma/ folder unless a test says otherwise. */
export interface SchemaLocation {
  schemaPath?: string;
  migrationsDirectory?: string;
}

/** SQL that would bring one schema to another; `hasChanges` is false when there is nothing to do. */
export interface SchemaDifference {
  hasChanges: boolean;
  sql: string;
}

/**
 * Applies the migrations the database has not recorded in `_prisma_migrations` yet, in folder name order,
 * creating the database first if it does not exist (what `prisma migrate deploy` does, plus the create).
 */
export async function applyMigrations(
  options: { databaseUrl: string } & SchemaLocation,
): Promise<{ createdDatabase: boolean; appliedMigrationNames: string[] }> {
  const createdDatabase = await createDatabaseIfMissing(options.databaseUrl);
  const migrationsList = await readMigrationsFolder(options.migrationsDirectory ?? MIGRATIONS_DIRECTORY);
  const { engine, close } = await openSchemaEngine({
    schemaText: await readSchema(options),
    databaseUrl: options.databaseUrl,
  });
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_SCHEMA_FILTER });
    return { createdDatabase, appliedMigrationNames };
  } finally {
    await close();
  }
}

/**
 * The SQL that would bring what the migrations folder produces to schema.prisma: the engine replays every
 * migration into a temporary database on the server of `serverUrl` and compares the result with the schema.
 */
export async function diffMigrationsAgainstSchema(
  options: { serverUrl: string } & SchemaLocation,
): Promise<SchemaDifference> {
  const schemaText = await readSchema(options);
  const migrationsList = await readMigrationsFolder(options.migrationsDirectory ?? MIGRATIONS_DIRECTORY);
  return withTemporaryDatabase(options.serverUrl, 'oj_shadow', async (shadowDatabaseUrl) => {
    // The engine's main connection is needed only to start it; pointing it at the shadow database keeps
    // this operation away from every real database.
    const { engine, close } = await openSchemaEngine({
      schemaText,
      databaseUrl: shadowDatabaseUrl,
      shadowDatabaseUrl,
    });
    try {
      const result = await engine.diff({
        from: { tag: 'migrations', ...migrationsList },
        to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schemaText }] },
        script: true,
        exitCode: true,
        filters: NO_SCHEMA_FILTER,
      });
      return toSchemaDifference(result);
    } finally {
      await close();
    }
  });
}

/** The SQL that would bring the live database to schema.prisma. */
export async function diffDatabaseAgainstSchema(
  options: { databaseUrl: string } & SchemaLocation,
): Promise<SchemaDifference> {
  const schemaText = await readSchema(options);
  const schemaFiles = [{ path: 'schema.prisma', content: schemaText }];
  const { engine, close } = await openSchemaEngine({ schemaText, databaseUrl: options.databaseUrl });
  try {
    const result = await engine.diff({
      // The datasource of the schema is the database the engine is connected to.
      from: { tag: 'schemaDatasource', files: schemaFiles, configDir: path.dirname(options.schemaPath ?? SCHEMA_PATH) },
      to: { tag: 'schemaDatamodel', files: schemaFiles },
      script: true,
      exitCode: true,
      filters: NO_SCHEMA_FILTER,
    });
    return toSchemaDifference(result);
  } finally {
    await close();
  }
}

/**
 * Writes a new migration holding the SQL that diffMigrationsAgainstSchema finds. Returns the new
 * migration.sql's path, or null when the migrations already produce schema.prisma.
 */
export async function createMigration(
  options: { name: string; serverUrl: string; now?: Date } & SchemaLocation,
): Promise<string | null> {
  const folderName = migrationFolderName(options.name, options.now ?? new Date());
  const difference = await diffMigrationsAgainstSchema(options);
  if (!difference.hasChanges) return null;
  return writeMigration(options.migrationsDirectory ?? MIGRATIONS_DIRECTORY, folderName, difference.sql);
}

function readSchema(location: SchemaLocation): Promise<string> {
  return readFile(location.schemaPath ?? SCHEMA_PATH, 'utf8');
}

/** With `exitCode: true` the engine answers 2 when the two sides differ, 0 when they match. */
function toSchemaDifference(result: { exitCode: number; stdout: string | null }): SchemaDifference {
  return { hasChanges: result.exitCode === 2, sql: result.stdout ?? '' };
}
