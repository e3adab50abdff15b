import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ChangePasswordForm } from '@/components/change-password-form';
import { ErrorState } from '@/components/error-state';
import { SignOutOthersButton } from '@/components/sign-out-others-button';
import { ApiRequestError } from '@/lib/api/client';
import { getSession } from '@/lib/api/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

/** The signed-in user's own account: change the password, sign out other sessions. */
export default async function AccountPage() {
  const { session, error } = await getSession();
  if (error === 'unreachable')
    return <ErrorState error={new ApiRequestError({ status: 0, code: 'UNREACHABLE', message: '' })} />;
  if (!session?.user) redirect('/signin?next=/profile');
  const { username } = session.user;
  const t = await getTranslations('account');

  return (
    <div className="mx-auto w-full max-w-xl space-y-6 px-3 py-6 sm:px-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="account-name">
          {t('signedInAs', { username })}
        </p>
        <Link href={`/users/${encodeURIComponent(username)}`} className="link text-sm">
          {t('publicProfile')}
        </Link>
      </div>
      <ChangePasswordForm />
      <SignOutOthersButton />
    </div>
  );
}
