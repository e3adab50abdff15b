/** How much of a line, token or value a message shows. */
export const SNIPPET_LENGTH = 60;

/**
 * ASCII whitespace only (space, \t, \n, \v, \f, \r), as on most judges: a no-break space the learner
 * printed is content, not layout.
 */
export function isWhitespaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/**
 * Where `text[start, end)` ends once trailing whitespace is dropped. A loop rather than a regex:
 * `/\s+$/` backtracks quadratically on a long run of spaces followed by anything else.
 */
export function endWithoutTrailingWhitespace(text: string, start: number, end: number): number {
  let index = end;
  while (index > start && isWhitespaceCode(text.charCodeAt(index - 1))) {
    index--;
  }
  return index;
}

/** `text` as a quoted, escaped string literal, cut to SNIPPET_LENGTH characters. */
export function quote(text: string): string {
  return JSON.stringify(text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH)}…` : text);
}

/** "1 line", "2 lines". */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Cuts free text (an error message, a checker's message) to `maxLength` characters. */
export function truncate(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}

export interface QuotedDifference {
  expected: string;
  actual: string;
  /** 1-based position of the first differing character, given only when the texts had to be cut. */
  column: number | undefined;
}

/**
 * Quotes two differing texts for a message. Short texts are shown whole; long ones are cut to a window
 * around the first differing character, since the first 60 characters of two long lines are often equal.
 */
export function quoteDifference(expected: string, actual: string): QuotedDifference {
  if (expected.length <= SNIPPET_LENGTH && actual.length <= SNIPPET_LENGTH) {
    return { expected: JSON.stringify(expected), actual: JSON.stringify(actual), column: undefined };
  }
  const firstDifference = commonPrefixLength(expected, actual);
  const windowStart = Math.max(0, firstDifference - Math.floor(SNIPPET_LENGTH / 3));
  return {
    expected: quoteWindow(expected, windowStart),
    actual: quoteWindow(actual, windowStart),
    column: firstDifference + 1,
  };
}

function commonPrefixLength(first: string, second: string): number {
  const limit = Math.min(first.length, second.length);
  let index = 0;
  while (index < limit && first.charCodeAt(index) === second.charCodeAt(index)) {
    index++;
  }
  return index;
}

function quoteWindow(text: string, windowStart: number): string {
  const windowEnd = windowStart + SNIPPET_LENGTH;
  const prefix = windowStart > 0 ? '…' : '';
  const suffix = windowEnd < text.length ? '…' : '';
  return JSON.stringify(`${prefix}${text.slice(windowStart, windowEnd)}${suffix}`);
}
