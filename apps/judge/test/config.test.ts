import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { EnvironmentError } from '@oj/shared';
import { loadJudgeConfig } from '../src/config.ts';
import { REPOSITORY_ROOT } from './helpers.ts';

describe('the configuration', () => {
  test('has defaults that work on a developer machine', () => {
    const config = loadJudgeConfig({});
    expect(config).toMatchObject({
      databaseUrl: 'postgresql://postgres@127.0.0.1:5432/oj',
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'oj',
      cacheDir: path.join(REPOSITORY_ROOT, '.oj-cache', 'testdata'),
      maxJudgeAttempts: 3,
    });
    expect(config.poolSize).toBeGreaterThanOrEqual(1);
  });

  test('reads every variable, treating an empty one as unset', () => {
    const config = loadJudgeConfig({
      DATABASE_URL: 'postgres://judge@db:5432/oj',
      REDIS_URL: 'rediss://cache:6380',
      REDIS_PREFIX: 'oj-staging',
      JUDGE_POOL_SIZE: '4',
      CACHE_DIR: '',
      RECONCILE_INTERVAL_MS: '0',
      RECONCILE_DEADLINE_MS: '5000',
      MAX_JUDGE_ATTEMPTS: '5',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://judge@db:5432/oj',
      redisUrl: 'rediss://cache:6380',
      redisPrefix: 'oj-staging',
      poolSize: 4,
      reconcileIntervalMs: 0,
      reconcileDeadlineMs: 5000,
      maxJudgeAttempts: 5,
    });
  });

  test('names every wrong variable at once', () => {
    let error: unknown;
    try {
      loadJudgeConfig({
        DATABASE_URL: 'mysql://x',
        JUDGE_POOL_SIZE: 'many',
        REDIS_PREFIX: 'a b',
        MAX_JUDGE_ATTEMPTS: '0',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const problems = (error as EnvironmentError).problems.join('\n');
    for (const variable of ['DATABASE_URL', 'JUDGE_POOL_SIZE', 'REDIS_PREFIX', 'MAX_JUDGE_ATTEMPTS'])
      expect(problems).toContain(variable);
  });

  test('stops the worker process with the list when it is wrong', () => {
    const result = spawnSync(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', path.join(REPOSITORY_ROOT, 'apps/judge/src/main.ts')],
      {
        env: { ...process.env, JUDGE_POOL_SIZE: '-1', REDIS_URL: 'http://nowhere' },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('JUDGE_POOL_SIZE');
    expect(result.stderr).toContain('REDIS_URL');
  });
});
