import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AuthModule } from './auth/auth.module.ts';
import { AuthoringModule } from './authoring/authoring.module.ts';
import { ConfigModule } from './config/config.module.ts';
import type { AppConfig } from './config/config.ts';
import { DocsModule } from './docs/docs.module.ts';
import { HealthModule } from './health/health.module.ts';
import { DatabaseModule } from './infra/database.module.ts';
import { ProgressHubModule } from './infra/progress-hub.ts';
import { QueuesModule } from './infra/queues.module.ts';
import { RateLimitModule } from './infra/rate-limiter.ts';
import { RedisModule } from './infra/redis.module.ts';
import { MetricsModule } from './metrics/metrics.module.ts';
import { ProblemsModule } from './problems/problems.module.ts';
import { RunsModule } from './runs/runs.module.ts';
import { SubmissionsModule } from './submissions/submissions.module.ts';
import { UsersModule } from './users/users.module.ts';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // The request logger itself is mounted first thing in app.ts; this binds it to Nest's Logger.
        LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true }),
        DatabaseModule,
        RedisModule,
        RateLimitModule,
        QueuesModule,
        ProgressHubModule,
        AuthModule,
        UsersModule,
        ProblemsModule,
        AuthoringModule,
        SubmissionsModule,
        RunsModule,
        HealthModule,
        MetricsModule,
        DocsModule,
      ],
    };
  }
}
