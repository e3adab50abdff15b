// How a version's manifest follows a zip of new tests (pure; the route is in authoring.test.ts).
import { describe, expect, test } from 'vitest';
import { manifestForTests, testIdsOf } from '../src/authoring/tests-replacement.ts';

describe('new tests from a zip', () => {
  test('are named by their file stems, in natural order', () => {
    expect(testIdsOf(['10.in', '10.out', '2.in', '2.out', 'a.json'])).toEqual(['2', '10', 'a']);
  });

  test('all go into a lone subtask; samples that still exist stay, else the first test is the sample', () => {
    const manifest = { slug: 'p', samples: ['01', '09'], subtasks: [{ id: 'all', score: 100, tests: ['01', '09'] }] };
    expect(manifestForTests(manifest, ['01', '02', '03'])).toEqual({
      slug: 'p',
      samples: ['01'],
      subtasks: [{ id: 'all', score: 100, tests: ['01', '02', '03'] }],
    });
    expect(manifestForTests(manifest, ['a', 'b'])).toMatchObject({ samples: ['a'] });
  });

  test('several subtasks keep the tests that still exist; per-test limits of gone tests are dropped', () => {
    const manifest = {
      samples: ['1'],
      subtasks: [
        { id: 'small', score: 40, tests: ['1', '2'] },
        { id: 'large', score: 60, tests: ['3', '4'], dependencies: ['small'] },
      ],
      testLimits: { '4': { timeMs: 2000 }, '3': { timeMs: 3000 } },
    };
    expect(manifestForTests(manifest, ['1', '3', '5'])).toEqual({
      samples: ['1'],
      subtasks: [
        { id: 'small', score: 40, tests: ['1'] },
        { id: 'large', score: 60, tests: ['3'], dependencies: ['small'] },
      ],
      testLimits: { '3': { timeMs: 3000 } },
    });
    expect(manifestForTests({ ...manifest, testLimits: { '9': { timeMs: 1 } } }, ['1'])).not.toHaveProperty(
      'testLimits',
    );
  });
});
