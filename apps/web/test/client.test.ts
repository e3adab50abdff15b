import { describe, expect, it, vi } from 'vitest';
import { createApiClient, isApiError, queryString, type ApiRequestError } from '@/lib/api/client';

const problemList = { items: [], total: 0, page: 1, pageSize: 20, tags: ['recursion'] };

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function respond(status: number, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(jsonResponse(status, body, headers));
}

async function failure(promise: Promise<unknown>): Promise<ApiRequestError> {
  try {
    await promise;
  } catch (error) {
    if (isApiError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('the API client', () => {
  it('builds the URL with the query and validates the response with the shared schema', async () => {
    const fetch = vi.fn(() => Promise.resolve(jsonResponse(200, problemList)));
    const api = createApiClient({ baseUrl: 'http://api', fetch });
    await expect(api.listProblems({ search: 'sub', tag: undefined, page: 2 })).resolves.toEqual(problemList);
    expect(fetch).toHaveBeenCalledWith(
      'http://api/api/problems?search=sub&page=2',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('rejects a response that does not match the contract, naming the field', async () => {
    const api = createApiClient({ baseUrl: '', fetch: () => respond(200, { ...problemList, total: 'many' }) });
    const error = await failure(api.listProblems());
    expect(error.kind).toBe('bad-response');
    expect(error.message).toContain('total');
  });

  it('sends the CSRF token on unsafe requests only', async () => {
    const fetch = vi.fn((_url: RequestInfo | URL, _init?: RequestInit) => respond(200, { id: 7 }));
    const api = createApiClient({ baseUrl: '', fetch, csrfToken: () => Promise.resolve('token-1') });
    await api.submit({ problem: 'subsets', language: 'javascript', code: 'x' });
    const headers = fetch.mock.calls[0]![1]!.headers as Record<string, string>;
    expect(headers['x-csrf-token']).toBe('token-1');
    expect(JSON.parse(fetch.mock.calls[0]![1]!.body as string)).toEqual({
      problem: 'subsets',
      language: 'javascript',
      code: 'x',
    });
    fetch.mockImplementationOnce(() => respond(200, problemList));
    await api.listProblems();
    expect((fetch.mock.calls[1]![1]!.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });

  it('asks for a fresh CSRF token and retries once when the API rejects the token', async () => {
    const tokens = vi.fn((refresh: boolean) => Promise.resolve(refresh ? 'fresh' : 'stale'));
    const fetch = vi
      .fn<(url: RequestInfo | URL, init?: RequestInit) => Promise<Response>>()
      .mockResolvedValueOnce(jsonResponse(403, { error: { code: 'CSRF_REJECTED', message: 'bad token' } }))
      .mockResolvedValueOnce(jsonResponse(201, { id: 9 }));
    const api = createApiClient({ baseUrl: '', fetch, csrfToken: tokens });
    await expect(api.submit({ problem: 'subsets', language: 'javascript', code: 'x' })).resolves.toEqual({ id: 9 });
    expect((fetch.mock.calls[1]![1]!.headers as Record<string, string>)['x-csrf-token']).toBe('fresh');
  });

  it('turns the error body, status and Retry-After into something a page can show', async () => {
    const api = createApiClient({
      baseUrl: '',
      fetch: () => respond(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, { 'retry-after': '12' }),
    });
    const error = await failure(api.run({ problem: 'subsets', language: 'javascript', code: 'x' }));
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(12);
    expect(error.code).toBe('RATE_LIMITED');
  });

  it('keeps the fields of a validation error', async () => {
    const api = createApiClient({
      baseUrl: '',
      fetch: () =>
        respond(400, { error: { code: 'VALIDATION_FAILED', message: 'invalid', fields: { username: 'too short' } } }),
    });
    const error = await failure(api.register({ username: 'ab', password: 'long enough' }));
    expect(error.kind).toBe('invalid');
    expect(error.fields).toEqual({ username: 'too short' });
    expect(error.problems).toEqual([]);
  });

  it('keeps every reason of a refused upload', async () => {
    const problems = ['statement.md is missing', '"../x": a path out of the package (..)'];
    const api = createApiClient({
      baseUrl: '',
      fetch: () => respond(400, { error: { code: 'VALIDATION_FAILED', message: 'the package is refused', problems } }),
    });
    const error = await failure(api.run({ problem: 'subsets', language: 'javascript', code: 'x' }));
    expect(error.problems).toEqual(problems);
  });

  it('reports an unreachable API as such, and a non-JSON error page by its status', async () => {
    const down = createApiClient({ baseUrl: '', fetch: () => Promise.reject(new TypeError('fetch failed')) });
    expect((await failure(down.me())).kind).toBe('unreachable');
    const gateway = createApiClient({
      baseUrl: '',
      fetch: () => Promise.resolve(new Response('<html>bad gateway</html>', { status: 502 })),
    });
    expect((await failure(gateway.me())).kind).toBe('unreachable');
    const missing = createApiClient({
      baseUrl: '',
      fetch: () => Promise.resolve(new Response('nope', { status: 404 })),
    });
    expect((await failure(missing.getProblem('nope'))).kind).toBe('not-found');
  });

  it('knows a CSRF rejection by its code alone: another 403 is not retried, whatever its message says', async () => {
    const fetch = vi.fn(() => respond(403, { error: { code: 'FORBIDDEN', message: 'csrf token of another user' } }));
    const tokens = vi.fn(() => Promise.resolve('token'));
    const api = createApiClient({ baseUrl: '', fetch, csrfToken: tokens });
    expect((await failure(api.logout())).code).toBe('FORBIDDEN');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(tokens).toHaveBeenCalledWith(false);
    expect(tokens).not.toHaveBeenCalledWith(true);
  });

  it('hands every session it sees to onSession (the CSRF cache)', async () => {
    const onSession = vi.fn();
    const api = createApiClient({
      baseUrl: '',
      fetch: () => respond(200, { user: { id: 1, username: 'ann', role: 'learner' }, csrfToken: 'abc' }),
      onSession,
    });
    await api.login({ username: 'ann', password: 'secret-password' });
    expect(onSession).toHaveBeenCalledWith({ user: { id: 1, username: 'ann', role: 'learner' }, csrfToken: 'abc' });
  });

  it('takes the fresh CSRF token the API hands out on logout', async () => {
    const onSession = vi.fn();
    const api = createApiClient({
      baseUrl: '',
      fetch: () => respond(200, { user: null, csrfToken: 'rotated' }),
      csrfToken: () => Promise.resolve('t'),
      onSession,
    });
    await expect(api.logout()).resolves.toEqual({ user: null, csrfToken: 'rotated' });
    expect(onSession).toHaveBeenCalledWith({ user: null, csrfToken: 'rotated' });
  });

  it('treats an empty success body as null, which a schema then accepts or rejects', async () => {
    const api = createApiClient({ baseUrl: '', fetch: () => Promise.resolve(new Response(null, { status: 204 })) });
    expect((await failure(api.me())).kind).toBe('bad-response');
  });

  it('encodes path parameters and builds the events URL', () => {
    const api = createApiClient({ baseUrl: 'http://api', fetch: () => respond(200, {}) });
    expect(api.submissionEventsUrl(42)).toBe('http://api/api/submissions/42/events');
    expect(queryString({ a: 'x y', b: undefined, c: '', d: 0 })).toBe('?a=x+y&d=0');
    expect(queryString({})).toBe('');
  });
});

describe("the setters' routes", () => {
  const saved = { slug: 'add', versionNumber: 2, created: true, current: true };

  it('send a version edit as JSON to the encoded slug, and validate the answer', async () => {
    const fetch = vi.fn((_url: RequestInfo | URL, _init?: RequestInit) => respond(201, saved));
    const api = createApiClient({ baseUrl: '', fetch, csrfToken: () => Promise.resolve('t') });
    await expect(api.saveVersion('a\0b/c', { base: 1, manifest: {}, files: [] })).resolves.toEqual(saved);
    expect(fetch.mock.calls[0]![0]).toBe('/api/setter/problems/a%00b%2Fc/versions');
    expect(fetch.mock.calls[0]![1]!.method).toBe('POST');
    expect((fetch.mock.calls[0]![1]!.headers as Record<string, string>)['x-csrf-token']).toBe('t');
  });

  it('refuse a slug that a URL cannot hold as a segment, and a version that is no number, before sending', async () => {
    const fetch = vi.fn(() => respond(200, saved));
    const api = createApiClient({ baseUrl: '', fetch });
    for (const call of [
      () => api.getAuthoredProblem('..'),
      () => api.getVersion('.', 1),
      () => api.getVerification('add', Number.NaN),
      () => api.getRejudge('add', -1),
    ])
      expect((await failure(call())).kind).toBe('invalid');
    expect(fetch).not.toHaveBeenCalled();
  });

  it("read a file's raw text, and set the co-authors with PUT", async () => {
    const fetch = vi.fn((_url: RequestInfo | URL, _init?: RequestInit) =>
      Promise.resolve(new Response('1 2\n', { status: 200, headers: { 'content-type': 'application/octet-stream' } })),
    );
    const api = createApiClient({ baseUrl: '', fetch });
    await expect(api.getVersionFileText('add', 3, 'tests/07.in')).resolves.toBe('1 2\n');
    expect(fetch.mock.calls[0]![0]).toBe('/api/setter/problems/add/versions/3/file?path=tests%2F07.in');
    fetch.mockImplementationOnce(() => respond(200, { owner: 'ann', authors: ['bob'] }));
    await expect(api.setAuthors('add', { usernames: ['bob'] })).resolves.toEqual({ owner: 'ann', authors: ['bob'] });
    expect(fetch.mock.calls[1]![1]!.method).toBe('PUT');
  });

  it('send a zip of tests as application/zip to /tests?base=N, and validate the answer', async () => {
    const fetch = vi.fn((_url: RequestInfo | URL, _init?: RequestInit) => respond(201, saved));
    const api = createApiClient({ baseUrl: '', fetch });
    const zip = new Blob([new Uint8Array([0x50, 0x4b, 3, 4])]);
    await expect(api.uploadTests('add', 1, zip)).resolves.toEqual(saved);
    expect(fetch.mock.calls[0]![0]).toBe('/api/setter/problems/add/tests?base=1');
    expect(fetch.mock.calls[0]![1]!.method).toBe('POST');
    expect(fetch.mock.calls[0]![1]!.body).toBe(zip);
    expect((fetch.mock.calls[0]![1]!.headers as Record<string, string>)['content-type']).toBe('application/zip');
    expect((await failure(api.uploadTests('add', 0, zip))).kind).toBe('invalid');
    expect((await failure(api.uploadTests('..', 1, zip))).kind).toBe('invalid');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("list every reason of a refused save, as the API's error.problems", async () => {
    const body = { error: { code: 'VALIDATION_FAILED', message: 'the package is broken', problems: ['a', 'b'] } };
    const api = createApiClient({ baseUrl: '', fetch: () => respond(400, body) });
    const error = await failure(api.saveVersion('add', { base: 1, manifest: {}, files: [] }));
    expect(error.problems).toEqual(['a', 'b']);
  });
});
