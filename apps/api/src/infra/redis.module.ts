import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { closeWithin } from '../common/timeout.ts';

/** Injection token of the Redis connection for ordinary commands (never put into subscriber mode). */
export const REDIS = Symbol('Redis');

/**
 * A connection for commands that answer a request: while Redis is down they fail at once instead of
 * queueing, so a request gets an answer (and a submission stays PENDING for the reconciler) rather than hangs.
 */
export function createRedisConnection(config: AppConfig, name: string): Redis {
  const redis = new Redis(config.redisUrl, {
    connectionName: `oj-api-${name}`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });
  return logConnectionErrors(redis, name);
}

/** A connection that waits out a Redis restart: pub/sub subscribers and BullMQ's blocking readers. */
export function createLongLivedRedisConnection(config: AppConfig, name: string): Redis {
  const redis = new Redis(config.redisUrl, { connectionName: `oj-api-${name}`, maxRetriesPerRequest: null });
  return logConnectionErrors(redis, name);
}

/** ioredis retries for ever while Redis is away; say so once per outage rather than once per retry. */
function logConnectionErrors(redis: Redis, name: string): Redis {
  const logger = new Logger(`Redis:${name}`);
  let reported = false;
  redis.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    logger.warn({ err: error }, 'Redis connection lost; retrying');
  });
  redis.on('ready', () => {
    if (reported) logger.log('Redis connection back');
    reported = false;
  });
  return redis;
}

/** An error listener that logs at most once a minute (BullMQ repeats the connection's errors on every retry). */
export function throttledErrorLog(name: string): (error: Error) => void {
  const logger = new Logger(name);
  let lastLoggedAt = 0;
  return (error) => {
    if (Date.now() - lastLoggedAt < 60_000) return;
    lastLoggedAt = Date.now();
    logger.warn({ err: error }, 'error (repeats are not logged for a minute)');
  };
}

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await closeWithin(
      1000,
      () => this.redis.quit(),
      () => this.redis.disconnect(),
    );
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRedisConnection(config, 'commands'),
    },
    RedisLifecycle,
  ],
  exports: [REDIS],
})
export class RedisModule {}
