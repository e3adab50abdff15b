import type { Difficulty } from '@oj/shared';
import { useTranslations } from 'next-intl';

const TONE: Record<Difficulty, string> = {
  easy: 'text-emerald-700 dark:text-emerald-400',
  medium: 'text-amber-700 dark:text-amber-400',
  hard: 'text-red-700 dark:text-red-400',
};

export function DifficultyLabel({ difficulty }: { difficulty: Difficulty }) {
  const t = useTranslations('difficulty');
  return <span className={`text-sm font-medium ${TONE[difficulty]}`}>{t(difficulty)}</span>;
}
