import { Inject, Injectable, Logger } from '@nestjs/common';
import type {
  CreateSubmissionRequest,
  SubmissionDetail,
  SubmissionListQuery,
  SubmissionListResponse,
  SubmissionSummary,
  SubmissionTest,
} from '@oj/shared';
import {
  mayReadCode,
  mayReadTestMessage,
  maySeeSubmission,
  viewerOf,
  visibleSubmissions,
} from '../access/access-policy.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { DomainError, notFound } from '../common/errors.ts';
import { ProgressHub } from '../infra/progress-hub.ts';
import { RateLimiter } from '../infra/rate-limiter.ts';
import { ProblemsService } from '../problems/problems.service.ts';
import { JudgeEnqueuer } from './judge-enqueuer.ts';
import { SubmissionRepository, type SubmissionDetailRow, type SubmissionSummaryRow } from './submission.repository.ts';

function toSummary(row: SubmissionSummaryRow): SubmissionSummary {
  return {
    id: row.id,
    problem: { slug: row.problem.slug, title: row.problem.title },
    user: { id: row.user.id, username: row.user.username },
    language: row.language,
    status: row.status,
    verdict: row.verdict,
    score: row.score,
    maxScore: row.maxScore,
    timeMs: row.timeMs,
    memoryKb: row.memoryKb,
    createdAt: row.createdAt.toISOString(),
    judgedAt: row.judgedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class SubmissionsService {
  private readonly logger = new Logger(SubmissionsService.name);

  constructor(
    @Inject(SubmissionRepository) private readonly submissions: SubmissionRepository,
    @Inject(ProblemsService) private readonly problems: ProblemsService,
    @Inject(JudgeEnqueuer) private readonly enqueuer: JudgeEnqueuer,
    @Inject(RateLimiter) private readonly rateLimiter: RateLimiter,
    @Inject(ProgressHub) private readonly progress: ProgressHub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthUser, request: CreateSubmissionRequest): Promise<{ id: number }> {
    const problem = await this.problems.findAccessible(user, request.problem);
    const contestId = request.contest === undefined ? null : await this.contestFor(request.contest, problem.id, user);
    await this.rateLimiter.hit(
      { key: `submit:${user.id}`, limit: this.config.rateLimits.submissionsPerMinute, windowSeconds: 60 },
      { failOpen: true },
    );
    const maxPending = this.config.rateLimits.maxPendingSubmissions;
    const submission = await this.submissions.createWithinPendingCap(
      {
        userId: user.id,
        problemId: problem.id,
        problemVersionId: problem.currentVersionId,
        contestId,
        language: request.language,
        code: request.code,
      },
      maxPending,
    );
    if (!submission) {
      throw new DomainError(
        'RATE_LIMITED',
        `you have ${maxPending} submissions waiting to be judged; wait for one of them to finish`,
        { headers: { 'Retry-After': '5' } },
      );
    }
    await this.enqueuer.enqueue(submission);
    return { id: submission.id };
  }

  async get(viewer: AuthUser | null, id: number): Promise<SubmissionDetail> {
    const row = await this.findVisible(viewer, id);
    const reader = viewerOf(viewer);
    const codeVisible = mayReadCode(reader, row);
    return {
      ...toSummary(row),
      code: codeVisible ? row.code : null,
      compileMessage: codeVisible ? row.compileMessage : null,
      tests: row.testResults.map(({ ordinal, result }): SubmissionTest => {
        const sample = row.sampleOrdinals.has(ordinal);
        const { message, ...rest } = result;
        const mayReadMessage = mayReadTestMessage(reader, { sample });
        return {
          ...rest,
          ordinal,
          sample,
          ...(message !== undefined && mayReadMessage ? { message } : {}),
        } as SubmissionTest;
      }),
      testCount: row.testCount,
    };
  }

  /** The submission if the viewer may see it; NOT_FOUND otherwise, as if it did not exist. */
  async findVisible(viewer: AuthUser | null, id: number): Promise<SubmissionDetailRow> {
    const row = await this.submissions.findDetail(id);
    if (!row) throw notFound('submission');
    const reader = viewerOf(viewer);
    const facts = {
      userId: row.userId,
      problem: { ...row.problem, viewerContests: await this.problems.contestsOf(row.problem, reader) },
      contest: row.contest,
    };
    if (!maySeeSubmission(reader, facts, new Date())) throw notFound('submission');
    return row;
  }

  async list(viewer: AuthUser | null, query: SubmissionListQuery): Promise<SubmissionListResponse> {
    if (query.mine === 'true' && !viewer) throw new DomainError('UNAUTHENTICATED', 'sign in to see your submissions');
    const { rows, total } = await this.submissions.list(visibleSubmissions(viewerOf(viewer), new Date()), {
      userId: query.mine === 'true' ? viewer?.id : undefined,
      username: query.user?.toLowerCase(),
      problemSlug: query.problem,
      verdict: query.verdict,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
  }

  async rejudge(staff: AuthUser, id: number): Promise<{ id: number }> {
    const submission = await this.submissions.markForRejudge(id);
    if (!submission) throw notFound('submission');
    this.logger.log({ submissionId: id, generation: submission.judgeGeneration, by: staff.id }, 'rejudge');
    // Live viewers must not be replayed the replaced judging's events.
    await this.progress
      .forget(id)
      .catch((error: unknown) => this.logger.warn({ err: error, submissionId: id }, 'could not clear old progress'));
    // Rejudges share one priority below every learner's submission; no backlog position applies.
    await this.enqueuer.enqueue({ ...submission, pendingAhead: 0 });
    return { id: submission.id };
  }

  private async contestFor(contestSlug: string, problemId: number, user: AuthUser): Promise<number> {
    const entry = await this.submissions.findContestEntry(contestSlug, problemId, user.id, new Date());
    if (!entry) throw notFound('contest');
    if (!entry.includesProblem) {
      throw new DomainError('VALIDATION_FAILED', 'the problem is not part of this contest', {
        fields: { contest: 'does not include the problem' },
      });
    }
    if (!entry.registered) throw new DomainError('FORBIDDEN', 'register for the contest first');
    if (!entry.running) throw new DomainError('FORBIDDEN', 'the contest is not running');
    return entry.contestId;
  }
}
