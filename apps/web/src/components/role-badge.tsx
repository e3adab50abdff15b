import type { Role } from '@oj/shared';
import { useTranslations } from 'next-intl';

const TONE: Record<Role, string> = {
  learner: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  setter: 'bg-sky-100 text-sky-800 dark:bg-sky-400/15 dark:text-sky-300',
  admin: 'bg-violet-100 text-violet-800 dark:bg-violet-400/15 dark:text-violet-300',
};

export function RoleBadge({ role }: { role: Role }) {
  const t = useTranslations('roles');
  return (
    <span data-testid="role-badge" className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONE[role]}`}>
      {t(role)}
    </span>
  );
}
