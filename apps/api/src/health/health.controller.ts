import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { Endpoint } from '../common/endpoint.ts';
import { HealthRepository } from './health.repository.ts';

const CHECK_TIMEOUT_MS = 2000;

const checkSchema = z.enum(['up', 'down']);
export const healthResponseSchema = z.object({ status: z.literal('ok') });
export const readinessResponseSchema = z.object({
  status: z.enum(['ready', 'not ready']),
  checks: z.object({ database: checkSchema, redis: checkSchema }),
});
type ReadinessResponse = z.infer<typeof readinessResponseSchema>;

@Controller()
export class HealthController {
  constructor(@Inject(HealthRepository) private readonly health: HealthRepository) {}

  @Get('health')
  @Endpoint({ summary: 'Liveness: the process answers', response: healthResponseSchema, tags: ['operations'] })
  live(): z.infer<typeof healthResponseSchema> {
    return { status: 'ok' };
  }

  @Get('ready')
  @Endpoint({
    summary: 'Readiness: PostgreSQL and Redis answer (503 otherwise)',
    response: readinessResponseSchema,
    tags: ['operations'],
  })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessResponse> {
    const [database, redis] = await Promise.allSettled([
      this.health.pingDatabase(CHECK_TIMEOUT_MS),
      this.health.pingRedis(CHECK_TIMEOUT_MS),
    ]);
    const checks = {
      database: database.status === 'fulfilled' ? 'up' : 'down',
      redis: redis.status === 'fulfilled' ? 'up' : 'down',
    } as const;
    const ready = checks.database === 'up' && checks.redis === 'up';
    response.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not ready', checks };
  }
}
