import type { Redis } from 'ioredis';
import { PROGRESS_LIST_TTL_SECONDS, redisKeys, type RedisKeys } from '@oj/queue';
import type { ProgressEvent } from '@oj/shared';
import type { Logger } from './logger.ts';

interface SubmissionQueue {
  events: ProgressEvent[];
  /** The loop sending this submission's events; undefined when nothing is being sent. */
  sending: Promise<void> | undefined;
}

/**
 * Streams a submission's progress: each event is published on the submission's pub/sub channel (live
 * SSE clients of any API instance) and appended to its progress list (clients that connect late replay
 * it). Progress is a courtesy: PostgreSQL holds the result, so a Redis failure here is logged, never
 * allowed to fail judging.
 *
 * A submission's events go out in order. An event published while the previous one is still on its way
 * waits, and whatever gathered meanwhile goes out together in one transaction (one round trip instead of
 * one per test when the machine is busy); an event published when nothing is in flight goes out at once.
 */
export class ProgressPublisher {
  private readonly redis: Redis;
  private readonly keys: RedisKeys;
  private readonly logger: Logger;
  private readonly queues = new Map<number, SubmissionQueue>();

  constructor(redis: Redis, prefix: string, logger: Logger) {
    this.redis = redis;
    this.keys = redisKeys(prefix);
    this.logger = logger;
  }

  /** Resolves once the event (and any published after it meanwhile) has been sent, or failed to be. Never rejects. */
  publish(event: ProgressEvent): Promise<void> {
    let queue = this.queues.get(event.submissionId);
    if (!queue) {
      queue = { events: [], sending: undefined };
      this.queues.set(event.submissionId, queue);
    }
    queue.events.push(event);
    queue.sending ??= this.drain(event.submissionId, queue);
    return queue.sending;
  }

  private async drain(submissionId: number, queue: SubmissionQueue): Promise<void> {
    while (queue.events.length > 0) await this.send(submissionId, queue.events.splice(0));
    queue.sending = undefined;
    this.queues.delete(submissionId);
  }

  private async send(submissionId: number, events: ProgressEvent[]): Promise<void> {
    const listKey = this.keys.progressList(submissionId);
    const channel = this.keys.submissionChannel(submissionId);
    const transaction = this.redis.multi();
    for (const event of events) {
      const message = JSON.stringify(event);
      // A new judging (a retry, a rejudge) replaces the events of the previous one.
      if (event.type === 'judging') transaction.del(listKey);
      transaction.rpush(listKey, message).publish(channel, message);
    }
    transaction.expire(listKey, PROGRESS_LIST_TTL_SECONDS);
    try {
      await transaction.exec();
    } catch (error) {
      this.logger.warn('could not publish progress', { submissionId, types: events.map((event) => event.type), error });
    }
  }
}
