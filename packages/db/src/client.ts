import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client.ts';

const pools = new WeakMap<PrismaClient, pg.Pool>();

/**
 * A Prisma client that talks to PostgreSQL through node-postgres (`@prisma/adapter-pg`): no native query
 * engine. The caller owns it and calls `$disconnect()` when done, which ends its pool too.
 */
export function createPrismaClient(connectionString: string): PrismaClient {
  const pool = new pg.Pool({ connectionString });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(prisma, pool);
  return prisma;
}

/** The node-postgres pool under a client made by createPrismaClient, for what Prisma does badly (large bytes). */
export function poolOf(prisma: PrismaClient): pg.Pool {
  const pool = pools.get(prisma);
  if (pool === undefined) throw new Error('the Prisma client was not made by createPrismaClient');
  return pool;
}
