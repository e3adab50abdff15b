import { createHash } from 'node:crypto';
import type { ProblemPackage } from '@oj/judge-core';
import type { PrismaClient } from './generated/client.ts';

export interface ImportOptions {
  /** Built-in problems have no owner. */
  ownerId?: number;
  uploadedById?: number;
  visibility?: 'public' | 'private';
  /**
   * Make the new version the one learners see (the default). Off for a public problem's upload that must
   * wait to be published; the first version of a problem is always current.
   */
  makeCurrent?: boolean;
  /** Refuse (ProblemExistsError) when a problem of this slug exists: the caller checked it did not. */
  createOnly?: boolean;
}

/** importProblemPackage was told to create the problem, and one of that slug exists (made meanwhile). */
export class ProblemExistsError extends Error {
  constructor(slug: string) {
    super(`a problem named ${slug} exists already`);
    this.name = 'ProblemExistsError';
  }
}

export interface ImportResult {
  problemId: number;
  versionId: number;
  versionNumber: number;
  /** False when an identical package was already stored: nothing changed. */
  created: boolean;
  /** Whether this version is now the problem's current one. */
  current: boolean;
}

interface PreparedBlob {
  hash: string;
  bytes: Uint8Array<ArrayBuffer>;
}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function blobOf(text: string): PreparedBlob {
  const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
  return { hash: sha256(bytes), bytes };
}

/**
 * Stores a validated package as a new immutable version of its problem (by slug) and makes it the
 * current one. Test data goes into content-addressed blobs, so an unchanged test costs nothing; an
 * identical package finds its existing version instead of adding one.
 */
export async function importProblemPackage(
  prisma: PrismaClient,
  pkg: ProblemPackage,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const { manifest } = pkg;
  const tests = await Promise.all(
    pkg.testIds.map(async (id, ordinal) => {
      const test = await pkg.readTest(id);
      return {
        name: id,
        ordinal,
        isSample: manifest.samples.includes(id),
        input: blobOf(test.input),
        expected: blobOf(test.expected),
      };
    }),
  );
  const checker = pkg.checkerCode === undefined ? undefined : blobOf(pkg.checkerCode);
  const locales = Object.keys(pkg.statements).sort();
  const contentHash = sha256(
    JSON.stringify({
      manifest,
      statements: locales.map((locale) => [locale, sha256(pkg.statements[locale]!)]),
      tests: tests.map((test) => [test.name, test.isSample, test.input.hash, test.expected.hash]),
      checker: checker?.hash ?? null,
    }),
  );

  const blobs = new Map<string, PreparedBlob>();
  for (const blob of [...tests.flatMap((test) => [test.input, test.expected]), ...(checker ? [checker] : [])])
    blobs.set(blob.hash, blob);
  const known = new Set(
    (await prisma.blob.findMany({ where: { hash: { in: [...blobs.keys()] } }, select: { hash: true } })).map(
      (blob) => blob.hash,
    ),
  );
  const missing = [...blobs.values()].filter((blob) => !known.has(blob.hash));
  // Blobs go in before the transaction, in batches: they are immutable and harmless if the import fails.
  for (let start = 0; start < missing.length; start += 20) {
    await prisma.blob.createMany({
      data: missing
        .slice(start, start + 20)
        .map((blob) => ({ hash: blob.hash, bytes: blob.bytes, sizeBytes: blob.bytes.length })),
      skipDuplicates: true,
    });
  }

  const makeCurrent = options.makeCurrent ?? true;
  return prisma.$transaction(async (tx) => {
    if (options.createOnly && (await tx.problem.findUnique({ where: { slug: manifest.slug }, select: { id: true } }))) {
      throw new ProblemExistsError(manifest.slug);
    }
    const fields = { title: manifest.title, difficulty: manifest.difficulty, tags: manifest.tags };
    const problem = await tx.problem.upsert({
      where: { slug: manifest.slug },
      create: {
        slug: manifest.slug,
        ...fields,
        visibility: options.visibility ?? 'private',
        ownerId: options.ownerId ?? null,
      },
      // A version that waits to be published leaves the problem's listing as it is, too.
      update: makeCurrent ? { ...fields, ...(options.visibility ? { visibility: options.visibility } : {}) } : {},
    });
    const becomesCurrent = makeCurrent || problem.currentVersionId === null;
    const existing = await tx.problemVersion.findUnique({
      where: { problemId_contentHash: { problemId: problem.id, contentHash } },
    });
    if (existing) {
      if (becomesCurrent && problem.currentVersionId !== existing.id) {
        await tx.problem.update({ where: { id: problem.id }, data: { currentVersionId: existing.id } });
      }
      const current = becomesCurrent || problem.currentVersionId === existing.id;
      return { problemId: problem.id, versionId: existing.id, versionNumber: existing.number, created: false, current };
    }
    const latest = await tx.problemVersion.findFirst({
      where: { problemId: problem.id },
      orderBy: { number: 'desc' },
      select: { number: true },
    });
    const version = await tx.problemVersion.create({
      data: {
        problemId: problem.id,
        number: (latest?.number ?? 0) + 1,
        manifest,
        contentHash,
        checkerHash: checker?.hash ?? null,
        uploadedById: options.uploadedById ?? null,
        statements: { create: locales.map((locale) => ({ locale, markdown: pkg.statements[locale]! })) },
        tests: {
          create: tests.map((test) => ({
            ordinal: test.ordinal,
            name: test.name,
            isSample: test.isSample,
            inputHash: test.input.hash,
            expectedOutputHash: test.expected.hash,
          })),
        },
      },
    });
    if (becomesCurrent) await tx.problem.update({ where: { id: problem.id }, data: { currentVersionId: version.id } });
    return {
      problemId: problem.id,
      versionId: version.id,
      versionNumber: version.number,
      created: true,
      current: becomesCurrent,
    };
  });
}
