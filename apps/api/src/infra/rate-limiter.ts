import { Global, Inject, Injectable, Logger, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { DomainError } from '../common/errors.ts';
import { REDIS } from './redis.module.ts';
import { redisKeys } from '@oj/queue';

export interface RateLimit {
  /** What is limited, e.g. `submit:42`; part of the Redis key. */
  key: string;
  limit: number;
  windowSeconds: number;
  /** What ran out, for the 429's message ("sign-ups from this address"); "requests" when absent. */
  what?: string;
}

/**
 * Fixed-window counters in Redis, shared by every API instance. A window starts with the first hit and
 * lasts `windowSeconds`; the hit that goes over the limit is refused with 429 and Retry-After.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Counts one hit; throws RATE_LIMITED once the window's limit is used up. With `failOpen`, a hit that
   * cannot be counted (Redis down) is let through rather than refused.
   */
  async hit(
    { key, limit, windowSeconds, what = 'requests' }: RateLimit,
    options: { failOpen?: boolean } = {},
  ): Promise<void> {
    const redisKey = this.redisKey(key);
    let count: number;
    let ttlMs: number;
    try {
      [count, ttlMs] = await this.countHit(redisKey, windowSeconds);
    } catch (error) {
      if (!options.failOpen) {
        throw new DomainError('SERVICE_UNAVAILABLE', 'temporarily unavailable; try again shortly', {
          internalMessage: `rate limit ${key}: ${String(error)}`,
        });
      }
      this.logger.warn({ err: error, key }, 'rate limit not counted: Redis unavailable');
      return;
    }
    if (count <= limit) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(ttlMs / 1000));
    throw new DomainError('RATE_LIMITED', `too many ${what}; try again in ${retryAfterSeconds} s`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }

  /** Forgets the hits of a key (a successful login clears its failed attempts). */
  async reset(key: string): Promise<void> {
    await this.redis.del(this.redisKey(key));
  }

  private redisKey(key: string): string {
    return redisKeys(this.config.redisPrefix).rateLimit(key);
  }

  private async countHit(redisKey: string, windowSeconds: number): Promise<[count: number, ttlMs: number]> {
    const results = await this.redis
      .multi()
      .incr(redisKey)
      // NX: only the first hit of a window sets its end.
      .pexpire(redisKey, windowSeconds * 1000, 'NX')
      .pttl(redisKey)
      .exec();
    if (!results) throw new Error('the rate limit transaction was discarded');
    const [[incrError, count], , [ttlError, ttlMs]] = results as [
      [Error | null, number],
      unknown,
      [Error | null, number],
    ];
    if (incrError) throw incrError;
    if (ttlError) throw ttlError;
    return [count, ttlMs];
  }
}

@Global()
@Module({ providers: [RateLimiter], exports: [RateLimiter] })
export class RateLimitModule {}
