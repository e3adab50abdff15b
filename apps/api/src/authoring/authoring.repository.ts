import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import {
  importProblemPackage,
  ProblemExistsError,
  type ImportResult,
  type Prisma,
  type PrismaClient,
  type Verdict,
  type VersionCheckKind,
  type VersionCheckStatus,
} from '@oj/db';
import type { ProblemPackage } from '@oj/judge-core/package';
import { FILE_PREVIEW_BYTES, INLINE_FILE_BYTES, type ProblemVisibility } from '@oj/shared';
import { DomainError } from '../common/errors.ts';
import { newJudgeGeneration } from '../submissions/submission.repository.ts';
import { PRISMA } from '../infra/database.module.ts';

/** A problem as its authors' pages need it. */
export interface AuthoredProblemRow {
  id: number;
  slug: string;
  title: string;
  visibility: ProblemVisibility;
  ownerId: number | null;
  ownerName: string | null;
  authors: { id: number; username: string }[];
  currentVersionId: number | null;
  currentVersionNumber: number | null;
  latestVersion: number;
}

export interface VersionRow {
  id: number;
  number: number;
  createdAt: Date;
  uploadedBy: string | null;
  manifest: unknown;
  checks: CheckRow[];
}

export interface CheckRow {
  id: number;
  kind: VersionCheckKind;
  position: number;
  status: VersionCheckStatus;
  attempts: number;
  result: unknown;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface FileRow {
  path: string;
  sizeBytes: number;
  preview: Uint8Array;
  /** The whole content, for files up to INLINE_FILE_BYTES. */
  bytes: Uint8Array | null;
}

export interface RejudgedSubmission {
  id: number;
  judgeGeneration: number;
  attempts: number;
  contestId: number | null;
}

export interface RejudgeRow {
  id: number;
  versionNumber: number;
  createdAt: Date;
  items: {
    submissionId: number;
    username: string;
    generation: number;
    beforeVerdict: Verdict | null;
    beforeScore: number | null;
    /** The submission now. */
    status: 'PENDING' | 'JUDGING' | 'FINISHED';
    judgeGeneration: number;
    verdict: Verdict | null;
    score: number | null;
  }[];
}

const checkFields = {
  id: true,
  kind: true,
  position: true,
  status: true,
  attempts: true,
  result: true,
  createdAt: true,
  finishedAt: true,
} as const;

const versionFields = {
  id: true,
  number: true,
  createdAt: true,
  manifest: true,
  uploadedBy: { select: { username: true } },
  checks: { select: checkFields, orderBy: [{ kind: 'asc' }, { position: 'asc' }] },
} satisfies Prisma.ProblemVersionSelect;

/** Every read and write of the setters' pages: problems they author, versions, files, checks, rejudges. */
@Injectable()
export class AuthoringRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async findProblem(slug: string): Promise<AuthoredProblemRow | null> {
    const problem = await this.prisma.problem.findUnique({ where: { slug }, select: this.problemFields() });
    return problem ? this.toProblemRow(problem) : null;
  }

  /** The problems `userId` owns or co-authors; every problem for admins (`all`). Newest change first. */
  async listEditable(userId: number, all: boolean): Promise<AuthoredProblemRow[]> {
    const problems = await this.prisma.problem.findMany({
      where: all ? {} : { OR: [{ ownerId: userId }, { authors: { some: { userId } } }] },
      orderBy: { updatedAt: 'desc' },
      take: 500,
      select: this.problemFields(),
    });
    return problems.map((problem) => this.toProblemRow(problem));
  }

  /** The problem's versions, newest first, with their checks. */
  listVersions(problemId: number): Promise<VersionRow[]> {
    return this.prisma.problemVersion
      .findMany({
        where: { problemId },
        orderBy: { number: 'desc' },
        select: versionFields,
      })
      .then((versions) =>
        versions.map(({ uploadedBy, ...version }) => ({ ...version, uploadedBy: uploadedBy?.username ?? null })),
      );
  }

  async findVersion(problemId: number, number: number): Promise<VersionRow | null> {
    const version = await this.prisma.problemVersion.findUnique({
      where: { problemId_number: { problemId, number } },
      select: versionFields,
    });
    if (!version) return null;
    const { uploadedBy, ...rest } = version;
    return { ...rest, uploadedBy: uploadedBy?.username ?? null };
  }

  /** The version's files, sorted by path, with their first bytes, and the whole of the small ones. */
  listFiles(versionId: number): Promise<FileRow[]> {
    return this.prisma.$queryRaw<FileRow[]>`
      SELECT f.path, b."sizeBytes",
             substring(b.bytes from 1 for ${FILE_PREVIEW_BYTES}::int) AS preview,
             CASE WHEN b."sizeBytes" <= ${INLINE_FILE_BYTES}::int THEN b.bytes END AS bytes
      FROM "ProblemFile" f JOIN "Blob" b ON b.hash = f.hash
      WHERE f."problemVersionId" = ${versionId}
      ORDER BY f.path COLLATE "C"`;
  }

  async readFile(versionId: number, file: string): Promise<Uint8Array | null> {
    const row = await this.prisma.problemFile.findUnique({
      where: { problemVersionId_path: { problemVersionId: versionId, path: file } },
      select: { blob: { select: { bytes: true } } },
    });
    return row?.blob.bytes ?? null;
  }

  /**
   * Writes every file of the version under `dir`, one blob at a time (a 50 MB package never sits whole in
   * memory). Returns how many files it wrote: 0 for a version stored before files were kept.
   */
  async writeFiles(versionId: number, dir: string): Promise<number> {
    const files = await this.prisma.problemFile.findMany({
      where: { problemVersionId: versionId },
      select: { path: true, hash: true },
    });
    for (const file of files) {
      const blob = await this.prisma.blob.findUniqueOrThrow({ where: { hash: file.hash }, select: { bytes: true } });
      const target = path.join(dir, ...file.path.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await pipeline(Readable.from([blob.bytes]), createWriteStream(target, { flags: 'wx' }));
    }
    return files.length;
  }

  /**
   * Stores a loaded package as a new version (with its verification checks). `create`: the problem must not
   * exist yet; it becomes a private draft owned by `userId`.
   */
  async storePackage(
    pkg: ProblemPackage,
    options: { userId: number; create: boolean; makeCurrent: boolean },
  ): Promise<ImportResult> {
    try {
      return await importProblemPackage(this.prisma, pkg, {
        uploadedById: options.userId,
        makeCurrent: options.makeCurrent,
        verify: true,
        ...(options.create ? { createOnly: true, ownerId: options.userId, visibility: 'private' as const } : {}),
      });
    } catch (error) {
      if (error instanceof ProblemExistsError) throw new DomainError('CONFLICT', error.message);
      throw error;
    }
  }

  /** Counts the first enqueue of each check that has none yet, and returns them. */
  async markChecksEnqueued(versionId: number): Promise<{ id: number; attempts: number }[]> {
    return this.prisma.versionCheck.updateManyAndReturn({
      where: { problemVersionId: versionId, attempts: 0, status: 'pending' },
      data: { attempts: 1, enqueuedAt: new Date() },
      select: { id: true, attempts: true },
    });
  }

  /** Makes the version current and the problem public or contest-only, its listing (title, difficulty, tags) from the manifest. */
  async publish(
    problemId: number,
    versionId: number,
    visibility: 'public' | 'contest',
    listing: { title: string; difficulty: 'easy' | 'medium' | 'hard'; tags: string[] },
  ): Promise<void> {
    await this.prisma.problem.update({
      where: { id: problemId },
      data: { currentVersionId: versionId, visibility, ...listing },
    });
  }

  async findUsers(usernames: string[]): Promise<{ id: number; username: string; role: string }[]> {
    return this.prisma.user.findMany({
      where: { username: { in: usernames } },
      select: { id: true, username: true, role: true },
    });
  }

  async replaceAuthors(problemId: number, userIds: number[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.problemAuthor.deleteMany({ where: { problemId, userId: { notIn: userIds } } }),
      this.prisma.problemAuthor.createMany({
        data: userIds.map((userId) => ({ problemId, userId })),
        skipDuplicates: true,
      }),
    ]);
  }

  /**
   * Starts a rejudge of every finished submission of the problem on its current version, in one transaction:
   * each one's result before is recorded, then it starts a new judge generation (PENDING, results cleared).
   * Submissions still pending are left alone: they are judged anyway.
   */
  async startRejudge(
    problemId: number,
    versionId: number,
    createdById: number,
  ): Promise<{ id: number; submissions: RejudgedSubmission[] }> {
    return this.prisma.$transaction(
      async (tx) => {
        const finished = await tx.submission.findMany({
          where: { problemId, status: 'FINISHED' },
          select: { id: true, judgeGeneration: true, verdict: true, score: true },
          orderBy: { id: 'asc' },
        });
        const rejudge = await tx.rejudge.create({
          data: {
            problemId,
            problemVersionId: versionId,
            createdById,
            items: {
              create: finished.map((submission) => ({
                submissionId: submission.id,
                generation: submission.judgeGeneration + 1,
                beforeVerdict: submission.verdict,
                beforeScore: submission.score,
              })),
            },
          },
          select: { id: true },
        });
        const ids = finished.map((submission) => submission.id);
        await tx.submissionTestResult.deleteMany({ where: { submissionId: { in: ids } } });
        const submissions = await tx.submission.updateManyAndReturn({
          where: { id: { in: ids }, status: 'FINISHED' },
          data: newJudgeGeneration(versionId),
          select: { id: true, judgeGeneration: true, attempts: true, contestId: true },
        });
        return { id: rejudge.id, submissions };
      },
      { timeout: 60_000 },
    );
  }

  /** The problem's rejudges, newest first (the last 20, or `take`), or the one with `id`. */
  async listRejudges(problemId: number, filter: { id?: number; take?: number } = {}): Promise<RejudgeRow[]> {
    const rejudges = await this.prisma.rejudge.findMany({
      where: { problemId, ...(filter.id === undefined ? {} : { id: filter.id }) },
      orderBy: { id: 'desc' },
      take: filter.take ?? 20,
      select: {
        id: true,
        createdAt: true,
        problemVersion: { select: { number: true } },
        items: {
          orderBy: { submissionId: 'asc' },
          select: {
            submissionId: true,
            generation: true,
            beforeVerdict: true,
            beforeScore: true,
            submission: {
              select: {
                status: true,
                judgeGeneration: true,
                verdict: true,
                score: true,
                user: { select: { username: true } },
              },
            },
          },
        },
      },
    });
    return rejudges.map((rejudge) => ({
      id: rejudge.id,
      versionNumber: rejudge.problemVersion.number,
      createdAt: rejudge.createdAt,
      items: rejudge.items.map(({ submission, ...item }) => ({
        ...item,
        username: submission.user.username,
        status: submission.status,
        judgeGeneration: submission.judgeGeneration,
        verdict: submission.verdict,
        score: submission.score,
      })),
    }));
  }

  private problemFields() {
    return {
      id: true,
      slug: true,
      title: true,
      visibility: true,
      ownerId: true,
      currentVersionId: true,
      currentVersion: { select: { number: true } },
      owner: { select: { username: true } },
      authors: { select: { user: { select: { id: true, username: true } } }, orderBy: { addedAt: 'asc' as const } },
      versions: { select: { number: true }, orderBy: { number: 'desc' as const }, take: 1 },
    } as const;
  }

  private toProblemRow(problem: {
    id: number;
    slug: string;
    title: string;
    visibility: ProblemVisibility;
    ownerId: number | null;
    currentVersionId: number | null;
    currentVersion: { number: number } | null;
    owner: { username: string } | null;
    authors: { user: { id: number; username: string } }[];
    versions: { number: number }[];
  }): AuthoredProblemRow {
    return {
      id: problem.id,
      slug: problem.slug,
      title: problem.title,
      visibility: problem.visibility,
      ownerId: problem.ownerId,
      ownerName: problem.owner?.username ?? null,
      authors: problem.authors.map((author) => author.user),
      currentVersionId: problem.currentVersionId,
      currentVersionNumber: problem.currentVersion?.number ?? null,
      latestVersion: problem.versions[0]?.number ?? 0,
    };
  }
}
