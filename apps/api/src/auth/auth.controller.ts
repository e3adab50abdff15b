import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  loginRequestSchema,
  meResponseSchema,
  registerRequestSchema,
  type LoginRequest,
  type MeResponse,
  type RegisterRequest,
} from '@oj/shared';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { Endpoint } from '../common/endpoint.ts';
import { ValidBody } from '../common/validation.ts';
import type { AuthUser } from './auth-user.ts';
import { AuthService, type SignedIn } from './auth.service.ts';
import { OptionalUser } from './authenticated.decorator.ts';
import { clearSessionCookie, readCookie, SESSION_COOKIE, setCsrfCookie, setSessionCookie } from './cookies.ts';
import { newRandomToken } from './tokens.ts';

@Controller('auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly service: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('register')
  @Endpoint({ summary: 'Create an account and sign in', response: meResponseSchema, status: 201, tags: ['auth'] })
  async register(
    @ValidBody(registerRequestSchema) body: RegisterRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeResponse> {
    return this.signedIn(await this.service.register(body), response);
  }

  @Post('login')
  @HttpCode(200)
  @Endpoint({ summary: 'Sign in', response: meResponseSchema, tags: ['auth'] })
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

  @Get('me')
  @Endpoint({
    summary: 'The signed-in user and the CSRF token',
    description: 'Every POST, PATCH, PUT and DELETE must send the returned csrfToken in the X-CSRF-Token header.',
    response: meResponseSchema,
    tags: ['auth'],
  })
  me(@OptionalUser() user: AuthUser | null, @Req() request: Request): MeResponse {
    return { user, csrfToken: request.csrfToken ?? '' };
  }

  private signedIn(signedIn: SignedIn, response: Response): MeResponse {
    setSessionCookie(response, this.config, signedIn.sessionToken);
    return { user: signedIn.user, csrfToken: this.rotateCsrfToken(response) };
  }

  /** A new CSRF token whenever who is signed in changes, so a token planted before cannot be reused. */
  private rotateCsrfToken(response: Response): string {
    const token = newRandomToken();
    setCsrfCookie(response, this.config, token);
    return token;
  }
}
