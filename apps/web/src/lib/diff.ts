/** Where two outputs first differ, line by line, ignoring trailing whitespace (like the `lines` checker). */
export interface FirstDifference {
  /** 1-based line number. */
  line: number;
  expected: string;
  actual: string;
}

function lines(text: string): string[] {
  const result = text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  while (result.length > 0 && result[result.length - 1] === '') result.pop();
  return result;
}

export function firstDifference(expected: string, actual: string): FirstDifference | null {
  const want = lines(expected);
  const got = lines(actual);
  const length = Math.max(want.length, got.length);
  for (let index = 0; index < length; index++) {
    if (want[index] !== got[index]) {
      return { line: index + 1, expected: want[index] ?? '(end of output)', actual: got[index] ?? '(end of output)' };
    }
  }
  return null;
}

/** Splits a compiler message into lines, finding `(line:column)` / `line N` references to show them distinctly. */
export function compilerLines(message: string): { text: string; line: number | null }[] {
  return message
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((text) => {
      const match = /(?:\((\d+),\d+\)|:(\d+):\d+|\bline (\d+))/i.exec(text);
      const raw = match?.[1] ?? match?.[2] ?? match?.[3];
      return { text, line: raw ? Number(raw) : null };
    });
}
