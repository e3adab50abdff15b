import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ErrorState } from '@/components/error-state';
import { roleGate } from '@/components/role-gate';
import { ProblemEditor } from '@/components/setter/problem-editor';
import { EDITOR_TABS } from '@/lib/editor-tabs';
import { attempt, getSession, serverApi } from '@/lib/api/server';
import { oneOf, param, type SearchParams } from '@/lib/params';

type Params = Promise<{ slug: string }>;

/** The slug as the setter wrote it (Next may hand the segment over still percent-encoded). */
function slugOf(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const slug = slugOf((await params).slug);
  const t = await getTranslations('setter');
  return { title: t('editorTitle', { slug }) };
}

/** The editor of one problem: its newest version, or `?version=N` (read-only when it is not the newest). */
export default async function ProblemEditorPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<SearchParams>;
}) {
  const slug = slugOf((await params).slug);
  const next = `/setter/problems/${encodeURIComponent(slug)}`;
  const query = await searchParams;
  const { session } = await getSession();
  const gate = roleGate(session, 'setter', next);
  if (gate) return gate;
  const api = await serverApi();
  const problem = await attempt(() => api.getAuthoredProblem(slug));
  if (!problem.ok) return <ErrorState error={problem.error} signInNext={next} />;
  const asked = Number(param(query, 'version'));
  const number = Number.isSafeInteger(asked) && asked >= 1 ? asked : problem.data.latestVersion;
  const version = await attempt(() => api.getVersion(problem.data.slug, number));
  if (!version.ok) return <ErrorState error={version.error} signInNext={next} />;
  return (
    <div className="mx-auto w-full max-w-[1600px] px-3 py-6 sm:px-5">
      <ProblemEditor
        key={version.data.number}
        problem={problem.data}
        version={version.data}
        initialTab={oneOf(param(query, 'tab'), EDITOR_TABS)}
      />
    </div>
  );
}
