import { countOf, isWhitespaceCode, quote, quoteDifference } from './text.ts';
import { accepted, wrongAnswer, type CheckInput, type CheckVerdict } from './types.ts';

export interface Token {
  text: string;
  /** 1-based line the token starts on. */
  line: number;
}

/** Reads whitespace-separated tokens one at a time, without splitting the whole (maybe 10 MB) text up front. */
export class TokenCursor {
  readonly #text: string;
  #position = 0;
  #line = 1;

  constructor(text: string) {
    this.#text = text;
  }

  next(): Token | undefined {
    const text = this.#text;
    while (this.#position < text.length && isWhitespaceCode(text.charCodeAt(this.#position))) {
      if (text.charCodeAt(this.#position) === 10) {
        this.#line++;
      }
      this.#position++;
    }
    if (this.#position >= text.length) {
      return undefined;
    }
    const tokenStart = this.#position;
    while (this.#position < text.length && !isWhitespaceCode(text.charCodeAt(this.#position))) {
      this.#position++;
    }
    return { text: text.slice(tokenStart, this.#position), line: this.#line };
  }
}

/** Whether two tokens match; when they don't, optionally why (e.g. how far apart two numbers are). */
export type TokenComparison = (expected: string, actual: string) => { equal: true } | { equal: false; detail?: string };

/** Walks both token streams together and reports the first token that differs, is missing or is extra. */
export function compareTokens({ expected, actual }: CheckInput, compareToken: TokenComparison): CheckVerdict {
  const expectedTokens = new TokenCursor(expected);
  const actualTokens = new TokenCursor(actual);
  for (let tokenNumber = 1; ; tokenNumber++) {
    const expectedToken = expectedTokens.next();
    const actualToken = actualTokens.next();
    if (expectedToken === undefined && actualToken === undefined) {
      return accepted();
    }
    if (actualToken === undefined) {
      const ending =
        tokenNumber === 1 ? 'the output is empty' : `the output ended after ${countOf(tokenNumber - 1, 'token')}`;
      return wrongAnswer(`token ${tokenNumber}: expected ${quote(expectedToken?.text ?? '')}, but ${ending}`);
    }
    const where = `token ${tokenNumber} (line ${actualToken.line})`;
    if (expectedToken === undefined) {
      return wrongAnswer(
        `${where}: expected end of output (${countOf(tokenNumber - 1, 'token')}), got extra token ${quote(actualToken.text)}`,
      );
    }
    const comparison = compareToken(expectedToken.text, actualToken.text);
    if (!comparison.equal) {
      const difference = quoteDifference(expectedToken.text, actualToken.text);
      const detail = comparison.detail === undefined ? '' : ` (${comparison.detail})`;
      return wrongAnswer(`${where}: expected ${difference.expected}, got ${difference.actual}${detail}`);
    }
  }
}

/** Whitespace-separated tokens compared exactly; how the whitespace is laid out does not matter. */
export function checkTokens(check: CheckInput): CheckVerdict {
  return compareTokens(check, (expected, actual) => ({ equal: expected === actual }));
}
