import { Prisma } from '@oj/db';
import type { ErrorCode } from '@oj/shared';

/**
 * The database failures a client can cause and should hear about by name: a unique constraint (two
 * requests creating the same thing) and a row that vanished between a read and a write.
 */
export function expectedDatabaseError(error: unknown): { code: ErrorCode; message: string } | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  if (error.code === 'P2002') return { code: 'CONFLICT', message: 'that already exists' };
  if (error.code === 'P2025') return { code: 'NOT_FOUND', message: 'not found' };
  return undefined;
}
