import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { DifficultyLabel } from '@/components/difficulty';
import { EmptyState, ErrorState } from '@/components/error-state';
import { Pagination } from '@/components/pagination';
import { ProblemFilters } from '@/components/problem-filters';
import { pickTitle, type Locale } from '@/i18n/locales';
import { attempt, serverApi } from '@/lib/api/server';
import { oneOf, pageParam, param, type SearchParams } from '@/lib/params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('problems');
  return { title: t('title') };
}

const PAGE_SIZE = 50;

export default async function ProblemsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const t = await getTranslations('problems');
  const locale = (await getLocale()) as Locale;
  const query = {
    search: param(params, 'search'),
    tag: param(params, 'tag'),
    difficulty: oneOf(param(params, 'difficulty'), ['easy', 'medium', 'hard'] as const),
  };
  const page = pageParam(params);
  const result = await attempt(async () => (await serverApi()).listProblems({ ...query, page, pageSize: PAGE_SIZE }));

  return (
    <div className="mx-auto w-full max-w-5xl px-3 py-6 sm:px-5">
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">{t('title')}</h1>
      {!result.ok ? (
        <ErrorState error={result.error} />
      ) : (
        <>
          <ProblemFilters {...query} tags={result.data.tags} />
          <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
            {t('count', { count: result.data.total })}
          </p>
          {result.data.items.length === 0 ? (
            <div className="mt-3">
              <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
            </div>
          ) : (
            <div className="card mt-3 overflow-hidden">
              <table className="w-full text-sm" data-testid="problem-table">
                <thead className="bg-zinc-50 text-left text-xs text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
                  <tr>
                    <th scope="col" className="w-10 py-2 pl-3 font-medium">
                      <span className="sr-only">{t('status')}</span>
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      {t('problem')}
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      {t('difficulty')}
                    </th>
                    <th scope="col" className="hidden py-2 pr-3 text-right font-medium sm:table-cell">
                      {t('acceptance')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.data.items.map((problem) => {
                    const rate =
                      problem.submissionCount > 0
                        ? Math.round((problem.acceptedCount / problem.submissionCount) * 100)
                        : null;
                    return (
                      <tr
                        key={problem.slug}
                        className="border-t border-zinc-100 align-top dark:border-zinc-800"
                        data-testid="problem-row"
                        data-slug={problem.slug}
                      >
                        <td className="py-3 pl-3">
                          {problem.solved === 'solved' ? (
                            <span
                              title={t('solved')}
                              className="text-emerald-700 dark:text-emerald-400"
                              data-testid="solved-mark"
                            >
                              <span aria-hidden="true">✓</span>
                              <span className="sr-only">{t('solved')}</span>
                            </span>
                          ) : problem.solved === 'attempted' ? (
                            <span
                              title={t('attempted')}
                              className="text-amber-700 dark:text-amber-400"
                              data-testid="attempted-mark"
                            >
                              <span aria-hidden="true">●</span>
                              <span className="sr-only">{t('attempted')}</span>
                            </span>
                          ) : null}
                        </td>
                        <td className="py-3 pr-3">
                          <Link
                            href={`/problems/${problem.slug}`}
                            className="font-medium hover:text-sky-700 hover:underline dark:hover:text-sky-400"
                          >
                            {pickTitle(problem.title, problem.titles, locale)}
                          </Link>
                          {problem.tags.length > 0 ? (
                            <div className="mt-1 flex flex-wrap gap-1">
                              {problem.tags.map((tag) => (
                                <Link
                                  key={tag}
                                  href={`/problems?tag=${encodeURIComponent(tag)}`}
                                  className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 hover:bg-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-700"
                                >
                                  {tag}
                                </Link>
                              ))}
                            </div>
                          ) : null}
                        </td>
                        <td className="py-3 pr-3">
                          <DifficultyLabel difficulty={problem.difficulty} />
                        </td>
                        <td className="hidden py-3 pr-3 text-right text-zinc-600 tabular-nums sm:table-cell dark:text-zinc-400">
                          {rate === null ? '—' : `${rate}%`}
                          <span className="block text-xs text-zinc-500">
                            {t('acceptedOf', { accepted: problem.acceptedCount, total: problem.submissionCount })}
                          </span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            path="/problems"
            query={query}
            page={result.data.page}
            pageSize={result.data.pageSize}
            total={result.data.total}
          />
        </>
      )}
    </div>
  );
}
