// Model types (User, Submission, ...), enums (Role, Verdict, ...), the Prisma namespace and PrismaClient.
export * from './generated/client.ts';

export { createPrismaClient } from './client.ts';

export { importProblemPackage, ProblemExistsError, type ImportOptions, type ImportResult } from './problem-import.ts';
