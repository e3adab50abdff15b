// The database scripts of the root package.json:
//   npm run db:migrate                    apply pending migrations to DATABASE_URL (creating the database)
//   npm run db:migrate:create -- <name>   write prisma/migrations/<timestamp>_<name>/ from schema.prisma
//   npm run db:generate                   generate the Prisma client into packages/db/src/generated
//   npm run db:seed                       load problems/ and create the admin named by ADMIN_USERNAME/ADMIN_PASSWORD
// DATABASE_URL defaults to the local development database.
import path from 'node:path';
import { databaseUrlFrom } from '@oj/shared';
import { generatePrismaClient } from './generate-client.ts';
import { databaseNameOf, redactPassword } from './migrations/databases.ts';
import type * as Migrations from './migrations/index.ts';

const USAGE = 'usage: cli.ts migrate | create <name> | generate | seed';

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  const databaseUrl = databaseUrlFrom(process.env);
  switch (command) {
    case 'migrate': {
      const { applyMigrations } = await importMigrations();
      const { createdDatabase, appliedMigrationNames } = await applyMigrations({ databaseUrl });
      const database = databaseNameOf(databaseUrl);
      if (createdDatabase) say(`created database ${database}`);
      if (appliedMigrationNames.length === 0) say(`database ${database} is up to date`);
      for (const name of appliedMigrationNames) say(`applied ${name} to ${database}`);
      return;
    }
    case 'create': {
      const name = rest.join(' ').trim();
      if (name === '') throw new UsageError('name the migration: npm run db:migrate:create -- <name>');
      // Needs only the server: the migrations are replayed into a temporary database there.
      const { createMigration } = await importMigrations();
      const written = await createMigration({ name, serverUrl: databaseUrl });
      if (written === null) say('schema.prisma and the migrations agree: no migration written');
      else say(`wrote ${path.relative(process.cwd(), written)}; review it, then run npm run db:migrate`);
      return;
    }
    case 'generate':
      generatePrismaClient();
      return;
    case 'seed': {
      const { seedDatabase } = await import('./seed.ts');
      await seedDatabase({
        databaseUrl,
        adminUsername: process.env['ADMIN_USERNAME'] || 'admin',
        adminPassword: process.env['ADMIN_PASSWORD'] || undefined,
        log: say,
      });
      return;
    }
    default:
      throw new UsageError(USAGE);
  }
}

/** Loaded only when needed: it starts Prisma's WebAssembly schema engine, which `generate` does not use. */
function importMigrations(): Promise<typeof Migrations> {
  return import('./migrations/index.ts');
}

class UsageError extends Error {}

function say(message: string): void {
  console.error(`db: ${message}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    say(error.message);
    process.exitCode = 2;
    return;
  }
  const databaseUrl = databaseUrlFrom(process.env);
  say(`failed (database ${redactPassword(databaseUrl)}):`);
  console.error(String(error));
  process.exitCode = 1;
});
