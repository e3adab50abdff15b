import type { PrismaClient } from '@oj/db';
import type { JudgeableProblem, TestCase } from '@oj/judge-core';
import { problemManifestSchema } from '@oj/shared';
import { StoreError, type BlobStore } from './blob-store.ts';
import { LruCache } from './lru.ts';

/**
 * A stored problem version cannot be judged as it is (it is missing, its manifest does not validate,
 * its custom checker is absent). Retrying cannot fix it: the submission ends as SE with this reason.
 */
export class ProblemDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProblemDataError';
  }
}

/** A problem version as judging needs it; test data is read lazily, through the blob store. */
export interface StoredProblem extends JudgeableProblem {
  versionId: number;
  /** Sample test ids, in judging order: what custom runs use. */
  sampleIds: string[];
}

const DEFAULT_VERSIONS_KEPT = 32;
const BLOB_FETCH_CONCURRENCY = 4;

async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Builds judgeable problems from immutable ProblemVersion rows. Versions never change once stored, so a
 * loaded one is kept in memory (least recently used dropped first) without any invalidation.
 */
export class ProblemStore {
  private readonly prisma: PrismaClient;
  private readonly blobs: BlobStore;
  private readonly versions: LruCache<number, Promise<StoredProblem>>;

  constructor(prisma: PrismaClient, blobs: BlobStore, versionsKept = DEFAULT_VERSIONS_KEPT) {
    this.prisma = prisma;
    this.blobs = blobs;
    this.versions = new LruCache(versionsKept);
  }

  load(versionId: number): Promise<StoredProblem> {
    const cached = this.versions.get(versionId);
    if (cached) return cached;
    const loading = this.loadFromDatabase(versionId);
    this.versions.set(versionId, loading);
    // A failed load must not stay cached: the next job tries again.
    loading.catch(() => this.versions.delete(versionId));
    return loading;
  }

  /** A file of the version's package as text (a reference solution, validator.js), through the blob store. */
  async readFile(versionId: number, file: string): Promise<string> {
    let row;
    try {
      row = await this.prisma.problemFile.findUnique({
        where: { problemVersionId_path: { problemVersionId: versionId, path: file } },
        select: { hash: true },
      });
    } catch (error) {
      throw new StoreError(`cannot load ${file} of problem version ${versionId}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (!row) throw new ProblemDataError(`problem version ${versionId} has no file ${file}`);
    return this.blobs.readText(row.hash);
  }

  private async loadFromDatabase(versionId: number): Promise<StoredProblem> {
    let version;
    try {
      version = await this.prisma.problemVersion.findUnique({
        where: { id: versionId },
        select: {
          manifest: true,
          checkerHash: true,
          tests: {
            orderBy: { ordinal: 'asc' },
            select: { name: true, isSample: true, inputHash: true, expectedOutputHash: true },
          },
        },
      });
    } catch (error) {
      throw new StoreError(`cannot load problem version ${versionId}: ${(error as Error).message}`, { cause: error });
    }
    if (!version) throw new ProblemDataError(`problem version ${versionId} does not exist`);

    const parsed = problemManifestSchema.safeParse(version.manifest);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
      throw new ProblemDataError(`the manifest of problem version ${versionId} is invalid: ${issues.join('; ')}`);
    }
    const manifest = parsed.data;
    if (version.tests.length === 0) throw new ProblemDataError(`problem version ${versionId} has no tests`);

    let checkerCode: string | undefined;
    if (manifest.checker.type === 'custom') {
      if (version.checkerHash === null) {
        throw new ProblemDataError(`problem version ${versionId} uses a custom checker but stores none`);
      }
      checkerCode = await this.blobs.readText(version.checkerHash);
    }

    // Fetch every blob now, so judging reads local files only and a database outage fails the job
    // before any test runs rather than in the middle of it.
    const hashes = new Set(version.tests.flatMap((test) => [test.inputHash, test.expectedOutputHash]));
    await forEachLimited([...hashes], BLOB_FETCH_CONCURRENCY, (hash) => this.blobs.ensureCached(hash));

    const testsByName = new Map(version.tests.map((test) => [test.name, test]));
    const readTest = async (id: string): Promise<TestCase> => {
      const test = testsByName.get(id);
      if (!test) throw new ProblemDataError(`problem version ${versionId} has no test "${id}"`);
      const [input, expected] = await Promise.all([
        this.blobs.readText(test.inputHash),
        this.blobs.readText(test.expectedOutputHash),
      ]);
      return { id, input, expected };
    };

    const problem: StoredProblem = {
      versionId,
      manifest,
      testIds: version.tests.map((test) => test.name),
      sampleIds: version.tests.filter((test) => test.isSample).map((test) => test.name),
      readTest,
    };
    if (checkerCode !== undefined) problem.checkerCode = checkerCode;
    return problem;
  }
}
