'use client';
import type { SubmissionDetail, Verdict } from '@oj/shared';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { formatMemory, formatScore, formatTime } from '@/lib/format';
import { progressFraction, type LiveTest } from '@/lib/progress';
import { useLiveSubmission } from '@/lib/use-live-submission';
import { chartTests } from '@/lib/stats';
import { CompileMessage } from './compile-message';
import { CpuChart } from './cpu-chart';
import { TestTable } from './test-table';
import { VerdictBadge } from './verdict-badge';

/** A submission being judged (or judged): summary line, progress, the per-test list filling in live. */
export function SubmissionResult({
  id,
  initial,
  onGoToLine,
  showLink = true,
  chart,
}: {
  id: number;
  initial?: SubmissionDetail;
  onGoToLine?: (line: number) => void;
  showLink?: boolean;
  /** Draws the CPU time chart of these tests once judging is done. */
  chart?: { performanceTests: string[]; timeLimitMs: number };
}) {
  const t = useTranslations('submission');
  const { live } = useLiveSubmission(id, initial);
  const finished = live.status === 'FINISHED';
  const maxTime = live.tests.reduce((max, test) => Math.max(max, test.timeMs), 0);
  const maxMemory = live.tests.reduce((max, test) => Math.max(max, test.memoryKb), 0);
  const fraction = progressFraction(live);
  const judgedTests = live.tests.filter(
    (test): test is Extract<LiveTest, { verdict: Verdict }> => test.status !== 'skipped',
  );

  return (
    <section
      aria-label={t('result')}
      data-testid="submission-result"
      data-status={live.status}
      data-verdict={live.verdict ?? ''}
      className="space-y-3"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="text-lg" aria-live="polite">
          <VerdictBadge verdict={live.verdict} status={live.status} />
        </span>
        {finished ? (
          <span className="text-sm text-zinc-600 dark:text-zinc-400">
            {t('scoreLine', {
              score: formatScore(live.score, live.maxScore),
              time: formatTime(maxTime),
              memory: formatMemory(maxMemory),
            })}
          </span>
        ) : (
          <span className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
            {live.total ? t('progress', { finished: live.tests.length, total: live.total }) : t('queued')}
          </span>
        )}
        {showLink ? (
          <Link href={`/submissions/${id}`} className="link ml-auto text-sm">
            {t('open', { id })}
          </Link>
        ) : null}
      </div>
      {!finished ? (
        <div
          className="h-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(fraction * 100)}
          aria-label={t('progressLabel')}
        >
          <div
            className="h-full bg-sky-600 transition-[width] duration-300 dark:bg-sky-400"
            style={{ width: `${Math.max(4, fraction * 100)}%` }}
          />
        </div>
      ) : null}
      {live.compileMessage ? (
        <CompileMessage message={live.compileMessage} {...(onGoToLine ? { onGoToLine } : {})} />
      ) : null}
      <TestTable tests={live.tests} total={live.total} />
      {chart && finished && chartTests(judgedTests, chart.performanceTests).length > 0 ? (
        <div className="border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <h2 className="text-sm font-semibold">{t('chartTitle')}</h2>
          <CpuChart tests={chartTests(judgedTests, chart.performanceTests)} timeLimitMs={chart.timeLimitMs} />
        </div>
      ) : null}
    </section>
  );
}
