import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { ProgressEvent } from '@oj/shared';
import type { Response } from 'express';
import { mayReadTestMessage, viewerOf } from '../access/access-policy.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { ProgressHub } from '../infra/progress-hub.ts';
import { ProgressStream } from './progress-stream.ts';
import { SubmissionRepository, type SubmissionDetailRow } from './submission.repository.ts';
import { SubmissionsService } from './submissions.service.ts';

/** Relays a submission's judging progress to a browser as Server-Sent Events. */
@Injectable()
export class SubmissionEventsService implements BeforeApplicationShutdown {
  private readonly openStreams = new Set<ProgressStream>();

  constructor(
    @Inject(SubmissionsService) private readonly submissions: SubmissionsService,
    @Inject(SubmissionRepository) private readonly repository: SubmissionRepository,
    @Inject(ProgressHub) private readonly hub: ProgressHub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async stream(viewer: AuthUser | null, submissionId: number, response: Response): Promise<void> {
    // Listen before reading the submission: a final event published after the read is heard live, and one
    // published before it shows in the read as FINISHED (the worker stores the result before publishing).
    // So no second look at the database is needed after the replay.
    const early: ProgressEvent[] = [];
    let deliver = (event: ProgressEvent): void => {
      early.push(event);
    };
    const stopListening = this.hub.listen(submissionId, (event) => deliver(event));
    let submission: SubmissionDetailRow;
    try {
      // Same visibility as GET /api/submissions/:id; a refusal is still an ordinary JSON error.
      submission = await this.submissions.findVisible(viewer, submissionId);
    } catch (error) {
      stopListening();
      throw error;
    }
    const opened = new ProgressStream(response, this.redactorFor(viewer, submission.sampleOrdinals));
    deliver = (event) => opened.receive(event);
    opened.start();
    if (submission.status === 'FINISHED') {
      stopListening();
      this.sendStoredResult(opened, submission);
      return;
    }
    // Held back by the stream until the replay is written.
    for (const event of early) opened.receive(event);

    this.openStreams.add(opened);
    const heartbeat = setInterval(() => {
      opened.heartbeat();
      void this.finishIfStoredAsFinal(opened, submissionId);
    }, this.config.sseHeartbeatMs);
    opened.onEnd(() => {
      stopListening();
      clearInterval(heartbeat);
      this.openStreams.delete(opened);
    });
    response.on('close', () => opened.end());
    // The client may have gone while the submission was being looked up.
    if (response.destroyed || response.socket?.destroyed === true) opened.end();

    opened.replay(await this.hub.replay(submissionId).catch(() => []));
  }

  beforeApplicationShutdown(): void {
    for (const stream of this.openStreams) stream.end();
  }

  private async finishIfStoredAsFinal(stream: ProgressStream, submissionId: number): Promise<void> {
    if (stream.isEnded || stream.hasFinal) return;
    const status = await this.repository.findStatus(submissionId).catch(() => null);
    if (status?.status !== 'FINISHED') return;
    const submission = await this.repository.findDetail(submissionId);
    if (submission) this.sendStoredResult(stream, submission);
  }

  /** The stored per-test results and the final verdict, as the events a live judging would have sent. */
  private sendStoredResult(stream: ProgressStream, submission: SubmissionDetailRow): void {
    const total = submission.testCount;
    submission.testResults.forEach(({ ordinal, result }, index) => {
      stream.send({
        type: 'test',
        submissionId: submission.id,
        ordinal,
        finished: index + 1,
        total,
        test: result,
      });
    });
    stream.send({
      type: 'final',
      submissionId: submission.id,
      verdict: submission.verdict ?? 'SE',
      score: submission.score ?? 0,
      maxScore: submission.maxScore ?? 0,
    });
    stream.end();
  }

  private redactorFor(viewer: AuthUser | null, sampleOrdinals: Set<number>): (event: ProgressEvent) => ProgressEvent {
    const reader = viewerOf(viewer);
    return (event) => {
      if (event.type !== 'test' || event.test.message === undefined) return event;
      if (mayReadTestMessage(reader, { sample: sampleOrdinals.has(event.ordinal) })) return event;
      const { message: _withheld, ...test } = event.test;
      return { ...event, test };
    };
  }
}
