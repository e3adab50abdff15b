import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { queryString } from '@/lib/api/client';

/** Previous / next links that keep the other query parameters. */
export function Pagination({
  path,
  query,
  page,
  pageSize,
  total,
}: {
  path: string;
  query: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
}) {
  const t = useTranslations('common');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (target: number) => `${path}${queryString({ ...query, page: target === 1 ? undefined : target })}`;
  const linkClass = 'btn-secondary';
  const disabledClass = 'btn-secondary pointer-events-none opacity-50';
  return (
    <nav aria-label={t('pagination')} className="mt-4 flex items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link className={linkClass} href={href(page - 1)} rel="prev">
          ← {t('previous')}
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          ← {t('previous')}
        </span>
      )}
      <span className="text-zinc-600 dark:text-zinc-400">{t('pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link className={linkClass} href={href(page + 1)} rel="next">
          {t('next')} →
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          {t('next')} →
        </span>
      )}
    </nav>
  );
}
