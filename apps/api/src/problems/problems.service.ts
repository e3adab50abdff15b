import { Inject, Injectable } from '@nestjs/common';
import {
  problemManifestSchema,
  starterCode,
  type ProblemDetail,
  type ProblemListQuery,
  type ProblemListResponse,
  type ProblemManifest,
  type ProblemSummary,
} from '@oj/shared';
import { maySeeProblem, viewerOf, visibleProblems, type ContestWindow, type Viewer } from '../access/access-policy.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { notFound } from '../common/errors.ts';
import { ProblemRepository, type ProblemRef, type ProblemStats } from './problem.repository.ts';

function solvedState(stats: ProblemStats): ProblemSummary['solved'] {
  if (stats.solvedByViewer) return 'solved';
  return stats.attemptedByViewer ? 'attempted' : null;
}

@Injectable()
export class ProblemsService {
  constructor(@Inject(ProblemRepository) private readonly problems: ProblemRepository) {}

  async list(user: AuthUser | null, query: ProblemListQuery): Promise<ProblemListResponse> {
    const scope = visibleProblems(viewerOf(user), new Date());
    const { rows, total, tags } = await this.problems.list(scope, user?.id ?? null, {
      search: query.search || undefined,
      tag: query.tag || undefined,
      difficulty: query.difficulty,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const items = rows.map((row): ProblemSummary => ({
      slug: row.slug,
      title: row.title,
      titles: row.titles ?? {},
      difficulty: row.difficulty,
      tags: row.tags,
      style: row.style === 'function' ? 'function' : 'stdio',
      solved: solvedState(row),
      acceptedCount: row.acceptedCount,
      submissionCount: row.submissionCount,
    }));
    return { items, total, page: query.page, pageSize: query.pageSize, tags };
  }

  async detail(user: AuthUser | null, slug: string): Promise<ProblemDetail> {
    const problem = await this.problems.findWithCurrentVersion(slug);
    if (!problem || !(await this.canSee(problem, user))) throw notFound('problem');
    const manifest: ProblemManifest = problemManifestSchema.parse(problem.version.manifest);
    const tests = problem.version.tests;
    const sampleTests = tests.filter((test) => test.isSample);
    const texts = await this.problems.readTexts(
      sampleTests.flatMap((test) => [test.inputHash, test.expectedOutputHash]),
    );
    const stats = await this.problems.stats(problem.id, user?.id ?? null);
    const signature = manifest.function ?? null;
    return {
      slug: problem.slug,
      title: problem.title,
      titles: manifest.titles,
      difficulty: problem.difficulty,
      tags: problem.tags,
      style: manifest.style,
      solved: solvedState(stats),
      acceptedCount: stats.acceptedCount,
      submissionCount: stats.submissionCount,
      version: problem.version.number,
      statements: problem.version.statements,
      limits: manifest.limits,
      checker: manifest.checker.type,
      function: signature,
      samples: sampleTests.map((test) => ({
        id: test.name,
        input: texts.get(test.inputHash) ?? '',
        expected: texts.get(test.expectedOutputHash) ?? '',
      })),
      starterCode: {
        javascript: starterCode(manifest.style, 'javascript', signature ?? undefined),
        typescript: starterCode(manifest.style, 'typescript', signature ?? undefined),
      },
      testCount: tests.length,
      performanceTests: tests
        .filter((test) => !test.isSample)
        .sort((a, b) => a.inputSizeBytes - b.inputSizeBytes || a.ordinal - b.ordinal)
        .map((test) => test.name),
    };
  }

  /**
   * The problem a caller submits to or runs code on, if they may see it; otherwise NOT_FOUND, the same
   * answer as for a problem that does not exist, so private problems stay unseen.
   */
  async findAccessible(user: AuthUser | null, slug: string): Promise<ProblemRef & { currentVersionId: number }> {
    const problem = await this.problems.findRef(slug);
    if (!problem || problem.currentVersionId === null || !(await this.canSee(problem, user))) throw notFound('problem');
    return { ...problem, currentVersionId: problem.currentVersionId };
  }

  /** Whether the user may see the problem, by the rule of access-policy.ts. */
  async canSee(problem: Pick<ProblemRef, 'id' | 'visibility' | 'ownerId'>, user: AuthUser | null): Promise<boolean> {
    const viewer = viewerOf(user);
    return maySeeProblem(viewer, { ...problem, viewerContests: await this.contestsOf(problem, viewer) }, new Date());
  }

  /** The viewer's contests that include the problem (ProblemFacts.viewerContests). */
  async contestsOf(problem: Pick<ProblemRef, 'id' | 'visibility'>, viewer: Viewer): Promise<ContestWindow[]> {
    // Only a private problem seen by a signed-in learner needs them: one query saved everywhere else.
    if (problem.visibility === 'public' || viewer.staff || viewer.userId === null) return [];
    return this.problems.contestsOf(problem.id, viewer.userId);
  }
}
