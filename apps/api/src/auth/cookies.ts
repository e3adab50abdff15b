import { parseCookie } from 'cookie';
import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../config/config.ts';

export const SESSION_COOKIE = 'oj_session';
/** Readable by the page's script, which echoes it in the X-CSRF-Token header (double-submit). */
export const CSRF_COOKIE = 'oj_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  return parseCookie(header)[name];
}

function baseOptions(config: AppConfig): CookieOptions {
  return { path: '/', sameSite: 'lax', secure: config.cookieSecure, maxAge: config.sessionTtlMs };
}

export function setSessionCookie(response: Response, config: AppConfig, token: string): void {
  response.cookie(SESSION_COOKIE, token, { ...baseOptions(config), httpOnly: true });
}

export function clearSessionCookie(response: Response, config: AppConfig): void {
  const { maxAge: _maxAge, ...options } = baseOptions(config);
  response.clearCookie(SESSION_COOKIE, { ...options, httpOnly: true });
}

export function setCsrfCookie(response: Response, config: AppConfig, token: string): void {
  response.cookie(CSRF_COOKIE, token, { ...baseOptions(config), httpOnly: false });
}
