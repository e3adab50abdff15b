import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminUsers } from '@/components/admin-users';
import { ErrorState } from '@/components/error-state';
import { roleGate } from '@/components/role-gate';
import { attempt, getSession, serverApi } from '@/lib/api/server';
import { pageParam, param, type SearchParams } from '@/lib/params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('title') };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const t = await getTranslations('admin');
  const { session } = await getSession();
  const gate = roleGate(session, 'admin', '/admin/users');
  if (gate || !session?.user) return gate;
  const search = param(params, 'search');
  const page = pageParam(params);
  const result = await attempt(async () => (await serverApi()).listUsers({ search, page, pageSize: 50 }));

  return (
    <div className="mx-auto w-full max-w-5xl px-3 py-6 sm:px-5">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        {/* Served by the API (Bull Board), not by this app: a full page load, not a client navigation. */}
        <a href="/api/admin/queues" className="btn-secondary" data-testid="queue-dashboard-link">
          {t('queues')} ↗
        </a>
      </div>
      {!result.ok ? (
        <ErrorState error={result.error} />
      ) : (
        <AdminUsers initial={result.data} search={search} currentUserId={session.user.id} />
      )}
    </div>
  );
}
