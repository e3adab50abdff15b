/**
 * Every Redis key and channel of one deployment, built in one place. All of them start with the
 * deployment's prefix (BullMQ's `prefix` option too), so tests and several deployments can share one
 * Redis without seeing each other's data.
 */
export interface RedisKeys {
  readonly prefix: string;
  /**
   * List of every progress event of a submission's current judging, in order, so a live viewer who
   * subscribes late can replay what it missed (LRANGE 0 -1, then follow the channel). Emptied when
   * judging (re)starts; expires PROGRESS_LIST_TTL_SECONDS after the last event.
   */
  progressList(submissionId: number): string;
  /** Pub/sub channel carrying one submission's progress, so any API instance can relay it. */
  submissionChannel(submissionId: number): string;
  /** The pattern matching every submissionChannel of the deployment (PSUBSCRIBE). */
  readonly submissionChannelPattern: string;
  /** A fixed-window request counter of the API's rate limiter; `bucket` names the limit and the caller. */
  rateLimit(bucket: string): string;
  /** The custom runs a user has in flight, against MAX_CONCURRENT_RUNS. */
  runSlots(userId: number): string;
  /** Failed sign-ins of one account, for its growing back-off. */
  loginBackoff(username: string): string;
}

export function redisKeys(prefix: string): RedisKeys {
  return {
    prefix,
    progressList: (submissionId) => `${prefix}:progress:${submissionId}`,
    submissionChannel: (submissionId) => `${prefix}:submission:${submissionId}`,
    submissionChannelPattern: `${prefix}:submission:*`,
    rateLimit: (bucket) => `${prefix}:ratelimit:${bucket}`,
    runSlots: (userId) => `${prefix}:run-slots:${userId}`,
    loginBackoff: (username) => `${prefix}:login-backoff:${username}`,
  };
}

export const PROGRESS_LIST_TTL_SECONDS = 3600;
