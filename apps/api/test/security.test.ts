// The attacks found when the running platform was probed (issue 7, section 3): login throttles that a fake
// X-Forwarded-For or many addresses do not get around, sign-up limits, guessable passwords, and CSRF tokens
// that work only with their own session, on the queue dashboard too.
import { hashPassword } from '@oj/db/password';
import { apiErrorSchema, meResponseSchema } from '@oj/shared';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient } from './support/api-client.ts';
import {
  createApiTestEnvironment,
  LEARNER_PASSWORD,
  STAFF_PASSWORD,
  type ApiTestEnvironment,
} from './support/environment.ts';

const SIGNUPS_PER_HOUR = 3;
const FAILURES_BEFORE_BACKOFF = 3;

/** The API as deployed without a proxy in front: X-Forwarded-For must be ignored. */
let direct: ApiTestEnvironment;
/** The API behind a proxy on loopback, whose X-Forwarded-For is believed: each test request can be "elsewhere". */
let proxied: ApiTestEnvironment;

beforeAll(async () => {
  [direct, proxied] = await Promise.all([
    createApiTestEnvironment('security_direct', {
      env: { TRUSTED_PROXIES: '', SIGNUPS_PER_HOUR: String(SIGNUPS_PER_HOUR) },
    }),
    createApiTestEnvironment('security_proxied', {
      env: { TRUSTED_PROXIES: 'loopback', ACCOUNT_LOGIN_FAILURES_BEFORE_BACKOFF: String(FAILURES_BEFORE_BACKOFF) },
    }),
  ]);
});
afterAll(async () => {
  await direct?.destroy();
  await proxied?.destroy();
});

/** A learner made in the database, so that making one uses up no sign-up. */
async function createLearner(environment: ApiTestEnvironment): Promise<string> {
  const username = `target-${randomBytes(3).toString('hex')}`;
  await environment.prisma.user.create({ data: { username, passwordHash: await hashPassword(LEARNER_PASSWORD) } });
  return username;
}

let fakeAddressCount = 0;
function newFakeAddress(): Record<string, string> {
  fakeAddressCount++;
  return { 'x-forwarded-for': `203.0.${Math.floor(fakeAddressCount / 250)}.${(fakeAddressCount % 250) + 1}` };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('login throttles', () => {
  test('a new fake X-Forwarded-For on every wrong password does not escape the limit (no trusted proxy)', async () => {
    const username = await createLearner(direct);
    const attacker = direct.anonymous();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      const response = await attacker.post(
        '/api/auth/login',
        { username, password: `guess-${attempt}` },
        { headers: newFakeAddress() },
      );
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length).toBeLessThan(50);

    const right = await attacker.post(
      '/api/auth/login',
      { username, password: LEARNER_PASSWORD },
      { headers: newFakeAddress() },
    );
    expect(right.status).toBe(429);
  });

  test('an account backs off after repeated failures from different addresses; a success resets it', async () => {
    const username = await createLearner(proxied);
    const login = (password: string) =>
      new ApiClient(proxied.baseUrl).post('/api/auth/login', { username, password }, { headers: newFakeAddress() });

    for (let attempt = 0; attempt < FAILURES_BEFORE_BACKOFF; attempt++) {
      expect((await login(`guess-${attempt}`)).status).toBe(401);
    }
    // Even the right password waits, from yet another address.
    const waiting = await login(LEARNER_PASSWORD);
    expect(waiting.status).toBe(429);
    expect(apiErrorSchema.parse(waiting.body).error.code).toBe('RATE_LIMITED');
    expect(waiting.headers.get('retry-after')).toBe('1');

    // The wait doubles with each further failure.
    await sleep(1100);
    expect((await login('guess-again')).status).toBe(401);
    const longer = await login(LEARNER_PASSWORD);
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('2');

    await sleep(2100);
    expect((await login(LEARNER_PASSWORD)).status).toBe(200);
    // Reset: the next wrong password is an ordinary 401 again.
    expect((await login('guess-after-success')).status).toBe(401);
  });

  test('the wait is capped, so failing on purpose cannot lock a user out for good', async () => {
    const username = await createLearner(proxied);
    // As after a hundred failures.
    await proxied.redis.hset(`${proxied.redisPrefix}:login-backoff:${username}`, 'failures', '100');
    const login = (password: string) =>
      new ApiClient(proxied.baseUrl).post('/api/auth/login', { username, password }, { headers: newFakeAddress() });
    expect((await login('guess')).status).toBe(401);
    const waiting = await login(LEARNER_PASSWORD);
    expect(waiting.status).toBe(429);
    expect(waiting.headers.get('retry-after')).toBe(String(15 * 60));
  });
});

describe('sign-up', () => {
  test('one address gets SIGNUPS_PER_HOUR sign-ups an hour, fake X-Forwarded-For or not', async () => {
    for (let signup = 0; signup < SIGNUPS_PER_HOUR; signup++) {
      const response = await direct
        .anonymous()
        .post(
          '/api/auth/register',
          { username: `signup-${signup}-${randomBytes(2).toString('hex')}`, password: LEARNER_PASSWORD },
          { headers: newFakeAddress() },
        );
      expect(response.status).toBe(201);
    }
    const username = `signup-over-${randomBytes(2).toString('hex')}`;
    const refused = await direct
      .anonymous()
      .post('/api/auth/register', { username, password: LEARNER_PASSWORD }, { headers: newFakeAddress() });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(apiErrorSchema.parse(refused.body).error.message).toMatch(/too many sign-ups from this address/);
    expect(await direct.prisma.user.findUnique({ where: { username } })).toBeNull();
  });

  test.each([
    ['a common password', () => 'password'],
    ['repeated characters', () => 'aaaaaaaa'],
    ['the username', (username: string) => username],
  ])('%s is refused with the reason, naming the field password', async (_what, passwordFor) => {
    const username = `weak-${randomBytes(3).toString('hex')}`;
    const response = await proxied
      .anonymous()
      .post('/api/auth/register', { username, password: passwordFor(username) });
    expect(response.status).toBe(400);
    const { error } = apiErrorSchema.parse(response.body);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields?.['password']).toMatch(/\w{4,}/);
    expect(await proxied.prisma.user.findUnique({ where: { username } })).toBeNull();
  });

  test('the reason is what zxcvbn says about the password', async () => {
    const response = await proxied
      .anonymous()
      .post('/api/auth/register', { username: 'heavy-user', password: 'password' });
    expect(apiErrorSchema.parse(response.body).error.fields?.['password']).toMatch(/heavily used password/i);
  });
});

describe('CSRF tokens are bound to the session', () => {
  test('a token of another session is refused, even when the CSRF cookie is set to it too', async () => {
    const { client: victim } = await proxied.registerLearner('victim');
    const { client: attacker } = await proxied.registerLearner('attacker');
    const attackersToken = (await attacker.me()).csrfToken;
    expect(attackersToken).not.toBe((await victim.me()).csrfToken);

    victim.setCookie('oj_csrf', attackersToken);
    const refused = await victim.post('/api/auth/logout-others', undefined, {
      headers: { 'x-csrf-token': attackersToken },
    });
    expect(refused.status).toBe(403);
    expect(apiErrorSchema.parse(refused.body).error.code).toBe('CSRF_REJECTED');
  });

  test('a made-up token in both the cookie and the header is refused for a signed-in user', async () => {
    const { client } = await proxied.registerLearner();
    const madeUp = 'A'.repeat(43);
    client.setCookie('oj_csrf', madeUp);
    const refused = await client.post('/api/auth/logout', undefined, { headers: { 'x-csrf-token': madeUp } });
    expect(refused.status).toBe(403);
    expect((await client.me()).user).not.toBeNull();
  });

  test("the session's own token works, and me hands it out", async () => {
    const { client } = await proxied.registerLearner();
    const { csrfToken } = await client.me();
    expect(csrfToken).toBe(client.cookie('oj_csrf'));
    const response = await client.post('/api/auth/logout-others', undefined, {
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(response.status).toBe(200);
  });

  test('signing in without a session still works with the anonymous token', async () => {
    const username = await createLearner(proxied);
    const client = proxied.anonymous();
    const anonymousToken = (await client.me()).csrfToken;
    const login = await client.post('/api/auth/login', { username, password: LEARNER_PASSWORD });
    expect(login.status).toBe(200);
    expect(meResponseSchema.parse(login.body).csrfToken).not.toBe(anonymousToken);
  });
});

describe('queue dashboard CSRF', () => {
  const boardRoutes = [
    ['PUT', '/api/admin/queues/api/queues/judge/retry/failed'],
    ['PUT', '/api/admin/queues/api/queues/judge/clean/completed'],
    ['PUT', '/api/admin/queues/api/queues/run/pause'],
  ] as const;

  test.each(boardRoutes)('%s %s without a valid token is 403', async (method, path) => {
    const admin = await proxied.signIn(proxied.admin.username, STAFF_PASSWORD);
    const withoutToken = await admin.request(method, path, { withoutCsrf: true });
    expect(withoutToken.status).toBe(403);
    expect(apiErrorSchema.parse(withoutToken.body).error.code).toBe('CSRF_REJECTED');

    const other = await proxied.signIn(proxied.admin.username, STAFF_PASSWORD);
    const othersToken = (await other.me()).csrfToken;
    const withOthersToken = await admin.request(method, path, { headers: { 'x-csrf-token': othersToken } });
    expect(withOthersToken.status).toBe(403);
  });

  test("the board's own page gets the token in the cookie its axios echoes as X-XSRF-TOKEN", async () => {
    const admin = await proxied.signIn(proxied.admin.username, STAFF_PASSWORD);
    expect((await admin.get('/api/admin/queues')).status).toBe(200);
    const boardToken = admin.cookie('XSRF-TOKEN');
    expect(boardToken).toBe((await admin.me()).csrfToken);
    const retried = await admin.request('PUT', '/api/admin/queues/api/queues/judge/retry/failed', {
      withoutCsrf: true,
      headers: { 'x-xsrf-token': boardToken ?? '' },
    });
    expect(retried.status).toBe(200);
    // Resume what the 403 tests above would have paused had they not been refused.
    await admin.request('PUT', '/api/admin/queues/api/queues/run/resume');
  });
});
