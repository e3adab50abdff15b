import type { Language, Prisma, PrismaClient, SubmissionStatus } from '@oj/db';
import type { JudgeResult } from '@oj/shared';

export interface SubmissionToJudge {
  id: number;
  status: SubmissionStatus;
  judgeGeneration: number;
  problemVersionId: number;
  language: Language;
  code: string;
}

/** A PENDING or JUDGING submission whose job was enqueued before the reconciler's deadline. */
export interface OverdueSubmission {
  id: number;
  judgeGeneration: number;
  attempts: number;
  contestId: number | null;
}

/** PostgreSQL rejects NUL in text; learner output can contain it, and it must never fail a write. */
function storableText(text: string, maxLength = 4000): string {
  const clean = text.replaceAll('\0', '\\0');
  return clean.length > maxLength ? `${clean.slice(0, maxLength)}…` : clean;
}

function optionalStorableText(text: string | undefined): string | null {
  return text === undefined ? null : storableText(text);
}

/** Only a submission that is not final and is still at the judged generation may take a result. */
function writableWhere(submissionId: number, generation: number): Prisma.SubmissionWhereInput {
  return { id: submissionId, judgeGeneration: generation, status: { not: 'FINISHED' } };
}

/** Every read and write of submissions the judge makes. */
export class SubmissionRepository {
  private readonly client: PrismaClient;
  /** The client, or the transaction this repository works in (see withTransactionLock). */
  private readonly prisma: Prisma.TransactionClient;
  private readonly insideTransaction: boolean;

  constructor(client: PrismaClient, transaction?: Prisma.TransactionClient) {
    this.client = client;
    this.prisma = transaction ?? client;
    this.insideTransaction = transaction !== undefined;
  }

  findToJudge(submissionId: number): Promise<SubmissionToJudge | null> {
    return this.prisma.submission.findUnique({
      where: { id: submissionId },
      select: { id: true, status: true, judgeGeneration: true, problemVersionId: true, language: true, code: true },
    });
  }

  /**
   * Marks the submission as taken by a worker and returns what judging needs, in one statement; null when it
   * does not exist, is final or is at another generation.
   */
  async takeForJudging(submissionId: number, generation: number): Promise<SubmissionToJudge | null> {
    const [taken] = await this.prisma.submission.updateManyAndReturn({
      where: writableWhere(submissionId, generation),
      data: { status: 'JUDGING' },
      select: { id: true, status: true, judgeGeneration: true, problemVersionId: true, language: true, code: true },
    });
    return taken ?? null;
  }

  /**
   * Stores the final result and the per-test results in one transaction, unless the submission became
   * final meanwhile or was rejudged (the conditional update locks the row, so of two concurrent writers
   * exactly one succeeds). Returns whether this result was stored.
   */
  async saveResult(
    submissionId: number,
    generation: number,
    testIds: readonly string[],
    result: JudgeResult,
  ): Promise<boolean> {
    const ordinalOf = new Map(testIds.map((id, ordinal) => [id, ordinal]));
    const systemError =
      result.verdict === 'SE'
        ? storableText(
            result.tests.find((test) => test.verdict === 'SE')?.message ?? 'the judge reported a system error',
          )
        : null;
    return this.inTransaction(async (transaction) => {
      const { count } = await transaction.submission.updateMany({
        where: writableWhere(submissionId, generation),
        data: {
          status: 'FINISHED',
          verdict: result.verdict,
          score: result.score,
          maxScore: result.maxScore,
          timeMs: result.timeMs,
          memoryKb: result.memoryKb,
          compileMessage: optionalStorableText(result.compileMessage),
          systemError,
          judgedAt: new Date(),
        },
      });
      if (count === 0) return false;
      await transaction.submissionTestResult.deleteMany({ where: { submissionId } });
      await transaction.submissionTestResult.createMany({
        data: result.tests.map((test) => ({
          submissionId,
          ordinal: ordinalOf.get(test.id) ?? -1,
          testName: test.id,
          status: test.status ?? 'judged',
          verdict: test.verdict,
          timeMs: test.timeMs,
          memoryKb: test.memoryKb,
          message: optionalStorableText(test.message),
          scoreFraction: test.scoreFraction ?? null,
        })),
      });
      return true;
    });
  }

  /**
   * Ends the submission as SE with the reason, unless it is already final or was rejudged. Returns the
   * maximum score it was out of, or null when it was not changed.
   */
  async finishWithSystemError(
    submissionId: number,
    generation: number,
    reason: string,
  ): Promise<{ maxScore: number } | null> {
    return this.inTransaction(async (transaction) => {
      const maxScore = await this.maxScoreOf(transaction, submissionId);
      const { count } = await transaction.submission.updateMany({
        where: writableWhere(submissionId, generation),
        data: {
          status: 'FINISHED',
          verdict: 'SE',
          score: 0,
          maxScore,
          timeMs: 0,
          memoryKb: 0,
          systemError: storableText(reason),
          judgedAt: new Date(),
        },
      });
      if (count === 0) return null;
      await transaction.submissionTestResult.deleteMany({ where: { submissionId } });
      return { maxScore };
    });
  }

  /** Oldest first, so a long backlog is worked through in order. */
  findOverdue(enqueuedBefore: Date, limit: number): Promise<OverdueSubmission[]> {
    return this.prisma.submission.findMany({
      where: { status: { in: ['PENDING', 'JUDGING'] }, enqueuedAt: { lt: enqueuedBefore } },
      orderBy: { enqueuedAt: 'asc' },
      take: limit,
      select: { id: true, judgeGeneration: true, attempts: true, contestId: true },
    });
  }

  /** Records that the submission's job was enqueued again (or found still queued) now. */
  async recordEnqueued(submissionId: number, generation: number, attempts: number): Promise<boolean> {
    const { count } = await this.prisma.submission.updateMany({
      where: writableWhere(submissionId, generation),
      data: { attempts, enqueuedAt: new Date() },
    });
    return count === 1;
  }

  /**
   * How many of the same user's own submissions (generation 0) are pending ahead of this one: its place in
   * the user's backlog, for fair queueing (see judgePriorityNumber in @oj/queue).
   */
  async countPendingAhead(submissionId: number): Promise<number> {
    const submission = await this.prisma.submission.findUnique({
      where: { id: submissionId },
      select: { userId: true },
    });
    if (!submission) return 0;
    return this.prisma.submission.count({
      where: {
        userId: submission.userId,
        id: { lt: submissionId },
        judgeGeneration: 0,
        status: { in: ['PENDING', 'JUDGING'] },
      },
    });
  }

  /**
   * Runs `work` in a transaction holding a PostgreSQL advisory lock, or returns undefined at once when
   * another session holds it. The lock ends with the transaction, so a crashed holder never keeps it.
   */
  async withTransactionLock<T>(
    lockKey: number,
    timeoutMs: number,
    work: (locked: SubmissionRepository) => Promise<T>,
  ): Promise<T | undefined> {
    if (this.insideTransaction) throw new Error('withTransactionLock cannot run inside a transaction');
    return this.client.$transaction(
      async (transaction) => {
        const [row] = await transaction.$queryRaw<
          { locked: boolean }[]
        >`SELECT pg_try_advisory_xact_lock(${lockKey}::bigint) AS locked`;
        if (!row?.locked) return undefined;
        return work(new SubmissionRepository(this.client, transaction));
      },
      { timeout: timeoutMs, maxWait: timeoutMs },
    );
  }

  private async maxScoreOf(transaction: Prisma.TransactionClient, submissionId: number): Promise<number> {
    const row = await transaction.submission.findUnique({
      where: { id: submissionId },
      select: { problemVersion: { select: { manifest: true } } },
    });
    const subtasks = (row?.problemVersion.manifest as { subtasks?: { score?: unknown }[] } | undefined)?.subtasks;
    if (!Array.isArray(subtasks)) return 0;
    return subtasks.reduce((sum, subtask) => sum + (typeof subtask.score === 'number' ? subtask.score : 0), 0);
  }

  private inTransaction<T>(work: (transaction: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    if (this.insideTransaction) return work(this.prisma);
    return this.client.$transaction(work);
  }
}
