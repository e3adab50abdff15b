import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { packageFiles, type ProblemPackage } from '@oj/judge-core/package';
import type { ProblemVisibility } from '@oj/shared';
import type { PrismaClient } from './generated/client.ts';

export interface ImportOptions {
  /** Built-in problems have no owner. */
  ownerId?: number;
  uploadedById?: number;
  visibility?: ProblemVisibility;
  /**
   * Make the new version the one learners see (the default). Off for a public problem's upload that must
   * wait to be published; the first version of a problem is always current.
   */
  makeCurrent?: boolean;
  /** Refuse (ProblemExistsError) when a problem of this slug exists: the caller checked it did not. */
  createOnly?: boolean;
  /**
   * Add the new version's verification checks (its validator, each reference solution), for the judges to
   * run. Built-in problems are verified by `oj verify` in CI instead, so the seed leaves this off.
   */
  verify?: boolean;
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

function blobOf(content: string | Buffer): PreparedBlob {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) as Uint8Array<ArrayBuffer>;
  return { hash: sha256(bytes), bytes };
}

/** Bytes of blobs held before they are written: a few tests' worth, whatever the package's size. */
const BLOB_BATCH_BYTES = 8 * 1024 * 1024;
const BLOB_BATCH_COUNT = 20;

/**
 * Writes content-addressed blobs in small batches, skipping the ones already stored. Blobs go in before
 * the version's transaction: they are immutable and harmless if the import fails.
 */
class BlobWriter {
  readonly #prisma: PrismaClient;
  #pending = new Map<string, PreparedBlob>();
  #pendingBytes = 0;

  constructor(prisma: PrismaClient) {
    this.#prisma = prisma;
  }

  /** Queues the blob (written by the next flush at the latest) and returns its hash. */
  async add(blob: PreparedBlob): Promise<string> {
    if (!this.#pending.has(blob.hash)) {
      this.#pending.set(blob.hash, blob);
      this.#pendingBytes += blob.bytes.length;
    }
    if (this.#pendingBytes >= BLOB_BATCH_BYTES || this.#pending.size >= BLOB_BATCH_COUNT) await this.flush();
    return blob.hash;
  }

  async flush(): Promise<void> {
    if (this.#pending.size === 0) return;
    const batch = [...this.#pending.values()];
    this.#pending = new Map();
    this.#pendingBytes = 0;
    const known = new Set(
      (
        await this.#prisma.blob.findMany({
          where: { hash: { in: batch.map((blob) => blob.hash) } },
          select: { hash: true },
        })
      ).map((blob) => blob.hash),
    );
    const missing = batch.filter((blob) => !known.has(blob.hash));
    if (missing.length === 0) return;
    await this.#prisma.blob.createMany({
      data: missing.map((blob) => ({ hash: blob.hash, bytes: blob.bytes, sizeBytes: blob.bytes.length })),
      skipDuplicates: true,
    });
  }
}

/** The verification a new version needs: its validator (if any), then each reference solution. */
function checksOf(pkg: ProblemPackage): { kind: 'validator' | 'solution'; position: number }[] {
  return [
    ...(pkg.validatorCode === undefined ? [] : [{ kind: 'validator' as const, position: 0 }]),
    ...pkg.manifest.solutions.map((_, position) => ({ kind: 'solution' as const, position })),
  ];
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
  // Tests are read and stored one at a time, so a package of 50 MB never sits whole in memory: only the
  // blobs waiting for the next batch do (BlobWriter), and the hashes of the rest.
  const blobs = new BlobWriter(prisma);
  const tests: { name: string; ordinal: number; isSample: boolean; inputHash: string; expectedHash: string }[] = [];
  for (const [ordinal, id] of pkg.testIds.entries()) {
    const test = await pkg.readTest(id);
    const input = await blobs.add(blobOf(test.input));
    const expected = await blobs.add(blobOf(test.expected));
    tests.push({
      name: id,
      ordinal,
      isSample: manifest.samples.includes(id),
      inputHash: input,
      expectedHash: expected,
    });
  }
  const checkerHash = pkg.checkerCode === undefined ? undefined : await blobs.add(blobOf(pkg.checkerCode));
  // Every file as it is, byte for byte (stdio tests are the same blobs as above), so the version exports as
  // the package it was made from and its solutions and validator reach the judges.
  const files: { path: string; hash: string }[] = [];
  for (const file of await packageFiles(pkg.dir)) {
    files.push({ path: file, hash: await blobs.add(blobOf(await readFile(path.join(pkg.dir, ...file.split('/'))))) });
  }
  await blobs.flush();
  const locales = Object.keys(pkg.statements).sort();
  // The files are the whole package: the same files make the same version.
  const contentHash = sha256(JSON.stringify(files.map((file) => [file.path, file.hash])));

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
        checkerHash: checkerHash ?? null,
        uploadedById: options.uploadedById ?? null,
        statements: { create: locales.map((locale) => ({ locale, markdown: pkg.statements[locale]! })) },
        tests: {
          create: tests.map((test) => ({
            ordinal: test.ordinal,
            name: test.name,
            isSample: test.isSample,
            inputHash: test.inputHash,
            expectedOutputHash: test.expectedHash,
          })),
        },
        files: { create: files },
        ...(options.verify ? { checks: { create: checksOf(pkg) } } : {}),
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
