import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';

// Model types (User, Submission, ...), enums (Role, Verdict, ...), the Prisma namespace and PrismaClient.
export * from './generated/client.ts';

/**
 * A Prisma client that talks to PostgreSQL through node-postgres (`@prisma/adapter-pg`): no native query
 * engine. The caller owns it and calls `$disconnect()` when done.
 */
export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

export { importProblemPackage, ProblemExistsError, type ImportOptions, type ImportResult } from './problem-import.ts';
