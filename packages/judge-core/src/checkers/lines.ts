import { countOf, endWithoutTrailingWhitespace, quote, quoteDifference } from './text.ts';
import { accepted, wrongAnswer, type CheckInput, type CheckVerdict } from './types.ts';

/**
 * Reads a text line by line without splitting it up front (the output may be 10 MB), giving each line
 * without its trailing whitespace (so CRLF reads as LF) and stopping before trailing empty lines.
 */
export class LineCursor {
  readonly #text: string;
  readonly #end: number;
  #position = 0;
  #finished: boolean;

  constructor(text: string) {
    this.#text = text;
    this.#end = endWithoutTrailingWhitespace(text, 0, text.length);
    this.#finished = this.#end === 0;
  }

  next(): string | undefined {
    if (this.#finished) {
      return undefined;
    }
    const lineStart = this.#position;
    const newline = this.#text.indexOf('\n', lineStart);
    let lineEnd: number;
    if (newline === -1 || newline >= this.#end) {
      lineEnd = this.#end;
      this.#finished = true;
    } else {
      lineEnd = newline;
      this.#position = newline + 1;
    }
    return this.#text.slice(lineStart, endWithoutTrailingWhitespace(this.#text, lineStart, lineEnd));
  }
}

/** Line by line, ignoring trailing whitespace on each line and empty lines at the end. */
export function checkLines({ expected, actual }: CheckInput): CheckVerdict {
  const expectedLines = new LineCursor(expected);
  const actualLines = new LineCursor(actual);
  for (let lineNumber = 1; ; lineNumber++) {
    const expectedLine = expectedLines.next();
    const actualLine = actualLines.next();
    if (expectedLine === undefined && actualLine === undefined) {
      return accepted();
    }
    if (actualLine === undefined) {
      const ending =
        lineNumber === 1 ? 'the output is empty' : `the output ended after ${countOf(lineNumber - 1, 'line')}`;
      return wrongAnswer(`line ${lineNumber}: expected ${quote(expectedLine ?? '')}, but ${ending}`);
    }
    if (expectedLine === undefined) {
      return wrongAnswer(
        `line ${lineNumber}: expected end of output (${countOf(lineNumber - 1, 'line')}), got extra line ${quote(actualLine)}`,
      );
    }
    if (expectedLine !== actualLine) {
      const difference = quoteDifference(expectedLine, actualLine);
      const where =
        difference.column === undefined ? `line ${lineNumber}` : `line ${lineNumber}, column ${difference.column}`;
      return wrongAnswer(`${where}: expected ${difference.expected}, got ${difference.actual}`);
    }
  }
}
