import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { DomainError } from '../common/errors.ts';
import { CSRF_COOKIE, CSRF_HEADER, readCookie, setCsrfCookie } from './cookies.ts';
import { looksLikeToken, newRandomToken, tokensEqual } from './tokens.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Gives every client a CSRF token cookie (kept while valid), readable by the page's script. */
export function csrfCookieMiddleware(config: AppConfig) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const existing = readCookie(request, CSRF_COOKIE);
    if (looksLikeToken(existing)) {
      request.csrfToken = existing;
    } else {
      request.csrfToken = newRandomToken();
      setCsrfCookie(response, config, request.csrfToken);
    }
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
 * Cookie authentication needs CSRF protection: every unsafe request must echo the CSRF cookie in the
 * X-CSRF-Token header (a cross-site page can send the cookie but cannot read it), and must not come from a
 * foreign Origin.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method)) return true;
    if (!isAllowedOrigin(request, this.config)) {
      throw new DomainError('CSRF_REJECTED', `requests from ${request.headers.origin} are not accepted`);
    }
    const cookieToken = readCookie(request, CSRF_COOKIE);
    const headerToken = request.headers[CSRF_HEADER];
    if (!looksLikeToken(cookieToken) || typeof headerToken !== 'string' || !tokensEqual(headerToken, cookieToken)) {
      throw new DomainError(
        'CSRF_REJECTED',
        'the X-CSRF-Token header must hold the oj_csrf cookie (GET /api/auth/me returns it)',
      );
    }
    return true;
  }
}
