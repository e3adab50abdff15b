import { BUILT_IN_PROBLEMS_DIR, findProblemFolders, loadProblemPackage } from '@oj/judge-core';
import { createPrismaClient } from './index.ts';
import { hashPassword, passwordWeakness } from './password.ts';
import { importProblemPackage } from './problem-import.ts';

/** The admin account is the most valuable one: it follows the same strength rule as every sign-up. */
export class WeakAdminPasswordError extends Error {}

export interface SeedOptions {
  databaseUrl: string;
  problemsDir?: string;
  adminUsername: string;
  /** Without a password no admin is created (an existing one is left as it is). */
  adminPassword: string | undefined;
  log: (message: string) => void;
}

/** Loads every built-in problem as a public problem and ensures the admin exists. Safe to run again. */
export async function seedDatabase(options: SeedOptions): Promise<void> {
  const prisma = createPrismaClient(options.databaseUrl);
  try {
    for (const folder of await findProblemFolders(options.problemsDir ?? BUILT_IN_PROBLEMS_DIR)) {
      const pkg = await loadProblemPackage(folder);
      const imported = await importProblemPackage(prisma, pkg, { visibility: 'public' });
      options.log(
        imported.created
          ? `loaded problem ${pkg.manifest.slug} as version ${imported.versionNumber}`
          : `problem ${pkg.manifest.slug} is up to date (version ${imported.versionNumber})`,
      );
    }
    if (options.adminPassword === undefined) {
      options.log('no ADMIN_PASSWORD set: no admin account created');
      return;
    }
    const username = options.adminUsername.toLowerCase();
    const existing = await prisma.user.findUnique({ where: { username } });
    if (existing) {
      if (existing.role !== 'admin') await prisma.user.update({ where: { id: existing.id }, data: { role: 'admin' } });
      options.log(`admin ${username} exists`);
      return;
    }
    const weakness = passwordWeakness(options.adminPassword, [username]);
    if (weakness !== undefined) throw new WeakAdminPasswordError(`ADMIN_PASSWORD is too easy to guess: ${weakness}`);
    await prisma.user.create({
      data: { username, passwordHash: await hashPassword(options.adminPassword), role: 'admin' },
    });
    options.log(`created admin ${username}`);
  } finally {
    await prisma.$disconnect();
  }
}
