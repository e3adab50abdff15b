import { compareTokens } from './tokens.ts';
import type { CheckInput, CheckVerdict } from './types.ts';

export interface FloatTolerance {
  absolute: number;
  relative: number;
}

/**
 * A plain decimal number: optional sign, digits with an optional fraction, optional exponent.
 * Unlike `Number()`, it refuses "0x10", "Infinity" and "". Linear time: after the digits, the next
 * part must start with "." or "e", so backtracking never retries more than one character per step.
 */
const DECIMAL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The token's value if it is a decimal number that fits a double, otherwise undefined. */
export function parseFiniteNumber(token: string): number | undefined {
  if (!DECIMAL_NUMBER.test(token)) {
    return undefined;
  }
  const value = Number(token);
  return Number.isFinite(value) ? value : undefined;
}

/** Accepts when |expected - actual| <= absolute, or <= relative * |expected|. */
export function numbersWithinTolerance(expected: number, actual: number, tolerance: FloatTolerance): boolean {
  const difference = Math.abs(expected - actual);
  // Decimal tolerances and values are rounded to binary: 1.000001 - 1 is a hair above 1e-6. A few ulps of
  // slack let a difference of exactly the tolerance, as written in decimal, pass.
  const roundingSlack = 4 * Number.EPSILON * Math.max(Math.abs(expected), Math.abs(actual));
  return (
    difference <= tolerance.absolute + roundingSlack ||
    difference <= tolerance.relative * Math.abs(expected) + roundingSlack
  );
}

/** Short, readable form of a difference or tolerance for messages, to 3 significant digits: 0.1, 2.5e-7, 1.23e+9. */
export function formatMagnitude(value: number): string {
  const rounded = Number(value.toPrecision(3));
  if (rounded === 0 || (Math.abs(rounded) >= 1e-3 && Math.abs(rounded) < 1e6)) {
    return String(rounded);
  }
  return rounded.toExponential();
}

/**
 * Tokens as in `tokens`, except that where both tokens are finite decimal numbers they match within the
 * tolerance. Any other token (a word, "nan", "inf", a number too large for a double) must match exactly.
 */
export function checkFloat(check: CheckInput, tolerance: FloatTolerance): CheckVerdict {
  return compareTokens(check, (expectedToken, actualToken) => {
    if (expectedToken === actualToken) {
      return { equal: true };
    }
    const expected = parseFiniteNumber(expectedToken);
    const actual = parseFiniteNumber(actualToken);
    if (expected === undefined || actual === undefined) {
      return { equal: false };
    }
    if (numbersWithinTolerance(expected, actual, tolerance)) {
      return { equal: true };
    }
    const allowed = Math.max(tolerance.absolute, tolerance.relative * Math.abs(expected));
    return {
      equal: false,
      detail: `difference ${formatMagnitude(Math.abs(expected - actual))} exceeds the allowed ${formatMagnitude(allowed)}`,
    };
  });
}
