import { Inject, Injectable } from '@nestjs/common';
import { Prisma, type PrismaClient } from '@oj/db';
import type { Difficulty, ProblemVisibility } from '@oj/shared';
import type { ContestWindow, ProblemScope } from '../access/access-policy.ts';
import { PRISMA } from '../infra/database.module.ts';

export interface ProblemListFilter {
  search?: string | undefined;
  tag?: string | undefined;
  difficulty?: Difficulty | undefined;
  skip: number;
  take: number;
}

export interface ProblemListRow {
  id: number;
  slug: string;
  title: string;
  difficulty: Difficulty;
  tags: string[];
  titles: Record<string, string> | null;
  style: string;
  acceptedCount: number;
  submissionCount: number;
  solvedByViewer: boolean | null;
  attemptedByViewer: boolean | null;
}

export interface ProblemStats {
  acceptedCount: number;
  submissionCount: number;
  solvedByViewer: boolean | null;
  attemptedByViewer: boolean | null;
}

export interface ProblemTestRow {
  ordinal: number;
  name: string;
  isSample: boolean;
  inputHash: string;
  expectedOutputHash: string;
  inputSizeBytes: number;
}

/** A problem with its current version: everything a detail page needs except test data. */
export interface ProblemWithVersion {
  id: number;
  slug: string;
  title: string;
  difficulty: Difficulty;
  tags: string[];
  visibility: ProblemVisibility;
  ownerId: number | null;
  version: {
    id: number;
    number: number;
    manifest: unknown;
    statements: Record<string, string>;
    tests: ProblemTestRow[];
  };
}

/** A problem as far as submitting to it goes. */
export interface ProblemRef {
  id: number;
  slug: string;
  title: string;
  visibility: ProblemVisibility;
  ownerId: number | null;
  currentVersionId: number | null;
  /** The current version's style (stdio or function), from its manifest. */
  style: string | null;
}

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** problemInScope (access-policy.ts) as SQL over `p`, a "Problem" row. */
function scopeCondition(scope: ProblemScope): Prisma.Sql {
  if (scope.all) return Prisma.sql`true`;
  // Timestamps are stored in UTC without a zone; a zone in the literal is ignored by the cast.
  const at = scope.at.toISOString();
  return Prisma.sql`(p.visibility = 'public'
    OR p."ownerId" = ${scope.ownerId ?? -1}::int
    OR EXISTS (
      SELECT 1 FROM "ContestProblem" entry
      JOIN "Contest" contest ON contest.id = entry."contestId"
      JOIN "ContestParticipant" participant ON participant."contestId" = contest.id
      WHERE entry."problemId" = p.id AND participant."userId" = ${scope.contestantId ?? -1}::int
        AND contest."startsAt" <= ${at}::timestamp AND ${at}::timestamp < contest."endsAt"))`;
}

@Injectable()
export class ProblemRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** One page of the problems in `scope`, with counts and the viewer's own state, in one round trip per part. */
  async list(
    scope: ProblemScope,
    viewerId: number | null,
    filter: ProblemListFilter,
  ): Promise<{ rows: ProblemListRow[]; total: number; tags: string[] }> {
    const visible = scopeCondition(scope);
    const search = filter.search ? likePattern(filter.search) : null;
    const matches = Prisma.sql`${visible}
      AND (${search}::text IS NULL OR p.title ILIKE ${search} OR p.slug ILIKE ${search})
      AND (${filter.tag ?? null}::text IS NULL OR ${filter.tag ?? null} = ANY(p.tags))
      AND (${filter.difficulty ?? null}::text IS NULL OR p.difficulty::text = ${filter.difficulty ?? null})`;
    const [rows, totals, tags] = await Promise.all([
      this.prisma.$queryRaw<ProblemListRow[]>`
        WITH page AS (
          SELECT p.id, p.slug, p.title, p.difficulty::text AS difficulty, p.tags, v.manifest
          FROM "Problem" p JOIN "ProblemVersion" v ON v.id = p."currentVersionId"
          WHERE ${matches}
          ORDER BY p.id
          LIMIT ${filter.take}::int OFFSET ${filter.skip}::int
        )
        SELECT page.id, page.slug, page.title, page.difficulty, page.tags,
               page.manifest -> 'titles' AS titles, page.manifest ->> 'style' AS style,
               counts."acceptedCount", counts."submissionCount", mine."solvedByViewer", mine."attemptedByViewer"
        FROM page
        ${this.statsJoins(viewerId)}
        ORDER BY page.id`,
      this.prisma.$queryRaw<[{ total: number }]>`
        SELECT count(*)::int AS total
        FROM "Problem" p JOIN "ProblemVersion" v ON v.id = p."currentVersionId"
        WHERE ${matches}`,
      this.prisma.$queryRaw<{ tag: string }[]>`
        SELECT DISTINCT unnest(p.tags) AS tag FROM "Problem" p
        WHERE p."currentVersionId" IS NOT NULL AND ${visible}
        ORDER BY tag`,
    ]);
    return { rows, total: totals[0].total, tags: tags.map((row) => row.tag) };
  }

  async stats(problemId: number, viewerId: number | null): Promise<ProblemStats> {
    const [stats] = await this.prisma.$queryRaw<[ProblemStats]>`
      SELECT counts."acceptedCount", counts."submissionCount", mine."solvedByViewer", mine."attemptedByViewer"
      FROM (SELECT ${problemId}::int AS id) page
      ${this.statsJoins(viewerId)}`;
    return stats;
  }

  async findWithCurrentVersion(slug: string): Promise<ProblemWithVersion | null> {
    const problem = await this.prisma.problem.findUnique({
      where: { slug },
      select: {
        id: true,
        slug: true,
        title: true,
        difficulty: true,
        tags: true,
        visibility: true,
        ownerId: true,
        currentVersion: {
          select: {
            id: true,
            number: true,
            manifest: true,
            statements: { select: { locale: true, markdown: true } },
            tests: {
              select: {
                ordinal: true,
                name: true,
                isSample: true,
                inputHash: true,
                expectedOutputHash: true,
                input: { select: { sizeBytes: true } },
              },
              orderBy: { ordinal: 'asc' },
            },
          },
        },
      },
    });
    if (!problem?.currentVersion) return null;
    const { currentVersion, ...fields } = problem;
    return {
      ...fields,
      version: {
        id: currentVersion.id,
        number: currentVersion.number,
        manifest: currentVersion.manifest,
        statements: Object.fromEntries(
          currentVersion.statements.map((statement) => [statement.locale, statement.markdown]),
        ),
        tests: currentVersion.tests.map(({ input, ...test }) => ({ ...test, inputSizeBytes: input.sizeBytes })),
      },
    };
  }

  async findRef(slug: string): Promise<ProblemRef | null> {
    const [problem] = await this.prisma.$queryRaw<ProblemRef[]>`
      SELECT p.id, p.slug, p.title, p.visibility::text AS visibility, p."ownerId", p."currentVersionId",
             v.manifest ->> 'style' AS style
      FROM "Problem" p LEFT JOIN "ProblemVersion" v ON v.id = p."currentVersionId"
      WHERE p.slug = ${slug}`;
    return problem ?? null;
  }

  /** Blob contents by hash, as UTF-8 text (sample tests only: hidden test data never leaves through here). */
  async readTexts(hashes: string[]): Promise<Map<string, string>> {
    const blobs = await this.prisma.blob.findMany({
      where: { hash: { in: hashes } },
      select: { hash: true, bytes: true },
    });
    return new Map(blobs.map((blob) => [blob.hash, Buffer.from(blob.bytes).toString('utf8')]));
  }

  /** The contests that include the problem and that the user is registered for (see ProblemFacts). */
  async contestsOf(problemId: number, userId: number): Promise<ContestWindow[]> {
    const entries = await this.prisma.contestProblem.findMany({
      where: { problemId, contest: { participants: { some: { userId } } } },
      select: { contest: { select: { startsAt: true, endsAt: true } } },
    });
    return entries.map((entry) => entry.contest);
  }

  /** Counts over all submissions, and the viewer's own state, for the rows of `page`. */
  private statsJoins(viewerId: number | null): Prisma.Sql {
    return Prisma.sql`
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS "submissionCount", (count(*) FILTER (WHERE s.verdict = 'AC'))::int AS "acceptedCount"
        FROM "Submission" s WHERE s."problemId" = page.id
      ) counts ON true
      LEFT JOIN LATERAL (
        SELECT bool_or(s.verdict = 'AC') AS "solvedByViewer", count(*) > 0 AS "attemptedByViewer"
        FROM "Submission" s WHERE s."problemId" = page.id AND s."userId" = ${viewerId ?? -1}::int
      ) mine ON true`;
  }
}
