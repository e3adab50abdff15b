import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { DomainError } from '../common/errors.ts';
import { CSRF_COOKIE, CSRF_HEADER, readCookie, SESSION_COOKIE, setCsrfCookie } from './cookies.ts';
import { csrfTokenForSession, looksLikeToken, newRandomToken, tokensEqual } from './tokens.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The CSRF token a request must echo. With a session cookie it is derived from the session (an HMAC keyed
 * with the session token), so a token of another session, or any made-up value, is refused. Without one
 * (signing in, signing up) it is the random oj_csrf cookie, a plain double submit: there is no session to
 * bind to yet, and a cross-site page can neither read that cookie nor set it.
 */
export function expectedCsrfToken(request: Request): string | undefined {
  const sessionToken = readCookie(request, SESSION_COOKIE);
  if (looksLikeToken(sessionToken)) return csrfTokenForSession(sessionToken);
  const anonymousToken = readCookie(request, CSRF_COOKIE);
  return looksLikeToken(anonymousToken) ? anonymousToken : undefined;
}

/**
 * Gives every client its CSRF token (request.csrfToken, returned by GET /api/auth/me) and keeps the oj_csrf
 * cookie, readable by the page's script, equal to it.
 */
export function csrfCookieMiddleware(config: AppConfig) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const expected = expectedCsrfToken(request);
    request.csrfToken = expected ?? newRandomToken();
    if (readCookie(request, CSRF_COOKIE) !== request.csrfToken) setCsrfCookie(response, config, request.csrfToken);
    next();
  };
}

/** Whether a request's Origin header, when it has one, is the web app's or the API's own. */
export function isAllowedOrigin(request: Request, config: AppConfig): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (config.corsOrigins.includes(origin)) return true;
  return origin === `${request.protocol}://${request.headers.host ?? ''}`;
}

/**
 * Throws CSRF_REJECTED unless an unsafe request comes from an allowed Origin and one of `headerNames` holds
 * the request's expected CSRF token.
 */
export function assertCsrfProtected(request: Request, config: AppConfig, headerNames: string[] = [CSRF_HEADER]): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (!isAllowedOrigin(request, config)) {
    throw new DomainError('CSRF_REJECTED', `requests from ${request.headers.origin} are not accepted`);
  }
  const expected = expectedCsrfToken(request);
  const sent = headerNames.map((name) => request.headers[name]).find((value) => typeof value === 'string');
  if (expected === undefined || sent === undefined || !tokensEqual(sent, expected)) {
    throw new DomainError(
      'CSRF_REJECTED',
      "the X-CSRF-Token header must hold this session's CSRF token (GET /api/auth/me returns it)",
    );
  }
}

/**
 * Cookie authentication needs CSRF protection: every unsafe request must send its CSRF token in the
 * X-CSRF-Token header (a cross-site page cannot read or compute it), and must not come from a foreign Origin.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    assertCsrfProtected(context.switchToHttp().getRequest<Request>(), this.config);
    return true;
  }
}
