import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The database a connection string names (the path of the URL). */
export function databaseNameOf(connectionString: string): string {
  const name = decodeURIComponent(new URL(connectionString).pathname.replace(/^\//, ''));
  if (name === '') throw new Error(`the connection string names no database: ${redactPassword(connectionString)}`);
  return name;
}

/** The same server, user and options, another database. */
export function withDatabaseName(connectionString: string, databaseName: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(databaseName)}`;
  return url.toString();
}

export function redactPassword(connectionString: string): string {
  const url = new URL(connectionString);
  if (url.password !== '') url.password = '***';
  return url.toString();
}

/**
 * Runs `work` with a connection to the server's `postgres` database, which always exists; CREATE DATABASE
 * and DROP DATABASE cannot run in the database they name.
 */
async function withMaintenanceConnection<T>(
  connectionString: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(connectionString, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the connection string's database unless it exists. Returns whether it created it. */
export async function createDatabaseIfMissing(connectionString: string): Promise<boolean> {
  const databaseName = databaseNameOf(connectionString);
  return withMaintenanceConnection(connectionString, async (client) => {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (existing.rowCount !== 0) return false;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(databaseName)}`);
    } catch (error) {
      // Someone else created it between our check and our CREATE (duplicate_database, or unique_violation
      // when both CREATEs ran at once).
      const code = (error as { code?: string }).code;
      if (code === '42P04' || code === '23505') return false;
      throw error;
    }
    return true;
  });
}

/** Drops the connection string's database if it exists, disconnecting whoever is still connected. */
export async function dropDatabase(connectionString: string): Promise<void> {
  const databaseName = databaseNameOf(connectionString);
  await withMaintenanceConnection(connectionString, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(databaseName)} WITH (FORCE)`);
  });
}

/**
 * Creates a new empty database on the same server with a unique name starting with `prefix`, runs `work`
 * with its connection string, and drops it afterwards whatever happens.
 */
export async function withTemporaryDatabase<T>(
  serverConnectionString: string,
  prefix: string,
  work: (connectionString: string) => Promise<T>,
): Promise<T> {
  const databaseName = `${prefix}_${randomBytes(6).toString('hex')}`;
  const connectionString = withDatabaseName(serverConnectionString, databaseName);
  await createDatabaseIfMissing(connectionString);
  try {
    return await work(connectionString);
  } finally {
    await dropDatabase(connectionString);
  }
}
