// The access rules on their own, with an explicit clock: no database, no server. The integration side
// (the list queries and the detail routes agreeing with these rules) is in authorization.test.ts.
import { describe, expect, test } from 'vitest';
import {
  hasEnded,
  isRunning,
  mayEditProblem,
  mayManageAuthors,
  mayReadCode,
  mayReadTestMessage,
  maySeeProblem,
  maySeeSubmission,
  problemInScope,
  submissionInScope,
  viewerOf,
  visibleProblems,
  visibleSubmissions,
  type ContestWindow,
  type ProblemFacts,
  type SubmissionFacts,
  type Viewer,
} from '../src/access/access-policy.ts';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const minutes = (count: number): Date => new Date(NOW.getTime() + count * 60_000);

const OWNER = 10;
const LEARNER = 20;
const AUTHOR = 30;

const anonymous: Viewer = { userId: null, staff: false };
const learner: Viewer = { userId: LEARNER, staff: false };
const owner: Viewer = { userId: OWNER, staff: false };
const author: Viewer = { userId: AUTHOR, staff: false };
const staff: Viewer = { userId: 99, staff: true };

const running: ContestWindow = { startsAt: minutes(-60), endsAt: minutes(60) };
const ended: ContestWindow = { startsAt: minutes(-120), endsAt: minutes(-60) };
const upcoming: ContestWindow = { startsAt: minutes(60), endsAt: minutes(120) };

function problem(overrides: Partial<ProblemFacts> = {}): ProblemFacts {
  return { visibility: 'private', ownerId: OWNER, viewerContests: [], ...overrides };
}

function submission(overrides: Partial<SubmissionFacts> = {}): SubmissionFacts {
  return { userId: AUTHOR, problem: problem({ visibility: 'public' }), contest: null, ...overrides };
}

describe('viewerOf', () => {
  test('an anonymous caller is nobody and not staff', () => {
    expect(viewerOf(null)).toEqual({ userId: null, staff: false });
  });

  test.each([
    ['learner', false],
    ['setter', true],
    ['admin', true],
  ] as const)('a %s is staff: %s', (role, isStaff) => {
    expect(viewerOf({ id: 5, username: 'someone', role })).toEqual({ userId: 5, staff: isStaff });
  });
});

describe('contest windows', () => {
  test('a contest runs from its start, included, to its end, excluded', () => {
    const window = { startsAt: NOW, endsAt: minutes(1) };
    expect(isRunning(window, minutes(-1))).toBe(false);
    expect(isRunning(window, NOW)).toBe(true);
    expect(isRunning(window, new Date(minutes(1).getTime() - 1))).toBe(true);
    expect(isRunning(window, minutes(1))).toBe(false);
  });

  test('a contest has ended from its end on, not a millisecond earlier', () => {
    const window = { startsAt: minutes(-1), endsAt: NOW };
    expect(hasEnded(window, new Date(NOW.getTime() - 1))).toBe(false);
    expect(hasEnded(window, NOW)).toBe(true);
    expect(hasEnded(window, minutes(1))).toBe(true);
  });
});

describe('who sees a problem', () => {
  test('a public problem: everyone, signed in or not', () => {
    for (const viewer of [anonymous, learner, owner, staff]) {
      expect(maySeeProblem(viewer, problem({ visibility: 'public' }), NOW)).toBe(true);
    }
  });

  test('a private problem: its owner and staff, not other learners nor anonymous visitors', () => {
    expect(maySeeProblem(owner, problem(), NOW)).toBe(true);
    expect(maySeeProblem(staff, problem(), NOW)).toBe(true);
    expect(maySeeProblem(learner, problem(), NOW)).toBe(false);
    expect(maySeeProblem(anonymous, problem(), NOW)).toBe(false);
  });

  test('a private problem without an owner is not seen by a signed-out visitor as its "owner"', () => {
    expect(maySeeProblem(anonymous, problem({ ownerId: null }), NOW)).toBe(false);
    expect(maySeeProblem(learner, problem({ ownerId: null }), NOW)).toBe(false);
  });

  test('a private problem: a contestant while the contest runs, and not before it starts nor after it ends', () => {
    expect(maySeeProblem(learner, problem({ viewerContests: [running] }), NOW)).toBe(true);
    expect(maySeeProblem(learner, problem({ viewerContests: [upcoming] }), NOW)).toBe(false);
    expect(maySeeProblem(learner, problem({ viewerContests: [ended] }), NOW)).toBe(false);
    expect(maySeeProblem(learner, problem({ viewerContests: [ended, upcoming, running] }), NOW)).toBe(true);
  });

  test('the same contest seen at its start and at its end', () => {
    const contest = problem({ viewerContests: [running] });
    expect(maySeeProblem(learner, contest, running.startsAt)).toBe(true);
    expect(maySeeProblem(learner, contest, running.endsAt)).toBe(false);
  });

  test('contests never open a problem to a signed-out visitor', () => {
    expect(maySeeProblem(anonymous, problem({ viewerContests: [running] }), NOW)).toBe(false);
  });
});

describe('the problem scope a list query uses', () => {
  test('staff: every problem', () => {
    expect(visibleProblems(staff, NOW)).toEqual({ all: true });
  });

  test('others: public ones, their own, and their running contests, at the given moment', () => {
    expect(visibleProblems(learner, NOW)).toEqual({ all: false, ownerId: LEARNER, contestantId: LEARNER, at: NOW });
    expect(visibleProblems(anonymous, NOW)).toEqual({ all: false, ownerId: null, contestantId: null, at: NOW });
  });

  test('agrees with the detail rule for every viewer and problem', () => {
    const problems = [
      problem({ visibility: 'public' }),
      problem(),
      problem({ ownerId: null }),
      problem({ viewerContests: [running] }),
      problem({ viewerContests: [ended] }),
    ];
    for (const viewer of [anonymous, learner, owner, staff]) {
      for (const facts of problems) {
        expect(problemInScope(visibleProblems(viewer, NOW), facts)).toBe(maySeeProblem(viewer, facts, NOW));
      }
    }
  });
});

describe('who sees a submission', () => {
  test('its author and staff: always, even on a private problem during a running contest', () => {
    const hidden = submission({ problem: problem(), contest: running });
    expect(maySeeSubmission(author, hidden, NOW)).toBe(true);
    expect(maySeeSubmission(staff, hidden, NOW)).toBe(true);
  });

  test('others: on a problem they may see, outside contests', () => {
    expect(maySeeSubmission(learner, submission(), NOW)).toBe(true);
    expect(maySeeSubmission(anonymous, submission(), NOW)).toBe(true);
  });

  test('others: not on a problem they may not see', () => {
    expect(maySeeSubmission(learner, submission({ problem: problem() }), NOW)).toBe(false);
    expect(maySeeSubmission(owner, submission({ problem: problem() }), NOW)).toBe(true);
  });

  test('others: not while its contest runs, and from its end on', () => {
    expect(maySeeSubmission(learner, submission({ contest: running }), NOW)).toBe(false);
    expect(maySeeSubmission(learner, submission({ contest: upcoming }), NOW)).toBe(false);
    expect(maySeeSubmission(learner, submission({ contest: ended }), NOW)).toBe(true);
    expect(maySeeSubmission(learner, submission({ contest: running }), running.endsAt)).toBe(true);
    expect(maySeeSubmission(learner, submission({ contest: running }), new Date(running.endsAt.getTime() - 1))).toBe(
      false,
    );
  });

  test("a contestant sees others' earlier submissions on a private problem of their running contest", () => {
    const earlier = submission({ problem: problem({ viewerContests: [running] }), contest: ended });
    expect(maySeeSubmission(learner, earlier, NOW)).toBe(true);
    expect(maySeeSubmission(learner, { ...earlier, contest: running }, NOW)).toBe(false);
  });

  test('a signed-out visitor is never taken for an author', () => {
    const hidden = submission({ problem: problem({ ownerId: null }) });
    expect(maySeeSubmission(anonymous, hidden, NOW)).toBe(false);
  });
});

describe('the submission scope a list query uses', () => {
  test('staff: every submission', () => {
    expect(visibleSubmissions(staff, NOW)).toEqual({ all: true });
  });

  test('others: their own, and the problem scope for the rest', () => {
    expect(visibleSubmissions(learner, NOW)).toEqual({
      all: false,
      authorId: LEARNER,
      problems: { all: false, ownerId: LEARNER, contestantId: LEARNER, at: NOW },
    });
    expect(visibleSubmissions(anonymous, NOW)).toMatchObject({ all: false, authorId: null });
  });

  test('agrees with the detail rule for every viewer and submission', () => {
    const submissions = [
      submission(),
      submission({ problem: problem() }),
      submission({ contest: running }),
      submission({ contest: ended }),
      submission({ problem: problem({ viewerContests: [running] }), contest: ended }),
      submission({ userId: LEARNER, problem: problem(), contest: running }),
    ];
    for (const viewer of [anonymous, learner, owner, author, staff]) {
      for (const facts of submissions) {
        expect(submissionInScope(visibleSubmissions(viewer, NOW), facts)).toBe(maySeeSubmission(viewer, facts, NOW));
      }
    }
  });
});

describe('code and test messages', () => {
  test("code: the author and staff, nobody else, whoever may see the submission's verdict", () => {
    expect(mayReadCode(author, { userId: AUTHOR })).toBe(true);
    expect(mayReadCode(staff, { userId: AUTHOR })).toBe(true);
    expect(mayReadCode(learner, { userId: AUTHOR })).toBe(false);
    expect(mayReadCode(owner, { userId: AUTHOR })).toBe(false);
    expect(mayReadCode(anonymous, { userId: AUTHOR })).toBe(false);
  });

  test('messages: of sample tests to anyone who sees the submission, of hidden tests to staff only', () => {
    expect(mayReadTestMessage(anonymous, { sample: true })).toBe(true);
    expect(mayReadTestMessage(author, { sample: true })).toBe(true);
    expect(mayReadTestMessage(author, { sample: false })).toBe(false);
    expect(mayReadTestMessage(owner, { sample: false })).toBe(false);
    expect(mayReadTestMessage(staff, { sample: false })).toBe(true);
  });
});

describe('who may change a problem', () => {
  const as = (id: number, role: 'learner' | 'setter' | 'admin') => ({ id, username: `user${id}`, role });
  const owned = { ownerId: OWNER, authorIds: [AUTHOR] };
  const builtIn = { ownerId: null, authorIds: [] };

  test('the owner and co-authors who are setters edit; only the owner (and admins) choose co-authors', () => {
    expect(mayEditProblem(as(OWNER, 'setter'), owned)).toBe(true);
    expect(mayEditProblem(as(AUTHOR, 'setter'), owned)).toBe(true);
    expect(mayManageAuthors(as(OWNER, 'setter'), owned)).toBe(true);
    expect(mayManageAuthors(as(AUTHOR, 'setter'), owned)).toBe(false);
  });

  test('another setter, a learner, and an owner or author demoted to learner may not', () => {
    expect(mayEditProblem(as(LEARNER, 'setter'), owned)).toBe(false);
    expect(mayEditProblem(as(LEARNER, 'learner'), owned)).toBe(false);
    expect(mayEditProblem(as(OWNER, 'learner'), owned)).toBe(false);
    expect(mayEditProblem(as(AUTHOR, 'learner'), owned)).toBe(false);
    expect(mayManageAuthors(as(OWNER, 'learner'), owned)).toBe(false);
    expect(mayManageAuthors(as(LEARNER, 'setter'), owned)).toBe(false);
  });

  test('admins may do everything, built-in problems included; setters may not touch built-ins', () => {
    expect(mayEditProblem(as(1, 'admin'), owned)).toBe(true);
    expect(mayManageAuthors(as(1, 'admin'), owned)).toBe(true);
    expect(mayEditProblem(as(1, 'admin'), builtIn)).toBe(true);
    expect(mayEditProblem(as(OWNER, 'setter'), builtIn)).toBe(false);
    expect(mayManageAuthors(as(OWNER, 'setter'), builtIn)).toBe(false);
  });
});
