// Health and readiness, metrics, documentation, security headers and CORS, and how the API behaves when
// PostgreSQL or Redis is not there.
import { randomBytes } from 'node:crypto';
import { redisKeys } from '@oj/queue';
import { apiErrorSchema, type ProgressEvent } from '@oj/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient } from './support/api-client.ts';
import {
  createApiTestEnvironment,
  startApiProcess,
  stopProcess,
  type ApiProcess,
  type ApiTestEnvironment,
} from './support/environment.ts';
import { readEvents } from './support/server-sent-events.ts';

/** Nothing listens on port 1: a Redis that is down. */
const UNREACHABLE_REDIS = 'redis://127.0.0.1:1';
/** /metrics needs it (metrics.test.ts covers who may scrape). */
const METRICS_TOKEN = 'operations-metrics-token-123';

let environment: ApiTestEnvironment;
const extraApis: ApiProcess[] = [];

beforeAll(async () => {
  environment = await createApiTestEnvironment('ops', { env: { SSE_HEARTBEAT_MS: '200', METRICS_TOKEN } });
});
afterAll(async () => {
  for (const api of extraApis) await stopProcess(api.child);
  await environment?.destroy();
});

function scrapeMetrics() {
  return environment.anonymous().get('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
}

async function startBrokenApi(env: Record<string, string>): Promise<ApiProcess> {
  const api = await startApiProcess({
    ...process.env,
    DATABASE_URL: environment.databaseUrl,
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `${environment.redisPrefix}-broken`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...env,
  });
  extraApis.push(api);
  return api;
}

describe('health', () => {
  test('liveness and readiness', async () => {
    const client = environment.anonymous();
    expect((await client.get('/api/health')).body).toEqual({ status: 'ok' });
    expect((await client.get('/api/ready')).body).toEqual({ status: 'ready', checks: { database: 'up', redis: 'up' } });
  });

  test('with PostgreSQL and Redis down the API still starts, is alive and says it is not ready', async () => {
    const api = await startBrokenApi({
      DATABASE_URL: environment.databaseUrl.replace(/\/[^/]+$/, '/oj_test_api_no_such_database'),
      REDIS_URL: UNREACHABLE_REDIS,
    });
    const client = new ApiClient(api.baseUrl);
    expect((await client.get('/api/health')).status).toBe(200);
    const ready = await client.get('/api/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'not ready', checks: { database: 'down', redis: 'down' } });

    // An unexpected failure: 500 with a correlation id that matches the response header, and no internals.
    const problems = await client.get('/api/problems');
    expect(problems.status).toBe(500);
    const { error } = apiErrorSchema.parse(problems.body);
    expect(error.code).toBe('INTERNAL');
    expect(error.correlationId).toBe(problems.headers.get('x-request-id'));
    expect(problems.text).not.toMatch(/oj_test_api_no_such_database|prisma|\bat .*\(|\.ts:\d+/i);
  });

  test('with Redis down a submission is still stored as PENDING for the reconciler, never lost', async () => {
    const api = await startBrokenApi({ REDIS_URL: UNREACHABLE_REDIS });
    const client = new ApiClient(api.baseUrl);
    const registered = await client.post<{ user: { id: number } }>('/api/auth/register', {
      username: `offline-${randomBytes(3).toString('hex')}`,
      password: 'quiet-orbit-lantern',
    });
    expect(registered.status).toBe(201);
    const submitted = await client.post<{ id: number }>('/api/submissions', {
      problem: 'subsets',
      language: 'javascript',
      code: 'var subsets = () => [[]];',
    });
    expect(submitted.status, submitted.text).toBe(201);
    const stored = await environment.prisma.submission.findUniqueOrThrow({ where: { id: submitted.body.id } });
    expect(stored).toMatchObject({ status: 'PENDING', attempts: 1, judgeGeneration: 0 });

    // Signing in needs the login rate limit, which does not fail open: 503, not a guess.
    const login = await new ApiClient(api.baseUrl).post('/api/auth/login', {
      username: 'someone',
      password: 'password-123',
    });
    expect(login.status).toBe(503);
  });
});

describe('metrics', () => {
  test('/metrics has HTTP, queue and verdict metrics in Prometheus format', async () => {
    await environment.anonymous().get('/api/problems');
    const response = await scrapeMetrics();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.text).toMatch(/oj_http_requests_total\{method="GET",route="\/api\/problems",status="200"\} \d+/);
    expect(response.text).toMatch(
      /oj_http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/api\/problems",status="200"\}/,
    );
    for (const state of ['waiting', 'active', 'delayed']) {
      expect(response.text).toContain(`oj_queue_jobs{queue="judge",state="${state}"}`);
    }
    expect(response.text).toContain('oj_submission_verdicts_total{verdict="AC"}');
    expect(response.text).toContain('oj_submission_judge_latency_seconds_bucket');
  });

  test('queue depth counts waiting jobs', async () => {
    const { client } = await environment.registerLearner();
    await client.post('/api/submissions', {
      problem: 'subsets',
      language: 'javascript',
      code: 'var subsets = () => [[]];',
    });
    const metrics = (await scrapeMetrics()).text;
    expect(Number(/oj_queue_jobs\{queue="judge",state="waiting"\} (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
  });
});

describe('documentation', () => {
  test('/api/docs.json is an OpenAPI document of every route, built from the zod schemas', async () => {
    const response = await environment
      .anonymous()
      .get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('/api/docs.json');
    expect(response.body.openapi).toBe('3.1.0');
    const operations = Object.entries(response.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /api/auth/register',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'GET /api/auth/me',
        'GET /api/problems',
        'GET /api/problems/{slug}',
        'POST /api/submissions',
        'GET /api/submissions',
        'GET /api/submissions/{id}',
        'GET /api/submissions/{id}/events',
        'POST /api/submissions/{id}/rejudge',
        'POST /api/runs',
        'GET /api/admin/users',
        'PATCH /api/admin/users/{id}',
        'GET /api/health',
        'GET /api/ready',
        'GET /metrics',
      ]),
    );
    const submit = response.body.paths['/api/submissions']?.['post'] as {
      requestBody: { content: { 'application/json': { schema: { properties: Record<string, { enum?: string[] }> } } } };
    };
    expect(submit.requestBody.content['application/json'].schema.properties['language']?.enum).toEqual([
      'javascript',
      'typescript',
    ]);
  });

  test('/api/docs serves Swagger UI from this server, not a CDN', async () => {
    const page = await environment.anonymous().get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(source.startsWith('/api/docs/')).toBe(true);
      expect((await environment.anonymous().get(source)).status, source).toBe(200);
    }
  });
});

describe('HTTP hardening', () => {
  test('security headers are set and the framework is not advertised', async () => {
    const response = await fetch(`${environment.baseUrl}/api/problems`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('CORS allows the web app with credentials and nobody else', async () => {
    const preflight = (origin: string) =>
      fetch(`${environment.baseUrl}/api/submissions`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-csrf-token',
        },
      });
    const allowed = await preflight('http://localhost:3000');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-csrf-token');
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Server-Sent Events', () => {
  async function pendingSubmission(): Promise<{ client: ApiClient; id: number }> {
    const { client } = await environment.registerLearner();
    const response = await client.post<{ id: number }>('/api/submissions', {
      problem: 'subsets',
      language: 'javascript',
      code: 'var subsets = () => [[]];',
    });
    return { client, id: response.body.id };
  }

  test('replays stored events, relays published ones once each, sends heartbeats and ends after the final', async () => {
    const { client, id } = await pendingSubmission();
    const judging: ProgressEvent = { type: 'judging', submissionId: id, total: 2 };
    const firstTest: ProgressEvent = {
      type: 'test',
      submissionId: id,
      ordinal: 0,
      finished: 1,
      total: 2,
      test: { id: '01', verdict: 'AC', timeMs: 1, memoryKb: 100 },
    };
    // What a worker leaves for late subscribers before anyone listens.
    await environment.redis.rpush(
      `${environment.redisPrefix}:progress:${id}`,
      JSON.stringify(judging),
      JSON.stringify(firstTest),
    );

    const response = await client.open(`/api/submissions/${id}/events`);
    const reading = readEvents(response, 20_000);
    const raw = await fetch(`${environment.baseUrl}/api/submissions/${id}/events`);
    const channel = redisKeys(environment.redisPrefix).submissionChannel(id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The first test again (a duplicate of the replayed one), then the second, then the final.
    await environment.redis.publish(channel, JSON.stringify(firstTest));
    await environment.redis.publish(
      channel,
      JSON.stringify({
        ...firstTest,
        ordinal: 1,
        finished: 2,
        test: { id: '02', verdict: 'WA', timeMs: 2, memoryKb: 100, message: 'hidden' },
      }),
    );
    await environment.redis.publish(channel, 'not json at all');
    await environment.redis.publish(
      channel,
      JSON.stringify({ type: 'final', submissionId: id, verdict: 'WA', score: 0, maxScore: 100 }),
    );

    const events = await reading;
    expect(events.map((event) => event.event)).toEqual(['judging', 'test', 'test', 'final']);
    expect(events.map((event) => (event.data.type === 'test' ? event.data.ordinal : null))).toEqual([null, 0, 1, null]);
    // Test 02 of subsets is a sample, so its message is shown.
    expect(events[2]?.data).toMatchObject({ test: { message: 'hidden' } });

    const rawText = await raw.text();
    expect(rawText).toContain(': heartbeat');
    expect(rawText).toContain('event: final');
  });

  test('a stream whose final event was missed ends from the stored result', async () => {
    const { client, id } = await pendingSubmission();
    const response = await client.open(`/api/submissions/${id}/events`);
    const reading = readEvents(response, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The worker finished while this instance heard nothing (a Redis hiccup): only PostgreSQL knows.
    await environment.prisma.submission.update({
      where: { id },
      data: { status: 'FINISHED', verdict: 'RE', score: 0, maxScore: 100, judgedAt: new Date() },
    });
    const events = await reading;
    expect(events.at(-1)?.data).toMatchObject({ type: 'final', submissionId: id, verdict: 'RE' });
  });

  test('a client that goes away is let go', async () => {
    const { client, id } = await pendingSubmission();
    const controller = new AbortController();
    const response = await fetch(`${client.baseUrl}/api/submissions/${id}/events`, { signal: controller.signal });
    expect(response.status).toBe(200);
    controller.abort();
    // The API keeps serving (the closed stream's listener and heartbeat are gone with it).
    expect((await client.get('/api/health')).status).toBe(200);
  });
});
