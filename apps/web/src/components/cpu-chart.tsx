import type { Verdict } from '@oj/shared';
import { useTranslations } from 'next-intl';
import { formatTime, VERDICT_FILL } from '@/lib/format';
import { niceCeiling } from '@/lib/stats';

function tickLabel(ms: number): string {
  return ms < 10 && !Number.isInteger(ms) ? `${ms.toFixed(1)} ms` : formatTime(Math.round(ms));
}

/**
 * CPU time per performance test, in judging order, so a learner sees how the solution scales with the
 * input. Plain HTML boxes (text stays readable at any width); the time limit is drawn when it is within
 * reach of the bars, else it would flatten them.
 */
export function CpuChart({
  tests,
  timeLimitMs,
}: {
  tests: { id: string; timeMs: number; verdict: Verdict }[];
  timeLimitMs: number;
}) {
  const t = useTranslations('chart');
  if (tests.length === 0) return null;
  const slowest = Math.max(...tests.map((test) => test.timeMs), 1);
  const showLimit = slowest >= timeLimitMs * 0.4;
  const top = niceCeiling(showLimit ? Math.max(slowest, timeLimitMs) : slowest);
  const percent = (ms: number) => `${Math.min(100, (ms / top) * 100)}%`;
  const labelEvery = Math.ceil(tests.length / 12);

  return (
    <figure className="mt-3 max-w-2xl" data-testid="cpu-chart" aria-label={t('title')}>
      <div className="flex gap-2">
        <div
          className="relative w-12 shrink-0 text-right text-[11px] text-zinc-600 tabular-nums dark:text-zinc-400"
          aria-hidden="true"
        >
          {[top, top / 2, 0].map((tick) => (
            <span
              key={tick}
              className="absolute right-0 -translate-y-1/2 whitespace-nowrap"
              style={{ top: `${100 - (tick / top) * 100}%` }}
            >
              {tickLabel(tick)}
            </span>
          ))}
        </div>
        <div className="relative h-40 flex-1 border-b border-l border-zinc-300 dark:border-zinc-700">
          <div
            className="absolute inset-x-0 top-0 border-t border-dashed border-zinc-200 dark:border-zinc-800"
            aria-hidden="true"
          />
          <div
            className="absolute inset-x-0 top-1/2 border-t border-dashed border-zinc-200 dark:border-zinc-800"
            aria-hidden="true"
          />
          {showLimit ? (
            <div
              className="absolute inset-x-0 border-t-2 border-dashed border-red-500"
              style={{ bottom: percent(timeLimitMs) }}
            >
              <span className="absolute right-1 -top-5 text-[11px] text-red-700 dark:text-red-400">
                {t('limit', { time: formatTime(timeLimitMs) })}
              </span>
            </div>
          ) : null}
          <ol className="absolute inset-0 flex items-end gap-[6%] px-[3%]">
            {tests.map((test) => (
              <li
                key={test.id}
                className="flex h-full min-w-0 flex-1 items-end"
                title={`${test.id}: ${formatTime(test.timeMs)} (${test.verdict})`}
              >
                <span
                  className={`block w-full rounded-t-sm ${VERDICT_FILL[test.verdict]}`}
                  style={{ height: percent(test.timeMs), minHeight: '2px' }}
                />
                <span className="sr-only">
                  {test.id}: {formatTime(test.timeMs)}, {test.verdict}
                </span>
              </li>
            ))}
          </ol>
        </div>
      </div>
      <div className="ml-14 flex gap-[6%] px-[3%] pt-1" aria-hidden="true">
        {tests.map((test, index) => (
          <span
            key={test.id}
            className="min-w-0 flex-1 text-center font-mono text-[10px] text-zinc-600 sm:text-[11px] dark:text-zinc-400"
          >
            {index % labelEvery === 0 ? test.id : ''}
          </span>
        ))}
      </div>
      <figcaption className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        {showLimit ? t('captionWithLimit') : t('caption', { limit: formatTime(timeLimitMs) })}
      </figcaption>
    </figure>
  );
}
