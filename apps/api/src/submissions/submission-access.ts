import { isStaff, type AuthUser } from '../auth/auth-user.ts';

/** The facts about a submission that decide who may see what of it. */
export interface SubmissionFacts {
  userId: number;
  problem: { id: number; visibility: 'public' | 'private'; ownerId: number | null };
  contest: { endsAt: Date } | null;
}

export function isOwnerOrStaff(submission: SubmissionFacts, viewer: AuthUser | null): boolean {
  return isStaff(viewer) || (viewer !== null && viewer.id === submission.userId);
}

/**
 * Whether a viewer may see a submission at all (its verdict and per-test results), given whether they may
 * see its problem: its owner and staff always; others when they may see the problem and the submission is
 * not part of a contest still running (results of a running contest are its contestants' own business).
 */
export function maySeeSubmission(
  submission: SubmissionFacts,
  viewer: AuthUser | null,
  maySeeProblem: boolean,
  now: Date,
): boolean {
  if (isOwnerOrStaff(submission, viewer)) return true;
  if (!maySeeProblem) return false;
  return submission.contest === null || submission.contest.endsAt <= now;
}

/** Messages of hidden tests (a WA diff, an exception's text) would leak hidden test data: staff only. */
export function mayReadHiddenTestMessages(viewer: AuthUser | null): boolean {
  return isStaff(viewer);
}
