import { Inject, Injectable, Logger } from '@nestjs/common';
import { enqueueRunJob, type RunQueue } from '@oj/queue';
import { runResponseSchema, type RunRequestBody, type RunResponse } from '@oj/shared';
import type { QueueEvents } from 'bullmq';
import type { AuthUser } from '../auth/auth-user.ts';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { DomainError } from '../common/errors.ts';
import { withTimeout } from '../common/timeout.ts';
import { RUN_QUEUE_EVENTS, RUN_QUEUE_PRODUCER } from '../infra/queues.module.ts';
import { RateLimiter } from '../infra/rate-limiter.ts';
import { ProblemsService } from '../problems/problems.service.ts';
import { RunSlots } from './run-slots.ts';

/** BullMQ waits for Redis to come back rather than failing; a request does not wait that long. */
const ENQUEUE_TIMEOUT_MS = 3000;

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/** Custom runs: the learner's code on the samples or their own input, judged by a worker, never stored. */
@Injectable()
export class RunsService {
  private readonly logger = new Logger(RunsService.name);

  constructor(
    @Inject(ProblemsService) private readonly problems: ProblemsService,
    @Inject(RUN_QUEUE_PRODUCER) private readonly queue: RunQueue,
    @Inject(RUN_QUEUE_EVENTS) private readonly queueEvents: QueueEvents,
    @Inject(RateLimiter) private readonly rateLimiter: RateLimiter,
    @Inject(RunSlots) private readonly slots: RunSlots,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(user: AuthUser, request: RunRequestBody): Promise<RunResponse> {
    const problem = await this.problems.findAccessible(user, request.problem);
    if (request.input !== undefined && problem.style === 'function' && !isJsonArray(request.input)) {
      throw new DomainError('VALIDATION_FAILED', 'input: must be a JSON array of arguments for this problem', {
        fields: { input: 'must be a JSON array of arguments' },
      });
    }
    await this.rateLimiter.hit({
      key: `run:${user.id}`,
      limit: this.config.rateLimits.runsPerMinute,
      windowSeconds: 60,
    });
    return this.slots.withSlot(user.id, () => this.enqueueAndWait(problem.currentVersionId, request));
  }

  private async enqueueAndWait(problemVersionId: number, request: RunRequestBody): Promise<RunResponse> {
    const enqueued = enqueueRunJob(this.queue, {
      v: 1,
      problemVersionId,
      language: request.language,
      code: request.code,
      ...(request.input !== undefined ? { input: request.input } : {}),
    });
    const job = await withTimeout(enqueued, ENQUEUE_TIMEOUT_MS, 'enqueue run').catch((error: unknown) => {
      throw new DomainError('JUDGE_UNAVAILABLE', 'the judge queue is unavailable; try again shortly', {
        internalMessage: String(error),
      });
    });

    let result: unknown;
    try {
      result = await job.waitUntilFinished(this.queueEvents, this.config.runTimeoutMs);
    } catch (error) {
      const timedOut = error instanceof Error && /timed out/i.test(error.message);
      if (timedOut) {
        // Nobody took it in time: do not let a worker run it later for nobody.
        await job.remove().catch(() => undefined);
        throw new DomainError(
          'JUDGE_UNAVAILABLE',
          `no judge answered within ${Math.round(this.config.runTimeoutMs / 1000)} s; try again shortly`,
        );
      }
      this.logger.error({ err: error, jobId: job.id }, 'custom run failed in the worker');
      throw new DomainError('JUDGE_UNAVAILABLE', 'the judge could not run the code; try again shortly');
    }
    return runResponseSchema.parse(result);
  }
}
