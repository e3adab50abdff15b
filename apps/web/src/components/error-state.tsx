import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { isApiError, type ApiErrorKind } from '@/lib/api/client';
import { RetryButton } from './retry-button';
import { useApiErrorText } from '@/lib/api/error-text';

/** What to say about a failed API call: a title, a sentence, and what kind of failure it was. */
function useErrorDescription(error: unknown): { kind: ApiErrorKind; title: string; body: string } {
  const t = useTranslations('errors');
  const locale = useLocale();
  const errorText = useApiErrorText();
  const kind = isApiError(error) ? error.kind : 'server';
  const retry = isApiError(error) ? error.retryAfterSeconds : undefined;
  switch (kind) {
    case 'unreachable':
      return { kind, title: t('unreachableTitle'), body: t('unreachableBody') };
    case 'rate-limited':
      return {
        kind,
        title: t('rateLimitedTitle'),
        body: retry ? t('rateLimitedRetry', { seconds: retry }) : t('rateLimitedBody'),
      };
    case 'unauthorized':
      return { kind, title: t('signedOutTitle'), body: t('signedOutBody') };
    case 'forbidden':
      return { kind, title: t('forbiddenTitle'), body: t('forbiddenBody') };
    case 'not-found':
      return { kind, title: t('notFoundTitle'), body: t('notFoundBody') };
    case 'invalid':
    case 'too-large':
    case 'conflict':
    case 'server':
    case 'bad-response': {
      if (!isApiError(error)) return { kind, title: t('serverTitle'), body: t('serverBody') };
      const fields = Object.entries(error.fields).map(([field, message]) => `${field}: ${message}`);
      // The fields' reasons are the API's English; other languages show the code's translation alone.
      const body = fields.length > 0 && locale === 'en' ? `${error.message} (${fields.join('; ')})` : errorText(error);
      return { kind, title: t('serverTitle'), body };
    }
  }
}

/**
 * The one way the site shows a failed API call: what happened and what the reader can do. `inline` is the
 * sentence alone, for a panel inside a page (the workspace's result); the default is a page's whole content.
 */
export function ErrorState({
  error,
  signInNext,
  inline = false,
}: {
  error: unknown;
  signInNext?: string;
  inline?: boolean;
}) {
  const t = useTranslations('errors');
  const { kind, title, body } = useErrorDescription(error);
  const correlation = isApiError(error) ? error.correlationId : undefined;
  if (inline) {
    return (
      <div role="alert" data-testid="request-error" data-kind={kind} className="text-sm text-red-700 dark:text-red-300">
        <p>{body}</p>
        {correlation ? (
          <p className="mt-1 font-mono text-xs text-zinc-500">{t('reference', { id: correlation })}</p>
        ) : null}
      </div>
    );
  }
  return (
    <div role="alert" data-testid="error-state" data-kind={kind} className="card mx-auto my-8 max-w-lg p-6 text-center">
      <p className="text-base font-semibold">{title}</p>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{body}</p>
      {correlation ? (
        <p className="mt-2 font-mono text-xs text-zinc-500">{t('reference', { id: correlation })}</p>
      ) : null}
      <div className="mt-4 flex justify-center gap-2">
        {kind === 'unauthorized' ? (
          <Link className="btn-primary" href={`/signin${signInNext ? `?next=${encodeURIComponent(signInNext)}` : ''}`}>
            {t('signIn')}
          </Link>
        ) : (
          <>
            {kind === 'unreachable' || kind === 'rate-limited' || kind === 'server' || kind === 'bad-response' ? (
              <RetryButton label={t('retry')} />
            ) : null}
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
    <div
      data-testid="empty-state"
      className="rounded-lg border border-dashed border-zinc-300 px-6 py-10 text-center dark:border-zinc-700"
    >
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{children}</div> : null}
    </div>
  );
}
