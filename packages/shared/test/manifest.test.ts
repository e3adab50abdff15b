// The problem manifest's rules for per-subtask and per-test limits, and for packages without reference
// solutions: what the schema accepts, what it refuses (with which message), and which limit a test gets.
import { describe, expect, it } from 'vitest';
import { effectiveTestLimits, problemManifestSchema, type ProblemManifestInput } from '../src/manifest.ts';

const LIMITS = { timeMs: 1000, memoryMb: 256, outputKb: 64, stackMb: 32 };

function manifest(overrides: Partial<ProblemManifestInput> = {}): ProblemManifestInput {
  return {
    slug: 'p',
    title: 'P',
    difficulty: 'easy',
    style: 'stdio',
    limits: LIMITS,
    checker: { type: 'lines' },
    samples: ['1'],
    subtasks: [
      { id: 'small', score: 40, tests: ['1', '2'] },
      { id: 'large', score: 60, tests: ['3', '4'], limits: { timeMs: 3000 } },
    ],
    solutions: [{ file: 'solutions/ac.js', expect: 'AC' }],
    ...overrides,
  };
}

function issues(input: ProblemManifestInput): string[] {
  const parsed = problemManifestSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('limits of subtasks and tests', () => {
  it('are optional: a manifest without them parses to the same shape as before', () => {
    const parsed = problemManifestSchema.parse(manifest({ subtasks: [{ id: 'all', score: 100, tests: ['1'] }] }));
    expect(parsed.subtasks).toEqual([{ id: 'all', score: 100, tests: ['1'], dependencies: [] }]);
    expect('testLimits' in parsed).toBe(false);
  });

  it('hold the same bounds as the problem limits, and nothing else', () => {
    expect(issues(manifest({ testLimits: { '1': { timeMs: 49 } } }))).toEqual([
      expect.stringMatching(/^testLimits\.1\.timeMs: /),
    ]);
    expect(issues(manifest({ testLimits: { '1': { timeMs: 20_001 } } }))).toHaveLength(1);
    expect(issues(manifest({ testLimits: { '1': { memoryMb: 15 } } }))).toHaveLength(1);
    expect(issues(manifest({ testLimits: { '1': { memoryMb: 2049 } } }))).toHaveLength(1);
    expect(issues(manifest({ testLimits: { '1': { timeMs: 1.5 } } }))).toHaveLength(1);
    expect(issues(manifest({ testLimits: { '1': { stackMb: 8 } as never } }))).toHaveLength(1);
    expect(issues(manifest({ testLimits: { 'bad id': { timeMs: 100 } } }))).toHaveLength(1);
    expect(
      issues(manifest({ subtasks: [{ id: 'all', score: 100, tests: ['1'], limits: { memoryMb: 4096 } }] })),
    ).toEqual([expect.stringMatching(/^subtasks\.0\.limits\.memoryMb: /)]);
    expect(issues(manifest({ testLimits: { '1': { timeMs: 50, memoryMb: 2048 }, '2': {} } }))).toEqual([]);
  });

  it('apply field by field: the test, else its subtask, else the problem', () => {
    const parsed = problemManifestSchema.parse(
      manifest({ testLimits: { '4': { memoryMb: 512 }, '2': { timeMs: 200 } } }),
    );
    expect(effectiveTestLimits(parsed, '1')).toEqual(LIMITS);
    expect(effectiveTestLimits(parsed, '2')).toEqual({ ...LIMITS, timeMs: 200 });
    expect(effectiveTestLimits(parsed, '3')).toEqual({ ...LIMITS, timeMs: 3000 });
    expect(effectiveTestLimits(parsed, '4')).toEqual({ ...LIMITS, timeMs: 3000, memoryMb: 512 });
    // A test in no subtask, or unknown: the problem's limits.
    expect(effectiveTestLimits(parsed, '9')).toEqual(LIMITS);
  });

  it('a test in several subtasks takes the override of the one that sets it', () => {
    const parsed = problemManifestSchema.parse(
      manifest({
        subtasks: [
          { id: 'a', score: 50, tests: ['1', '2'] },
          { id: 'b', score: 50, tests: ['2', '3'], limits: { memoryMb: 128 } },
          { id: 'c', score: 0, tests: ['2'], limits: { memoryMb: 128, timeMs: 500 } },
        ],
      }),
    );
    expect(effectiveTestLimits(parsed, '2')).toEqual({ ...LIMITS, memoryMb: 128, timeMs: 500 });
    expect(effectiveTestLimits(parsed, '3')).toEqual({ ...LIMITS, memoryMb: 128 });
  });

  it('refuses two subtasks that give one test different limits, naming the test, the subtasks and the values', () => {
    const conflicting = manifest({
      subtasks: [
        { id: 'a', score: 50, tests: ['1', '2'], limits: { timeMs: 1000 } },
        { id: 'b', score: 50, tests: ['2', '3'], limits: { timeMs: 2000, memoryMb: 64 } },
        { id: 'c', score: 0, tests: ['2'], limits: { memoryMb: 32 } },
      ],
    });
    expect(issues(conflicting)).toEqual([
      'subtasks.1.limits.timeMs: test "2" is in subtasks a and b, whose time limits differ (1000 ms and 2000 ms): give the test its own in testLimits, or make them agree',
      'subtasks.2.limits.memoryMb: test "2" is in subtasks b and c, whose memory limits differ (64 MB and 32 MB): give the test its own in testLimits, or make them agree',
    ]);
    // The test's own limit settles it, field by field.
    expect(issues({ ...conflicting, testLimits: { '2': { timeMs: 1500 } } })).toHaveLength(1);
    expect(issues({ ...conflicting, testLimits: { '2': { timeMs: 1500, memoryMb: 64 } } })).toEqual([]);
  });

  it('two subtasks that agree are no conflict', () => {
    expect(
      issues(
        manifest({
          subtasks: [
            { id: 'a', score: 50, tests: ['1', '2'], limits: { timeMs: 2000 } },
            { id: 'b', score: 50, tests: ['2'], limits: { timeMs: 2000 } },
          ],
        }),
      ),
    ).toEqual([]);
  });
});

describe('reference solutions', () => {
  it('may be left out or empty (an imported problem has none yet)', () => {
    const { solutions: _solutions, ...withoutSolutions } = manifest();
    expect(problemManifestSchema.parse(withoutSolutions).solutions).toEqual([]);
    expect(problemManifestSchema.parse(manifest({ solutions: [] })).solutions).toEqual([]);
  });
});
