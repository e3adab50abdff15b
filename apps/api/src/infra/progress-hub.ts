import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { redisKeys, type RedisKeys } from '@oj/queue';
import { progressEventSchema, type ProgressEvent } from '@oj/shared';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { closeWithin } from '../common/timeout.ts';
import { createLongLivedRedisConnection, REDIS } from './redis.module.ts';

export type ProgressListener = (event: ProgressEvent) => void;

/**
 * Progress events of every submission, relayed from Redis pub/sub through one subscriber connection per API
 * instance (a pattern subscription on all submission channels) and fanned out in-process to whoever listens:
 * the SSE streams of one submission, and the metrics for every final result.
 */
@Injectable()
export class ProgressHub implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ProgressHub.name);
  private readonly subscriber: Redis;
  private readonly keys: RedisKeys;
  private readonly listenersBySubmission = new Map<number, Set<ProgressListener>>();
  private readonly finalListeners = new Set<ProgressListener>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.subscriber = createLongLivedRedisConnection(config, 'progress');
    this.keys = redisKeys(config.redisPrefix);
  }

  onModuleInit(): void {
    this.subscriber.on('pmessage', (_pattern: string, channel: string, message: string) =>
      this.dispatch(channel, message),
    );
    // Not awaited: the API starts (and says it is not ready) while Redis is away; the subscription is made
    // once Redis answers, and again by ioredis after every reconnect. Streams that miss events meanwhile
    // still end, from the stored result (SubmissionEventsService).
    this.subscriber.psubscribe(this.keys.submissionChannelPattern).catch((error: unknown) => {
      this.logger.error({ err: error }, 'could not subscribe to progress events');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await closeWithin(
      1000,
      () => this.subscriber.quit(),
      () => this.subscriber.disconnect(),
    );
  }

  /** Calls `listener` with each event of one submission from now on; returns the function that stops it. */
  listen(submissionId: number, listener: ProgressListener): () => void {
    let listeners = this.listenersBySubmission.get(submissionId);
    if (!listeners) {
      listeners = new Set();
      this.listenersBySubmission.set(submissionId, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.listenersBySubmission.delete(submissionId);
    };
  }

  /** Calls `listener` with the final event of every submission. */
  listenToFinals(listener: ProgressListener): () => void {
    this.finalListeners.add(listener);
    return () => this.finalListeners.delete(listener);
  }

  /** The events published so far for the submission's current judging, in order (for late subscribers). */
  async replay(submissionId: number): Promise<ProgressEvent[]> {
    const messages = await this.redis.lrange(this.keys.progressList(submissionId), 0, -1);
    return messages.flatMap((message) => {
      const event = this.parse(message);
      return event && event.submissionId === submissionId ? [event] : [];
    });
  }

  /** Drops the stored events of a judging that a rejudge replaces. */
  async forget(submissionId: number): Promise<void> {
    await this.redis.del(this.keys.progressList(submissionId));
  }

  private dispatch(channel: string, message: string): void {
    const event = this.parse(message);
    if (!event || channel !== this.keys.submissionChannel(event.submissionId)) return;
    const listeners = [...(this.listenersBySubmission.get(event.submissionId) ?? [])];
    if (event.type === 'final') listeners.push(...this.finalListeners);
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error({ err: error, submissionId: event.submissionId }, 'a progress listener failed');
      }
    }
  }

  private parse(message: string): ProgressEvent | undefined {
    let json: unknown;
    try {
      json = JSON.parse(message);
    } catch {
      json = undefined;
    }
    const parsed = progressEventSchema.safeParse(json);
    if (!parsed.success) {
      this.logger.warn({ message: message.slice(0, 200) }, 'ignored a malformed progress event');
      return undefined;
    }
    return parsed.data;
  }
}

@Global()
@Module({ providers: [ProgressHub], exports: [ProgressHub] })
export class ProgressHubModule {}
