import type { SubmissionSummary } from '@oj/shared';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { formatDateTime, formatMemory, formatScore, formatTime } from '@/lib/format';
import { VerdictBadge } from './verdict-badge';

export function SubmissionTable({ items, showUser = true }: { items: SubmissionSummary[]; showUser?: boolean }) {
  const t = useTranslations('submissions');
  return (
    <div className="card overflow-x-auto">
      <table className="w-full text-sm" data-testid="submission-table">
        <thead className="bg-zinc-50 text-left text-xs text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-2 pl-3 font-medium">
              #
            </th>
            <th scope="col" className="py-2 pl-3 font-medium">
              {t('problem')}
            </th>
            {showUser ? (
              <th scope="col" className="hidden py-2 pl-3 font-medium md:table-cell">
                {t('user')}
              </th>
            ) : null}
            <th scope="col" className="py-2 pl-3 font-medium">
              {t('verdict')}
            </th>
            <th scope="col" className="hidden py-2 pl-3 text-right font-medium sm:table-cell">
              {t('score')}
            </th>
            <th scope="col" className="hidden py-2 pl-3 text-right font-medium sm:table-cell">
              {t('time')}
            </th>
            <th scope="col" className="hidden py-2 pl-3 text-right font-medium lg:table-cell">
              {t('memory')}
            </th>
            <th scope="col" className="hidden py-2 pl-3 font-medium lg:table-cell">
              {t('language')}
            </th>
            <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">
              {t('submitted')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className="border-t border-zinc-100 dark:border-zinc-800" data-testid="submission-row">
              <td className="py-2 pl-3 font-mono text-xs">
                <Link href={`/submissions/${item.id}`} className="link">
                  {item.id}
                </Link>
              </td>
              <td className="max-w-[10rem] truncate py-2 pl-3 sm:max-w-none">
                <Link href={`/problems/${item.problem.slug}`} className="hover:underline">
                  {item.problem.title}
                </Link>
              </td>
              {showUser ? (
                <td className="hidden py-2 pl-3 md:table-cell">
                  <Link href={`/users/${encodeURIComponent(item.user.username)}`} className="hover:underline">
                    {item.user.username}
                  </Link>
                </td>
              ) : null}
              <td className="py-2 pl-3">
                <Link href={`/submissions/${item.id}`}>
                  <VerdictBadge verdict={item.verdict} status={item.status} />
                </Link>
              </td>
              <td className="hidden py-2 pl-3 text-right font-mono text-xs tabular-nums sm:table-cell">
                {formatScore(item.score, item.maxScore)}
              </td>
              <td className="hidden py-2 pl-3 text-right font-mono text-xs tabular-nums sm:table-cell">
                {formatTime(item.timeMs)}
              </td>
              <td className="hidden py-2 pl-3 text-right font-mono text-xs tabular-nums lg:table-cell">
                {formatMemory(item.memoryKb)}
              </td>
              <td className="hidden py-2 pl-3 text-xs lg:table-cell">
                {item.language === 'typescript' ? 'TypeScript' : 'JavaScript'}
              </td>
              <td className="hidden px-3 py-2 text-xs whitespace-nowrap text-zinc-600 md:table-cell dark:text-zinc-400">
                <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
