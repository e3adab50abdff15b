import { describe, expect, test } from 'vitest';
import { EnvironmentError } from '@oj/shared';
import { loadConfig } from '../src/config/config.ts';

describe('the configuration', () => {
  test('has defaults that work on a developer machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3001,
      databaseUrl: 'postgresql://postgres@127.0.0.1:5432/oj',
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'oj',
      cookieSecure: false,
      corsOrigins: ['http://localhost:3000'],
    });
  });

  test('reads every variable, empty ones as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      COOKIE_SECURE: 'true',
      CORS_ORIGINS: 'https://oj.example, https://www.oj.example/',
      SUBMISSIONS_PER_MINUTE: '30',
      REDIS_PREFIX: '',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      cookieSecure: true,
      corsOrigins: ['https://oj.example', 'https://www.oj.example'],
      redisPrefix: 'oj',
      rateLimits: { submissionsPerMinute: 30 },
    });
  });

  test('a bad environment is refused with every problem listed', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://localhost/oj',
        COOKIE_SECURE: 'maybe',
        CORS_ORIGINS: 'not a url',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const problems = (error as EnvironmentError).problems.join('\n');
    for (const variable of ['PORT', 'DATABASE_URL', 'COOKIE_SECURE', 'CORS_ORIGINS'])
      expect(problems).toContain(variable);
  });
});
