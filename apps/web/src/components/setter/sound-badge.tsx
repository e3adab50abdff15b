import type { Verification } from '@oj/shared';
import { useTranslations } from 'next-intl';
import { PENDING_TONE } from '@/lib/format';

const base =
  'inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ring-inset whitespace-nowrap';
const SOUND =
  'bg-emerald-100 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-400/15 dark:text-emerald-300 dark:ring-emerald-400/30';
const UNSOUND = 'bg-red-100 text-red-800 ring-red-600/30 dark:bg-red-400/15 dark:text-red-300 dark:ring-red-400/30';

/** Whether a version is sound: checking (live), sound, or not sound. */
export function SoundBadge({
  verification,
  fallback,
}: {
  verification: Pick<Verification, 'status' | 'sound'> | null;
  fallback?: Pick<Verification, 'status' | 'sound'> | undefined;
}) {
  const t = useTranslations('setter');
  const shown = verification ?? fallback ?? null;
  if (!shown || shown.sound === null)
    return (
      <span className={`${base} ${PENDING_TONE}`} data-testid="sound-badge" data-sound="pending">
        <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-current" />
        {t('checking')}
      </span>
    );
  return (
    <span
      className={`${base} ${shown.sound ? SOUND : UNSOUND}`}
      data-testid="sound-badge"
      data-sound={shown.sound ? 'sound' : 'unsound'}
    >
      {shown.sound ? `✓ ${t('sound')}` : `✗ ${t('unsound')}`}
    </span>
  );
}
