// Read by Prisma's own CLI. Our scripts (npm run db:*) do not need it; it lets `prisma migrate deploy` and
// `prisma migrate status` work against the same schema, migrations and database where Prisma's native
// schema engine can be installed.
import { defineConfig } from 'prisma/config';
import { databaseUrlFrom } from '@oj/shared';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: databaseUrlFrom(process.env) },
});
