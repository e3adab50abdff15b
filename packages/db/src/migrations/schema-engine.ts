import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { SchemaEngine } from '@prisma/schema-engine-wasm';
import pg from 'pg';

/** Neither external tables nor external enums: the schema describes the whole database. */
export const NO_SCHEMA_FILTER = { externalTables: [], externalEnums: [] };

const POSTGRES_INTERNAL_CHAR_TYPE_ID = 18;
const POSTGRES_TEXT_TYPE_ID = 25;

/**
 * A node-postgres client that reports PostgreSQL's internal one-byte `"char"` columns as text.
 *
 * The schema engine reads such columns when it describes a database (`pg_constraint.contype` and other
 * catalog flags), and @prisma/adapter-pg 7.10.0 refuses the type ("Column type 'char' could not be
 * deserialized from the database"), so no diff or migration creation could read a live database. node-postgres
 * already returns these values as one-character strings; only the type id it reports changes.
 */
class CatalogCharAsTextClient extends pg.Client {
  // One body for all of pg.Client#query's overloads; it only relabels the result's field types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const queryArguments: unknown[] = args;
    const queryAsPgDoes = super.query.bind(this) as (...anyArguments: unknown[]) => unknown;
    const lastArgument = queryArguments.at(-1);
    if (typeof lastArgument === 'function') {
      const callback = lastArgument as (error: unknown, result: unknown) => void;
      queryArguments[queryArguments.length - 1] = (error: unknown, result: unknown) => {
        reportCharColumnsAsText(result);
        callback(error, result);
      };
      return queryAsPgDoes(...queryArguments);
    }
    const returned = queryAsPgDoes(...queryArguments);
    if (!(returned instanceof Promise)) return returned;
    return returned.then((result: unknown) => {
      reportCharColumnsAsText(result);
      return result;
    });
  }
}

function reportCharColumnsAsText(result: unknown): void {
  const results = Array.isArray(result) ? (result as unknown[]) : [result];
  for (const oneResult of results) {
    const fields = (oneResult as Partial<pg.QueryResult> | undefined)?.fields ?? [];
    for (const field of fields) {
      if (field.dataTypeID === POSTGRES_INTERNAL_CHAR_TYPE_ID) field.dataTypeID = POSTGRES_TEXT_TYPE_ID;
    }
  }
}

function createPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, Client: CatalogCharAsTextClient });
  // pool.end() resolves before its connections have closed, so dropping a temporary database right after
  // (DROP DATABASE ... WITH (FORCE)) can terminate a closing connection. That fails no query; without a
  // listener, node-postgres would turn it into an uncaught exception.
  pool.on('error', () => {});
  return pool;
}

/**
 * Wraps an adapter so that a migration script reaches PostgreSQL whole, in one simple query, as Prisma's
 * native engine sends it. @prisma/adapter-pg 7.10.0 splits scripts on every ";" (breaking any statement
 * with a ";" inside a string or a function body) and runs the pieces one by one; sent whole, PostgreSQL runs
 * the script in one implicit transaction, so a failing migration leaves nothing half-applied.
 */
function sendingScriptsWhole(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    executeScript: async (script) => {
      try {
        await pool.query(script);
      } catch (error) {
        // In the engine's terms, so that its message carries PostgreSQL's own words.
        if (!(error instanceof pg.DatabaseError)) throw error;
        throw new DriverAdapterError({
          kind: 'postgres',
          code: error.code ?? 'N/A',
          severity: error.severity ?? 'N/A',
          message: error.message,
          detail: error.detail,
          column: error.column,
          hint: error.hint,
        });
      }
    },
  };
}

export interface OpenedSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections. */
  close: () => Promise<void>;
}

/**
 * Starts Prisma's schema engine (WebAssembly, no native binary) on `databaseUrl`, with the Prisma schema's
 * text as its datamodel. Operations that replay migrations (a diff from the migrations folder) need a shadow
 * database: pass `shadowDatabaseUrl`, a database the caller created and will drop, whose contents the engine
 * may wipe. @prisma/adapter-pg's own shadow database cannot be used: given a connection string, it creates a
 * database and then connects to the connection string's database instead, so the shadow work would land in
 * the real one.
 */
export async function openSchemaEngine(options: {
  schemaText: string;
  databaseUrl: string;
  shadowDatabaseUrl?: string;
}): Promise<OpenedSchemaEngine> {
  const pools: pg.Pool[] = [];
  const connectThroughNewPool = async (connectionString: string): Promise<SqlDriverAdapter> => {
    const pool = createPool(connectionString);
    pools.push(pool);
    const adapter = await new PrismaPg(pool).connect();
    return sendingScriptsWhole(adapter, pool);
  };
  const { shadowDatabaseUrl } = options;
  const adapterFactory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connectThroughNewPool(options.databaseUrl),
    connectToShadowDb: () => {
      if (shadowDatabaseUrl === undefined) {
        return Promise.reject(new Error('this schema engine operation needs a shadow database, and none was given'));
      }
      return connectThroughNewPool(shadowDatabaseUrl);
    },
  };

  const engine = await SchemaEngine.new(
    { datamodels: [['schema.prisma', options.schemaText]] },
    printEngineProblems,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(pools.map((pool) => pool.end()));
    },
  };
}

/** The engine logs one JSON object per event; only warnings and errors are worth showing. */
function printEngineProblems(line: string): void {
  try {
    const event = JSON.parse(line) as { level?: string; fields?: { message?: string } };
    if (event.level === 'WARN' || event.level === 'ERROR') {
      console.error(`schema engine ${event.level.toLowerCase()}: ${event.fields?.message ?? line}`);
    }
  } catch {
    console.error(`schema engine: ${line}`);
  }
}
