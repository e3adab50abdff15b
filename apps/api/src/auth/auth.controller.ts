import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  changePasswordRequestSchema,
  endedSessionsResponseSchema,
  loginRequestSchema,
  meResponseSchema,
  registerRequestSchema,
  type ChangePasswordRequest,
  type EndedSessionsResponse,
  type LoginRequest,
  type MeResponse,
  type RegisterRequest,
} from '@oj/shared';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { Endpoint } from '../common/endpoint.ts';
import { DomainError } from '../common/errors.ts';
import { ValidBody } from '../common/validation.ts';
import type { AuthUser } from './auth-user.ts';
import { AuthService, type SignedIn } from './auth.service.ts';
import { Authenticated, CurrentUser, OptionalUser } from './authenticated.decorator.ts';
import { clearSessionCookie, readCookie, SESSION_COOKIE, setCsrfCookie, setSessionCookie } from './cookies.ts';
import { csrfTokenForSession, newRandomToken } from './tokens.ts';

@Controller('auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly service: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('register')
  @Endpoint({
    summary: 'Create an account and sign in',
    description:
      'The password must not be easy to guess (zxcvbn score 3 or more; 400 naming `password` with the reason). ' +
      'SIGNUPS_PER_HOUR sign-ups per address and hour (429 with Retry-After beyond).',
    response: meResponseSchema,
    status: 201,
    tags: ['auth'],
  })
  async register(
    @ValidBody(registerRequestSchema) body: RegisterRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeResponse> {
    return this.signedIn(await this.service.register(body, request.ip ?? 'unknown'), response);
  }

  @Post('login')
  @HttpCode(200)
  @Endpoint({
    summary: 'Sign in',
    description:
      'Limited per address and username, and per account from any address: after ' +
      'ACCOUNT_LOGIN_FAILURES_BEFORE_BACKOFF wrong passwords each attempt waits 1 s, 2 s, 4 s, ... up to 15 min ' +
      '(429 with Retry-After). A correct password resets both.',
    response: meResponseSchema,
    tags: ['auth'],
  })
  async login(
    @ValidBody(loginRequestSchema) body: LoginRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeResponse> {
    return this.signedIn(await this.service.login(body, request.ip ?? 'unknown'), response);
  }

  @Post('logout')
  @HttpCode(200)
  @Endpoint({ summary: 'Sign out (ends this session)', response: meResponseSchema, tags: ['auth'] })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<MeResponse> {
    await this.service.logout(readCookie(request, SESSION_COOKIE));
    clearSessionCookie(response, this.config);
    return { user: null, csrfToken: this.rotateCsrfToken(response) };
  }

  @Post('password')
  @HttpCode(200)
  @Authenticated()
  @Endpoint({
    summary: 'Change the password',
    description:
      'Needs the current password (400 naming `currentPassword` when wrong; throttled like signing in). The new ' +
      'one must not be easy to guess (400 naming `newPassword` with the reason). Ends every other session of ' +
      'the user; this one stays signed in.',
    response: endedSessionsResponseSchema,
    tags: ['auth'],
  })
  changePassword(
    @CurrentUser() user: AuthUser,
    @ValidBody(changePasswordRequestSchema) body: ChangePasswordRequest,
    @Req() request: Request,
  ): Promise<EndedSessionsResponse> {
    return this.service.changePassword(user, this.sessionToken(request), body);
  }

  @Post('logout-others')
  @HttpCode(200)
  @Authenticated()
  @Endpoint({
    summary: 'Sign out everywhere else',
    description: 'Ends every session of the user but this one.',
    response: endedSessionsResponseSchema,
    tags: ['auth'],
  })
  logoutOthers(@CurrentUser() user: AuthUser, @Req() request: Request): Promise<EndedSessionsResponse> {
    return this.service.logoutOthers(user, this.sessionToken(request));
  }

  @Get('me')
  @Endpoint({
    summary: 'The signed-in user and the CSRF token',
    description:
      'Every POST, PATCH, PUT and DELETE must send the returned csrfToken in the X-CSRF-Token header. When ' +
      'signed in, the token is bound to the session: a token of another session is refused.',
    response: meResponseSchema,
    tags: ['auth'],
  })
  me(@OptionalUser() user: AuthUser | null, @Req() request: Request): MeResponse {
    return { user, csrfToken: request.csrfToken ?? '' };
  }

  /** The caller's own session token (an @Authenticated route has one). */
  private sessionToken(request: Request): string {
    const token = readCookie(request, SESSION_COOKIE);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'sign in first');
    return token;
  }

  /** A new session comes with its own CSRF token, bound to it. */
  private signedIn(signedIn: SignedIn, response: Response): MeResponse {
    setSessionCookie(response, this.config, signedIn.sessionToken);
    const csrfToken = csrfTokenForSession(signedIn.sessionToken);
    setCsrfCookie(response, this.config, csrfToken);
    return { user: signedIn.user, csrfToken };
  }

  /** Signed out: a new random token, so one known before cannot be reused. */
  private rotateCsrfToken(response: Response): string {
    const token = newRandomToken();
    setCsrfCookie(response, this.config, token);
    return token;
  }
}
