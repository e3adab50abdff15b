import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { isApiError } from '@/lib/api/client';
import { RetryButton } from './retry-button';
import { useApiErrorText } from '@/lib/api/error-text';

/** The one way pages show a failed API call: what happened and what the reader can do. */
export function ErrorState({ error, signInNext }: { error: unknown; signInNext?: string }) {
  const t = useTranslations('errors');
  const errorText = useApiErrorText();
  const kind = isApiError(error) ? error.kind : 'server';
  const retry = isApiError(error) ? error.retryAfterSeconds : undefined;
  const correlation = isApiError(error) ? error.correlationId : undefined;
  let title: string;
  let body: string;
  switch (kind) {
    case 'unreachable':
      title = t('unreachableTitle');
      body = t('unreachableBody');
      break;
    case 'rate-limited':
      title = t('rateLimitedTitle');
      body = retry ? t('rateLimitedRetry', { seconds: retry }) : t('rateLimitedBody');
      break;
    case 'unauthorized':
      title = t('signedOutTitle');
      body = t('signedOutBody');
      break;
    case 'forbidden':
      title = t('forbiddenTitle');
      body = t('forbiddenBody');
      break;
    case 'not-found':
      title = t('notFoundTitle');
      body = t('notFoundBody');
      break;
    case 'invalid':
    case 'too-large':
    case 'conflict':
    case 'server':
    case 'bad-response':
      title = t('serverTitle');
      body = isApiError(error) ? errorText(error) : t('serverBody');
      break;
  }
  return (
    <div role="alert" data-testid="error-state" data-kind={kind} className="card mx-auto my-8 max-w-lg p-6 text-center">
      <p className="text-base font-semibold">{title}</p>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{body}</p>
      {correlation ? <p className="mt-2 font-mono text-xs text-zinc-500">{t('reference', { id: correlation })}</p> : null}
      <div className="mt-4 flex justify-center gap-2">
        {kind === 'unauthorized' ? (
          <Link className="btn-primary" href={`/signin${signInNext ? `?next=${encodeURIComponent(signInNext)}` : ''}`}>
            {t('signIn')}
          </Link>
        ) : (
          <>
            {kind === 'unreachable' || kind === 'rate-limited' || kind === 'server' || kind === 'bad-response' ? <RetryButton label={t('retry')} /> : null}
            <Link className="btn-secondary" href="/problems">
              {t('backToProblems')}
            </Link>
          </>
        )}
      </div>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div data-testid="empty-state" className="rounded-lg border border-dashed border-zinc-300 px-6 py-10 text-center dark:border-zinc-700">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{children}</div> : null}
    </div>
  );
}
