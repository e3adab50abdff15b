import type { SubmissionDetail, SubmissionSummary } from '@oj/shared';
import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, pickStatement, pickTitle } from '@/i18n/locales';
import { compilerLines, firstDifference } from '@/lib/diff';
import { draftKey, loadDraft, loadLanguage, saveDraft, saveLanguage, type DraftStorage } from '@/lib/drafts';
import { formatMemory, formatTime } from '@/lib/format';
import { applyDetail, applyProgress, initialLive, progressFraction } from '@/lib/progress';
import { AFTER_SIGN_IN, safeNext } from '@/lib/safe-next';
import { chartTests, niceCeiling, profileStats } from '@/lib/stats';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('drafts', () => {
  it('are kept per problem and language, and fall back to the starter code', () => {
    const storage = memoryStorage();
    expect(loadDraft(storage, 'subsets', 'javascript', 'starter')).toBe('starter');
    saveDraft(storage, 'subsets', 'javascript', 'my code', 'starter');
    expect(loadDraft(storage, 'subsets', 'javascript', 'starter')).toBe('my code');
    expect(loadDraft(storage, 'subsets', 'typescript', 'ts starter')).toBe('ts starter');
    expect(loadDraft(storage, 'other', 'javascript', 'starter')).toBe('starter');
    expect(storage.data.has(draftKey('subsets', 'javascript'))).toBe(true);
  });

  it('equal to the starter code are removed, and a broken storage never throws', () => {
    const storage = memoryStorage();
    saveDraft(storage, 'subsets', 'javascript', 'my code', 'starter');
    saveDraft(storage, 'subsets', 'javascript', 'starter', 'starter');
    expect(storage.data.size).toBe(0);
    const broken: DraftStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    };
    expect(loadDraft(broken, 's', 'javascript', 'starter')).toBe('starter');
    expect(() => saveDraft(broken, 's', 'javascript', 'x', 'starter')).not.toThrow();
    expect(loadLanguage(broken, 's')).toBe('javascript');
  });

  it('remember the language per problem', () => {
    const storage = memoryStorage();
    expect(loadLanguage(storage, 'subsets')).toBe('javascript');
    saveLanguage(storage, 'subsets', 'typescript');
    expect(loadLanguage(storage, 'subsets')).toBe('typescript');
  });
});

describe('live progress', () => {
  const test = (id: string, verdict: 'AC' | 'WA' = 'AC') => ({ id, verdict, timeMs: 3, memoryKb: 900 });

  it('fills the list test by test, in judging order, then takes the final verdict', () => {
    let state = initialLive(5);
    state = applyProgress(state, { type: 'judging', submissionId: 5, total: 3 });
    expect(state).toMatchObject({ status: 'JUDGING', total: 3 });
    state = applyProgress(state, {
      type: 'test',
      submissionId: 5,
      ordinal: 1,
      finished: 1,
      total: 3,
      test: test('02'),
    });
    state = applyProgress(state, {
      type: 'test',
      submissionId: 5,
      ordinal: 0,
      finished: 2,
      total: 3,
      test: test('01', 'WA'),
    });
    expect(state.tests.map((entry) => entry.id)).toEqual(['01', '02']);
    expect(progressFraction(state)).toBeCloseTo(2 / 3);
    // A repeated event (reconnect) replaces, never duplicates.
    state = applyProgress(state, {
      type: 'test',
      submissionId: 5,
      ordinal: 1,
      finished: 2,
      total: 3,
      test: test('02'),
    });
    expect(state.tests).toHaveLength(2);
    state = applyProgress(state, { type: 'final', submissionId: 5, verdict: 'WA', score: 0, maxScore: 100 });
    expect(state).toMatchObject({ status: 'FINISHED', verdict: 'WA', score: 0, maxScore: 100 });
    expect(progressFraction(state)).toBe(1);
    // Nothing moves a finished submission, and other submissions' events are ignored.
    expect(applyProgress(state, { type: 'judging', submissionId: 5, total: 9 })).toBe(state);
    expect(applyProgress(initialLive(6), { type: 'judging', submissionId: 5, total: 9 }).status).toBe('PENDING');
  });

  it('lets the stored record settle the end, but not hide live events that are newer', () => {
    const detail: SubmissionDetail = {
      id: 5,
      problem: { slug: 'subsets', title: 'Subsets' },
      user: { id: 1, username: 'ann' },
      language: 'javascript',
      status: 'JUDGING',
      verdict: null,
      score: null,
      maxScore: null,
      timeMs: null,
      memoryKb: null,
      createdAt: '2025-01-01T00:00:00Z',
      judgedAt: null,
      code: 'x',
      compileMessage: null,
      tests: [],
      testCount: 3,
    };
    let state = applyProgress(initialLive(5), {
      type: 'test',
      submissionId: 5,
      ordinal: 0,
      finished: 1,
      total: 3,
      test: test('01'),
    });
    state = applyDetail(state, detail);
    expect(state.tests).toHaveLength(1);
    const finished = {
      ...detail,
      status: 'FINISHED' as const,
      verdict: 'CE' as const,
      score: 0,
      maxScore: 100,
      compileMessage: 'line 1, column 5: Expected ";"',
    };
    state = applyDetail(state, finished);
    expect(state).toMatchObject({
      status: 'FINISHED',
      verdict: 'CE',
      compileMessage: 'line 1, column 5: Expected ";"',
      tests: [],
    });
  });
});

describe('output differences and compiler messages', () => {
  it('finds the first differing line, ignoring trailing whitespace and final newlines', () => {
    expect(firstDifference('1\n2\n3\n', '1\n2 \n3')).toBeNull();
    expect(firstDifference('1\n2\n3', '1\n5\n3')).toEqual({ line: 2, expected: '2', actual: '5' });
    expect(firstDifference('1\n2', '1')).toEqual({ line: 2, expected: '2', actual: '(end of output)' });
  });

  it('finds the line a compiler message points at', () => {
    expect(compilerLines('line 3, column 7: Expected ";" but found "x"\nsecond')).toEqual([
      { text: 'line 3, column 7: Expected ";" but found "x"', line: 3 },
      { text: 'second', line: null },
    ]);
    expect(compilerLines('solution.ts(12,4): error TS1005')[0]!.line).toBe(12);
    expect(compilerLines('solution.ts:8:2: error')[0]!.line).toBe(8);
  });
});

describe('profile figures', () => {
  const summary = (
    id: number,
    slug: string,
    verdict: SubmissionSummary['verdict'],
    createdAt: string,
  ): SubmissionSummary => ({
    id,
    problem: { slug, title: slug },
    user: { id: 1, username: 'ann' },
    language: 'javascript',
    status: verdict ? 'FINISHED' : 'PENDING',
    verdict,
    score: null,
    maxScore: null,
    timeMs: null,
    memoryKb: null,
    createdAt,
    judgedAt: null,
  });

  it('counts solved and attempted problems and the verdicts', () => {
    const stats = profileStats([
      summary(4, 'subsets', 'AC', '2025-01-04'),
      summary(3, 'subsets', 'AC', '2025-01-03'),
      summary(2, 'subsets', 'WA', '2025-01-02'),
      summary(1, 'stairs', 'TLE', '2025-01-01'),
      summary(5, 'queens', null, '2025-01-05'),
    ]);
    expect(stats.solved).toEqual([{ slug: 'subsets', title: 'subsets', firstSolvedAt: '2025-01-03' }]);
    expect(stats.attempted.map((problem) => problem.slug)).toEqual(['queens', 'stairs']);
    expect(stats.verdicts).toEqual([
      { verdict: 'AC', count: 2 },
      { verdict: 'WA', count: 1 },
      { verdict: 'TLE', count: 1 },
    ]);
    expect(stats.acceptanceRate).toBe(0.5);
    expect(profileStats([]).acceptanceRate).toBeNull();
  });

  it('charts the performance tests, or every hidden test when the problem names none', () => {
    const tests = [
      { id: '01', sample: true },
      { id: '02', sample: false },
      { id: '03', sample: false },
    ];
    expect(chartTests(tests, ['03']).map((entry) => entry.id)).toEqual(['03']);
    expect(chartTests(tests, []).map((entry) => entry.id)).toEqual(['02', '03']);
    expect([niceCeiling(0), niceCeiling(3), niceCeiling(17), niceCeiling(1000), niceCeiling(1001)]).toEqual([
      1, 5, 20, 1000, 2000,
    ]);
  });
});

describe('languages and formatting', () => {
  it('picks the interface language from Accept-Language', () => {
    expect(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(localeFromAcceptLanguage('fr-FR, en;q=0.5, zh;q=0.4')).toBe('en');
    expect(localeFromAcceptLanguage('de')).toBe('en');
    expect(localeFromAcceptLanguage(undefined)).toBe('en');
  });

  it('shows the statement and title in the reader language, else English', () => {
    expect(pickStatement({ en: 'E', zh: 'Z' }, 'zh')).toEqual({ text: 'Z', locale: 'zh' });
    expect(pickStatement({ en: 'E' }, 'zh')).toEqual({ text: 'E', locale: 'en' });
    expect(pickTitle('Subsets', { zh: '子集' }, 'zh')).toBe('子集');
    expect(pickTitle('Subsets', {}, 'zh')).toBe('Subsets');
  });

  it('formats time and memory', () => {
    expect(formatTime(12)).toBe('12 ms');
    expect(formatTime(null)).toBe('—');
    expect(formatMemory(900)).toBe('900 KB');
    expect(formatMemory(5 * 1024)).toBe('5.0 MB');
    expect(formatMemory(300 * 1024)).toBe('300 MB');
  });
});

describe('safeNext', () => {
  const origin = 'http://localhost:3000';

  it('keeps a path of the site with its query and fragment', () => {
    expect(safeNext('/problems/subsets', origin)).toBe('/problems/subsets');
    expect(safeNext('/submissions?mine=true&page=2#top', origin)).toBe('/submissions?mine=true&page=2#top');
    expect(safeNext('/%5Cevil', origin)).toBe('/%5Cevil');
    expect(safeNext(`${origin}/admin/users`, origin)).toBe('/admin/users');
  });

  it('falls back to the problem list when there is no next', () => {
    expect(safeNext(null, origin)).toBe(AFTER_SIGN_IN);
    expect(safeNext('', origin)).toBe(AFTER_SIGN_IN);
  });

  it.each([
    '/\\evil.example/x',
    '\\\\evil.example',
    '//evil.example',
    'https://evil.example',
    'http://localhost:3001/',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,hi',
    '/\t/evil.example',
    '/\n/evil.example',
    '\t//evil.example',
  ])('refuses %j, which leads to another origin', (next) => {
    expect(safeNext(next, origin)).toBe(AFTER_SIGN_IN);
  });

  it('never returns a path that a browser would read as another host', () => {
    expect(safeNext('/.//evil.example/x', origin)).toBe('/evil.example/x');
    expect(safeNext('/a/..//evil.example', origin)).toBe('/evil.example');
  });
});
