import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CopyButton } from '@/components/copy-button';
import { DifficultyLabel } from '@/components/difficulty';
import { ErrorState } from '@/components/error-state';
import { Statement } from '@/components/statement';
import { Workspace } from '@/components/workspace';
import { pickStatement, pickTitle, type Locale } from '@/i18n/locales';
import { isApiError } from '@/lib/api/client';
import { attempt, getSession, serverApi } from '@/lib/api/server';
import { formatTime } from '@/lib/format';

type Params = Promise<{ slug: string }>;

async function load(slug: string) {
  return attempt(async () => (await serverApi()).getProblem(slug));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const locale = (await getLocale()) as Locale;
  const result = await load(slug);
  return { title: result.ok ? pickTitle(result.data.title, result.data.titles, locale) : slug };
}

export default async function ProblemPage({ params }: { params: Params }) {
  const { slug } = await params;
  const t = await getTranslations('problem');
  const locale = (await getLocale()) as Locale;
  const [result, { session }] = await Promise.all([load(slug), getSession()]);
  if (!result.ok) {
    if (isApiError(result.error) && result.error.kind === 'not-found') notFound();
    return <ErrorState error={result.error} signInNext={`/problems/${slug}`} />;
  }
  const problem = result.data;
  const statement = pickStatement(problem.statements, locale);
  const functionStyle = problem.style === 'function';

  return (
    <div className="mx-auto grid w-full max-w-[1600px] gap-4 px-3 py-4 sm:px-5 lg:grid-cols-2 lg:gap-6">
      <article
        className="min-w-0 lg:max-h-[calc(100dvh-5.5rem)] lg:overflow-y-auto lg:pr-2"
        aria-labelledby="problem-title"
      >
        <nav aria-label={t('breadcrumb')} className="mb-2 text-sm">
          <Link href="/problems" className="link">
            ← {t('allProblems')}
          </Link>
        </nav>
        <h1 id="problem-title" className="text-2xl font-semibold tracking-tight" data-testid="problem-title">
          {pickTitle(problem.title, problem.titles, locale)}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <DifficultyLabel difficulty={problem.difficulty} />
          {problem.solved === 'solved' ? (
            <span className="font-medium text-emerald-700 dark:text-emerald-400">✓ {t('solved')}</span>
          ) : null}
          {problem.tags.map((tag) => (
            <Link
              key={tag}
              href={`/problems?tag=${encodeURIComponent(tag)}`}
              className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 hover:bg-zinc-200 dark:bg-zinc-800 dark:text-zinc-300"
            >
              {tag}
            </Link>
          ))}
          <span className="ml-auto flex gap-3">
            <a href="#workspace" className="link text-sm lg:hidden">
              {t('toEditor')}
            </a>
            <Link href={`/submissions?problem=${problem.slug}`} className="link text-sm">
              {t('submissions')}
            </Link>
          </span>
        </div>
        <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="limits">
          {[
            [t('timeLimit'), formatTime(problem.limits.timeMs)],
            [t('memoryLimit'), `${problem.limits.memoryMb} MB`],
            [t('stackLimit'), `${problem.limits.stackMb} MB`],
            [t('outputLimit'), `${problem.limits.outputKb} KB`],
          ].map(([label, value]) => (
            <div key={label} className="rounded-md bg-zinc-100 px-2.5 py-1.5 dark:bg-zinc-800/70">
              <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
              <dd className="font-mono text-sm">{value}</dd>
            </div>
          ))}
        </dl>
        {statement.locale !== locale ? (
          <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">{t('statementFallback')}</p>
        ) : null}
        <div className="mt-2">
          <Statement markdown={statement.text} lang={statement.locale} />
        </div>
        <section aria-labelledby="samples-heading" className="mt-6">
          <h2 id="samples-heading" className="mb-2 text-lg font-semibold">
            {t('samples')}
          </h2>
          <div className="space-y-3">
            {problem.samples.map((sample, index) => (
              <div key={sample.id} className="card overflow-hidden" data-testid="sample">
                <p className="border-b border-zinc-200 px-3 py-1.5 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
                  {t('sample', { number: index + 1 })}
                </p>
                <div className="grid divide-y divide-zinc-200 sm:grid-cols-2 sm:divide-x sm:divide-y-0 dark:divide-zinc-800">
                  {[
                    [functionStyle ? t('arguments') : t('input'), sample.input],
                    [functionStyle ? t('returns') : t('output'), sample.expected],
                  ].map(([label = '', text = '']) => (
                    <div key={label} className="min-w-0 p-2">
                      <div className="mb-1 flex items-center justify-between">
                        <span className="text-[0.7rem] font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                          {label}
                        </span>
                        <CopyButton text={text} label={`${t('sample', { number: index + 1 })} ${label}`} />
                      </div>
                      <pre className="max-h-56 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs leading-5 dark:bg-zinc-800/70">
                        {text}
                      </pre>
                    </div>
                  ))}
                </div>
              </div>
            ))}
          </div>
        </section>
      </article>
      <div id="workspace" className="min-w-0 scroll-mt-28 lg:sticky lg:top-[4.25rem] lg:self-start">
        <Workspace
          slug={problem.slug}
          style={problem.style}
          starterCode={problem.starterCode}
          sampleInput={problem.samples[0]?.input ?? ''}
          signedIn={Boolean(session?.user)}
        />
      </div>
    </div>
  );
}
