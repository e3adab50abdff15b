import type { AuthoredProblem } from '@oj/shared';
import { useTranslations } from 'next-intl';

const TONE: Record<AuthoredProblem['visibility'], string> = {
  public: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-400/15 dark:text-emerald-300',
  contest: 'bg-violet-100 text-violet-800 dark:bg-violet-400/15 dark:text-violet-300',
  draft: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
};

/** Who sees a problem: its authors only (draft), everyone (public), or learners in a contest (contest). */
export function VisibilityBadge({ visibility }: { visibility: AuthoredProblem['visibility'] }) {
  const t = useTranslations('setter');
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${TONE[visibility]}`}
      data-testid="visibility"
      data-visibility={visibility}
    >
      {t(`visibilities.${visibility}`)}
    </span>
  );
}
