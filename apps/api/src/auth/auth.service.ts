import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { hashPassword, verifyPassword } from '@oj/db/password';
import type {
  ChangePasswordRequest,
  EndedSessionsResponse,
  LoginRequest,
  RegisterRequest,
  UserSummary,
} from '@oj/shared';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { DomainError } from '../common/errors.ts';
import { RateLimiter } from '../infra/rate-limiter.ts';
import { UserRepository } from '../users/user.repository.ts';
import { AccountLoginThrottle } from './account-login-throttle.ts';
import type { AuthUser } from './auth-user.ts';
import { assertStrongPassword } from './password-strength.ts';
import { SessionRepository } from './session.repository.ts';
import { looksLikeToken, newRandomToken, sessionTokenHash } from './tokens.ts';

export interface SignedIn {
  user: UserSummary;
  /** The new session's token, for the httpOnly cookie; never stored. */
  sessionToken: string;
}

/** Expired sessions are useless but would pile up; sweep them now and then. */
const EXPIRED_SESSION_SWEEP_MS = 60 * 60 * 1000;

@Injectable()
export class AuthService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AuthService.name);
  private sweepTimer: NodeJS.Timeout | undefined;
  /** Compared against when the username does not exist, so a miss costs as long as a wrong password. */
  private readonly unknownUserHash: Promise<string>;

  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(SessionRepository) private readonly sessions: SessionRepository,
    @Inject(RateLimiter) private readonly rateLimiter: RateLimiter,
    @Inject(AccountLoginThrottle) private readonly accountThrottle: AccountLoginThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.unknownUserHash = hashPassword(newRandomToken());
  }

  onModuleInit(): void {
    this.sweepTimer = setInterval(() => {
      this.sessions.deleteExpired(new Date()).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'could not delete expired sessions');
      });
    }, EXPIRED_SESSION_SWEEP_MS);
    this.sweepTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
  }

  async register(request: RegisterRequest, clientIp: string): Promise<SignedIn> {
    const username = request.username.toLowerCase();
    assertStrongPassword(request.password, [username], 'password');
    // Fails open: the limit only slows down mass sign-ups, and people can still join while Redis is away.
    await this.rateLimiter.hit(
      {
        key: `signup:${clientIp}`,
        limit: this.config.rateLimits.signupsPerHour,
        windowSeconds: 60 * 60,
        what: 'sign-ups from this address',
      },
      { failOpen: true },
    );
    if (await this.users.findByUsername(username)) {
      throw new DomainError('USERNAME_TAKEN', 'that username is taken', { fields: { username: 'already taken' } });
    }
    const user = await this.users.create({ username, passwordHash: await hashPassword(request.password) });
    return {
      user: { id: user.id, username: user.username, role: user.role },
      sessionToken: await this.startSession(user.id),
    };
  }

  async login(request: LoginRequest, clientIp: string): Promise<SignedIn> {
    const username = request.username.toLowerCase();
    // Per address and username: guessing one account's password is slowed down, while people behind a
    // shared address can still sign in to their own accounts.
    const attemptsKey = `login:${clientIp}:${username}`;
    await this.rateLimiter.hit({
      key: attemptsKey,
      limit: this.config.rateLimits.loginAttempts,
      windowSeconds: this.config.rateLimits.loginWindowSeconds,
    });
    // Per account, from any address: a guesser with many addresses is slowed down too.
    await this.accountThrottle.claimAttempt(username);
    const user = await this.users.findByUsername(username);
    const passwordMatches = await verifyPassword(user?.passwordHash ?? (await this.unknownUserHash), request.password);
    if (!user || !passwordMatches) throw new DomainError('INVALID_CREDENTIALS', 'wrong username or password');
    await this.accountThrottle.succeeded(username);
    await this.rateLimiter.reset(attemptsKey);
    if (user.disabled) throw new DomainError('FORBIDDEN', 'this account is disabled');
    return {
      user: { id: user.id, username: user.username, role: user.role },
      sessionToken: await this.startSession(user.id),
    };
  }

  async logout(sessionToken: string | undefined): Promise<void> {
    if (looksLikeToken(sessionToken)) await this.sessions.delete(sessionTokenHash(sessionToken));
  }

  /**
   * Changes the caller's password after checking the current one (throttled like signing in, so a stolen
   * session cannot be used to guess it), and ends every other session of the user.
   */
  async changePassword(
    caller: AuthUser,
    sessionToken: string,
    request: ChangePasswordRequest,
  ): Promise<EndedSessionsResponse> {
    await this.accountThrottle.claimAttempt(caller.username);
    const user = await this.users.findById(caller.id);
    if (!user || !(await verifyPassword(user.passwordHash, request.currentPassword))) {
      throw new DomainError('VALIDATION_FAILED', 'the current password is wrong', {
        fields: { currentPassword: 'wrong password' },
      });
    }
    await this.accountThrottle.succeeded(caller.username);
    assertStrongPassword(request.newPassword, [user.username, request.currentPassword], 'newPassword');
    const endedSessions = await this.users.updatePassword(
      user.id,
      await hashPassword(request.newPassword),
      sessionTokenHash(sessionToken),
    );
    return { endedSessions };
  }

  /** Ends every session of the caller but this one. */
  async logoutOthers(caller: AuthUser, sessionToken: string): Promise<EndedSessionsResponse> {
    return { endedSessions: await this.sessions.deleteOthers(caller.id, sessionTokenHash(sessionToken)) };
  }

  /** The user behind a session cookie; null for no cookie, an unknown or expired session, or a disabled user. */
  async resolveSession(sessionToken: string | undefined): Promise<AuthUser | null> {
    if (!looksLikeToken(sessionToken)) return null;
    const owner = await this.sessions.findOwner(sessionTokenHash(sessionToken), new Date());
    if (!owner || owner.disabled) return null;
    return { id: owner.id, username: owner.username, role: owner.role };
  }

  private async startSession(userId: number): Promise<string> {
    const token = newRandomToken();
    await this.sessions.create({
      tokenHash: sessionTokenHash(token),
      userId,
      expiresAt: new Date(Date.now() + this.config.sessionTtlMs),
    });
    return token;
  }
}
