import type { SubmissionSummary } from '@oj/shared';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { EmptyState, ErrorState } from '@/components/error-state';
import { SubmissionTable } from '@/components/submission-table';
import { VerdictBadge } from '@/components/verdict-badge';
import { attempt, serverApi } from '@/lib/api/server';
import { VERDICT_FILL } from '@/lib/format';
import { profileStats } from '@/lib/stats';

type Params = Promise<{ username: string }>;

/** The profile reads at most this many of the user's latest submissions (pages of 100). */
const MAX_PAGES = 5;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { username } = await params;
  return { title: decodeURIComponent(username) };
}

export default async function ProfilePage({ params }: { params: Params }) {
  const username = decodeURIComponent((await params).username);
  const t = await getTranslations('profile');
  const api = await serverApi();
  const result = await attempt(async () => {
    const first = await api.listSubmissions({ user: username, page: 1, pageSize: 100 });
    const items: SubmissionSummary[] = [...first.items];
    const pages = Math.min(MAX_PAGES, Math.ceil(first.total / first.pageSize));
    for (let page = 2; page <= pages; page++)
      items.push(...(await api.listSubmissions({ user: username, page, pageSize: 100 })).items);
    return { items, total: first.total };
  });
  if (!result.ok) return <ErrorState error={result.error} />;
  const stats = profileStats(result.data.items);
  const finished = stats.verdicts.reduce((sum, entry) => sum + entry.count, 0);

  return (
    <div className="mx-auto w-full max-w-5xl space-y-6 px-3 py-6 sm:px-5">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="profile-name">
          {username}
        </h1>
        <Link href={`/submissions?user=${encodeURIComponent(username)}`} className="link text-sm">
          {t('allSubmissions')}
        </Link>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          [t('solved'), String(stats.solved.length)],
          [t('attempted'), String(stats.attempted.length)],
          [t('submissions'), String(result.data.total)],
          [t('acceptance'), stats.acceptanceRate === null ? '—' : `${Math.round(stats.acceptanceRate * 100)}%`],
        ].map(([label, value]) => (
          <div key={label} className="card px-4 py-3">
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {result.data.total > result.data.items.length ? (
        <p className="text-xs text-zinc-500">{t('partial', { count: result.data.items.length })}</p>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        <section className="card p-4" aria-labelledby="solved-heading">
          <h2 id="solved-heading" className="mb-2 font-semibold">
            {t('solvedProblems')}
          </h2>
          {stats.solved.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noneSolved')}</p>
          ) : (
            <ul className="flex flex-wrap gap-2" data-testid="solved-list">
              {stats.solved.map((problem) => (
                <li key={problem.slug}>
                  <Link
                    href={`/problems/${problem.slug}`}
                    className="inline-block rounded-md bg-emerald-50 px-2 py-1 text-sm text-emerald-800 hover:bg-emerald-100 dark:bg-emerald-400/10 dark:text-emerald-300"
                  >
                    ✓ {problem.title}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {stats.attempted.length > 0 ? (
            <>
              <h3 className="mt-4 mb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">
                {t('attemptedProblems')}
              </h3>
              <ul className="flex flex-wrap gap-2">
                {stats.attempted.map((problem) => (
                  <li key={problem.slug}>
                    <Link
                      href={`/problems/${problem.slug}`}
                      className="inline-block rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-900 hover:bg-amber-100 dark:bg-amber-400/10 dark:text-amber-300"
                    >
                      {problem.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section className="card p-4" aria-labelledby="verdicts-heading">
          <h2 id="verdicts-heading" className="mb-3 font-semibold">
            {t('verdicts')}
          </h2>
          {finished === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noVerdicts')}</p>
          ) : (
            <>
              <div className="flex h-3 overflow-hidden rounded-full" aria-hidden="true">
                {stats.verdicts.map((entry) => (
                  <div
                    key={entry.verdict}
                    className={VERDICT_FILL[entry.verdict]}
                    style={{ width: `${(entry.count / finished) * 100}%` }}
                  />
                ))}
              </div>
              <ul className="mt-3 space-y-1.5" data-testid="verdict-breakdown">
                {stats.verdicts.map((entry) => (
                  <li key={entry.verdict} className="flex items-center justify-between gap-2 text-sm">
                    <VerdictBadge verdict={entry.verdict} />
                    <span className="tabular-nums">
                      {entry.count}{' '}
                      <span className="text-zinc-500">({Math.round((entry.count / finished) * 100)}%)</span>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-2 font-semibold">
          {t('recent')}
        </h2>
        {result.data.items.length === 0 ? (
          <EmptyState title={t('noSubmissions')} />
        ) : (
          <SubmissionTable items={result.data.items.slice(0, 10)} showUser={false} />
        )}
      </section>
    </div>
  );
}
