import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { RUN_QUEUE, createJudgeQueue, createRunQueue, type JudgeQueue, type RunQueue } from '@oj/queue';
import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { closeWithin } from '../common/timeout.ts';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { createLongLivedRedisConnection, REDIS, throttledErrorLog } from './redis.module.ts';

export const JUDGE_QUEUE = Symbol('JudgeQueue');
export const RUN_QUEUE_PRODUCER = Symbol('RunQueue');
/** Completion events of the run queue, read over a connection of its own (BullMQ blocks on it). */
export const RUN_QUEUE_EVENTS = Symbol('RunQueueEvents');
const RUN_QUEUE_EVENTS_CONNECTION = Symbol('RunQueueEventsConnection');

/** How long shutdown waits for BullMQ to close cleanly (it waits for Redis, which may be gone). */
const CLOSE_TIMEOUT_MS = 2000;

@Injectable()
class QueueLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(JUDGE_QUEUE) private readonly judgeQueue: JudgeQueue,
    @Inject(RUN_QUEUE_PRODUCER) private readonly runQueue: RunQueue,
    @Inject(RUN_QUEUE_EVENTS) private readonly runQueueEvents: QueueEvents,
    @Inject(RUN_QUEUE_EVENTS_CONNECTION) private readonly runQueueEventsConnection: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // The queues share the command connection, which RedisModule closes.
    await closeWithin(
      CLOSE_TIMEOUT_MS,
      () => Promise.all([this.judgeQueue.close(), this.runQueue.close(), this.runQueueEvents.close()]),
      () => this.runQueueEventsConnection.disconnect(),
    );
  }
}

@Global()
@Module({
  providers: [
    {
      provide: JUDGE_QUEUE,
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) => {
        const queue = createJudgeQueue(redis, config.redisPrefix);
        queue.on('error', throttledErrorLog('JudgeQueue'));
        return queue;
      },
    },
    {
      provide: RUN_QUEUE_PRODUCER,
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) => {
        const queue = createRunQueue(redis, config.redisPrefix);
        queue.on('error', throttledErrorLog('RunQueue'));
        return queue;
      },
    },
    {
      provide: RUN_QUEUE_EVENTS_CONNECTION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createLongLivedRedisConnection(config, 'run-events'),
    },
    {
      provide: RUN_QUEUE_EVENTS,
      inject: [RUN_QUEUE_EVENTS_CONNECTION, APP_CONFIG],
      useFactory: (connection: Redis, config: AppConfig) => {
        const queueEvents = new QueueEvents(RUN_QUEUE, { connection, prefix: config.redisPrefix });
        queueEvents.on('error', throttledErrorLog('RunQueueEvents'));
        return queueEvents;
      },
    },
    QueueLifecycle,
  ],
  exports: [JUDGE_QUEUE, RUN_QUEUE_PRODUCER, RUN_QUEUE_EVENTS],
})
export class QueuesModule {}
