import Link from 'next/link';
import { roleAtLeast } from '@oj/shared';
import { getTranslations } from 'next-intl/server';
import { getSession } from '@/lib/api/server';
import { LocaleSwitch } from './locale-switch';
import { NavLinks } from './nav-links';
import { RoleBadge } from './role-badge';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme';

export async function Header() {
  const t = await getTranslations('nav');
  const { session } = await getSession();
  const user = session?.user ?? null;
  const links = [
    { href: '/problems', label: t('problems') },
    { href: '/submissions', label: t('submissions') },
    ...(user ? [{ href: `/users/${encodeURIComponent(user.username)}`, label: t('profile') }] : []),
    ...(user && roleAtLeast(user.role, 'setter') ? [{ href: '/setter/problems', label: t('setter') }] : []),
    ...(user?.role === 'admin' ? [{ href: '/admin/users', label: t('admin') }] : []),
  ];

  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/90">
      <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-2 gap-y-1 px-3 sm:gap-x-3 py-2 sm:px-5">
        <Link href="/problems" className="flex items-center gap-2 font-semibold tracking-tight" aria-label={t('home')}>
          <span
            aria-hidden="true"
            className="grid size-7 place-items-center rounded-md bg-emerald-700 font-mono text-sm text-white dark:bg-emerald-600"
          >
            oj
          </span>
          <span className="hidden sm:inline">{t('brand')}</span>
        </Link>
        <nav
          aria-label={t('main')}
          className="order-last -mx-1 flex w-full gap-1 overflow-x-auto md:order-none md:mx-0 md:w-auto"
        >
          <NavLinks links={links} />
        </nav>
        <div className="ml-auto flex items-center gap-1 sm:gap-1.5">
          <LocaleSwitch />
          <ThemeToggle />
          {user ? (
            <div className="flex min-w-0 items-center gap-1.5 sm:gap-2 sm:pl-1" data-testid="current-user">
              <Link
                href="/profile"
                title={t('account')}
                className="max-w-[5rem] truncate min-[400px]:max-w-[7rem] sm:max-w-[12rem] text-sm font-medium hover:underline"
              >
                {user.username}
              </Link>
              <RoleBadge role={user.role} />
              <SignOutButton />
            </div>
          ) : (
            <div className="flex items-center gap-1.5 pl-1">
              <Link href="/signin" className="btn-ghost">
                {t('signIn')}
              </Link>
              <Link href="/signup" className="btn-primary">
                {t('signUp')}
              </Link>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}
