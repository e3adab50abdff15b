import { describe, expect, it } from 'vitest';
import { checkerSchema, type CheckerSpec } from '@oj/shared';
import {
  canonicalizeUnordered,
  checkExactJson,
  checkFloat,
  checkJsonWithTolerance,
  checkLines,
  checkTokens,
  checkUnordered,
  createChecker,
  createCustomChecker,
  CUSTOM_CHECKER_LIMITS,
  MAX_JSON_DEPTH,
  numbersWithinTolerance,
  type CheckInput,
  type CheckVerdict,
} from '../src/checkers/index.ts';
import { interpretCheckerResult } from '../src/checkers/custom.ts';
import { parseFiniteNumber } from '../src/checkers/float.ts';
import { parseJsonSafely } from '../src/checkers/json.ts';
import type { ExecutionOutcome, ExecutionRequest, SandboxRunner } from '../src/sandbox/runner.ts';

function check(expected: string, actual: string, input = ''): CheckInput {
  return { input, expected, actual };
}

const AC: CheckVerdict = { verdict: 'AC', scoreFraction: 1 };

function wrong(message: string): CheckVerdict {
  return { verdict: 'WA', scoreFraction: 0, message };
}

/**
 * A test that asserts how long something takes. Mutation runs (vitest.mutation.config.ts) leave these out:
 * instrumented code is many times slower, and they would rerun for every mutant of the checker.
 */
const timedIt = process.env.OJ_MUTATION_RUN === '1' ? it.skip : it;

/** Ten megabytes of output, the kind of thing a runaway loop prints. */
const TEN_MEGABYTES = 10 * 1024 * 1024;

describe('lines', () => {
  it('accepts identical output', () => {
    expect(checkLines(check('1\n2\n3\n', '1\n2\n3\n'))).toEqual(AC);
  });

  it('ignores trailing whitespace on each line and trailing empty lines', () => {
    expect(checkLines(check('1 2\n3\n', '1 2   \n3\t\n\n\n  \n'))).toEqual(AC);
    expect(checkLines(check('1 2\n3', '1 2\n3\n'))).toEqual(AC);
  });

  it('treats CRLF as LF, on either side', () => {
    expect(checkLines(check('a\nb\n', 'a\r\nb\r\n'))).toEqual(AC);
    expect(checkLines(check('a\r\nb\r\n', 'a\nb'))).toEqual(AC);
  });

  it('does not ignore leading whitespace, inner whitespace or empty lines in the middle', () => {
    expect(checkLines(check('1 2', ' 1 2'))).toEqual(wrong('line 1: expected "1 2", got " 1 2"'));
    expect(checkLines(check('1 2', '1  2'))).toEqual(wrong('line 1: expected "1 2", got "1  2"'));
    expect(checkLines(check('1\n2', '1\n\n2'))).toEqual(wrong('line 2: expected "2", got ""'));
  });

  it('names the first differing line', () => {
    expect(checkLines(check('1\n2\n5\n', '1\n2\n6\n'))).toEqual(wrong('line 3: expected "5", got "6"'));
  });

  it('says when the output ended early', () => {
    expect(checkLines(check('1\n2\n3\n', '1\n2\n'))).toEqual(
      wrong('line 3: expected "3", but the output ended after 2 lines'),
    );
  });

  it('says when the output has extra lines', () => {
    expect(checkLines(check('1\n2\n', '1\n2\n7\n8\n'))).toEqual(
      wrong('line 3: expected end of output (2 lines), got extra line "7"'),
    );
  });

  it('handles empty output and empty expected output', () => {
    expect(checkLines(check('', ''))).toEqual(AC);
    expect(checkLines(check('\n', ' \r\n\n'))).toEqual(AC);
    expect(checkLines(check('42\n', ''))).toEqual(wrong('line 1: expected "42", but the output is empty'));
    expect(checkLines(check('', '42'))).toEqual(wrong('line 1: expected end of output (0 lines), got extra line "42"'));
  });

  it('escapes quotes and control characters in messages', () => {
    expect(checkLines(check('"a"', 'a\tb'))).toEqual(wrong('line 1: expected "\\"a\\"", got "a\\tb"'));
  });

  it('cuts long lines to a window around the first difference', () => {
    const expected = `${'a'.repeat(5000)}X${'b'.repeat(5000)}`;
    const actual = `${'a'.repeat(5000)}Y${'b'.repeat(5000)}`;
    const result = checkLines(check(expected, actual));
    expect(result.verdict).toBe('WA');
    expect(result.message).toBe(
      `line 1, column 5001: expected "…${'a'.repeat(20)}X${'b'.repeat(39)}…", got "…${'a'.repeat(20)}Y${'b'.repeat(39)}…"`,
    );
  });

  it('cuts a long extra line', () => {
    const result = checkLines(check('', 'z'.repeat(1000)));
    expect(result.message).toBe(`line 1: expected end of output (0 lines), got extra line "${'z'.repeat(60)}…"`);
  });

  timedIt('is quick on 10 MB of output, a single huge line or many lines', () => {
    const started = performance.now();
    expect(checkLines(check('1\n', 'x'.repeat(TEN_MEGABYTES))).verdict).toBe('WA');
    expect(checkLines(check('1\n', '1\n'.repeat(TEN_MEGABYTES / 2))).message).toBe(
      'line 2: expected end of output (1 line), got extra line "1"',
    );
    const manyLines = '1\n'.repeat(TEN_MEGABYTES / 2);
    expect(checkLines(check(manyLines, manyLines))).toEqual(AC);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  timedIt('is linear on a long run of trailing-looking spaces that is not trailing', () => {
    const started = performance.now();
    const actual = `${' '.repeat(TEN_MEGABYTES)}x`;
    expect(checkLines(check('x', actual)).verdict).toBe('WA');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('tokens', () => {
  it('ignores how whitespace is laid out', () => {
    expect(checkTokens(check('1 2 3\n4\n', '1\n2\t3   4'))).toEqual(AC);
    expect(checkTokens(check('  1 2\r\n', '1 2'))).toEqual(AC);
    expect(checkTokens(check('', '  \n\t'))).toEqual(AC);
  });

  it('names the first differing token and its line in the output', () => {
    expect(checkTokens(check('a b c\nx', 'a b\nc y'))).toEqual(wrong('token 4 (line 2): expected "x", got "y"'));
  });

  it('says when tokens are missing', () => {
    expect(checkTokens(check('1 2 3', '1 2'))).toEqual(
      wrong('token 3: expected "3", but the output ended after 2 tokens'),
    );
    expect(checkTokens(check('1', ''))).toEqual(wrong('token 1: expected "1", but the output is empty'));
  });

  it('says when there are extra tokens', () => {
    expect(checkTokens(check('1 2', '1 2\n\n3 4'))).toEqual(
      wrong('token 3 (line 3): expected end of output (2 tokens), got extra token "3"'),
    );
  });

  it('compares tokens exactly, numbers included', () => {
    expect(checkTokens(check('1', '1.0')).verdict).toBe('WA');
    expect(checkTokens(check('Yes', 'yes')).verdict).toBe('WA');
  });

  it('cuts long tokens in messages', () => {
    const result = checkTokens(check('1', '9'.repeat(1000)));
    expect(result.message).toBe(`token 1 (line 1): expected "1", got "${'9'.repeat(60)}…"`);
  });

  timedIt('is quick on 10 MB of output', () => {
    const started = performance.now();
    expect(checkTokens(check('1', '1 '.repeat(TEN_MEGABYTES / 2))).message).toBe(
      'token 2 (line 1): expected end of output (1 token), got extra token "1"',
    );
    const manyTokens = '12 '.repeat(TEN_MEGABYTES / 3);
    expect(checkTokens(check(manyTokens, manyTokens))).toEqual(AC);
    expect(checkTokens(check('1', 'x'.repeat(TEN_MEGABYTES))).verdict).toBe('WA');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('float', () => {
  const tolerance = { absolute: 1e-6, relative: 1e-6 };

  it('accepts numbers within the absolute tolerance', () => {
    expect(checkFloat(check('0.5', '0.5000009'), tolerance)).toEqual(AC);
    expect(checkFloat(check('0', '-0.000001'), tolerance)).toEqual(AC);
  });

  it('accepts a difference of exactly the tolerance, despite binary rounding', () => {
    expect(checkFloat(check('1', '1.000001'), { absolute: 1e-6, relative: 0 })).toEqual(AC);
    expect(checkFloat(check('1', '0.999999'), { absolute: 1e-6, relative: 0 })).toEqual(AC);
    expect(checkFloat(check('0', '0.000001'), { absolute: 1e-6, relative: 0 })).toEqual(AC);
    expect(checkFloat(check('1000', '1001'), { absolute: 0, relative: 1e-3 })).toEqual(AC);
  });

  it('rejects a difference just above the tolerance', () => {
    expect(checkFloat(check('1', '1.0000011'), { absolute: 1e-6, relative: 0 }).verdict).toBe('WA');
    expect(checkFloat(check('0', '0.0000011'), { absolute: 1e-6, relative: 0 }).verdict).toBe('WA');
    expect(checkFloat(check('1000', '1001.001'), { absolute: 0, relative: 1e-3 }).verdict).toBe('WA');
  });

  it('accepts within the relative tolerance for large values', () => {
    expect(checkFloat(check('1e9', '1000000900'), tolerance)).toEqual(AC);
    expect(checkFloat(check('1e9', '1000001100'), tolerance).verdict).toBe('WA');
  });

  it('takes the relative tolerance from the expected value, not the output', () => {
    const relativeOnly = { absolute: 0, relative: 0.999 };
    expect(checkFloat(check('1000', '1'), relativeOnly)).toEqual(AC);
    expect(checkFloat(check('1', '1000'), relativeOnly).verdict).toBe('WA');
  });

  it('explains the difference', () => {
    expect(checkFloat(check('3.14 1.5', '3.14\n1.6'), tolerance)).toEqual(
      wrong('token 2 (line 2): expected "1.5", got "1.6" (difference 0.1 exceeds the allowed 1.5e-6)'),
    );
    expect(checkFloat(check('2', '2.00001'), { absolute: 1e-6, relative: 0 }).message).toBe(
      'token 1 (line 1): expected "2", got "2.00001" (difference 1e-5 exceeds the allowed 1e-6)',
    );
    expect(checkFloat(check('1e9', '1.01e9'), tolerance).message).toBe(
      'token 1 (line 1): expected "1e9", got "1.01e9" (difference 1e+7 exceeds the allowed 1000)',
    );
  });

  it('accepts different spellings of the same number', () => {
    expect(checkFloat(check('1.5 100 0.25 0', '1.50 1e2 .25 -0'), tolerance)).toEqual(AC);
  });

  it('compares tokens that are not finite decimal numbers exactly', () => {
    expect(checkFloat(check('YES 1.5', 'YES 1.5'), tolerance)).toEqual(AC);
    expect(checkFloat(check('YES', 'yes'), tolerance)).toEqual(wrong('token 1 (line 1): expected "YES", got "yes"'));
    expect(checkFloat(check('16', '0x10'), tolerance).verdict).toBe('WA');
    expect(checkFloat(check('1', 'Infinity'), tolerance).verdict).toBe('WA');
    expect(checkFloat(check('1e400', '1e400'), tolerance)).toEqual(AC);
    expect(checkFloat(check('1e400', '1e401'), tolerance).verdict).toBe('WA');
    expect(checkFloat(check('nan', 'nan'), tolerance)).toEqual(AC);
    expect(checkFloat(check('1', 'nan'), tolerance).verdict).toBe('WA');
  });

  it('reports missing and extra numbers like tokens', () => {
    expect(checkFloat(check('1 2', '1'), tolerance).message).toBe(
      'token 2: expected "2", but the output ended after 1 token',
    );
    expect(checkFloat(check('', '0.0'), tolerance).verdict).toBe('WA');
  });

  it('parses only plain decimal numbers', () => {
    expect(parseFiniteNumber('-1.5e-3')).toBe(-0.0015);
    expect(parseFiniteNumber('+7.')).toBe(7);
    expect(parseFiniteNumber('.5')).toBe(0.5);
    expect(parseFiniteNumber('.')).toBeUndefined();
    expect(parseFiniteNumber('1e')).toBeUndefined();
    expect(parseFiniteNumber('')).toBeUndefined();
  });

  timedIt('parses in linear time', () => {
    const started = performance.now();
    expect(parseFiniteNumber(`${'1'.repeat(1_000_000)}x`)).toBeUndefined();
    expect(parseFiniteNumber(`1.${'1'.repeat(1_000_000)}x`)).toBeUndefined();
    expect(parseFiniteNumber(`1e${'1'.repeat(1_000_000)}x`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('never lets a huge difference or overflow through', () => {
    expect(numbersWithinTolerance(1e308, -1e308, { absolute: 1, relative: 1 })).toBe(false);
    expect(numbersWithinTolerance(0, 5e-324, { absolute: 0, relative: 0 })).toBe(false);
    expect(numbersWithinTolerance(0, 0, { absolute: 0, relative: 0 })).toBe(true);
  });
});

/** All subsets of [1, 2, 3] in the order a backtracking solution would return them. */
const SUBSETS = [[], [1], [1, 2], [1, 2, 3], [1, 3], [2], [2, 3], [3]];

function unordered(expected: unknown, actual: unknown): CheckVerdict {
  return checkUnordered(check(JSON.stringify(expected), JSON.stringify(actual)));
}

describe('unordered', () => {
  it('accepts the subsets of [1,2,3] permuted at both levels', () => {
    const permuted = SUBSETS.map((subset) => [...subset].reverse()).reverse();
    expect(unordered(SUBSETS, permuted)).toEqual(AC);
    const shuffled = [[3, 1], [2], [], [3, 2, 1], [1], [3], [2, 1], [3, 2]];
    expect(unordered(SUBSETS, shuffled)).toEqual(AC);
  });

  it('ignores whitespace in the JSON texts', () => {
    expect(checkUnordered(check('[[1,2],[3]]', ' [ [3] ,\n[2, 1] ]\n'))).toEqual(AC);
  });

  it('rejects a duplicated subset', () => {
    expect(unordered(SUBSETS, [...SUBSETS, [2, 1]])).toEqual(
      wrong('expected 8 elements, got 9: [1,2] appears 2 times, expected 1'),
    );
    expect(unordered(SUBSETS, [[], ...SUBSETS.slice(1), []])).toEqual(
      wrong('expected 8 elements, got 9: [] appears 2 times, expected 1'),
    );
  });

  it('rejects a duplicate that replaces a missing subset', () => {
    const withDuplicate = SUBSETS.map((subset) => (subset.length === 3 ? [1, 2] : subset));
    expect(unordered(SUBSETS, withDuplicate)).toEqual(wrong('[1,2] appears 2 times, expected 1; missing [1,2,3]'));
  });

  it('rejects a missing subset', () => {
    const withoutOneTwo = SUBSETS.filter((subset) => subset.join() !== '1,2');
    expect(unordered(SUBSETS, withoutOneTwo)).toEqual(wrong('expected 8 elements, got 7: missing [1,2]'));
  });

  it('rejects an extra element inside a subset', () => {
    const withExtra = SUBSETS.map((subset) => (subset.join() === '1' ? [1, 4] : subset));
    expect(unordered(SUBSETS, withExtra)).toEqual(wrong('missing [1]; extra [1,4]'));
  });

  it('rejects an element repeated inside a subset', () => {
    const withRepeat = SUBSETS.map((subset) => (subset.join() === '2,3' ? [3, 2, 3] : subset));
    expect(unordered(SUBSETS, withRepeat)).toEqual(wrong('missing [2,3]; extra [2,3,3]'));
  });

  it('rejects an extra subset and lists several differences, then counts the rest', () => {
    expect(unordered(SUBSETS, [...SUBSETS, [4]])).toEqual(wrong('expected 8 elements, got 9: extra [4]'));
    expect(unordered([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])).toEqual(
      wrong('missing 1; missing 2; missing 3; and 7 more differences'),
    );
    expect(unordered([1], [1, 1, 1])).toEqual(wrong('expected 1 element, got 3: 1 appears 3 times, expected 1'));
    expect(unordered([], [5, 5])).toEqual(wrong('expected 0 elements, got 2: extra 5 (2 times)'));
    expect(unordered([5, 5], [])).toEqual(wrong('expected 2 elements, got 0: missing 5 (expected 2 times)'));
  });

  it('tells values of different kinds apart', () => {
    expect(unordered([1, '1'], ['1', 1])).toEqual(AC);
    expect(unordered([1], ['1']).verdict).toBe('WA');
    expect(unordered([null, false, 0, ''], ['', 0, false, null])).toEqual(AC);
    expect(unordered([[1]], [1]).verdict).toBe('WA');
  });

  it('treats arrays inside objects as unordered too, and ignores key order', () => {
    expect(unordered([{ a: [1, 2], b: 1 }], [{ b: 1, a: [2, 1] }])).toEqual(AC);
    expect(unordered({ groups: [[1], [2, 3]] }, { groups: [[3, 2], [1]] })).toEqual(AC);
    expect(unordered({ groups: [[1]] }, { groups: [[2]] })).toEqual(wrong('at result.groups[0][0]: expected 1, got 2'));
  });

  it('compares values that are not arrays by deep equality', () => {
    expect(unordered(5, 5)).toEqual(AC);
    expect(unordered(5, 6)).toEqual(wrong('expected 5, got 6'));
    expect(unordered('a', 'a')).toEqual(AC);
    expect(unordered(null, [])).toEqual(wrong('expected null, got []'));
    expect(unordered([1, 2], { 0: 1, 1: 2 })).toEqual(wrong('expected [1,2], got {"0":1,"1":2}'));
  });

  it('rejects output that is not JSON with a clear message', () => {
    const result = checkUnordered(check('[1]', '[1,'));
    expect(result.verdict).toBe('WA');
    expect(result.message).toMatch(/^the output is not valid JSON \(/);
    expect(checkUnordered(check('[1]', ''))).toEqual(wrong('the output is empty, not a JSON value'));
    expect(checkUnordered(check('[1]', 'undefined')).message).toMatch(/^the output is not valid JSON/);
  });

  it('blames a broken expected answer on the setter (SE)', () => {
    expect(checkUnordered(check('[1', '[1]'))).toMatchObject({ verdict: 'SE', scoreFraction: 0 });
  });

  it('refuses deeply nested output instead of overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(checkUnordered(check('[]', deep))).toEqual(
      wrong(`the output is nested deeper than ${MAX_JSON_DEPTH} levels`),
    );
    const deepObjects = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    expect(checkUnordered(check('[]', deepObjects)).verdict).toBe('WA');
    // Brackets inside strings don't count.
    expect(unordered(['[[[['.repeat(1000)], ['[[[['.repeat(1000)])).toEqual(AC);
  });

  it('accepts nesting up to the limit', () => {
    const nested = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(checkUnordered(check(nested, nested))).toEqual(AC);
    expect(parseJsonSafely(`[${nested}]`)).toEqual({
      ok: false,
      error: `nested deeper than ${MAX_JSON_DEPTH} levels`,
    });
  });

  timedIt('copes with huge output', () => {
    const started = performance.now();
    const huge = `[${'1,'.repeat(2_000_000)}1]`;
    expect(checkUnordered(check('[1]', huge))).toEqual(
      wrong('expected 1 element, got 2000001: 1 appears 2000001 times, expected 1'),
    );
    const manyNumbers = JSON.stringify(Array.from({ length: 200_000 }, (_, index) => (index * 7919) % 200_003));
    expect(checkUnordered(check(manyNumbers, manyNumbers))).toEqual(AC);
    expect(checkUnordered(check('[1]', `"${'x'.repeat(TEN_MEGABYTES)}"`)).verdict).toBe('WA');
    const millionDistinct = JSON.stringify(Array.from({ length: 1_000_000 }, (_, index) => index));
    expect(checkUnordered(check('[]', millionDistinct))).toEqual(
      wrong('expected 0 elements, got 1000000: extra 0; extra 1; extra 2; and 999997 more differences'),
    );
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('keeps "__proto__" a plain key', () => {
    expect(checkUnordered(check('{"__proto__":[1,2]}', '{"__proto__":[2,1]}'))).toEqual(AC);
    expect(checkUnordered(check('{"__proto__":[1]}', '{}')).verdict).toBe('WA');
    expect(canonicalizeUnordered(JSON.parse('{"__proto__":[2,1]}') as null)).toEqual(JSON.parse('{"__proto__":[1,2]}'));
  });
});

function exact(expected: unknown, actual: unknown): CheckVerdict {
  return checkExactJson(check(JSON.stringify(expected), JSON.stringify(actual)));
}

describe('exact JSON (function style with lines or tokens)', () => {
  it('accepts equal values whatever the spacing, key order or number spelling', () => {
    expect(checkExactJson(check('{"a":[1,2],"b":"x"}', ' { "b" : "x", "a": [1.0, 2e0] } '))).toEqual(AC);
    expect(exact(null, null)).toEqual(AC);
  });

  it('keeps array order', () => {
    expect(exact([1, 2], [2, 1])).toEqual(wrong('at result[0]: expected 1, got 2'));
  });

  it('points at the first difference by path', () => {
    expect(exact({ rows: [[1, 2], [3]] }, { rows: [[1, 2], [4]] })).toEqual(
      wrong('at result.rows[1][0]: expected 3, got 4'),
    );
    expect(exact({ 'odd key': 1 }, { 'odd key': 2 })).toEqual(wrong('at result["odd key"]: expected 1, got 2'));
    expect(exact(3, '3')).toEqual(wrong('expected 3, got "3"'));
    expect(exact(true, false)).toEqual(wrong('expected true, got false'));
  });

  it('reports missing and extra elements and keys', () => {
    expect(exact([1, 2, 3], [1, 2])).toEqual(wrong('at result[2]: expected 3, but the array ends (2 elements)'));
    expect(exact([1], [1, 9])).toEqual(wrong('at result[1]: expected the array to end (1 element), got 9'));
    expect(exact({ a: 1, b: 2 }, { a: 1 })).toEqual(wrong('missing key "b"'));
    expect(exact({ a: 1 }, { a: 1, c: 3 })).toEqual(wrong('unexpected key "c"'));
  });

  it('cuts long values in messages', () => {
    const result = exact('short', 'y'.repeat(10_000));
    expect(result.message).toBe(`expected "short", got "${'y'.repeat(59)}…`);
  });

  it('rejects invalid or deeply nested output, and blames a broken expected answer on the setter', () => {
    expect(checkExactJson(check('1', 'one')).message).toMatch(/^the output is not valid JSON/);
    expect(checkExactJson(check('[]', '['.repeat(100_000))).verdict).toBe('WA');
    expect(checkExactJson(check('', '1')).verdict).toBe('SE');
  });
});

describe('float JSON (function style with float)', () => {
  const tolerance = { absolute: 1e-6, relative: 1e-6 };

  it('compares numbers anywhere in the value within the tolerance', () => {
    expect(checkJsonWithTolerance(check('{"x":[0.1,2]}', '{"x":[0.1000001,2.0000001]}'), tolerance)).toEqual(AC);
    expect(checkJsonWithTolerance(check('[0.1]', '[0.2]'), tolerance)).toEqual(
      wrong('at result[0]: expected 0.1, got 0.2'),
    );
    expect(checkJsonWithTolerance(check('[0.1]', '["0.1"]'), tolerance).verdict).toBe('WA');
  });
});

interface FakeRunner extends SandboxRunner {
  requests: ExecutionRequest[];
}

/**
 * Stands in for the sandbox: evaluates the checker's code with `new Function` and returns what its entry
 * function returned as JSON, like the real runner does for function-style calls.
 */
function createFakeRunner(override?: (request: ExecutionRequest) => ExecutionOutcome): FakeRunner {
  const requests: ExecutionRequest[] = [];
  return {
    requests,
    execute(request: ExecutionRequest): Promise<ExecutionOutcome> {
      requests.push(request);
      if (override) {
        return Promise.resolve(override(request));
      }
      try {
        const args = JSON.parse(request.input) as unknown[];
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- test-only stand-in for the sandbox
        const callEntry = new Function('args', `${request.code}\nreturn ${request.entry}(...args);`) as (
          args: unknown[],
        ) => unknown;
        const output = JSON.stringify(callEntry(args)) as string | undefined;
        return Promise.resolve({ status: 'ok', output: output ?? '', cpuMs: 1, memoryKb: 1 });
      } catch (error) {
        return Promise.resolve({ status: 'runtime-error', output: '', cpuMs: 1, memoryKb: 1, message: String(error) });
      }
    },
  };
}

function customChecker(code: string, runner = createFakeRunner()) {
  return { checker: createCustomChecker({ code, runner, sandboxKey: 'checker:sum' }), runner };
}

describe('custom', () => {
  const sumChecker = `
    function check(input, expected, actual) {
      const [a, b] = input.trim().split(/\\s+/).map(Number);
      if (Number(actual) === a + b) return { verdict: 'AC' };
      return { verdict: 'WA', message: 'sum is ' + (a + b) + ', not ' + actual.trim() };
    }`;

  it('runs the checker in the sandbox as a function-style call with the agreed request', async () => {
    const { checker, runner } = customChecker(sumChecker);
    expect(await checker(check('3\n', '3\n', '1 2\n'))).toEqual(AC);
    expect(runner.requests).toEqual([
      {
        sandboxKey: 'checker:sum',
        code: sumChecker,
        fileName: 'checker.js',
        style: 'function',
        entry: 'check',
        input: JSON.stringify(['1 2\n', '3\n', '3\n']),
        limits: { timeMs: 5000, memoryMb: 256, outputKb: 1024, stackMb: 64 },
      },
    ]);
    expect(CUSTOM_CHECKER_LIMITS).toEqual({ timeMs: 5000, memoryMb: 256, outputKb: 1024, stackMb: 64 });
  });

  it("passes on the checker's WA and message", async () => {
    const { checker } = customChecker(sumChecker);
    expect(await checker(check('', '4', '1 2'))).toEqual(wrong('sum is 3, not 4'));
  });

  it('accepts a boolean result', async () => {
    const { checker } = customChecker('function check(input, expected, actual) { return actual === expected; }');
    expect(await checker(check('x', 'x'))).toEqual(AC);
    expect(await checker(check('x', 'y'))).toEqual(wrong('the checker rejected the answer'));
  });

  it('gives partial credit through score', async () => {
    const { checker } = customChecker("function check() { return { verdict: 'WA', score: 0.25, message: 'close' }; }");
    expect(await checker(check('', ''))).toEqual({ verdict: 'WA', scoreFraction: 0.25, message: 'close' });
  });

  it('accepts AC with score 1 and WA with score 0', () => {
    expect(interpretCheckerResult('{"verdict":"AC","score":1}')).toEqual(AC);
    expect(interpretCheckerResult('{"verdict":"WA","score":0}')).toEqual({ verdict: 'WA', scoreFraction: 0 });
    expect(interpretCheckerResult('{"verdict":"AC","message":""}')).toEqual(AC);
  });

  it('cuts a long checker message', () => {
    const result = interpretCheckerResult(JSON.stringify({ verdict: 'WA', message: 'm'.repeat(10_000) }));
    expect(result.message).toHaveLength(201);
  });

  it('gives SE when the checker throws', async () => {
    const { checker } = customChecker("function check() { throw new Error('setter bug'); }");
    const result = await checker(check('', ''));
    expect(result).toEqual({
      verdict: 'SE',
      scoreFraction: 0,
      message: 'the checker failed (runtime-error): Error: setter bug',
    });
  });

  it('gives SE when the checker hits a limit or the runner fails', async () => {
    for (const status of ['time-limit', 'memory-limit', 'output-limit', 'system-error'] as const) {
      const runner = createFakeRunner(() => ({ status, output: '', cpuMs: 5000, memoryKb: 1 }));
      const { checker } = customChecker('function check() { return true; }', runner);
      expect(await checker(check('', ''))).toEqual({
        verdict: 'SE',
        scoreFraction: 0,
        message: `the checker failed (${status})`,
      });
    }
  });

  it('gives SE, not a crash, when the runner throws', async () => {
    const throwingRunner: SandboxRunner = { execute: () => Promise.reject(new Error('pool is gone')) };
    const checker = createCustomChecker({ code: '', runner: throwingRunner, sandboxKey: 'k' });
    expect(await checker(check('', ''))).toEqual({
      verdict: 'SE',
      scoreFraction: 0,
      message: 'the checker could not run: Error: pool is gone',
    });
  });

  it('gives SE for a malformed result', async () => {
    const malformedResults = [
      'return;',
      "return 'AC';",
      'return 1;',
      'return null;',
      'return [true];',
      "return { verdict: 'OK' };",
      "return { verdict: 'ac' };",
      "return { verdict: 'TLE' };",
      "return { verdict: 'WA', score: 2 };",
      "return { verdict: 'WA', score: -0.5 };",
      "return { verdict: 'WA', score: '0.5' };",
      "return { verdict: 'WA', message: 42 };",
      "return { verdict: 'AC', score: 0.5 };",
      "return { verdict: 'WA', score: 1 };",
    ];
    for (const body of malformedResults) {
      const { checker } = customChecker(`function check() { ${body} }`);
      const result = await checker(check('', ''));
      expect(result, body).toMatchObject({ verdict: 'SE', scoreFraction: 0 });
      expect(result.message, body).toMatch(/^the checker returned/);
    }
  });

  it('gives SE for a deeply nested result without overflowing', () => {
    const result = interpretCheckerResult(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(result.verdict).toBe('SE');
  });

  it('hands huge output to the checker untouched', async () => {
    const { checker } = customChecker('function check(input, expected, actual) { return actual.length === 10485760; }');
    expect(await checker(check('', 'x'.repeat(TEN_MEGABYTES)))).toEqual(AC);
  });
});

describe('createChecker', () => {
  function spec(input: unknown): CheckerSpec {
    return checkerSchema.parse(input);
  }

  it('picks the text checkers for stdio problems', async () => {
    const lines = createChecker(spec({ type: 'lines' }), { style: 'stdio' });
    expect(await lines(check('1 2', '1 2  '))).toEqual(AC);
    expect((await lines(check('1 2', '1\n2'))).verdict).toBe('WA');

    const tokens = createChecker(spec({ type: 'tokens' }), { style: 'stdio' });
    expect(await tokens(check('1 2', '1\n2'))).toEqual(AC);

    const float = createChecker(spec({ type: 'float' }), { style: 'stdio' });
    expect(await float(check('0.5', '0.5000001'))).toEqual(AC);
    expect((await float(check('0.5', '0.50001'))).verdict).toBe('WA');

    const tolerant = createChecker(spec({ type: 'float', absolute: 0.1, relative: 0 }), { style: 'stdio' });
    expect(await tolerant(check('0.5', '0.59'))).toEqual(AC);
  });

  it('compares JSON values for function-style problems', async () => {
    for (const type of ['lines', 'tokens'] as const) {
      const checker = createChecker(spec({ type }), { style: 'function' });
      expect(await checker(check('{"a":[1,2],"b":1}', '{"b":1,"a":[1,2]}'))).toEqual(AC);
      expect((await checker(check('[1,2]', '[2,1]'))).verdict).toBe('WA');
    }
    const float = createChecker(spec({ type: 'float' }), { style: 'function' });
    expect(await float(check('[0.5]', '[0.5000001]'))).toEqual(AC);
  });

  it('uses unordered for either style', async () => {
    for (const style of ['stdio', 'function'] as const) {
      const checker = createChecker(spec({ type: 'unordered' }), { style });
      expect(await checker(check('[[1,2],[]]', '[[],[2,1]]'))).toEqual(AC);
    }
  });

  it('runs a custom checker through the given runner', async () => {
    const runner = createFakeRunner();
    const checker = createChecker(spec({ type: 'custom' }), {
      style: 'stdio',
      customChecker: { code: 'function check() { return true; }', runner, sandboxKey: 'checker' },
    });
    expect(await checker(check('', ''))).toEqual(AC);
    expect(runner.requests).toHaveLength(1);
  });

  it('refuses a custom spec without the checker code and runner', () => {
    expect(() => createChecker(spec({ type: 'custom' }), { style: 'stdio' })).toThrow(/custom/);
  });
});
