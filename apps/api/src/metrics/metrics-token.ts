import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { DomainError } from '../common/errors.ts';

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Lets a scrape through only with `Authorization: Bearer <token>` (the scheme ignores case, the token does
 * not). Unset token: 404, as if /metrics did not exist. Both sides are hashed first so that the comparison
 * takes the same time whatever the lengths.
 */
export function checkMetricsAccess(configuredToken: string | undefined, authorization: string | undefined): void {
  if (configuredToken === undefined) throw new DomainError('NOT_FOUND', 'not found');
  const presented = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  if (!timingSafeEqual(sha256(presented), sha256(configuredToken))) {
    throw new DomainError('UNAUTHENTICATED', 'metrics need the bearer token set in METRICS_TOKEN', {
      headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' },
    });
  }
}

/** A guard rather than a check in the handler: guards run before the route's text/plain header is set. */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    checkMetricsAccess(this.config.metricsToken, context.switchToHttp().getRequest<Request>().headers.authorization);
    return true;
  }
}
