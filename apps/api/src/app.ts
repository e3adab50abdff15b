import 'reflect-metadata';
import { createRequire } from 'node:module';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { JudgeQueue, RunQueue } from '@oj/queue';
import { MAX_VERSION_EDIT_BYTES } from '@oj/shared';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { mountQueueDashboard } from './admin/queue-dashboard.ts';
import { AppModule } from './app.module.ts';
import { AuthService } from './auth/auth.service.ts';
import { CSRF_HEADER } from './auth/cookies.ts';
import { csrfCookieMiddleware } from './auth/csrf.ts';
import type { AppConfig } from './config/config.ts';
import { expressErrorHandler, GlobalExceptionFilter } from './common/exception.filter.ts';
import { createHttpLogger, createRootLogger } from './common/logging.ts';
import { API_PREFIX, ROUTES_OUTSIDE_API_PREFIX } from './common/routes.ts';
import { SWAGGER_UI_ASSETS_PATH } from './docs/docs.controller.ts';
import { JUDGE_QUEUE, RUN_QUEUE_PRODUCER } from './infra/queues.module.ts';
import { MetricsService } from './metrics/metrics.service.ts';

/** Large enough for 64 KB of code plus 1 MB of custom input, JSON-escaped; the fields' own limits are checked after. */
const JSON_BODY_LIMIT = '4mb';

function swaggerUiDirectory(): string {
  return path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

/** The whole HTTP application, configured but not yet listening. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const rootLogger = createRootLogger(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, rootLogger), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustedProxies.length > 0 ? config.trustedProxies : false);
  app.disable('x-powered-by');

  // Express middleware, in order, before Nest's own middleware and routes.
  app.use(createHttpLogger(rootLogger));
  app.use(app.get(MetricsService).httpMiddleware());
  app.use(
    helmet({
      // The web app is another origin of the same site (localhost:3000 and :3001, or app. and api. subdomains).
      crossOriginResourcePolicy: { policy: 'same-site' },
      // HTTPS-only instructions make sense only where the API is served over HTTPS (where cookies are Secure).
      strictTransportSecurity: config.cookieSecure,
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: config.cookieSecure ? [] : null } },
    }),
  );
  app.enableCors({
    origin: config.corsOrigins,
    credentials: true,
    methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
    allowedHeaders: ['Content-Type', CSRF_HEADER],
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
  // A setter's saved version carries its changed files; every other body stays small.
  app.use(`/${API_PREFIX}/setter/problems/:slug/versions`, express.json({ limit: MAX_VERSION_EDIT_BYTES }));
  app.use(express.json({ limit: JSON_BODY_LIMIT }));
  app.use(`/${API_PREFIX}`, csrfCookieMiddleware(config));
  app.use(SWAGGER_UI_ASSETS_PATH, express.static(swaggerUiDirectory(), { index: false, redirect: false }));
  mountQueueDashboard(app, {
    judgeQueue: app.get<JudgeQueue>(JUDGE_QUEUE),
    runQueue: app.get<RunQueue>(RUN_QUEUE_PRODUCER),
    auth: app.get(AuthService),
    config,
  });
  // Malformed or oversized JSON bodies, answered in the API's error format.
  app.use(expressErrorHandler);

  app.setGlobalPrefix(API_PREFIX, { exclude: ROUTES_OUTSIDE_API_PREFIX });
  app.useGlobalFilters(new GlobalExceptionFilter());
  app.enableShutdownHooks();
  return app;
}
