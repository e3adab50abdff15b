import type { SubmissionStatus, Verdict } from '@oj/shared';
import { useTranslations } from 'next-intl';
import { PENDING_TONE, VERDICT_TONE } from '@/lib/format';

/** A verdict (or the pending state) as a coloured pill; `short` shows the code (AC) and keeps the name as a tooltip. */
export function VerdictBadge({
  verdict,
  status,
  short = false,
}: {
  verdict: Verdict | null;
  status?: SubmissionStatus;
  short?: boolean;
}) {
  const t = useTranslations('verdict');
  const base =
    'inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ring-inset whitespace-nowrap';
  if (!verdict || (status && status !== 'FINISHED')) {
    const label = status === 'JUDGING' ? t('judging') : t('pending');
    return (
      <span className={`${base} ${PENDING_TONE}`} data-verdict="pending">
        <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-current" />
        {label}
      </span>
    );
  }
  return (
    <span className={`${base} ${VERDICT_TONE[verdict]}`} data-verdict={verdict} title={t(verdict)}>
      {short ? verdict : t(verdict)}
    </span>
  );
}
