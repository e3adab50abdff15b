'use client';
import { useTranslations } from 'next-intl';
import { formatMemory, formatTime } from '@/lib/format';
import type { LiveTest } from '@/lib/progress';
import { VerdictBadge } from './verdict-badge';

/** Per-test results; rows for tests not judged yet are shown as waiting, so the list fills in place. */
export function TestTable({
  tests,
  total,
  compact = false,
}: {
  tests: LiveTest[];
  total: number | null;
  compact?: boolean;
}) {
  const t = useTranslations('tests');
  const waiting = total !== null ? Math.max(0, total - tests.length) : 0;
  const judged = new Set(tests.map((test) => test.ordinal));
  const placeholders: number[] = [];
  for (let ordinal = 0; placeholders.length < waiting && ordinal < (total ?? 0); ordinal++) {
    if (!judged.has(ordinal)) placeholders.push(ordinal);
  }
  const rows = [
    ...tests.map((test) => ({ ordinal: test.ordinal, test })),
    ...placeholders.map((ordinal) => ({ ordinal, test: null })),
  ].sort((a, b) => a.ordinal - b.ordinal);

  if (rows.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="test-table">
        <thead>
          <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
            <th scope="col" className="py-2 pr-3 font-medium">
              #
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              {t('verdict')}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {t('time')}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {t('memory')}
            </th>
            {compact ? null : (
              <th scope="col" className="hidden py-2 font-medium sm:table-cell">
                {t('message')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ ordinal, test }) =>
            test?.status === 'skipped' ? (
              <tr
                key={ordinal}
                data-testid="test-row"
                data-verdict="skipped"
                className="border-b border-zinc-100 align-top text-zinc-400 last:border-0 dark:border-zinc-800/70 dark:text-zinc-500"
              >
                <td className="py-1.5 pr-3 font-mono text-xs whitespace-nowrap">
                  {ordinal + 1}
                  {Number(test.id) !== ordinal + 1 ? <span className="ml-1">({test.id})</span> : null}
                </td>
                <td className="py-1.5 pr-3 text-xs" colSpan={compact ? 3 : 4}>
                  {t('skipped')}
                </td>
              </tr>
            ) : test ? (
              <tr
                key={ordinal}
                data-testid="test-row"
                data-verdict={test.verdict}
                className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800/70"
              >
                <td className="py-1.5 pr-3 font-mono text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  {ordinal + 1}
                  {Number(test.id) !== ordinal + 1 ? (
                    <span className="ml-1 text-zinc-500 dark:text-zinc-400">({test.id})</span>
                  ) : null}
                  {test.sample ? (
                    <span className="ml-1 rounded bg-zinc-100 px-1 text-[0.65rem] dark:bg-zinc-800">{t('sample')}</span>
                  ) : null}
                </td>
                <td className="py-1.5 pr-3">
                  <VerdictBadge verdict={test.verdict} short />
                </td>
                <td className="py-1.5 pr-3 text-right font-mono text-xs whitespace-nowrap tabular-nums">
                  {formatTime(test.timeMs)}
                </td>
                <td className="py-1.5 pr-3 text-right font-mono text-xs whitespace-nowrap tabular-nums">
                  {formatMemory(test.memoryKb)}
                </td>
                {compact ? null : (
                  <td className="hidden py-1.5 font-mono text-xs break-all whitespace-pre-wrap text-zinc-700 sm:table-cell dark:text-zinc-300">
                    {test.message ?? ''}
                  </td>
                )}
              </tr>
            ) : (
              <tr
                key={ordinal}
                data-testid="test-row-waiting"
                className="border-b border-zinc-100 text-zinc-400 last:border-0 dark:border-zinc-800/70 dark:text-zinc-500"
              >
                <td className="py-1.5 pr-3 font-mono text-xs">{ordinal + 1}</td>
                <td className="py-1.5 pr-3 text-xs" colSpan={compact ? 3 : 4}>
                  <span className="inline-flex items-center gap-1.5">
                    <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-current" />
                    {t('waiting')}
                  </span>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      {tests.some((test) => test.message) ? (
        // On a phone the message column is hidden; the messages are listed below the table instead.
        <ul className="mt-2 space-y-1 sm:hidden">
          {tests
            .filter((test) => test.message)
            .map((test) => (
              <li
                key={test.ordinal}
                className="rounded bg-zinc-100 p-2 font-mono text-xs break-all whitespace-pre-wrap dark:bg-zinc-800"
              >
                <span className="font-semibold">#{test.ordinal + 1}</span> {test.message}
              </li>
            ))}
        </ul>
      ) : null}
    </div>
  );
}
