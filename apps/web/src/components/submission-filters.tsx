'use client';
import { VERDICTS } from '@oj/shared';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useTransition } from 'react';

export function SubmissionFilters({
  problem,
  verdict,
  user,
  mine,
}: {
  problem?: string;
  verdict?: string;
  user?: string;
  mine: boolean;
}) {
  const t = useTranslations('submissions');
  const tv = useTranslations('verdict');
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [, startTransition] = useTransition();
  const apply = () => {
    if (!form.current) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form.current)) {
      if (typeof value === 'string' && value.trim()) params.set(key, value.trim());
    }
    const query = params.toString();
    startTransition(() => router.replace(query ? `/submissions?${query}` : '/submissions', { scroll: false }));
  };
  return (
    <form
      ref={form}
      action="/submissions"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      className="flex flex-wrap items-end gap-2"
    >
      {mine ? <input type="hidden" name="mine" value="true" /> : null}
      <label className="min-w-0 flex-1 basis-40">
        <span className="sr-only">{t('problem')}</span>
        <input name="problem" defaultValue={problem} placeholder={t('problemPlaceholder')} className="input" />
      </label>
      {mine ? null : (
        <label className="min-w-0 flex-1 basis-32">
          <span className="sr-only">{t('user')}</span>
          <input name="user" defaultValue={user} placeholder={t('userPlaceholder')} className="input" />
        </label>
      )}
      <label className="min-w-0 flex-1 sm:flex-none sm:basis-48">
        <span className="sr-only">{t('verdict')}</span>
        <select name="verdict" defaultValue={verdict ?? ''} className="input" onChange={apply}>
          <option value="">{t('anyVerdict')}</option>
          {VERDICTS.map((code) => (
            <option key={code} value={code}>
              {code} · {tv(code)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn-secondary h-[34px]">
        {t('filter')}
      </button>
    </form>
  );
}
