// Read by Prisma's own CLI. Our scripts (npm run db:*) do not need it; it lets `prisma migrate deploy` and
// `prisma migrate status` work against the same schema, migrations and database where Prisma's native
// schema engine can be installed.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env['DATABASE_URL'] || 'postgresql://postgres@127.0.0.1:5432/oj' },
});
