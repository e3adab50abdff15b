import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { DomainError } from '../common/errors.ts';
import { REDIS } from '../infra/redis.module.ts';
import { redisKeys } from '@oj/queue';

/** A slot outlives its run's timeout by this much before it counts as abandoned (an API that died mid-run). */
const SLOT_GRACE_MS = 10_000;

/**
 * Atomically: forgets expired slots, refuses when the user holds the maximum, otherwise takes a slot.
 * Slots are members of a sorted set scored by their expiry, so a crashed API never leaks one for long.
 */
const TAKE_SLOT_SCRIPT = `
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`;

/** Custom runs of one user at once, across every API instance (MAX_CONCURRENT_RUNS). */
@Injectable()
export class RunSlots {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Runs `work` holding one of the user's run slots; RATE_LIMITED when they are all taken. */
  async withSlot<T>(userId: number, work: () => Promise<T>): Promise<T> {
    const key = redisKeys(this.config.redisPrefix).runSlots(userId);
    const slot = randomUUID();
    const maxRuns = this.config.rateLimits.maxConcurrentRuns;
    let taken: number;
    try {
      taken = Number(
        await this.redis.eval(
          TAKE_SLOT_SCRIPT,
          1,
          key,
          Date.now(),
          maxRuns,
          this.config.runTimeoutMs + SLOT_GRACE_MS,
          slot,
        ),
      );
    } catch (error) {
      throw new DomainError('SERVICE_UNAVAILABLE', 'temporarily unavailable; try again shortly', {
        internalMessage: `run slots of user ${userId}: ${String(error)}`,
      });
    }
    if (taken !== 1) {
      throw new DomainError(
        'RATE_LIMITED',
        `you already have ${maxRuns} runs in progress; wait for one of them to finish`,
        { headers: { 'Retry-After': '2' } },
      );
    }
    try {
      return await work();
    } finally {
      await this.redis.zrem(key, slot).catch(() => undefined);
    }
  }
}
