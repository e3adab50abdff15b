import type { Redis } from 'ioredis';
import { submissionChannel, type ProgressEvent } from '@oj/shared';
import type { Logger } from './logger.ts';
import { PROGRESS_LIST_TTL_SECONDS, progressListKey } from './queue.ts';

/**
 * Streams a submission's progress: each event is published on the submission's pub/sub channel (live
 * SSE clients of any API instance) and appended to its progress list (clients that connect late replay
 * it). Progress is a courtesy: PostgreSQL holds the result, so a Redis failure here is logged, never
 * allowed to fail judging.
 */
export class ProgressPublisher {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly logger: Logger;

  constructor(redis: Redis, prefix: string, logger: Logger) {
    this.redis = redis;
    this.prefix = prefix;
    this.logger = logger;
  }

  async publish(event: ProgressEvent): Promise<void> {
    const listKey = progressListKey(this.prefix, event.submissionId);
    const message = JSON.stringify(event);
    const transaction = this.redis.multi();
    // A new judging (a retry, a rejudge) replaces the events of the previous one.
    if (event.type === 'judging') transaction.del(listKey);
    transaction
      .rpush(listKey, message)
      .expire(listKey, PROGRESS_LIST_TTL_SECONDS)
      .publish(submissionChannel(this.prefix, event.submissionId), message);
    try {
      await transaction.exec();
    } catch (error) {
      this.logger.warn('could not publish progress', { submissionId: event.submissionId, type: event.type, error });
    }
  }
}
