import type { ProblemVisibility } from '@oj/shared';
import { hasRole, isStaff, type AuthUser } from '../auth/auth-user.ts';

/**
 * Who may see which problem, submission, code and test message: the one home of these rules. The list
 * queries take a scope from here (visibleProblems, visibleSubmissions) and the repositories turn it into
 * SQL; the detail checks ask the same scope about one row (problemInScope, submissionInScope), so a list
 * and a detail page cannot disagree. Everything here is pure: the clock comes in as `now`.
 */

/** The caller as these rules see them. */
export interface Viewer {
  userId: number | null;
  staff: boolean;
}

export function viewerOf(user: AuthUser | null): Viewer {
  return { userId: user?.id ?? null, staff: isStaff(user) };
}

/** When a contest runs: from startsAt (included) to endsAt (excluded). */
export interface ContestWindow {
  startsAt: Date;
  endsAt: Date;
}

export function isRunning(contest: ContestWindow, now: Date): boolean {
  return contest.startsAt <= now && now < contest.endsAt;
}

export function hasEnded(contest: ContestWindow, now: Date): boolean {
  return contest.endsAt <= now;
}

/** The facts of a problem that decide who sees it. */
export interface ProblemFacts {
  visibility: ProblemVisibility;
  ownerId: number | null;
  /** The contests that include the problem and that the viewer is registered for. */
  viewerContests: readonly ContestWindow[];
}

/**
 * Which problems a viewer sees: all of them (staff), or the public ones, those `ownerId` owns, and those in
 * a contest running at `at` that `contestantId` is registered for.
 */
export type ProblemScope =
  { all: true } | { all: false; ownerId: number | null; contestantId: number | null; at: Date };

export function visibleProblems(viewer: Viewer, now: Date): ProblemScope {
  if (viewer.staff) return { all: true };
  return { all: false, ownerId: viewer.userId, contestantId: viewer.userId, at: now };
}

export function problemInScope(scope: ProblemScope, problem: ProblemFacts): boolean {
  if (scope.all || problem.visibility === 'public') return true;
  if (scope.ownerId !== null && problem.ownerId === scope.ownerId) return true;
  return scope.contestantId !== null && problem.viewerContests.some((contest) => isRunning(contest, scope.at));
}

export function maySeeProblem(viewer: Viewer, problem: ProblemFacts, now: Date): boolean {
  return problemInScope(visibleProblems(viewer, now), problem);
}

/** The facts of a submission that decide who may see what of it. */
export interface SubmissionFacts {
  userId: number;
  problem: ProblemFacts;
  /** The contest it was made in; null outside contests. */
  contest: ContestWindow | null;
}

/**
 * Which submissions a viewer sees: all of them (staff), or their own (`authorId`) and, of others', those on
 * a problem in `problems` made outside contests or in a contest ended by `problems.at` (the results of a
 * running contest are its contestants' own business).
 */
export type SubmissionScope =
  { all: true } | { all: false; authorId: number | null; problems: ProblemScope & { all: false } };

export function visibleSubmissions(viewer: Viewer, now: Date): SubmissionScope {
  const problems = visibleProblems(viewer, now);
  if (problems.all) return { all: true };
  return { all: false, authorId: viewer.userId, problems };
}

export function submissionInScope(scope: SubmissionScope, submission: SubmissionFacts): boolean {
  if (scope.all) return true;
  if (scope.authorId !== null && submission.userId === scope.authorId) return true;
  if (!problemInScope(scope.problems, submission.problem)) return false;
  return submission.contest === null || hasEnded(submission.contest, scope.problems.at);
}

export function maySeeSubmission(viewer: Viewer, submission: SubmissionFacts, now: Date): boolean {
  return submissionInScope(visibleSubmissions(viewer, now), submission);
}

/** A submission's code and compiler message (which quotes the code): its author and staff. */
export function mayReadCode(viewer: Viewer, submission: Pick<SubmissionFacts, 'userId'>): boolean {
  return viewer.staff || (viewer.userId !== null && viewer.userId === submission.userId);
}

/** Messages of hidden tests (a WA diff, an exception's text) would leak hidden test data: staff only. */
export function mayReadTestMessage(viewer: Viewer, test: { sample: boolean }): boolean {
  return test.sample || viewer.staff;
}

/** The facts of a problem that decide who may change it. */
export interface ProblemAuthorship {
  /** Null for built-in problems: only admins change those. */
  ownerId: number | null;
  /** Co-authors added by the owner. */
  authorIds: readonly number[];
}

/** Saving versions, publishing, rejudging: the owner, a co-author who is (still) a setter, or an admin. */
export function mayEditProblem(user: AuthUser, problem: ProblemAuthorship): boolean {
  if (hasRole(user, 'admin')) return true;
  if (!hasRole(user, 'setter')) return false;
  return problem.ownerId === user.id || problem.authorIds.includes(user.id);
}

/** Choosing the co-authors: the owner or an admin. */
export function mayManageAuthors(user: AuthUser, problem: ProblemAuthorship): boolean {
  return hasRole(user, 'admin') || (hasRole(user, 'setter') && problem.ownerId === user.id);
}
