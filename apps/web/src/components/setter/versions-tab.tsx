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
    <ul className="card divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="versions">
      {problem.versions.map((version) => (
        <li
          key={version.number}
          data-testid="version-row"
          className={`flex flex-wrap items-center gap-x-4 gap-y-1.5 px-4 py-3 text-sm ${
            version.number === viewed ? 'bg-sky-50/60 dark:bg-sky-400/5' : ''
          }`}
        >
          <span className="w-24 font-medium">
            {t('versionShort', { number: version.number })}
            {version.current ? (
              <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-400/15 dark:text-emerald-300">
                {t('current')}
              </span>
            ) : null}
          </span>
          <SoundBadge verification={version.verification} />
          <span className="text-zinc-600 dark:text-zinc-400">
            {formatDateTime(version.createdAt)}
            {version.uploadedBy ? ` · ${t('byUser', { username: version.uploadedBy })}` : ''}
          </span>
          <span className="ml-auto flex gap-3 whitespace-nowrap">
            <Link className="link" href={`/setter/problems/${slug}?version=${version.number}&tab=check`}>
              {version.number === viewed ? t('viewing') : t('view')}
            </Link>
            <a className="link" href={api.versionExportUrl(problem.slug, version.number)} download>
              {t('exportZip')}
            </a>
          </span>
        </li>
      ))}
    </ul>
  );
}
