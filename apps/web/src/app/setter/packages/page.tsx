import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PackageUpload } from '@/components/package-upload';
import { roleGate } from '@/components/role-gate';
import { getSession } from '@/lib/api/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('packages');
  return { title: t('title') };
}

export default async function PackageUploadPage() {
  const t = await getTranslations('packages');
  const { session } = await getSession();
  const gate = roleGate(session, 'setter', '/setter/packages');
  if (gate) return gate;
  return (
    <div className="mx-auto w-full max-w-3xl px-3 py-6 sm:px-5">
      <nav className="mb-1 text-sm">
        <Link href="/setter/problems" className="link">
          {t('back')}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
      <PackageUpload />
    </div>
  );
}
