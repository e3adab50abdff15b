import { VERDICTS } from '@oj/shared';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { EmptyState, ErrorState } from '@/components/error-state';
import { Pagination } from '@/components/pagination';
import { SubmissionFilters } from '@/components/submission-filters';
import { SubmissionTable } from '@/components/submission-table';
import { ApiRequestError } from '@/lib/api/client';
import { attempt, getSession, serverApi } from '@/lib/api/server';
import { oneOf, pageParam, param, type SearchParams } from '@/lib/params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('submissions');
  return { title: t('title') };
}

export default async function SubmissionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const t = await getTranslations('submissions');
  const mine = param(params, 'mine') === 'true';
  const query = {
    problem: param(params, 'problem'),
    verdict: oneOf(param(params, 'verdict'), VERDICTS),
    user: mine ? undefined : param(params, 'user'),
    mine: mine ? ('true' as const) : undefined,
  };
  const page = pageParam(params);
  const { session } = await getSession();
  const signedIn = Boolean(session?.user);
  const result =
    mine && !signedIn
      ? { ok: false as const, error: new ApiRequestError({ status: 401, code: 'UNAUTHENTICATED', message: 'sign in' }) }
      : await attempt(async () => (await serverApi()).listSubmissions({ ...query, page, pageSize: 25 }));
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm ${active ? 'bg-white font-medium shadow-sm dark:bg-zinc-800' : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'}`;

  return (
    <div className="mx-auto w-full max-w-6xl px-3 py-6 sm:px-5">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <div className="flex rounded-lg bg-zinc-100 p-1 dark:bg-zinc-900" role="tablist" aria-label={t('scope')}>
          <Link href="/submissions" className={tab(!mine)} role="tab" aria-selected={!mine}>
            {t('all')}
          </Link>
          <Link
            href="/submissions?mine=true"
            className={tab(mine)}
            role="tab"
            aria-selected={mine}
            data-testid="mine-tab"
          >
            {t('mine')}
          </Link>
        </div>
      </div>
      <SubmissionFilters problem={query.problem} verdict={query.verdict} user={query.user} mine={mine} />
      <div className="mt-4">
        {!result.ok ? (
          <ErrorState error={result.error} signInNext="/submissions?mine=true" />
        ) : result.data.items.length === 0 ? (
          <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
        ) : (
          <>
            <SubmissionTable items={result.data.items} />
            <Pagination
              path="/submissions"
              query={{ ...query }}
              page={result.data.page}
              pageSize={result.data.pageSize}
              total={result.data.total}
            />
          </>
        )}
      </div>
    </div>
  );
}
