import type { useTranslations } from 'next-intl';
import { isApiError } from '@/lib/api/client';

type ErrorMessages = ReturnType<typeof useTranslations<'errors'>>;

/**
 * What every form says when a request failed for a reason that is not about its fields: the server's
 * fault, a rate limit (with the wait when the API gives one) or no connection. Undefined otherwise, and
 * the form goes on to its own cases (a taken name, a wrong password, field errors).
 */
export function requestProblem(caught: unknown, te: ErrorMessages): string | undefined {
  if (!isApiError(caught)) return te('serverBody');
  if (caught.kind === 'rate-limited') {
    return caught.retryAfterSeconds
      ? te('rateLimitedRetry', { seconds: caught.retryAfterSeconds })
      : te('rateLimitedBody');
  }
  if (caught.kind === 'unreachable') return te('unreachableBody');
  return undefined;
}
