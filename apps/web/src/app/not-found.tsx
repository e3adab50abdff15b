import { useTranslations } from 'next-intl';
import Link from 'next/link';

export default function NotFound() {
  const t = useTranslations('errors');
  return (
    <div className="card mx-auto my-12 max-w-lg p-6 text-center" data-testid="not-found">
      <p className="text-base font-semibold">{t('notFoundTitle')}</p>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t('notFoundBody')}</p>
      <Link className="btn-secondary mt-4" href="/problems">
        {t('backToProblems')}
      </Link>
    </div>
  );
}
