import { transform, type Message } from 'esbuild';
import { SourceMapConsumer } from 'source-map-js';
import type { Language } from '@oj/shared';

export interface CompiledProgram {
  ok: true;
  /** JavaScript to run as a classic script: ES imports became require() calls. */
  code: string;
  fileName: string;
  /** Maps a line/column of `code` back to the learner's source. */
  originalPosition: (line: number, column: number) => { line: number; column: number } | undefined;
}

export interface CompileFailure {
  ok: false;
  message: string;
}

export const MAX_SOURCE_BYTES = 64 * 1024;

const FILE_NAMES: Record<Language, string> = { javascript: 'solution.js', typescript: 'solution.ts' };

function formatMessage(message: Message): string {
  const where = message.location ? `line ${message.location.line}, column ${message.location.column + 1}: ` : '';
  return `${where}${message.text}`;
}

/**
 * Turns the learner's JavaScript or TypeScript into one classic script. esbuild strips types and
 * rewrites `import fs from 'fs'` into `require('fs')`, so both idioms work in both languages.
 */
export async function compileProgram(source: string, language: Language): Promise<CompiledProgram | CompileFailure> {
  if (Buffer.byteLength(source, 'utf8') > MAX_SOURCE_BYTES) {
    return { ok: false, message: `the source is larger than ${MAX_SOURCE_BYTES / 1024} KB` };
  }
  const fileName = FILE_NAMES[language];
  try {
    const output = await transform(source, {
      loader: language === 'typescript' ? 'ts' : 'js',
      format: 'cjs',
      target: 'es2024',
      sourcemap: 'external',
      sourcefile: fileName,
      logLevel: 'silent',
      supported: { 'top-level-await': false },
    });
    const map = new SourceMapConsumer(JSON.parse(output.map) as ConstructorParameters<typeof SourceMapConsumer>[0]);
    return {
      ok: true,
      code: output.code,
      fileName,
      originalPosition(line, column) {
        const position = map.originalPositionFor({ line, column: Math.max(0, column - 1) });
        return position.line === null ? undefined : { line: position.line, column: position.column + 1 };
      },
    };
  } catch (error) {
    const failure = error as { errors?: Message[]; message?: string };
    if (failure.errors && failure.errors.length > 0) {
      return { ok: false, message: failure.errors.slice(0, 5).map(formatMessage).join('\n') };
    }
    return { ok: false, message: String(failure.message ?? error) };
  }
}
