// The edges of the checkers' helpers: number parsing and tolerance at the boundary, the JSON order used to
// sort canonical answers, the depth guard, and how messages are cut. Written against mutation testing
// (`npm run test:mutation`): each expectation pins one rule a changed operator would break.
import { describe, expect, it } from 'vitest';
import { checkFloat, formatMagnitude, numbersWithinTolerance, parseFiniteNumber } from '../src/checkers/float.ts';
import {
  compareJson,
  jsonKind,
  MAX_JSON_DEPTH,
  parseJsonSafely,
  renderJson,
  sortedKeys,
  type JsonValue,
} from '../src/checkers/json.ts';
import {
  countOf,
  endWithoutTrailingWhitespace,
  isWhitespaceCode,
  quote,
  quoteDifference,
  SNIPPET_LENGTH,
  truncate,
} from '../src/checkers/text.ts';

describe('parseFiniteNumber', () => {
  it.each([
    ['0', 0],
    ['-0', -0],
    ['+1', 1],
    ['1.', 1],
    ['.5', 0.5],
    ['-2.5e3', -2500],
    ['1E-2', 0.01],
    ['007', 7],
  ])('reads the decimal %s', (token, value) => {
    expect(parseFiniteNumber(token)).toBe(value);
  });

  it.each([
    '',
    '.',
    '-',
    '+',
    'e5',
    '1e',
    '1e+',
    '0x10',
    'Infinity',
    '-Infinity',
    'NaN',
    '1,5',
    '1 ',
    ' 1',
    '1.2.3',
    '--1',
    '1e5x',
    'x1',
  ])('refuses %j', (token) => {
    expect(parseFiniteNumber(token)).toBeUndefined();
  });

  it('refuses a decimal too large for a double', () => {
    expect(parseFiniteNumber('1e400')).toBeUndefined();
    expect(parseFiniteNumber('-1e400')).toBeUndefined();
    expect(parseFiniteNumber('1e308')).toBe(1e308);
  });
});

describe('numbersWithinTolerance', () => {
  const absoluteOnly = { absolute: 1e-6, relative: 0 };
  const relativeOnly = { absolute: 0, relative: 1e-3 };

  it('accepts a difference of exactly the absolute tolerance, as written in decimal, and not a hair more', () => {
    expect(numbersWithinTolerance(1, 1.000001, absoluteOnly)).toBe(true);
    expect(numbersWithinTolerance(1, 0.999999, absoluteOnly)).toBe(true);
    expect(numbersWithinTolerance(1, 1.0000011, absoluteOnly)).toBe(false);
    expect(numbersWithinTolerance(1, 0.9999989, absoluteOnly)).toBe(false);
  });

  it('scales the relative tolerance by the expected value, not the actual one', () => {
    expect(numbersWithinTolerance(1000, 1001, relativeOnly)).toBe(true);
    expect(numbersWithinTolerance(1000, 1001.5, relativeOnly)).toBe(false);
    // 1 off an expected 1000 is within 0.1 %; 1 off an expected 1 is not.
    expect(numbersWithinTolerance(1, 2, relativeOnly)).toBe(false);
    expect(numbersWithinTolerance(-1000, -1001, relativeOnly)).toBe(true);
    expect(numbersWithinTolerance(-1000, -999, relativeOnly)).toBe(true);
  });

  it('accepts when either tolerance holds', () => {
    const both = { absolute: 0.5, relative: 0.01 };
    expect(numbersWithinTolerance(1, 1.4, both)).toBe(true); // absolute
    expect(numbersWithinTolerance(1000, 1009, both)).toBe(true); // relative
    expect(numbersWithinTolerance(1, 1.6, both)).toBe(false);
    expect(numbersWithinTolerance(1000, 1011, both)).toBe(false);
  });

  it('gives zero tolerances only the slack of a few ulps', () => {
    const none = { absolute: 0, relative: 0 };
    expect(numbersWithinTolerance(0.1 + 0.2, 0.3, none)).toBe(true);
    expect(numbersWithinTolerance(0, 1e-300, none)).toBe(false);
    expect(numbersWithinTolerance(1, 1 + 1e-12, none)).toBe(false);
    expect(numbersWithinTolerance(1e20, 1e20 + 1e6, none)).toBe(false);
  });
});

describe('formatMagnitude', () => {
  it.each([
    [0, '0'],
    [0.1, '0.1'],
    [0.001, '0.001'],
    [0.000999, '9.99e-4'],
    [2.5e-7, '2.5e-7'],
    [123456, '123000'],
    [999999, '1e+6'],
    [1234567, '1.23e+6'],
    [1.23e9, '1.23e+9'],
    [-0.5, '-0.5'],
    [-2e-9, '-2e-9'],
  ])('writes %d as %s', (value, text) => {
    expect(formatMagnitude(value)).toBe(text);
  });
});

describe('checkFloat', () => {
  const tolerance = { absolute: 1e-6, relative: 1e-6 };
  const check = (expected: string, actual: string) => checkFloat({ input: '', expected, actual }, tolerance);

  it('accepts equal tokens that are not numbers, and numbers within the tolerance', () => {
    expect(check('yes 1.0000001', 'yes 1').verdict).toBe('AC');
    expect(check('nan inf', 'nan inf').verdict).toBe('AC');
    expect(check('1e400', '1e400').verdict).toBe('AC');
  });

  it('says how far apart two numbers are and what was allowed', () => {
    const verdict = check('1 2', '1 2.5');
    expect(verdict.verdict).toBe('WA');
    expect(verdict.scoreFraction).toBe(0);
    expect(verdict.message).toContain('difference 0.5 exceeds the allowed 2e-6');
  });

  it('allows the larger of the two tolerances in the message', () => {
    const verdict = checkFloat(
      { input: '', expected: '1000000', actual: '1000010' },
      { absolute: 1e-3, relative: 1e-6 },
    );
    expect(verdict.message).toContain('exceeds the allowed 1');
  });

  it('compares a number with a word, or a number too large for a double, exactly', () => {
    const word = check('1', 'one');
    expect(word.verdict).toBe('WA');
    expect(word.message).not.toContain('difference');
    expect(check('1e400', '1e401').verdict).toBe('WA');
    expect(check('1e400', '1e401').message).not.toContain('difference');
  });
});

describe('parseJsonSafely', () => {
  it('refuses an empty or blank text with its own message', () => {
    expect(parseJsonSafely('')).toEqual({ ok: false, error: 'empty, not a JSON value' });
    expect(parseJsonSafely(' \n\t')).toEqual({ ok: false, error: 'empty, not a JSON value' });
  });

  it('parses values, including falsy ones', () => {
    expect(parseJsonSafely('0')).toEqual({ ok: true, value: 0 });
    expect(parseJsonSafely('null')).toEqual({ ok: true, value: null });
    expect(parseJsonSafely(' [1, {"a": "b"}] ')).toEqual({ ok: true, value: [1, { a: 'b' }] });
  });

  it('names the parser error, cut to a readable length', () => {
    const result = parseJsonSafely('[1, 2');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^not valid JSON \(.+\)$/);
      expect(result.error.length).toBeLessThanOrEqual('not valid JSON ()'.length + 121);
    }
    const long = parseJsonSafely(`"${'x'.repeat(500)}`);
    expect(!long.ok && long.error.length).toBeLessThanOrEqual('not valid JSON ()'.length + 121);
  });

  it('accepts exactly MAX_JSON_DEPTH levels and refuses one more, before parsing', () => {
    expect(parseJsonSafely(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`).ok).toBe(true);
    expect(parseJsonSafely(`${'{"a":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}`).ok).toBe(true);
    const deeper = parseJsonSafely(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`);
    expect(deeper).toEqual({ ok: false, error: `nested deeper than ${MAX_JSON_DEPTH} levels` });
    // An unclosed 100k-deep text is refused by the guard, not by a stack overflow.
    expect(parseJsonSafely('['.repeat(100_000))).toEqual({
      ok: false,
      error: `nested deeper than ${MAX_JSON_DEPTH} levels`,
    });
  });

  it('counts depth as it goes: closed brackets free their level', () => {
    const wide = Array.from({ length: MAX_JSON_DEPTH + 5 }, () => '[]').join(',');
    expect(parseJsonSafely(`[${wide}]`).ok).toBe(true);
    const wideObjects = Array.from({ length: MAX_JSON_DEPTH + 5 }, () => '{}').join(',');
    expect(parseJsonSafely(`[${wideObjects}]`).ok).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const brackets = '['.repeat(MAX_JSON_DEPTH + 10);
    expect(parseJsonSafely(JSON.stringify(brackets))).toEqual({ ok: true, value: brackets });
    const tricky = `a\\"${brackets}`;
    expect(parseJsonSafely(`"${tricky}"`)).toEqual({ ok: true, value: `a"${brackets}` });
    const backslashLast = ['\\', brackets];
    expect(parseJsonSafely(JSON.stringify(backslashLast))).toEqual({ ok: true, value: backslashLast });
  });
});

describe('jsonKind', () => {
  it.each<[JsonValue, string]>([
    [null, 'null'],
    [false, 'boolean'],
    [0, 'number'],
    ['', 'string'],
    [[], 'array'],
    [{}, 'object'],
  ])('names %j a %s', (value, kind) => {
    expect(jsonKind(value)).toBe(kind);
  });
});

describe('compareJson', () => {
  const sign = (first: JsonValue, second: JsonValue) => Math.sign(compareJson(first, second));

  it('orders kinds null < boolean < number < string < array < object', () => {
    const ordered: JsonValue[] = [null, true, -5, '', [], {}];
    for (let i = 0; i < ordered.length; i++)
      for (let j = 0; j < ordered.length; j++) expect(sign(ordered[i]!, ordered[j]!)).toBe(Math.sign(i - j));
  });

  it('orders values of a kind', () => {
    expect(sign(false, true)).toBe(-1);
    expect(sign(true, false)).toBe(1);
    expect(sign(true, true)).toBe(0);
    expect(sign(-1, 2)).toBe(-1);
    expect(sign(2, -1)).toBe(1);
    expect(sign(3, 3)).toBe(0);
    expect(sign('a', 'b')).toBe(-1);
    expect(sign('b', 'a')).toBe(1);
    expect(sign('ab', 'ab')).toBe(0);
    expect(sign(null, null)).toBe(0);
  });

  it('orders arrays element by element, then by length', () => {
    expect(sign([1, 2], [1, 3])).toBe(-1);
    expect(sign([1, 3], [1, 2])).toBe(1);
    expect(sign([1], [1, 0])).toBe(-1);
    expect(sign([1, 0], [1])).toBe(1);
    expect(sign([2], [1, 9])).toBe(1);
    expect(sign([[1, [2]]], [[1, [2]]])).toBe(0);
  });

  it('orders objects by their sorted keys, then values, then key count', () => {
    expect(sign({ a: 1 }, { b: 1 })).toBe(-1);
    expect(sign({ b: 1 }, { a: 1 })).toBe(1);
    expect(sign({ a: 1 }, { a: 2 })).toBe(-1);
    expect(sign({ a: 2 }, { a: 1 })).toBe(1);
    expect(sign({ a: 1 }, { a: 1, b: 0 })).toBe(-1);
    expect(sign({ a: 1, b: 0 }, { a: 1 })).toBe(1);
    // Key order in the text does not matter.
    expect(sign({ b: 2, a: 1 }, { a: 1, b: 2 })).toBe(0);
    expect(sign({ a: 1, c: 0 }, { b: 0, a: 1 })).toBe(1);
  });

  it('is 0 exactly for deep-equal values', () => {
    expect(compareJson({ x: [1, { y: null }] }, { x: [1, { y: null }] })).toBe(0);
    expect(compareJson({ x: [1, { y: null }] }, { x: [1, { y: false }] })).not.toBe(0);
  });

  it('sorts keys by code unit, as JSON object keys compare', () => {
    expect(sortedKeys({ b: 1, a: 2, B: 3, aa: 4 })).toEqual(['B', 'a', 'aa', 'b']);
  });
});

describe('renderJson', () => {
  it('writes compact JSON, cut to the snippet length', () => {
    expect(renderJson({ a: [1, 2] })).toBe('{"a":[1,2]}');
    const long = renderJson('x'.repeat(200));
    expect(long).toBe(`"${'x'.repeat(SNIPPET_LENGTH - 1)}…`);
  });
});

describe('text helpers', () => {
  it('know ASCII whitespace only', () => {
    for (const code of [9, 10, 11, 12, 13, 32]) expect(isWhitespaceCode(code)).toBe(true);
    for (const code of [8, 14, 31, 33, 0xa0, 0x3000]) expect(isWhitespaceCode(code)).toBe(false);
  });

  it('drop trailing whitespace within the given range only', () => {
    expect(endWithoutTrailingWhitespace('ab  \t', 0, 5)).toBe(2);
    expect(endWithoutTrailingWhitespace('   ', 0, 3)).toBe(0);
    expect(endWithoutTrailingWhitespace('x   ', 2, 4)).toBe(2);
    expect(endWithoutTrailingWhitespace('ab', 0, 2)).toBe(2);
  });

  it('quote, count and truncate', () => {
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote('x'.repeat(SNIPPET_LENGTH))).toBe(JSON.stringify('x'.repeat(SNIPPET_LENGTH)));
    expect(quote('x'.repeat(SNIPPET_LENGTH + 1))).toBe(JSON.stringify(`${'x'.repeat(SNIPPET_LENGTH)}…`));
    expect(countOf(1, 'line')).toBe('1 line');
    expect(countOf(0, 'line')).toBe('0 lines');
    expect(countOf(2, 'token')).toBe('2 tokens');
    expect(truncate('abcd', 4)).toBe('abcd');
    expect(truncate('abcde', 4)).toBe('abcd…');
  });

  it('show short differing texts whole, without a column', () => {
    expect(quoteDifference('abc', 'abd')).toEqual({ expected: '"abc"', actual: '"abd"', column: undefined });
    const edge = 'x'.repeat(SNIPPET_LENGTH);
    expect(quoteDifference(edge, 'y').column).toBeUndefined();
  });

  it('cut long texts to a window around the first difference, and give its column', () => {
    const expected = `${'a'.repeat(100)}X${'b'.repeat(100)}`;
    const actual = `${'a'.repeat(100)}Y${'b'.repeat(100)}`;
    const quoted = quoteDifference(expected, actual);
    expect(quoted.column).toBe(101);
    const start = 100 - Math.floor(SNIPPET_LENGTH / 3);
    expect(quoted.expected).toBe(JSON.stringify(`…${expected.slice(start, start + SNIPPET_LENGTH)}…`));
    expect(quoted.actual).toBe(JSON.stringify(`…${actual.slice(start, start + SNIPPET_LENGTH)}…`));
    expect(JSON.parse(quoted.expected)).toContain('X');
  });

  it('start the window at the beginning when the difference is early, without a leading ellipsis', () => {
    const quoted = quoteDifference(`X${'a'.repeat(100)}`, `Y${'a'.repeat(100)}`);
    expect(quoted.column).toBe(1);
    expect(quoted.expected.startsWith('"X')).toBe(true);
    expect(quoted.expected.endsWith('…"')).toBe(true);
    const shortEnd = quoteDifference(`${'a'.repeat(70)}X`, `${'a'.repeat(70)}`);
    expect(shortEnd.column).toBe(71);
    expect(shortEnd.expected.endsWith('X"')).toBe(true);
  });
});
