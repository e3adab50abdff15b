import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../common/errors.ts';
import { hasRole } from './auth-user.ts';
import { AuthService } from './auth.service.ts';
import { AUTH_REQUIREMENT, type AuthRequirement } from './authenticated.decorator.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';

/** Resolves the caller from the session cookie on every route, then enforces the route's @Authenticated. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    request.auth ??= await this.auth.resolveSession(readCookie(request, SESSION_COOKIE));
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!requirement) return true;
    if (!request.auth) throw new DomainError('UNAUTHENTICATED', 'sign in first');
    if (requirement.role && !hasRole(request.auth, requirement.role)) {
      throw new DomainError('FORBIDDEN', `only a ${requirement.role} may do this`);
    }
    return true;
  }
}
