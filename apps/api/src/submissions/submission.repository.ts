import { Inject, Injectable } from '@nestjs/common';
import type { Language, Prisma, PrismaClient, SubmissionStatus, Verdict } from '@oj/db';
import type { TestResult } from '@oj/shared';
import type { ProblemScope, SubmissionScope } from '../access/access-policy.ts';
import { PRISMA } from '../infra/database.module.ts';

/** What a job needs to be enqueued for a submission (see @oj/queue). */
export interface JudgeableSubmission {
  id: number;
  judgeGeneration: number;
  attempts: number;
  contestId: number | null;
}

/** First key of the per-user advisory lock around the pending-submissions cap. */
const PENDING_CAP_LOCK_CLASS = 7_001;

/**
 * What a rejudge writes to a submission: a new judge generation, PENDING again with attempts back to 1,
 * against `versionId` (the problem's current version; null keeps the one it has), its result cleared. Its
 * per-test results are deleted in the same transaction.
 */
export function newJudgeGeneration(versionId: number | null) {
  return {
    judgeGeneration: { increment: 1 },
    attempts: 1,
    status: 'PENDING',
    enqueuedAt: new Date(),
    ...(versionId !== null ? { problemVersionId: versionId } : {}),
    verdict: null,
    score: null,
    maxScore: null,
    timeMs: null,
    memoryKb: null,
    compileMessage: null,
    systemError: null,
    judgedAt: null,
  } satisfies Prisma.SubmissionUncheckedUpdateManyInput;
}

const judgeableFields = { id: true, judgeGeneration: true, attempts: true, contestId: true } as const;

const summaryFields = {
  id: true,
  userId: true,
  contestId: true,
  language: true,
  status: true,
  verdict: true,
  score: true,
  maxScore: true,
  timeMs: true,
  memoryKb: true,
  createdAt: true,
  judgedAt: true,
  user: { select: { id: true, username: true } },
  problem: { select: { id: true, slug: true, title: true, visibility: true, ownerId: true } },
  contest: { select: { startsAt: true, endsAt: true } },
} as const satisfies Prisma.SubmissionSelect;

export type SubmissionSummaryRow = Prisma.SubmissionGetPayload<{ select: typeof summaryFields }>;

export interface SubmissionDetailRow extends SubmissionSummaryRow {
  code: string;
  compileMessage: string | null;
  problemVersionId: number;
  /** In judging order; messages are all there, for the service to withhold. */
  testResults: { ordinal: number; result: TestResult }[];
  /** Ordinals of the judged version's sample tests, and how many tests it has. */
  sampleOrdinals: Set<number>;
  testCount: number;
}

export interface SubmissionListFilter {
  username?: string | undefined;
  userId?: number | undefined;
  problemSlug?: string | undefined;
  verdict?: Verdict | undefined;
  skip: number;
  take: number;
}

export interface ContestEntry {
  contestId: number;
  running: boolean;
  includesProblem: boolean;
  registered: boolean;
}

/** problemInScope (access-policy.ts) as a Prisma filter. */
function problemScopeWhere(scope: ProblemScope & { all: false }): Prisma.ProblemWhereInput {
  const running = { startsAt: { lte: scope.at }, endsAt: { gt: scope.at } };
  return {
    OR: [
      { visibility: 'public' },
      ...(scope.ownerId !== null ? [{ ownerId: scope.ownerId }] : []),
      ...(scope.contestantId !== null
        ? [
            {
              contestEntries: {
                some: { contest: { ...running, participants: { some: { userId: scope.contestantId } } } },
              },
            },
          ]
        : []),
    ],
  };
}

/** submissionInScope (access-policy.ts) as a Prisma filter. */
function submissionScopeWhere(scope: SubmissionScope): Prisma.SubmissionWhereInput {
  if (scope.all) return {};
  const othersVisible: Prisma.SubmissionWhereInput = {
    problem: problemScopeWhere(scope.problems),
    OR: [{ contestId: null }, { contest: { endsAt: { lte: scope.problems.at } } }],
  };
  return { OR: [...(scope.authorId !== null ? [{ userId: scope.authorId }] : []), othersVisible] };
}

@Injectable()
export class SubmissionRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** Stores a new submission as PENDING; the caller enqueues its first job (attempt 1) right after. */
  /**
   * Stores a PENDING submission unless the user already has `maxPending` of their own waiting or being
   * judged (then `null`, nothing stored). A per-user advisory lock held for the transaction makes the count
   * and the insert one step, so concurrent requests cannot both take the last place. Also returns how many
   * of the user's submissions are pending ahead of the new one (its fair-queueing position).
   */
  async createWithinPendingCap(
    data: {
      userId: number;
      problemId: number;
      problemVersionId: number;
      contestId: number | null;
      language: Language;
      code: string;
    },
    maxPending: number,
  ): Promise<(JudgeableSubmission & { pendingAhead: number }) | null> {
    return this.prisma.$transaction(async (transaction) => {
      // The two-key form has a key space of its own, apart from the reconciler's one-key lock.
      await transaction.$executeRaw`SELECT pg_advisory_xact_lock(${PENDING_CAP_LOCK_CLASS}::int, ${data.userId}::int)`;
      const pendingAhead = await transaction.submission.count({
        where: { userId: data.userId, judgeGeneration: 0, status: { in: ['PENDING', 'JUDGING'] } },
      });
      if (pendingAhead >= maxPending) return null;
      const submission = await transaction.submission.create({
        data: { ...data, status: 'PENDING', attempts: 1, enqueuedAt: new Date() },
        select: judgeableFields,
      });
      return { ...submission, pendingAhead };
    });
  }

  async findDetail(id: number): Promise<SubmissionDetailRow | null> {
    const submission = await this.prisma.submission.findUnique({
      where: { id },
      select: {
        ...summaryFields,
        code: true,
        compileMessage: true,
        problemVersionId: true,
        testResults: {
          select: {
            ordinal: true,
            testName: true,
            status: true,
            verdict: true,
            timeMs: true,
            memoryKb: true,
            message: true,
            scoreFraction: true,
          },
          orderBy: { ordinal: 'asc' },
        },
      },
    });
    if (!submission) return null;
    const tests = await this.prisma.problemTest.findMany({
      where: { problemVersionId: submission.problemVersionId },
      select: { ordinal: true, isSample: true },
    });
    return {
      ...submission,
      testResults: submission.testResults.map((row) => ({ ordinal: row.ordinal, result: testResultOf(row) })),
      sampleOrdinals: new Set(tests.filter((test) => test.isSample).map((test) => test.ordinal)),
      testCount: tests.length,
    };
  }

  findStatus(id: number): Promise<{
    status: SubmissionStatus;
    verdict: Verdict | null;
    score: number | null;
    maxScore: number | null;
  } | null> {
    return this.prisma.submission.findUnique({
      where: { id },
      select: { status: true, verdict: true, score: true, maxScore: true },
    });
  }

  async list(
    scope: SubmissionScope,
    filter: SubmissionListFilter,
  ): Promise<{ rows: SubmissionSummaryRow[]; total: number }> {
    const conditions: Prisma.SubmissionWhereInput[] = [submissionScopeWhere(scope)];
    if (filter.userId !== undefined) conditions.push({ userId: filter.userId });
    if (filter.username !== undefined) conditions.push({ user: { username: filter.username } });
    if (filter.problemSlug !== undefined) conditions.push({ problem: { slug: filter.problemSlug } });
    if (filter.verdict !== undefined) conditions.push({ verdict: filter.verdict });
    const where: Prisma.SubmissionWhereInput = { AND: conditions };
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.submission.findMany({
        where,
        select: summaryFields,
        orderBy: { id: 'desc' },
        skip: filter.skip,
        take: filter.take,
      }),
      this.prisma.submission.count({ where }),
    ]);
    return { rows, total };
  }

  /**
   * Starts a new judge generation: PENDING again, against the problem's current version, results cleared,
   * attempts back to 1. A worker still judging the old generation will find its result refused.
   */
  markForRejudge(id: number): Promise<JudgeableSubmission | null> {
    return this.prisma.$transaction(async (tx) => {
      const submission = await tx.submission.findUnique({
        where: { id },
        select: { id: true, problem: { select: { currentVersionId: true } } },
      });
      if (!submission) return null;
      await tx.submissionTestResult.deleteMany({ where: { submissionId: id } });
      return tx.submission.update({
        where: { id },
        data: newJudgeGeneration(submission.problem.currentVersionId),
        select: judgeableFields,
      });
    });
  }

  async findContestEntry(
    contestSlug: string,
    problemId: number,
    userId: number,
    now: Date,
  ): Promise<ContestEntry | null> {
    const contest = await this.prisma.contest.findUnique({
      where: { slug: contestSlug },
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        problems: { where: { problemId }, select: { problemId: true } },
        participants: { where: { userId }, select: { userId: true } },
      },
    });
    if (!contest) return null;
    return {
      contestId: contest.id,
      running: contest.startsAt <= now && now < contest.endsAt,
      includesProblem: contest.problems.length > 0,
      registered: contest.participants.length > 0,
    };
  }

  /** Verdicts and submit-to-judged times of finished submissions, for the metrics. */
  findFinished(
    ids: number[],
  ): Promise<{ id: number; verdict: Verdict | null; createdAt: Date; judgedAt: Date | null }[]> {
    return this.prisma.submission.findMany({
      where: { id: { in: ids }, status: 'FINISHED' },
      select: { id: true, verdict: true, createdAt: true, judgedAt: true },
    });
  }
}

/** A stored per-test row as the shared result shape; a skipped test has no verdict, time or memory. */
function testResultOf(row: {
  testName: string;
  status: 'judged' | 'skipped';
  verdict: Verdict | null;
  timeMs: number;
  memoryKb: number;
  message: string | null;
  scoreFraction: number | null;
}): TestResult {
  if (row.status === 'skipped' || row.verdict === null) {
    return { id: row.testName, status: 'skipped', verdict: null, timeMs: 0, memoryKb: 0 };
  }
  return {
    id: row.testName,
    verdict: row.verdict,
    timeMs: row.timeMs,
    memoryKb: row.memoryKb,
    ...(row.message !== null ? { message: row.message } : {}),
    ...(row.scoreFraction !== null ? { scoreFraction: row.scoreFraction } : {}),
  };
}
