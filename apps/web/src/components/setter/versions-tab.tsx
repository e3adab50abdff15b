'use client';
import type { AuthoredProblemDetail } from '@oj/shared';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { api } from '@/lib/api/browser';
import { formatDateTime } from '@/lib/format';
import { SoundBadge } from './sound-badge';

/** Every version of the problem, newest first: who saved it, whether learners see it, whether it is sound. */
export function VersionsTab({ problem, viewed }: { problem: AuthoredProblemDetail; viewed: number | null }) {
  const t = useTranslations('setter');
  const slug = encodeURIComponent(problem.slug);
  return (
    <div className="card relative overflow-x-auto">
      <table className="w-full min-w-[36rem] text-sm" data-testid="versions">
        <thead className="bg-zinc-50 text-left text-xs text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('version')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('saved')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('by')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t('soundness')}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              <span className="sr-only">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {problem.versions.map((version) => (
            <tr
              key={version.number}
              data-testid="version-row"
              className={version.number === viewed ? 'bg-sky-50/60 dark:bg-sky-400/5' : undefined}
            >
              <td className="px-3 py-2 font-medium">
                {t('versionShort', { number: version.number })}
                {version.current ? (
                  <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-400/15 dark:text-emerald-300">
                    {t('current')}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                {formatDateTime(version.createdAt)}
              </td>
              <td className="px-3 py-2">{version.uploadedBy ?? '—'}</td>
              <td className="px-3 py-2">
                <SoundBadge verification={version.verification} />
              </td>
              <td className="px-3 py-2 text-right whitespace-nowrap">
                <Link className="link mr-3" href={`/setter/problems/${slug}?version=${version.number}&tab=check`}>
                  {t('view')}
                </Link>
                <a className="link" href={api.versionExportUrl(problem.slug, version.number)} download>
                  {t('exportZip')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
