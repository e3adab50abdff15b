import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { DomainError } from '../common/errors.ts';
import { REDIS } from '../infra/redis.module.ts';
import { redisKeys } from '@oj/queue';

/** The wait after the first failure past the threshold; each further failure doubles it. */
const FIRST_BACKOFF_MS = 1000;
/**
 * The longest wait. Without a cap an attacker could lock a user out for good by failing on purpose; with it,
 * the user can try again at the latest this long after the attacker's last failure. The tradeoff: an attacker
 * who keeps failing gets one guess per account per 15 minutes (about 100 a day, hopeless against a password
 * zxcvbn accepts), and can make the user wait up to 15 minutes, never longer.
 */
const MAX_BACKOFF_MS = 15 * 60 * 1000;
/** Failures are forgotten a day after the last attempt even without a successful sign-in. */
const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;

/**
 * Atomically: refuses an attempt while the account waits (returns the ms left), otherwise counts the
 * attempt as a failure up front (a success deletes the key) and, past the threshold, starts the next wait.
 * Counting up front means attempts sent in parallel cannot slip past the threshold together.
 */
const CLAIM_ATTEMPT_SCRIPT = `
local now = tonumber(ARGV[1])
local blockedUntil = tonumber(redis.call('HGET', KEYS[1], 'blockedUntil') or '0')
if now < blockedUntil then return blockedUntil - now end
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local threshold = tonumber(ARGV[2])
if failures >= threshold then
  local backoff = math.floor(math.min(tonumber(ARGV[3]) * 2 ^ (failures - threshold), tonumber(ARGV[4])))
  redis.call('HSET', KEYS[1], 'blockedUntil', now + backoff)
end
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 0
`;

/**
 * Per-account backoff on wrong passwords, whatever address they come from: after
 * ACCOUNT_LOGIN_FAILURES_BEFORE_BACKOFF failures for one username, each further attempt must wait 1 s, then
 * 2 s, 4 s, ... up to 15 minutes (429 with Retry-After in the meantime). A correct password resets it.
 * Unknown usernames are throttled the same way, so the answers do not tell which accounts exist.
 */
@Injectable()
export class AccountLoginThrottle {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Call before checking a password; throws RATE_LIMITED while the account must wait. */
  async claimAttempt(username: string): Promise<void> {
    let waitMs: number;
    try {
      waitMs = Number(
        await this.redis.eval(
          CLAIM_ATTEMPT_SCRIPT,
          1,
          this.redisKey(username),
          Date.now(),
          this.config.rateLimits.accountLoginFailuresBeforeBackoff,
          FIRST_BACKOFF_MS,
          MAX_BACKOFF_MS,
          FAILURE_MEMORY_MS,
        ),
      );
    } catch (error) {
      throw new DomainError('SERVICE_UNAVAILABLE', 'temporarily unavailable; try again shortly', {
        internalMessage: `account login throttle for ${username}: ${String(error)}`,
      });
    }
    if (waitMs <= 0) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new DomainError(
      'RATE_LIMITED',
      `too many wrong passwords for this account; try again in ${retryAfterSeconds} s`,
      { headers: { 'Retry-After': String(retryAfterSeconds) } },
    );
  }

  /** The password was right: forget the account's failures. */
  async succeeded(username: string): Promise<void> {
    await this.redis.del(this.redisKey(username));
  }

  private redisKey(username: string): string {
    return redisKeys(this.config.redisPrefix).loginBackoff(username);
  }
}
