// /metrics shows the Node version, memory, request counts and failed logins: only a scraper that holds
// METRICS_TOKEN may read it, and without a token configured the route does not exist.
import { apiErrorSchema } from '@oj/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient } from './support/api-client.ts';
import {
  createApiTestEnvironment,
  startApiProcess,
  stopProcess,
  type ApiProcess,
  type ApiTestEnvironment,
} from './support/environment.ts';

const METRICS_TOKEN = 'metrics-token-for-the-test-Abc123';
let environment: ApiTestEnvironment;
let apiWithoutToken: ApiProcess | undefined;

function scrape(baseUrl: string, authorization?: string) {
  return new ApiClient(baseUrl).get('/metrics', { headers: authorization === undefined ? {} : { authorization } });
}

beforeAll(async () => {
  environment = await createApiTestEnvironment('metrics', { env: { METRICS_TOKEN } });
});
afterAll(async () => {
  if (apiWithoutToken) await stopProcess(apiWithoutToken.child);
  await environment?.destroy();
});

describe('with METRICS_TOKEN set', () => {
  test('the right bearer token gets the metrics in Prometheus text', async () => {
    const response = await scrape(environment.baseUrl, `Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.text).toMatch(/^# HELP /m);
    expect(response.text).toContain('oj_http_requests_total');
  });

  test.each([
    ['no Authorization header', undefined],
    ['a wrong token', 'Bearer not-the-metrics-token-at-all'],
    ['the token differing only in case', `Bearer ${METRICS_TOKEN.toUpperCase()}`],
    ['a prefix of the token', `Bearer ${METRICS_TOKEN.slice(0, -1)}`],
    ['the token without the Bearer scheme', METRICS_TOKEN],
    ['the token as Basic credentials', `Basic ${METRICS_TOKEN}`],
    ['an empty bearer token', 'Bearer '],
  ])('%s is 401 with WWW-Authenticate: Bearer and no metrics', async (_name, authorization) => {
    const response = await scrape(environment.baseUrl, authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    expect(apiErrorSchema.parse(response.body).error.code).toBe('UNAUTHENTICATED');
    expect(response.text).not.toContain('oj_');
    expect(response.text).not.toContain('nodejs_version');
  });

  test('a signed-in admin without the token is 401 too', async () => {
    const admin = await environment.signIn(environment.admin.username, 'staff-password-1');
    expect((await admin.get('/metrics')).status).toBe(401);
  });
});

describe('without METRICS_TOKEN', () => {
  test('/metrics is 404 in the API error format, as if it did not exist, token or not', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: environment.databaseUrl,
      REDIS_PREFIX: `${environment.redisPrefix}-no-token`,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
    };
    delete env['METRICS_TOKEN'];
    apiWithoutToken = await startApiProcess(env);
    for (const authorization of [undefined, `Bearer ${METRICS_TOKEN}`]) {
      const response = await scrape(apiWithoutToken.baseUrl, authorization);
      expect(response.status).toBe(404);
      expect(apiErrorSchema.parse(response.body).error).toMatchObject({ code: 'NOT_FOUND', message: 'not found' });
      expect(response.headers.get('www-authenticate')).toBeNull();
    }
    // The same answer as an unknown route of the API.
    const unknownRoute = await new ApiClient(apiWithoutToken.baseUrl).get('/api/no-such-route');
    expect(unknownRoute.status).toBe(404);
    expect(apiErrorSchema.parse(unknownRoute.body).error).toMatchObject({ code: 'NOT_FOUND', message: 'not found' });
  });
});
