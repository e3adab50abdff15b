import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ErrorState } from '@/components/error-state';
import { SubmissionResult } from '@/components/submission-result';
import { isApiError } from '@/lib/api/client';
import { attempt, serverApi } from '@/lib/api/server';
import { formatDateTime } from '@/lib/format';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations('submission');
  return { title: t('title', { id }) };
}

export default async function SubmissionPage({ params }: { params: Params }) {
  const { id: raw } = await params;
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1) notFound();
  const t = await getTranslations('submission');
  const api = await serverApi();
  const result = await attempt(() => api.getSubmission(id));
  if (!result.ok) {
    if (isApiError(result.error) && result.error.kind === 'not-found') notFound();
    return <ErrorState error={result.error} signInNext={`/submissions/${id}`} />;
  }
  const submission = result.data;
  const problem = await attempt(() => api.getProblem(submission.problem.slug));
  const codeLines = submission.code?.replace(/\n$/, '').split('\n') ?? [];

  return (
    <div className="mx-auto w-full max-w-5xl space-y-4 px-3 py-6 sm:px-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title', { id })}</h1>
        <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={`/problems/${submission.problem.slug}`} className="link">
            {submission.problem.title}
          </Link>
          <span>
            {t('by')}{' '}
            <Link href={`/users/${encodeURIComponent(submission.user.username)}`} className="link">
              {submission.user.username}
            </Link>
          </span>
          <span>{submission.language === 'typescript' ? 'TypeScript' : 'JavaScript'}</span>
          <time dateTime={submission.createdAt}>{formatDateTime(submission.createdAt)}</time>
        </p>
      </div>
      <div className="card p-4">
        <SubmissionResult
          id={id}
          initial={submission}
          showLink={false}
          {...(problem.ok
            ? { chart: { performanceTests: problem.data.performanceTests, timeLimitMs: problem.data.limits.timeMs } }
            : {})}
        />
      </div>
      <section className="card overflow-hidden" aria-labelledby="code-heading">
        <h2 id="code-heading" className="border-b border-zinc-200 px-4 py-2 text-sm font-semibold dark:border-zinc-800">
          {t('code')}
        </h2>
        {submission.code === null ? (
          <p className="px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400">{t('codeHidden')}</p>
        ) : (
          <pre className="overflow-x-auto py-2 font-mono text-xs leading-5" data-testid="submission-code">
            {codeLines.map((line, index) => (
              <span key={index} className="flex">
                <span
                  aria-hidden="true"
                  className="w-10 shrink-0 pr-3 text-right text-zinc-400 select-none dark:text-zinc-500"
                >
                  {index + 1}
                </span>
                <code className="pr-4">{line || ' '}</code>
              </span>
            ))}
          </pre>
        )}
      </section>
    </div>
  );
}
