// The one way the web app talks to the API. Every response is validated with the shared zod schemas,
// so a contract drift shows up as a clear error instead of a broken page.
import type { z } from 'zod';
import {
  adminUserListResponseSchema,
  adminUserSchema,
  apiErrorSchema,
  authoredProblemDetailSchema,
  authoredProblemListResponseSchema,
  authorsResponseSchema,
  createSubmissionResponseSchema,
  endedSessionsResponseSchema,
  meResponseSchema,
  packageImportResponseSchema,
  problemDetailSchema,
  problemListResponseSchema,
  publishResponseSchema,
  rejudgeListResponseSchema,
  rejudgeSchema,
  runResponseSchema,
  submissionDetailSchema,
  submissionListResponseSchema,
  verificationSchema,
  versionDetailSchema,
  versionSavedResponseSchema,
  type AuthorsRequest,
  type PublishRequest,
  type AdminUserListQuery,
  type ErrorCode,
  type AdminUserUpdateRequest,
  type ChangePasswordRequest,
  type CreateSubmissionRequest,
  type LoginRequest,
  type ProblemListQuery,
  type RegisterRequest,
  type RunRequestBody,
  type SubmissionListQuery,
  type VersionEditRequest,
} from '@oj/shared';

/** What went wrong, in the terms a page shows to people. */
export type ApiErrorKind =
  | 'unreachable'
  | 'rate-limited'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'invalid'
  | 'too-large'
  | 'conflict'
  | 'server'
  | 'bad-response';

export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  /** Every reason a whole upload was refused for (a problem package), as the API lists them. */
  readonly problems: string[];
  readonly retryAfterSeconds: number | undefined;
  readonly correlationId: string | undefined;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    fields?: Record<string, string> | undefined;
    problems?: string[] | undefined;
    retryAfterSeconds?: number | undefined;
    correlationId?: string | undefined;
  }) {
    super(options.message);
    this.name = 'ApiRequestError';
    this.status = options.status;
    this.code = options.code;
    this.fields = options.fields ?? {};
    this.problems = options.problems ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.correlationId = options.correlationId;
  }

  get kind(): ApiErrorKind {
    if (this.code === 'UNREACHABLE') return 'unreachable';
    if (this.code === 'BAD_RESPONSE') return 'bad-response';
    switch (this.status) {
      case 400:
      case 422:
        return 'invalid';
      case 401:
        return 'unauthorized';
      case 403:
        return 'forbidden';
      case 404:
        return 'not-found';
      case 409:
        return 'conflict';
      case 413:
        return 'too-large';
      case 429:
        return 'rate-limited';
      case 502:
      case 503:
      case 504:
        return 'unreachable';
      default:
        return 'server';
    }
  }
}

export function isApiError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | undefined | null;

export interface ApiClientOptions {
  /** '' in the browser (same origin, through the Next proxy); the API's own URL on the server. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Extra headers for every request, e.g. the browser's cookie forwarded by a server component. */
  headers?: () => Record<string, string>;
  /** The CSRF token sent with unsafe requests; `refresh` asks for a new one after the API rejected it. */
  csrfToken?: (refresh: boolean) => Promise<string | undefined>;
  /** Called with every MeResponse the API hands out (login, register, me), so the token cache stays current. */
  onSession?: (session: z.infer<typeof meResponseSchema>) => void;
}

/** Turns a query object into `?a=1&b=2`, leaving out empty values. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function errorFrom(response: Response): Promise<ApiRequestError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = apiErrorSchema.safeParse(body);
  const base = { status: response.status, retryAfterSeconds: retryAfter(response) };
  if (parsed.success) {
    const { code, message, fields, problems, correlationId } = parsed.data.error;
    return new ApiRequestError({ ...base, code, message, fields, problems, correlationId });
  }
  return new ApiRequestError({
    ...base,
    code: `HTTP_${response.status}`,
    message: response.statusText || `HTTP ${response.status}`,
  });
}

function isCsrfRejection(error: ApiRequestError): boolean {
  return error.code === ('CSRF_REJECTED' satisfies ErrorCode);
}

/**
 * `/api/setter/problems/<slug>`, the slug as one encoded path segment. "." and ".." cannot be one (the URL
 * parser removes them, so the request would reach another route): those are refused here, as the API would.
 */
export function setterPath(slug: string): string {
  if (slug === '' || slug === '.' || slug === '..')
    throw new ApiRequestError({ status: 400, code: 'VALIDATION_FAILED', message: `"${slug}" is not a problem slug` });
  return `/api/setter/problems/${encodeURIComponent(slug)}`;
}

/** A version number or id in a path: a positive integer, else refused before anything is sent. */
function versionSegment(value: number): string {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new ApiRequestError({ status: 400, code: 'VALIDATION_FAILED', message: `${value} is not a version number` });
  return String(value);
}

export function createApiClient(options: ApiClientOptions) {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function send(method: Method, path: string, body: unknown, refreshCsrf: boolean): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers?.() };
    const isFile = body instanceof Blob;
    if (body !== undefined) headers['content-type'] = isFile ? 'application/zip' : 'application/json';
    if (method !== 'GET' && options.csrfToken) {
      const token = await options.csrfToken(refreshCsrf);
      if (token) headers['x-csrf-token'] = token;
    }
    try {
      return await doFetch(`${options.baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        ...(body !== undefined ? { body: isFile ? body : JSON.stringify(body) } : {}),
      });
    } catch (cause) {
      throw new ApiRequestError({
        status: 0,
        code: 'UNREACHABLE',
        message: `the API cannot be reached (${(cause as Error).message})`,
      });
    }
  }

  async function request<S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    let response = await send(method, path, body, false);
    if (!response.ok) {
      let error = await errorFrom(response);
      if (method !== 'GET' && isCsrfRejection(error) && options.csrfToken) {
        response = await send(method, path, body, true);
        if (!response.ok) error = await errorFrom(response);
      }
      if (!response.ok) throw error;
    }
    let json: unknown = null;
    if (response.status !== 204) {
      const text = await response.text();
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        throw new ApiRequestError({
          status: response.status,
          code: 'BAD_RESPONSE',
          message: `${method} ${path}: the response is not JSON`,
        });
      }
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unexpected shape';
      throw new ApiRequestError({
        status: response.status,
        code: 'BAD_RESPONSE',
        message: `${method} ${path}: ${where}`,
      });
    }
    return parsed.data;
  }

  /** A file's raw bytes as text (the setters' file route answers text/plain or octet-stream, not JSON). */
  async function requestText(path: string): Promise<string> {
    const response = await send('GET', path, undefined, false);
    if (!response.ok) throw await errorFrom(response);
    return response.text();
  }

  async function session<T extends z.infer<typeof meResponseSchema>>(promise: Promise<T>): Promise<T> {
    const result = await promise;
    options.onSession?.(result);
    return result;
  }

  return {
    me: () => session(request('GET', '/api/auth/me', meResponseSchema)),
    register: (body: RegisterRequest) => session(request('POST', '/api/auth/register', meResponseSchema, body)),
    login: (body: LoginRequest) => session(request('POST', '/api/auth/login', meResponseSchema, body)),
    /** Ends the session; the API answers with the signed-out session and a fresh CSRF token. */
    logout: () => session(request('POST', '/api/auth/logout', meResponseSchema, {})),
    /** Needs the current password; ends every other session of the user, this one stays. */
    changePassword: (body: ChangePasswordRequest) =>
      request('POST', '/api/auth/password', endedSessionsResponseSchema, body),
    logoutOthers: () => request('POST', '/api/auth/logout-others', endedSessionsResponseSchema, {}),

    listProblems: (query: Partial<ProblemListQuery> = {}) =>
      request('GET', `/api/problems${queryString(query)}`, problemListResponseSchema),
    getProblem: (slug: string) => request('GET', `/api/problems/${encodeURIComponent(slug)}`, problemDetailSchema),

    listSubmissions: (query: Partial<SubmissionListQuery> = {}) =>
      request('GET', `/api/submissions${queryString(query)}`, submissionListResponseSchema),
    getSubmission: (id: number) => request('GET', `/api/submissions/${id}`, submissionDetailSchema),
    submit: (body: CreateSubmissionRequest) =>
      request('POST', '/api/submissions', createSubmissionResponseSchema, body),
    /** The Server-Sent Events stream of one submission's progress (`judging`, `test`, `final`). */
    submissionEventsUrl: (id: number) => `${options.baseUrl}/api/submissions/${id}/events`,

    run: (body: RunRequestBody) => request('POST', '/api/runs', runResponseSchema, body),
    /** A setter's problem package (ours, or a Hydro export of one or more problems), as the zip file they picked. */
    uploadPackage: (zip: Blob) => request('POST', '/api/problems/packages', packageImportResponseSchema, zip),

    // ---- the setters' authoring routes (/api/setter/...) ----
    listAuthoredProblems: () => request('GET', '/api/setter/problems', authoredProblemListResponseSchema),
    getAuthoredProblem: async (slug: string) => request('GET', setterPath(slug), authoredProblemDetailSchema),
    getVersion: async (slug: string, version: number) =>
      request('GET', `${setterPath(slug)}/versions/${versionSegment(version)}`, versionDetailSchema),
    getVersionFileText: async (slug: string, version: number, file: string) =>
      requestText(`${setterPath(slug)}/versions/${versionSegment(version)}/file${queryString({ path: file })}`),
    /** The href of a version's package zip (a download link, not fetched by the client). */
    versionExportUrl: (slug: string, version: number) =>
      `${options.baseUrl}${setterPath(slug)}/versions/${versionSegment(version)}/export`,
    saveVersion: async (slug: string, body: VersionEditRequest) =>
      request('POST', `${setterPath(slug)}/versions`, versionSavedResponseSchema, body),
    /** Replaces the tests of version `base` (the newest) with a zip of tests; the answer is the new version. */
    uploadTests: async (slug: string, base: number, zip: Blob) =>
      request(
        'POST',
        `${setterPath(slug)}/tests${queryString({ base: versionSegment(base) })}`,
        versionSavedResponseSchema,
        zip,
      ),
    getVerification: async (slug: string, version: number) =>
      request('GET', `${setterPath(slug)}/versions/${versionSegment(version)}/verification`, verificationSchema),
    /** Public by default, or for contests only. */
    publishVersion: async (slug: string, version: number, body: PublishRequest = { visibility: 'public' }) =>
      request('POST', `${setterPath(slug)}/versions/${versionSegment(version)}/publish`, publishResponseSchema, body),
    startRejudge: async (slug: string) => request('POST', `${setterPath(slug)}/rejudges`, rejudgeSchema, {}),
    listRejudges: async (slug: string) => request('GET', `${setterPath(slug)}/rejudges`, rejudgeListResponseSchema),
    getRejudge: async (slug: string, id: number) =>
      request('GET', `${setterPath(slug)}/rejudges/${versionSegment(id)}`, rejudgeSchema),
    setAuthors: async (slug: string, body: AuthorsRequest) =>
      request('PUT', `${setterPath(slug)}/authors`, authorsResponseSchema, body),

    listUsers: (query: Partial<AdminUserListQuery> = {}) =>
      request('GET', `/api/admin/users${queryString(query)}`, adminUserListResponseSchema),
    updateUser: (id: number, patch: AdminUserUpdateRequest) =>
      request('PATCH', `/api/admin/users/${id}`, adminUserSchema, patch),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
