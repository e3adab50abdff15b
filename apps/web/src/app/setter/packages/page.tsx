import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ErrorState } from '@/components/error-state';
import { PackageUpload } from '@/components/package-upload';
import { ApiRequestError } from '@/lib/api/client';
import { getSession } from '@/lib/api/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('packages');
  return { title: t('title') };
}

export default async function PackageUploadPage() {
  const t = await getTranslations('packages');
  const { session } = await getSession();
  if (!session?.user)
    return (
      <ErrorState
        error={new ApiRequestError({ status: 401, code: 'UNAUTHENTICATED', message: '' })}
        signInNext="/setter/packages"
      />
    );
  if (session.user.role === 'learner')
    return <ErrorState error={new ApiRequestError({ status: 403, code: 'FORBIDDEN', message: '' })} />;
  return (
    <div className="mx-auto w-full max-w-3xl px-3 py-6 sm:px-5">
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
      <PackageUpload />
    </div>
  );
}
