import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@oj/shared';
import type { Request } from 'express';
import { DomainError } from '../common/errors.ts';
import type { AuthUser } from './auth-user.ts';

export interface AuthRequirement {
  /** The least role that may call the route; any signed-in user when absent. */
  role?: Role;
}

export const AUTH_REQUIREMENT = 'oj:auth-requirement';

/** The route needs a signed-in caller (401 otherwise), with at least `role` when given (403 otherwise). */
export const Authenticated = (requirement: AuthRequirement = {}) => SetMetadata(AUTH_REQUIREMENT, requirement);

/** The signed-in caller of an @Authenticated route. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const auth = context.switchToHttp().getRequest<Request>().auth;
  if (!auth) throw new DomainError('UNAUTHENTICATED', 'sign in first');
  return auth;
});

/** The caller when signed in, null otherwise (routes anyone may call). */
export const OptionalUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser | null =>
    context.switchToHttp().getRequest<Request>().auth ?? null,
);
