'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '@/lib/api/browser';

export function SignOutButton() {
  const t = useTranslations('nav');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="btn-ghost px-1.5 sm:px-2"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        api
          .logout()
          .catch(() => undefined)
          .finally(() => {
            setBusy(false);
            router.push('/problems');
            router.refresh();
          });
      }}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        className="size-4 sm:hidden"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      >
        <path
          d="M8 3.5H4.5a1 1 0 0 0-1 1v11a1 1 0 0 0 1 1H8M13 6.5 16.5 10 13 13.5M16.5 10H8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="sr-only sm:not-sr-only">{t('signOut')}</span>
    </button>
  );
}
