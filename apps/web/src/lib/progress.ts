// Folds the live progress events of a submission (SSE) into what the page shows. Pure, so it is unit tested.
import type { ProgressEvent, SubmissionDetail, SubmissionStatus, TestResult, Verdict } from '@oj/shared';

export type LiveTest = TestResult & {
  ordinal: number;
  sample?: boolean;
};

export interface LiveSubmission {
  id: number;
  status: SubmissionStatus;
  /** Number of tests, once known. */
  total: number | null;
  /** Tests judged so far, by judging order. */
  tests: LiveTest[];
  verdict: Verdict | null;
  score: number | null;
  maxScore: number | null;
  compileMessage: string | null;
}

export function initialLive(id: number): LiveSubmission {
  return {
    id,
    status: 'PENDING',
    total: null,
    tests: [],
    verdict: null,
    score: null,
    maxScore: null,
    compileMessage: null,
  };
}

function upsert(tests: LiveTest[], test: LiveTest): LiveTest[] {
  const next = tests.filter((existing) => existing.ordinal !== test.ordinal);
  next.push(test);
  return next.sort((a, b) => a.ordinal - b.ordinal);
}

export function applyProgress(state: LiveSubmission, event: ProgressEvent): LiveSubmission {
  if (event.submissionId !== state.id || state.status === 'FINISHED') return state;
  switch (event.type) {
    case 'judging':
      return { ...state, status: 'JUDGING', total: event.total };
    case 'test':
      return {
        ...state,
        status: 'JUDGING',
        total: event.total,
        tests: upsert(state.tests, {
          ...event.test,
          ordinal: event.ordinal,
          sample: state.tests.find((t) => t.ordinal === event.ordinal)?.sample,
        }),
      };
    case 'final':
      return { ...state, status: 'FINISHED', verdict: event.verdict, score: event.score, maxScore: event.maxScore };
  }
}

/** Takes what the API stored; it wins over live events (it has messages and the sample flags). */
export function applyDetail(state: LiveSubmission, detail: SubmissionDetail): LiveSubmission {
  if (detail.id !== state.id) return state;
  // A snapshot taken before some live events must not hide them.
  if (detail.status !== 'FINISHED' && detail.tests.length < state.tests.length) {
    return { ...state, total: state.total ?? detail.testCount };
  }
  return {
    id: detail.id,
    status: detail.status,
    total: detail.testCount,
    tests: [...detail.tests].sort((a, b) => a.ordinal - b.ordinal),
    verdict: detail.verdict,
    score: detail.score,
    maxScore: detail.maxScore,
    compileMessage: detail.compileMessage,
  };
}

/** 0..1 for a progress bar. */
export function progressFraction(state: LiveSubmission): number {
  if (state.status === 'FINISHED') return 1;
  if (!state.total) return 0;
  return Math.min(1, state.tests.length / state.total);
}
