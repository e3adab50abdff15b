import { Inject, Injectable, Logger } from '@nestjs/common';
import { enqueueJudgeJob, rankedJudgePriorityOf, type JudgeQueue } from '@oj/queue';
import { withTimeout } from '../common/timeout.ts';
import { JUDGE_QUEUE } from '../infra/queues.module.ts';
import type { JudgeableSubmission } from './submission.repository.ts';

/** BullMQ waits for Redis to come back rather than failing; a submission request does not wait that long. */
const ENQUEUE_TIMEOUT_MS = 3000;

@Injectable()
export class JudgeEnqueuer {
  private readonly logger = new Logger(JudgeEnqueuer.name);

  constructor(@Inject(JUDGE_QUEUE) private readonly queue: JudgeQueue) {}

  /**
   * Puts the submission's job on the judge queue, behind the same user's submissions pending ahead of it. A failure is logged, not thrown: the submission is already
   * stored as PENDING, and the reconciler enqueues it again after its deadline, so it is never lost.
   */
  async enqueue(submission: JudgeableSubmission & { pendingAhead: number }): Promise<void> {
    try {
      await withTimeout(
        enqueueJudgeJob(this.queue, submission, rankedJudgePriorityOf(submission)),
        ENQUEUE_TIMEOUT_MS,
        'enqueue',
      );
    } catch (error) {
      this.logger.warn({ err: error, submissionId: submission.id }, 'enqueue failed; the reconciler will retry');
    }
  }
}
