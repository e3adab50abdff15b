import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { EmptyState, ErrorState } from '@/components/error-state';
import { roleGate } from '@/components/role-gate';
import { VisibilityBadge } from '@/components/setter/visibility-badge';
import { attempt, getSession, serverApi } from '@/lib/api/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('setter');
  return { title: t('myProblems') };
}

export default async function SetterProblemsPage() {
  const t = await getTranslations('setter');
  const { session } = await getSession();
  const gate = roleGate(session, 'setter', '/setter/problems');
  if (gate) return gate;
  const result = await attempt(async () => (await serverApi()).listAuthoredProblems());

  return (
    <div className="mx-auto w-full max-w-5xl px-3 py-6 sm:px-5">
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t('myProblems')}</h1>
        <div className="ml-auto flex gap-2">
          <Link href="/setter/packages" className="btn-secondary" data-testid="upload-zip">
            {t('uploadZip')}
          </Link>
          <Link href="/setter/problems/new" className="btn-primary" data-testid="new-problem">
            {t('newProblem')}
          </Link>
        </div>
      </div>
      {!result.ok ? (
        <ErrorState error={result.error} />
      ) : result.data.items.length === 0 ? (
        <EmptyState title={t('noProblemsTitle')}>{t('noProblemsBody')}</EmptyState>
      ) : (
        <div className="card relative overflow-x-auto">
          <table className="w-full min-w-[34rem] text-sm" data-testid="authored-problems">
            <thead className="bg-zinc-50 text-left text-xs text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('problem')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('visibility')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('versionsColumn')}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('owner')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {result.data.items.map((problem) => (
                <tr key={problem.slug} data-testid="authored-problem" data-slug={problem.slug}>
                  <td className="px-3 py-2">
                    <Link
                      href={`/setter/problems/${encodeURIComponent(problem.slug)}`}
                      className="link block font-medium break-words"
                    >
                      {problem.title}
                    </Link>
                    <code className="font-mono text-xs break-all text-zinc-500">{problem.slug}</code>
                  </td>
                  <td className="px-3 py-2">
                    <VisibilityBadge visibility={problem.visibility} />
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {t('currentOfLatest', {
                      current: problem.currentVersion ?? '—',
                      latest: problem.latestVersion,
                    })}
                  </td>
                  <td className="px-3 py-2">
                    {problem.owner ?? '—'}
                    {problem.authors.length > 0 ? (
                      <span className="block text-xs text-zinc-500">
                        {t('withCoauthors', { count: problem.authors.length })}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
