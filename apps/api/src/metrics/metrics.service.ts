import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { JudgeQueue, RunQueue } from '@oj/queue';
import { VERDICTS } from '@oj/shared';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ProgressHub } from '../infra/progress-hub.ts';
import { JUDGE_QUEUE, RUN_QUEUE_PRODUCER } from '../infra/queues.module.ts';
import { SubmissionRepository } from '../submissions/submission.repository.ts';

/** How often finished submissions are looked up in one batch to record their verdicts and latencies. */
const FINISHED_BATCH_MS = 1000;

@Injectable()
export class MetricsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsService.name);
  readonly registry = new Registry();
  private readonly httpRequests = new Counter({
    name: 'oj_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'oj_http_request_duration_seconds',
    help: 'Time to answer HTTP requests (Server-Sent Events streams excluded)',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly verdicts = new Counter({
    name: 'oj_submission_verdicts_total',
    help: 'Final verdicts of submissions seen finishing by this API instance (every instance sees every one)',
    labelNames: ['verdict'] as const,
    registers: [this.registry],
  });
  private readonly judgeLatency = new Histogram({
    name: 'oj_submission_judge_latency_seconds',
    help: 'From submission to final verdict, as stored in PostgreSQL',
    buckets: [0.05, 0.1, 0.15, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });
  private readonly finishedIds = new Set<number>();
  private stopListening: (() => void) | undefined;
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(ProgressHub) private readonly hub: ProgressHub,
    @Inject(SubmissionRepository) private readonly submissions: SubmissionRepository,
    @Inject(JUDGE_QUEUE) judgeQueue: JudgeQueue,
    @Inject(RUN_QUEUE_PRODUCER) runQueue: RunQueue,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'oj_api_' });
    for (const verdict of VERDICTS) this.verdicts.inc({ verdict }, 0);
    new Gauge({
      name: 'oj_queue_jobs',
      help: 'Jobs in the judge and custom-run queues, by state (waiting includes prioritized jobs)',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        const queues = [judgeQueue, runQueue] as const;
        const counts = await Promise.all(
          queues.map((queue) => queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed')),
        );
        queues.forEach((queue, index) => {
          const count = counts[index] ?? {};
          this.set({ queue: queue.name, state: 'waiting' }, (count['waiting'] ?? 0) + (count['prioritized'] ?? 0));
          this.set({ queue: queue.name, state: 'active' }, count['active'] ?? 0);
          this.set({ queue: queue.name, state: 'delayed' }, count['delayed'] ?? 0);
        });
      },
    });
  }

  onModuleInit(): void {
    this.stopListening = this.hub.listenToFinals((event) => this.finishedIds.add(event.submissionId));
    this.flushTimer = setInterval(() => void this.recordFinished(), FINISHED_BATCH_MS);
    this.flushTimer.unref();
  }

  onApplicationShutdown(): void {
    this.stopListening?.();
    clearInterval(this.flushTimer);
  }

  /** Express middleware counting every answered request by its route pattern (not its URL: bounded labels). */
  httpMiddleware() {
    return (request: Request, response: Response, next: NextFunction): void => {
      const stopTimer = this.httpDuration.startTimer();
      response.on('finish', () => {
        const route = (request.route as { path?: string } | undefined)?.path;
        const labels = {
          method: request.method,
          route: route === undefined ? 'unmatched' : `${request.baseUrl}${route}`,
          status: String(response.statusCode),
        };
        this.httpRequests.inc(labels);
        if (response.getHeader('Content-Type')?.toString().startsWith('text/event-stream') !== true) stopTimer(labels);
      });
      next();
    };
  }

  private async recordFinished(): Promise<void> {
    if (this.finishedIds.size === 0) return;
    const ids = [...this.finishedIds];
    this.finishedIds.clear();
    try {
      for (const submission of await this.submissions.findFinished(ids)) {
        this.verdicts.inc({ verdict: submission.verdict ?? 'SE' });
        if (submission.judgedAt)
          this.judgeLatency.observe((submission.judgedAt.getTime() - submission.createdAt.getTime()) / 1000);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not record finished submissions');
    }
  }
}
