'use client';
import { useTranslations } from 'next-intl';

export default function PageError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div role="alert" className="card mx-auto my-12 max-w-lg p-6 text-center">
      <p className="text-base font-semibold">{t('serverTitle')}</p>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t('serverBody')}</p>
      <button type="button" className="btn-secondary mt-4" onClick={reset}>
        {t('retry')}
      </button>
    </div>
  );
}
