// Bad input gets a 4xx that says what is wrong (apiErrorSchema, naming the field) and changes nothing.
import { apiErrorSchema, MAX_CODE_BYTES, type ApiError } from '@oj/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiClient, ApiResponse } from './support/api-client.ts';
import { createApiTestEnvironment, type ApiTestEnvironment } from './support/environment.ts';

const SUBMISSIONS_PER_MINUTE = 4;
let environment: ApiTestEnvironment;
let learner: ApiClient;
let learnerId: number;

function errorOf(response: ApiResponse): ApiError['error'] {
  return apiErrorSchema.parse(response.body).error;
}

async function submissionCount(): Promise<number> {
  return environment.prisma.submission.count({ where: { userId: learnerId } });
}

beforeAll(async () => {
  environment = await createApiTestEnvironment('input', {
    env: { SUBMISSIONS_PER_MINUTE: String(SUBMISSIONS_PER_MINUTE) },
  });
  const registered = await environment.registerLearner();
  learner = registered.client;
  learnerId = registered.id;
});
afterAll(async () => {
  await environment?.destroy();
});

describe('submissions', () => {
  test('code over 64 KB is 413 naming the field, and nothing is stored', async () => {
    const code = `// ${'x'.repeat(MAX_CODE_BYTES)}`;
    const response = await learner.post('/api/submissions', { problem: 'subsets', language: 'javascript', code });
    expect(response.status).toBe(413);
    const error = errorOf(response);
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.fields).toHaveProperty('code');
    expect(await submissionCount()).toBe(0);
  });

  test('64 KB counts bytes, not characters', async () => {
    // 30 000 three-byte characters are 90 KB.
    const code = `// ${'€'.repeat(30_000)}`;
    const response = await learner.post('/api/runs', { problem: 'subsets', language: 'javascript', code });
    expect(response.status).toBe(413);
  });

  test('an unknown language is 400 naming `language`', async () => {
    const response = await learner.post('/api/submissions', {
      problem: 'subsets',
      language: 'python',
      code: 'print(1)',
    });
    expect(response.status).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(error.fields ?? {})).toEqual(['language']);
    expect(error.message).toContain('language');
  });

  test('an unknown problem is 404', async () => {
    const response = await learner.post('/api/submissions', {
      problem: 'no-such-problem',
      language: 'javascript',
      code: 'x',
    });
    expect(response.status).toBe(404);
    expect(errorOf(response).code).toBe('NOT_FOUND');
  });

  test('a malformed slug is 400 naming `problem`', async () => {
    const response = await learner.post('/api/submissions', {
      problem: '../etc/passwd',
      language: 'javascript',
      code: 'x',
    });
    expect(response.status).toBe(400);
    expect(errorOf(response).fields).toHaveProperty('problem');
  });

  test('wrong types are 400 naming every wrong field', async () => {
    const response = await learner.post('/api/submissions', {
      problem: 42,
      language: 'javascript',
      code: ['not', 'a', 'string'],
    });
    expect(response.status).toBe(400);
    expect(Object.keys(errorOf(response).fields ?? {}).sort()).toEqual(['code', 'problem']);
  });

  test('missing and unknown fields are 400', async () => {
    const missing = await learner.post('/api/submissions', { problem: 'subsets' });
    expect(missing.status).toBe(400);
    expect(Object.keys(errorOf(missing).fields ?? {}).sort()).toEqual(['code', 'language']);
    const unknown = await learner.post('/api/submissions', {
      problem: 'subsets',
      language: 'javascript',
      code: 'x',
      userId: 1,
    });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).fields).toEqual({ userId: 'unknown field' });
  });

  test('empty code is 400', async () => {
    const response = await learner.post('/api/submissions', { problem: 'subsets', language: 'javascript', code: '' });
    expect(response.status).toBe(400);
    expect(errorOf(response).fields).toHaveProperty('code');
  });

  test('malformed JSON is 400 MALFORMED_JSON', async () => {
    const response = await learner.post('/api/submissions', undefined, {
      rawBody: '{"problem": "subsets", "language": ',
    });
    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('MALFORMED_JSON');
  });

  test('a body that is not a JSON object is 400', async () => {
    const array = await learner.post('/api/submissions', [1, 2, 3]);
    expect(array.status).toBe(400);
    const text = await learner.post('/api/submissions', undefined, {
      rawBody: 'problem=subsets',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(400);
    expect(errorOf(text).fields).toHaveProperty('body');
  });

  test('a body over the request limit is 413 before it is parsed', async () => {
    const response = await learner.post('/api/submissions', undefined, {
      rawBody: JSON.stringify({ problem: 'subsets', language: 'javascript', code: 'x'.repeat(5 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(errorOf(response).code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('a contest that does not exist is 404', async () => {
    const response = await learner.post('/api/submissions', {
      problem: 'subsets',
      language: 'javascript',
      code: 'x',
      contest: 'nope',
    });
    expect(response.status).toBe(404);
  });

  test('none of the refused submissions was stored', async () => {
    expect(await submissionCount()).toBe(0);
  });
});

describe('paths and queries', () => {
  test.each(['abc', '0', '-1', '1.5', '99999999999', '1e3'])('submission id %s is 400 naming `id`', async (id) => {
    const response = await learner.get(`/api/submissions/${id}`);
    expect(response.status).toBe(400);
    expect(errorOf(response).fields).toHaveProperty('id');
  });

  test('an unknown submission is 404', async () => {
    expect((await learner.get('/api/submissions/2147483647')).status).toBe(404);
    expect((await learner.get('/api/submissions/2147483647/events')).status).toBe(404);
  });

  test('query parameters are validated', async () => {
    const tooLarge = await learner.get('/api/problems?pageSize=1000');
    expect(tooLarge.status).toBe(400);
    expect(errorOf(tooLarge).fields).toHaveProperty('pageSize');
    const badDifficulty = await learner.get('/api/problems?difficulty=impossible');
    expect(errorOf(badDifficulty).fields).toHaveProperty('difficulty');
    const unknown = await learner.get('/api/submissions?sort=desc');
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).fields).toEqual({ sort: 'unknown field' });
    const badVerdict = await learner.get('/api/submissions?verdict=OK');
    expect(errorOf(badVerdict).fields).toHaveProperty('verdict');
  });

  // NUL bytes and page numbers past PostgreSQL's integers used to reach the database and come back as 500.
  test.each([
    ['/api/problems?search=%00', 'search'],
    ['/api/problems?tag=a%00b', 'tag'],
    ['/api/problems?search=a%1Fb', 'search'],
    ['/api/submissions?user=%00', 'user'],
    ['/api/problems?page=99999999999', 'page'],
    ['/api/submissions?page=99999999999', 'page'],
    ['/api/problems?page=10001', 'page'],
  ])('%s is 400 naming `%s`', async (path, field) => {
    const response = await learner.get(path);
    expect(response.status, response.text).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
  });

  test('a control character in a search says so', async () => {
    const response = await learner.get('/api/problems?search=%00');
    expect(errorOf(response).fields?.['search']).toMatch(/control character/);
  });

  test.each(['/api/problems?page=10000', '/api/submissions?page=10000'])(
    '%s (the last page allowed) is an empty page',
    async (path) => {
      const response = await learner.get<{ items: unknown[]; page: number }>(path);
      expect(response.status, response.text).toBe(200);
      expect(response.body.items).toEqual([]);
      expect(response.body.page).toBe(10_000);
    },
  );

  test('a NUL byte in a login username is 400 naming `username`, not 500', async () => {
    const response = await environment.anonymous().post('/api/auth/login', {
      username: 'ad\u0000min',
      password: 'whatever-password',
    });
    expect(response.status, response.text).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(error.fields ?? {})).toEqual(['username']);
  });

  test('an unknown route is 404 in the same error format', async () => {
    const response = await learner.get('/api/no-such-route');
    expect(response.status).toBe(404);
    expect(errorOf(response).code).toBe('NOT_FOUND');
  });
});

describe('custom runs', () => {
  test('custom input must be a JSON array of arguments for a function-style problem', async () => {
    const response = await learner.post('/api/runs', {
      problem: 'subsets',
      language: 'javascript',
      code: 'x',
      input: '1 2 3',
    });
    expect(response.status).toBe(400);
    expect(errorOf(response).fields).toHaveProperty('input');
  });

  test('custom input over 1 MB is 413', async () => {
    const response = await learner.post('/api/runs', {
      problem: 'spicy-rabbit-head',
      language: 'javascript',
      code: 'x',
      input: '1 '.repeat(600_000),
    });
    expect(response.status).toBe(413);
    expect(errorOf(response).fields).toHaveProperty('input');
  });
});

describe('admin', () => {
  test('a role that does not exist, an empty patch and an unknown user are refused', async () => {
    const admin = await environment.signIn(environment.admin.username, 'staff-password-1');
    const badRole = await admin.patch(`/api/admin/users/${learnerId}`, { role: 'superuser' });
    expect(badRole.status).toBe(400);
    expect(errorOf(badRole).fields).toHaveProperty('role');
    expect((await admin.patch(`/api/admin/users/${learnerId}`, {})).status).toBe(400);
    expect((await admin.patch('/api/admin/users/2147483647', { disabled: true })).status).toBe(404);
    expect((await admin.patch(`/api/admin/users/${learnerId}`, { disabled: 'yes' })).status).toBe(400);
  });

  test.each([
    ['/api/admin/users?search=%00', 'search'],
    ['/api/admin/users?page=99999999999', 'page'],
  ])('%s is 400 naming `%s`', async (path, field) => {
    const admin = await environment.signIn(environment.admin.username, 'staff-password-1');
    const response = await admin.get(path);
    expect(response.status, response.text).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
  });
});

describe('submission rate limit', () => {
  test(`more than ${SUBMISSIONS_PER_MINUTE} submissions a minute get 429 with Retry-After`, async () => {
    const body = { problem: 'subsets', language: 'javascript', code: 'var subsets = () => [[]];' };
    for (let index = 0; index < SUBMISSIONS_PER_MINUTE; index++) {
      expect((await learner.post('/api/submissions', body)).status).toBe(201);
    }
    const limited = await learner.post('/api/submissions', body);
    expect(limited.status).toBe(429);
    expect(errorOf(limited).code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await submissionCount()).toBe(SUBMISSIONS_PER_MINUTE);

    // The limit is per user: another learner can still submit.
    const other = await environment.registerLearner();
    expect((await other.client.post('/api/submissions', body)).status).toBe(201);
  });
});
