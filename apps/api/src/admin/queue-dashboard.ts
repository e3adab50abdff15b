import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { JudgeQueue, RunQueue } from '@oj/queue';
import type { NextFunction, Request, Response } from 'express';
import { hasRole } from '../auth/auth-user.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { CSRF_HEADER, readCookie, SESSION_COOKIE } from '../auth/cookies.ts';
import { assertCsrfProtected } from '../auth/csrf.ts';
import { DomainError } from '../common/errors.ts';
import { sendError } from '../common/exception.filter.ts';
import type { AppConfig } from '../config/config.ts';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';
/**
 * Bull Board's page calls its API with axios, which copies this cookie into an X-XSRF-TOKEN header on
 * same-origin requests; it holds the session's CSRF token, so the board's buttons pass the CSRF check.
 */
const BOARD_CSRF_COOKIE = 'XSRF-TOKEN';
const BOARD_CSRF_HEADER = 'x-xsrf-token';

/**
 * Bull Board for the judge and run queues, for admins only. It is an Express router outside Nest's routing,
 * so it gets its own check of the session cookie, and its state-changing requests (retry, clean, promote,
 * remove...) the same CSRF check as the API's own routes.
 */
export function mountQueueDashboard(
  app: NestExpressApplication,
  dependencies: { judgeQueue: JudgeQueue; runQueue: RunQueue; auth: AuthService; config: AppConfig },
): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: [new BullMQAdapter(dependencies.judgeQueue), new BullMQAdapter(dependencies.runQueue)],
    serverAdapter,
    options: { uiConfig: { boardTitle: 'oj judge queues' } },
  });

  const adminsOnly = (request: Request, response: Response, next: NextFunction): void => {
    const check = async (): Promise<void> => {
      assertCsrfProtected(request, dependencies.config, [CSRF_HEADER, BOARD_CSRF_HEADER]);
      const user = await dependencies.auth.resolveSession(readCookie(request, SESSION_COOKIE));
      if (!user) throw new DomainError('UNAUTHENTICATED', 'sign in as an admin first');
      if (!hasRole(user, 'admin')) throw new DomainError('FORBIDDEN', 'only an admin may see the judge queues');
      if (request.method === 'GET' && request.csrfToken) {
        response.cookie(BOARD_CSRF_COOKIE, request.csrfToken, {
          path: QUEUE_DASHBOARD_PATH,
          sameSite: 'strict',
          secure: dependencies.config.cookieSecure,
          httpOnly: false,
        });
      }
    };
    check().then(
      () => next(),
      (error: unknown) => sendError(error, request, response),
    );
  };
  app.use(
    QUEUE_DASHBOARD_PATH,
    adminsOnly,
    serverAdapter.getRouter() as (request: Request, response: Response, next: NextFunction) => void,
  );
}
