// The judge logs as the API does (pino's JSON lines on stderr), at every level LOG_LEVEL accepts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPOSITORY_ROOT } from './helpers.ts';

const LOGGER = path.join(REPOSITORY_ROOT, 'apps/judge/src/logger.ts');

function logLines(level: string): Record<string, unknown>[] {
  const script = `
    import { createLogger } from ${JSON.stringify(LOGGER)};
    const logger = createLogger(${JSON.stringify(level)});
    logger.trace('a trace', { submissionId: 1 });
    logger.debug('a debug');
    logger.info('an info', { poolSize: 2 });
    logger.warn('a warning', { error: 'plain text' });
    logger.error('an error', { error: new Error('boom') });
  `;
  const result = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', script],
    {
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toBe('');
  return result.stderr
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the judge logger', () => {
  test('writes pino lines with the API field names at trace', () => {
    const lines = logLines('trace');
    expect(lines.map((line) => [line['level'], line['msg']])).toEqual([
      [10, 'a trace'],
      [20, 'a debug'],
      [30, 'an info'],
      [40, 'a warning'],
      [50, 'an error'],
    ]);
    for (const line of lines) {
      expect(line['service']).toBe('oj-judge');
      expect(typeof line['pid']).toBe('number');
      expect(typeof line['time']).toBe('number');
    }
    expect(lines[0]).toMatchObject({ submissionId: 1 });
    expect(lines[3]).toMatchObject({ error: 'plain text' });
    // An Error is serialized as pino's err, with its stack.
    const err = lines[4]?.['err'] as { type?: string; message?: string; stack?: string } | undefined;
    expect(err?.type).toBe('Error');
    expect(err?.message).toBe('boom');
    expect(err?.stack).toContain('boom');
  });

  test('leaves out what is below its level, and says nothing when silent', () => {
    expect(logLines('warn').map((line) => line['msg'])).toEqual(['a warning', 'an error']);
    expect(logLines('silent')).toEqual([]);
  });
});
