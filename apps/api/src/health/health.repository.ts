import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@oj/db';
import type { Redis } from 'ioredis';
import { withTimeout } from '../common/timeout.ts';
import { PRISMA } from '../infra/database.module.ts';
import { REDIS } from '../infra/redis.module.ts';

@Injectable()
export class HealthRepository {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async pingDatabase(timeoutMs: number): Promise<void> {
    await withTimeout(this.prisma.$queryRaw`SELECT 1`, timeoutMs, 'PostgreSQL');
  }

  async pingRedis(timeoutMs: number): Promise<void> {
    await withTimeout(this.redis.ping(), timeoutMs, 'Redis');
  }
}
