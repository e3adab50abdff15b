import { apiErrorSchema, endedSessionsResponseSchema, meResponseSchema } from '@oj/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient } from './support/api-client.ts';
import {
  createApiTestEnvironment,
  LEARNER_PASSWORD,
  STAFF_PASSWORD,
  type ApiTestEnvironment,
} from './support/environment.ts';

const LOGIN_ATTEMPTS = 3;
let environment: ApiTestEnvironment;

beforeAll(async () => {
  environment = await createApiTestEnvironment('auth', { env: { LOGIN_ATTEMPTS_PER_WINDOW: String(LOGIN_ATTEMPTS) } });
});
afterAll(async () => {
  await environment?.destroy();
});

describe('register, login, logout, me', () => {
  test('a new account is signed in at once, and me says who it is', async () => {
    const client = environment.anonymous();
    expect(await client.me()).toMatchObject({ user: null });

    const registered = await client.post('/api/auth/register', {
      username: 'Ada_Lovelace',
      password: 'analytical-engine',
    });
    expect(registered.status).toBe(201);
    const body = meResponseSchema.parse(registered.body);
    // Usernames are stored lowercased, so they are unique whatever the case.
    expect(body.user).toMatchObject({ username: 'ada_lovelace', role: 'learner' });
    expect(body.csrfToken).toBe(client.cookie('oj_csrf'));

    const me = await client.me();
    expect(me.user).toEqual(body.user);
  });

  test('the session cookie is httpOnly and SameSite=Lax; the CSRF cookie is readable by the page', async () => {
    const client = environment.anonymous();
    await client.me();
    const response = await client.post('/api/auth/register', {
      username: 'cookie-check',
      password: 'quiet-orbit-lantern',
    });
    const cookies = response.headers.getSetCookie();
    const session = cookies.find((cookie) => cookie.startsWith('oj_session='));
    const csrf = cookies.find((cookie) => cookie.startsWith('oj_csrf='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
  });

  test('only a hash of the session token is stored', async () => {
    const { client, id } = await environment.registerLearner();
    const token = client.cookie('oj_session');
    expect(token).toBeDefined();
    const sessions = await environment.prisma.session.findMany({ where: { userId: id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(sessions[0]?.tokenHash).not.toBe(token);
  });

  test('login with the right password signs in; logout ends the session for good', async () => {
    const client = environment.anonymous();
    await client.post('/api/auth/register', { username: 'grace', password: 'compiler-first' });
    const stolenCookie = client.cookie('oj_session');

    const loggedOut = await client.post('/api/auth/logout');
    expect(loggedOut.status).toBe(200);
    expect(meResponseSchema.parse(loggedOut.body).user).toBeNull();
    expect((await client.me()).user).toBeNull();

    // The old token is worthless once logged out, even if someone kept it.
    const replay = await fetch(`${environment.baseUrl}/api/auth/me`, {
      headers: { cookie: `oj_session=${stolenCookie}` },
    });
    expect(meResponseSchema.parse(await replay.json()).user).toBeNull();

    const login = await client.post('/api/auth/login', { username: 'GRACE', password: 'compiler-first' });
    expect(login.status).toBe(200);
    expect(meResponseSchema.parse(login.body).user).toMatchObject({ username: 'grace' });
    expect((await client.me()).user?.username).toBe('grace');
  });

  test('a taken username is 409 and a wrong password 401, neither signs anyone in', async () => {
    const client = environment.anonymous();
    await client.post('/api/auth/register', { username: 'taken-name', password: 'quiet-orbit-lantern' });
    const other = environment.anonymous();

    const duplicate = await other.post('/api/auth/register', {
      username: 'TAKEN-name',
      password: 'brisk-copper-meadow',
    });
    expect(duplicate.status).toBe(409);
    expect(apiErrorSchema.parse(duplicate.body).error.fields).toHaveProperty('username');

    const wrong = await other.post('/api/auth/login', { username: 'taken-name', password: 'brisk-copper-meadow' });
    expect(wrong.status).toBe(401);
    expect(apiErrorSchema.parse(wrong.body).error.code).toBe('INVALID_CREDENTIALS');
    const unknown = await other.post('/api/auth/login', { username: 'nobody-here', password: 'brisk-copper-meadow' });
    expect(unknown.status).toBe(401);
    // The same answer for an unknown user as for a wrong password.
    expect(unknown.body).toEqual(wrong.body);
    expect((await other.me()).user).toBeNull();
  });

  test('registration input is validated field by field', async () => {
    const client = environment.anonymous();
    const response = await client.post('/api/auth/register', { username: 'a b', password: 'short' });
    expect(response.status).toBe(400);
    const { error } = apiErrorSchema.parse(response.body);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['password', 'username']);
  });

  test('staff accounts sign in with their role', async () => {
    const client = await environment.signIn(environment.admin.username, STAFF_PASSWORD);
    expect((await client.me()).user).toEqual({
      id: environment.admin.id,
      username: environment.admin.username,
      role: 'admin',
    });
  });
});

describe('CSRF protection', () => {
  test('an unsafe request without the X-CSRF-Token header is refused and changes nothing', async () => {
    const client = environment.anonymous();
    await client.me();
    const response = await client.post(
      '/api/auth/register',
      { username: 'no-csrf', password: 'quiet-orbit-lantern' },
      { withoutCsrf: true },
    );
    expect(response.status).toBe(403);
    expect(apiErrorSchema.parse(response.body).error.code).toBe('CSRF_REJECTED');
    expect(await environment.prisma.user.findUnique({ where: { username: 'no-csrf' } })).toBeNull();
  });

  test('a header that does not match the cookie is refused', async () => {
    const client = environment.anonymous();
    await client.me();
    const response = await client.post(
      '/api/auth/register',
      { username: 'wrong-csrf', password: 'quiet-orbit-lantern' },
      { headers: { 'x-csrf-token': 'A'.repeat(43) } },
    );
    expect(response.status).toBe(403);
  });

  test('a request from a foreign Origin is refused even with the token', async () => {
    const { client } = await environment.registerLearner();
    const response = await client.post('/api/auth/logout', undefined, { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(apiErrorSchema.parse(response.body).error.code).toBe('CSRF_REJECTED');
    // Still signed in: the refused logout did nothing.
    expect((await client.me()).user).not.toBeNull();
  });

  test('the web app origin is accepted', async () => {
    const { client } = await environment.registerLearner();
    const response = await client.post('/api/auth/logout', undefined, { headers: { origin: 'http://localhost:3000' } });
    expect(response.status).toBe(200);
  });

  test('signing in rotates the CSRF token', async () => {
    const client = environment.anonymous();
    const before = (await client.me()).csrfToken;
    await client.post('/api/auth/register', { username: 'rotating', password: 'quiet-orbit-lantern' });
    const after = (await client.me()).csrfToken;
    expect(after).not.toBe(before);
    expect(after).toBe(client.cookie('oj_csrf'));
  });
});

describe('disabled users', () => {
  test('are signed out at once and cannot sign in again', async () => {
    const { client, id, username } = await environment.registerLearner('to-disable');
    const admin = await environment.signIn(environment.admin.username, STAFF_PASSWORD);

    const disabled = await admin.patch(`/api/admin/users/${id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ id, disabled: true });

    expect((await client.me()).user).toBeNull();
    const login = await environment.anonymous().post('/api/auth/login', { username, password: LEARNER_PASSWORD });
    expect(login.status).toBe(403);

    await admin.patch(`/api/admin/users/${id}`, { disabled: false });
    const again = await environment.anonymous().post('/api/auth/login', { username, password: LEARNER_PASSWORD });
    expect(again.status).toBe(200);
  });

  test('an admin cannot disable or demote themselves', async () => {
    const admin = await environment.signIn(environment.admin.username, STAFF_PASSWORD);
    expect((await admin.patch(`/api/admin/users/${environment.admin.id}`, { disabled: true })).status).toBe(409);
    expect((await admin.patch(`/api/admin/users/${environment.admin.id}`, { role: 'learner' })).status).toBe(409);
  });
});

describe('login rate limit', () => {
  test('too many attempts for one username from one address get 429 with Retry-After, even with the right password', async () => {
    const { username } = await environment.registerLearner('brute');
    const attacker = new ApiClient(environment.baseUrl);
    for (let attempt = 0; attempt < LOGIN_ATTEMPTS; attempt++) {
      expect((await attacker.post('/api/auth/login', { username, password: `guess-${attempt}` })).status).toBe(401);
    }
    const limited = await attacker.post('/api/auth/login', { username, password: LEARNER_PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(apiErrorSchema.parse(limited.body).error.code).toBe('RATE_LIMITED');

    // Another account from the same address is not affected.
    const { username: other } = await environment.registerLearner('bystander');
    expect((await attacker.post('/api/auth/login', { username: other, password: LEARNER_PASSWORD })).status).toBe(200);
  });
});

describe('change password', () => {
  const NEW_PASSWORD = 'velvet-harbor-compass';

  test('ends every other session, keeps this one, and the new password works', async () => {
    const { client: here, username } = await environment.registerLearner('changer');
    const elsewhere = await environment.signIn(username, LEARNER_PASSWORD);
    const elsewhereCookie = elsewhere.cookie('oj_session');

    const changed = await here.post('/api/auth/password', {
      currentPassword: LEARNER_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(200);
    expect(endedSessionsResponseSchema.parse(changed.body)).toEqual({ endedSessions: 1 });

    expect((await here.me()).user?.username).toBe(username);
    // The other session is over: its cookie no longer signs anyone in.
    expect((await elsewhere.me()).user).toBeNull();
    const protectedRoute = await fetch(`${environment.baseUrl}/api/auth/logout-others`, {
      method: 'POST',
      headers: { cookie: `oj_session=${elsewhereCookie}`, 'x-csrf-token': elsewhere.cookie('oj_csrf') ?? '' },
    });
    expect(protectedRoute.status).toBe(401);

    expect(
      (await environment.anonymous().post('/api/auth/login', { username, password: LEARNER_PASSWORD })).status,
    ).toBe(401);
    expect((await environment.anonymous().post('/api/auth/login', { username, password: NEW_PASSWORD })).status).toBe(
      200,
    );
  });

  test('a wrong current password is a 400 naming currentPassword, and nothing changes', async () => {
    const { client, username } = await environment.registerLearner('wrong-current');
    const response = await client.post('/api/auth/password', {
      currentPassword: 'not-my-password',
      newPassword: NEW_PASSWORD,
    });
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(response.body).error.fields).toHaveProperty('currentPassword');
    expect(
      (await environment.anonymous().post('/api/auth/login', { username, password: LEARNER_PASSWORD })).status,
    ).toBe(200);
  });

  test('a weak new password is a 400 naming newPassword with the reason', async () => {
    const { client, username } = await environment.registerLearner('weak-new');
    for (const newPassword of ['password', username, LEARNER_PASSWORD]) {
      const response = await client.post('/api/auth/password', { currentPassword: LEARNER_PASSWORD, newPassword });
      expect(response.status).toBe(400);
      expect(apiErrorSchema.parse(response.body).error.fields?.['newPassword']).toMatch(/\w{4,}/);
    }
  });

  test('needs a signed-in caller', async () => {
    const response = await environment.anonymous().post('/api/auth/password', {
      currentPassword: LEARNER_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(response.status).toBe(401);
  });
});

describe('sign out other sessions', () => {
  test('ends every other session of the user and keeps this one', async () => {
    const { client: here, username } = await environment.registerLearner('everywhere');
    const laptop = await environment.signIn(username, LEARNER_PASSWORD);
    const phone = await environment.signIn(username, LEARNER_PASSWORD);
    const { client: someoneElse } = await environment.registerLearner('bystander');

    const response = await here.post('/api/auth/logout-others');
    expect(response.status).toBe(200);
    expect(endedSessionsResponseSchema.parse(response.body)).toEqual({ endedSessions: 2 });

    expect((await here.me()).user?.username).toBe(username);
    expect((await laptop.me()).user).toBeNull();
    expect((await phone.me()).user).toBeNull();
    expect((await someoneElse.me()).user).not.toBeNull();
  });
});

test('the OpenAPI document describes changing the password and signing out other sessions', async () => {
  const docs = await environment
    .anonymous()
    .get<{ paths: Record<string, Record<string, { requestBody?: unknown }>> }>('/api/docs.json');
  expect(docs.body.paths['/api/auth/password']?.['post']?.requestBody).toBeDefined();
  expect(docs.body.paths['/api/auth/logout-others']?.['post']).toBeDefined();
});
