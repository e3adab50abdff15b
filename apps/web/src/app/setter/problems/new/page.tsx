import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { roleGate } from '@/components/role-gate';
import { NewProblem } from '@/components/setter/new-problem';
import { getSession } from '@/lib/api/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('setter');
  return { title: t('newProblem') };
}

export default async function NewProblemPage() {
  const { session } = await getSession();
  const gate = roleGate(session, 'setter', '/setter/problems/new');
  if (gate) return gate;
  return (
    <div className="mx-auto w-full max-w-[1600px] px-3 py-6 sm:px-5">
      <NewProblem />
    </div>
  );
}
