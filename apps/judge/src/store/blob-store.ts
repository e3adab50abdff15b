import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '@oj/db';
import { LruCache } from './lru.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const DEFAULT_MEMORY_BUDGET_BYTES = 64 * 1024 * 1024;

/**
 * Test data could not be read: the database or the disk failed, or a blob does not match its hash.
 * Infrastructure, never the learner's fault: the job is retried.
 */
export class StoreError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreError';
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Content-addressed file contents (test data, checkers), fetched from PostgreSQL by hash and kept on
 * local disk under `cacheDir`, so a worker on another machine needs nothing but the database. Recently
 * used texts are also kept in memory, up to a byte budget.
 */
export class BlobStore {
  private readonly prisma: PrismaClient;
  private readonly cacheDir: string;
  private readonly memory: LruCache<string, string>;
  /** Concurrent reads of the same missing blob share one database fetch. */
  private readonly fetching = new Map<string, Promise<Buffer>>();

  constructor(prisma: PrismaClient, cacheDir: string, memoryBudgetBytes = DEFAULT_MEMORY_BUDGET_BYTES) {
    this.prisma = prisma;
    this.cacheDir = cacheDir;
    // UTF-16 in memory: two bytes a character.
    this.memory = new LruCache(memoryBudgetBytes, (text) => text.length * 2);
  }

  /** The blob's bytes as UTF-8 text. */
  async readText(hash: string): Promise<string> {
    const cached = this.memory.get(hash);
    if (cached !== undefined) return cached;
    const text = (await this.readBytes(hash)).toString('utf8');
    this.memory.set(hash, text);
    return text;
  }

  async readBytes(hash: string): Promise<Buffer> {
    const file = this.pathOf(hash);
    try {
      // Files are only ever renamed into place complete and verified, so what is there is trusted.
      return await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new StoreError(`cannot read the cached blob ${hash}: ${(error as Error).message}`, { cause: error });
      }
    }
    return this.fetch(hash, file);
  }

  /** Makes sure the blob is on local disk, fetching it from the database if it is not. */
  async ensureCached(hash: string): Promise<void> {
    const file = this.pathOf(hash);
    const present = await access(file).then(
      () => true,
      () => false,
    );
    if (!present) await this.fetch(hash, file);
  }

  private fetch(hash: string, file: string): Promise<Buffer> {
    let pending = this.fetching.get(hash);
    if (!pending) {
      pending = this.fetchAndCache(hash, file).finally(() => this.fetching.delete(hash));
      this.fetching.set(hash, pending);
    }
    return pending;
  }

  private pathOf(hash: string): string {
    // The hash becomes a path: anything but 64 hex digits could climb out of the cache folder.
    if (!SHA256_HEX.test(hash)) throw new StoreError(`"${hash}" is not a SHA-256 blob hash`);
    return path.join(this.cacheDir, hash.slice(0, 2), hash);
  }

  private async fetchAndCache(hash: string, file: string): Promise<Buffer> {
    let row: { bytes: Uint8Array } | null;
    try {
      row = await this.prisma.blob.findUnique({ where: { hash }, select: { bytes: true } });
    } catch (error) {
      throw new StoreError(`cannot fetch the blob ${hash} from the database: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (!row) throw new StoreError(`the blob ${hash} is not in the database`);
    const bytes = Buffer.from(row.bytes);
    const actual = sha256(bytes);
    if (actual !== hash)
      throw new StoreError(`the blob ${hash} in the database is corrupt: its content hashes to ${actual}`);

    // Write to a temporary name and rename: a reader (this process or another worker sharing the
    // cache) sees either no file or the whole verified file, never a partial one.
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    } catch {
      // A full or read-only disk only costs the cache; the bytes are good.
      await rm(temporary, { force: true });
    }
    return bytes;
  }
}
