import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { packageFiles, type ProblemPackage } from '@oj/judge-core/package';
import type { ProblemVisibility } from '@oj/shared';
import type pg from 'pg';
import { poolOf } from './client.ts';
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
  bytes: Buffer;
}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function blobOf(content: string | Buffer): PreparedBlob {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { hash: sha256(bytes), bytes };
}

/** Bytes of blobs held before they are written: a few tests' worth, whatever the package's size. */
const BLOB_BATCH_BYTES = 8 * 1024 * 1024;
const BLOB_BATCH_COUNT = 20;
/** Files larger than this are streamed into their blob (BlobWriter.addFile), never read whole. */
const STREAMED_FILE_BYTES = 1024 * 1024;
/** A streamed file goes into its blob this many bytes at a time. */
const FILE_CHUNK_BYTES = 1024 * 1024;

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Writes content-addressed blobs, skipping the ones already stored: small ones in batches, large files
 * streamed one by one. Blobs go in before the version's transaction: they are immutable and harmless if the
 * import fails. Bytes go through node-postgres, which sends a Buffer as a binary parameter: Prisma would
 * turn them into base64 text (in more than one copy) and keep its last 100 queries' arguments for its debug
 * log, some 67 MB after a 50 MB upload.
 */
class BlobWriter {
  readonly #pool: pg.Pool;
  #pending = new Map<string, PreparedBlob>();
  #pendingBytes = 0;

  constructor(prisma: PrismaClient) {
    this.#pool = poolOf(prisma);
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

  /** A file's blob: read whole when small (and batched), streamed when large. Returns its hash. */
  async addFile(file: string): Promise<string> {
    if ((await stat(file)).size <= STREAMED_FILE_BYTES) return this.add(blobOf(await readFile(file)));
    return this.streamFile(file);
  }

  /**
   * Streams a file into a blob of its own, unless one of its hash is stored. The chunks gather in a
   * temporary table and become the blob in one INSERT at the end, so the blob appears whole or not at all,
   * and the file is never whole in memory.
   */
  private async streamFile(file: string): Promise<string> {
    const hash = await fileSha256(file);
    if ((await this.#pool.query('SELECT 1 FROM "Blob" WHERE "hash" = $1', [hash])).rowCount !== 0) return hash;
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('CREATE TEMPORARY TABLE "BlobChunk" ("n" integer, "bytes" bytea) ON COMMIT DROP');
      // Compressed once, as the blob, not once more chunk by chunk.
      await client.query('ALTER TABLE "BlobChunk" ALTER COLUMN "bytes" SET STORAGE EXTERNAL');
      let count = 0;
      let size = 0;
      for await (const chunk of createReadStream(file, { highWaterMark: FILE_CHUNK_BYTES })) {
        await client.query('INSERT INTO "BlobChunk" VALUES ($1, $2)', [count++, chunk]);
        size += (chunk as Buffer).length;
      }
      await client.query(
        `INSERT INTO "Blob" ("hash", "bytes", "sizeBytes")
         SELECT $1, coalesce(string_agg("bytes", ''::bytea ORDER BY "n"), ''::bytea), $2 FROM "BlobChunk"
         ON CONFLICT ("hash") DO NOTHING`,
        [hash, size],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return hash;
  }

  async flush(): Promise<void> {
    if (this.#pending.size === 0) return;
    const batch = [...this.#pending.values()];
    this.#pending = new Map();
    this.#pendingBytes = 0;
    const rows = batch.map((_, index) => `($${index * 3 + 1}, $${index * 3 + 2}, $${index * 3 + 3})`);
    await this.#pool.query(
      `INSERT INTO "Blob" ("hash", "bytes", "sizeBytes") VALUES ${rows.join(', ')} ON CONFLICT ("hash") DO NOTHING`,
      batch.flatMap((blob) => [blob.hash, blob.bytes, blob.bytes.length]),
    );
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
  // Every file as it is, byte for byte, so the version exports as the package it was made from and its
  // solutions and validator reach the judges. One at a time, large ones streamed: a package of 50 MB never
  // sits whole in memory, only the small blobs waiting for the next batch do (BlobWriter).
  const blobs = new BlobWriter(prisma);
  const files: { path: string; hash: string }[] = [];
  for (const file of await packageFiles(pkg.dir)) {
    files.push({ path: file, hash: await blobs.addFile(path.join(pkg.dir, ...file.split('/'))) });
  }
  const fileHash = new Map(files.map((file) => [file.path, file.hash]));
  const tests: { name: string; ordinal: number; isSample: boolean; inputHash: string; expectedHash: string }[] = [];
  for (const [ordinal, id] of pkg.testIds.entries()) {
    // A stdio test's blobs are its files' (read as UTF-8 text by the judges, like the files); a function-style
    // test's are its arguments and its expected value, taken from its JSON file.
    let input = manifest.style === 'stdio' ? fileHash.get(`tests/${id}.in`) : undefined;
    let expected = manifest.style === 'stdio' ? fileHash.get(`tests/${id}.out`) : undefined;
    if (input === undefined || expected === undefined) {
      const test = await pkg.readTest(id);
      input = await blobs.add(blobOf(test.input));
      expected = await blobs.add(blobOf(test.expected));
    }
    tests.push({
      name: id,
      ordinal,
      isSample: manifest.samples.includes(id),
      inputHash: input,
      expectedHash: expected,
    });
  }
  const checkerHash = pkg.checkerCode === undefined ? undefined : await blobs.add(blobOf(pkg.checkerCode));
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
