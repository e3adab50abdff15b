'use client';
import { useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useRef, useTransition } from 'react';

/**
 * A plain GET form (works before JavaScript loads), made live: selects apply at once and the search
 * box applies after a short pause in typing.
 */
export function ProblemFilters({
  search,
  tag,
  difficulty,
  tags,
}: {
  search?: string;
  tag?: string;
  difficulty?: string;
  tags: string[];
}) {
  const t = useTranslations('problems');
  const router = useRouter();
  const pathname = usePathname();
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [pending, startTransition] = useTransition();

  const apply = () => {
    if (!form.current) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form.current)) {
      if (typeof value === 'string' && value.trim()) params.set(key, value.trim());
    }
    const query = params.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };

  return (
    <form
      ref={form}
      role="search"
      action={pathname}
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      className="flex flex-wrap items-end gap-2"
      data-pending={pending || undefined}
    >
      <label className="min-w-0 flex-1 basis-full sm:basis-56">
        <span className="sr-only">{t('search')}</span>
        <input
          type="search"
          name="search"
          defaultValue={search}
          placeholder={t('searchPlaceholder')}
          className="input"
          data-testid="problem-search"
          onChange={() => {
            clearTimeout(timer.current);
            timer.current = setTimeout(apply, 300);
          }}
        />
      </label>
      <label className="min-w-0 flex-1 sm:flex-none sm:basis-40">
        <span className="sr-only">{t('difficulty')}</span>
        <select name="difficulty" defaultValue={difficulty ?? ''} className="input" onChange={apply}>
          <option value="">{t('anyDifficulty')}</option>
          <option value="easy">{t('easy')}</option>
          <option value="medium">{t('medium')}</option>
          <option value="hard">{t('hard')}</option>
        </select>
      </label>
      <label className="min-w-0 flex-1 sm:flex-none sm:basis-44">
        <span className="sr-only">{t('tag')}</span>
        <select name="tag" defaultValue={tag ?? ''} className="input" onChange={apply}>
          <option value="">{t('anyTag')}</option>
          {tags.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn-secondary hidden h-[34px] sm:inline-flex">
        {t('filter')}
      </button>
    </form>
  );
}
