// A browser-like HTTP client for the API: keeps cookies, and sends the CSRF cookie back in X-CSRF-Token on
// unsafe requests the way the web app does.
import { meResponseSchema, type MeResponse } from '@oj/shared';

export interface ApiResponse<Body = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, the text otherwise. */
  body: Body;
  text: string;
}

export interface RequestOptions {
  /** A raw body sent as is (malformed JSON, a zip); otherwise `json` is serialized. */
  rawBody?: string | Uint8Array<ArrayBuffer>;
  json?: unknown;
  headers?: Record<string, string>;
  /** Leave out the X-CSRF-Token header. */
  withoutCsrf?: boolean;
}

export class ApiClient {
  readonly baseUrl: string;
  private readonly cookies = new Map<string, string>();

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Replaces a cookie, as a tampering client would. */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  get<Body = unknown>(path: string, options: RequestOptions = {}): Promise<ApiResponse<Body>> {
    return this.request<Body>('GET', path, options);
  }

  post<Body = unknown>(path: string, json?: unknown, options: RequestOptions = {}): Promise<ApiResponse<Body>> {
    return this.request<Body>('POST', path, { ...options, ...(json !== undefined ? { json } : {}) });
  }

  patch<Body = unknown>(path: string, json?: unknown, options: RequestOptions = {}): Promise<ApiResponse<Body>> {
    return this.request<Body>('PATCH', path, { ...options, ...(json !== undefined ? { json } : {}) });
  }

  async request<Body = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<Body>> {
    if (method !== 'GET' && !this.cookies.has('oj_csrf')) await this.get('/api/auth/me');
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: this.headersFor(method, options),
      body: options.rawBody ?? (options.json !== undefined ? JSON.stringify(options.json) : undefined),
      redirect: 'manual',
    });
    this.remember(response);
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
    return {
      status: response.status,
      headers: response.headers,
      body: (isJson ? JSON.parse(text) : text) as Body,
      text,
    };
  }

  /** Opens a stream (Server-Sent Events) and hands back the response without reading it. */
  async open(path: string): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { headers: this.headersFor('GET', {}) });
  }

  async me(): Promise<MeResponse> {
    const response = await this.get('/api/auth/me');
    return meResponseSchema.parse(response.body);
  }

  private headersFor(method: string, options: RequestOptions): Record<string, string> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.json !== undefined || options.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    if (this.cookies.size > 0) {
      headers['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const csrf = this.cookies.get('oj_csrf');
    if (method !== 'GET' && csrf && !options.withoutCsrf) headers['x-csrf-token'] ??= csrf;
    return headers;
  }

  private remember(response: Response): void {
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = setCookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*expires=thu, 01 jan 1970/i.test(attribute)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
