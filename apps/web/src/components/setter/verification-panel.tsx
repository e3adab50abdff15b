'use client';
import type { SolutionCheckRow, Verification } from '@oj/shared';
import { useTranslations } from 'next-intl';
import { ErrorState } from '../error-state';
import { VerdictBadge } from '../verdict-badge';
import { formatDateTime, formatMemory, formatTime, VERDICT_TONE, PENDING_TONE } from '@/lib/format';
import { compareTestIds } from '@/lib/working-copy';
import type { VerificationState } from '@/lib/use-verification';
import { SoundBadge } from './sound-badge';

/** Every test id of the table, in order. */
function testIdsOf(verification: Verification): string[] {
  const ids = new Set<string>();
  for (const solution of verification.solutions) for (const cell of solution.tests) ids.add(cell.id);
  return [...ids].sort(compareTestIds);
}

/** The reference-solution table of a version: solutions × tests, soundness and why, validator, time-limit advice. */
export function VerificationPanel({ state }: { state: VerificationState }) {
  const t = useTranslations('setter');
  const { data, error } = state;
  if (!data) {
    if (error) return <ErrorState error={error} inline />;
    return <p className="py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">{t('loading')}</p>;
  }
  const ids = testIdsOf(data);
  return (
    <div className="space-y-4" data-testid="verification" data-status={data.status}>
      <section className="card space-y-2 p-4">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="font-semibold">{t('verificationTitle')}</h2>
          <SoundBadge verification={data} />
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            {data.status === 'finished' && data.durationMs !== null
              ? t('checkedIn', {
                  time: formatTime(data.durationMs),
                  at: formatDateTime(data.finishedAt ?? data.createdAt),
                })
              : t(`checkStatus.${data.status}`)}
          </span>
        </div>
        {data.reasons.length > 0 ? (
          <ul
            className="list-disc space-y-0.5 pl-5 text-sm text-red-800 dark:text-red-200"
            data-testid="unsound-reasons"
          >
            {data.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : null}
        {error ? <ErrorState error={error} inline /> : null}
      </section>

      {data.solutions.length > 0 ? (
        <section className="card overflow-hidden" aria-labelledby="grid-heading">
          <h2 id="grid-heading" className="border-b border-zinc-200 px-4 py-3 font-semibold dark:border-zinc-800">
            {t('solutionTable')}
          </h2>
          <div className="relative overflow-x-auto">
            <table className="w-max min-w-[60%] text-sm" data-testid="verification-table">
              <thead className="bg-zinc-50 text-left text-xs dark:bg-zinc-900">
                <tr>
                  <th
                    scope="col"
                    className="sticky left-0 z-10 bg-zinc-50 px-3 py-2 font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400"
                  >
                    {t('testId')}
                  </th>
                  {data.solutions.map((solution) => (
                    <SolutionHeader key={solution.file} solution={solution} />
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {ids.map((id) => (
                  <tr key={id}>
                    <th
                      scope="row"
                      className="sticky left-0 z-10 bg-white px-3 py-1.5 text-left font-mono font-medium dark:bg-zinc-900"
                    >
                      {id}
                    </th>
                    {data.solutions.map((solution) => {
                      const cell = solution.tests.find((entry) => entry.id === id);
                      return (
                        <td
                          key={solution.file}
                          className="px-2 py-1.5 whitespace-nowrap"
                          data-testid="verification-cell"
                        >
                          {cell?.verdict ? (
                            <span
                              className={`inline-flex flex-col rounded-md px-1.5 py-0.5 text-xs ring-1 ring-inset ${VERDICT_TONE[cell.verdict]}`}
                              title={`${cell.verdict} · ${formatTime(cell.timeMs)} · ${formatMemory(cell.memoryKb)}`}
                              data-verdict={cell.verdict}
                            >
                              <span className="font-semibold">{cell.verdict}</span>
                              <span className="font-mono text-[0.7rem] opacity-80">
                                {formatTime(cell.timeMs)} · {formatMemory(cell.memoryKb)}
                              </span>
                            </span>
                          ) : (
                            <span
                              className={`inline-block rounded-md px-1.5 py-0.5 text-xs ring-1 ring-inset ${
                                solution.status === 'finished'
                                  ? 'bg-zinc-100 text-zinc-500 ring-zinc-400/30 dark:bg-zinc-800'
                                  : PENDING_TONE
                              }`}
                            >
                              {solution.status === 'finished' ? t('skipped') : '…'}
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.solutions.some((solution) => solution.compileMessage) ? (
            <div className="space-y-2 border-t border-zinc-200 p-4 dark:border-zinc-800">
              {data.solutions
                .filter((solution) => solution.compileMessage)
                .map((solution) => (
                  <div key={solution.file}>
                    <p className="text-xs font-medium">{t('compileMessageOf', { file: solution.file })}</p>
                    <pre className="mt-1 max-h-40 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-800">
                      {solution.compileMessage}
                    </pre>
                  </div>
                ))}
            </div>
          ) : null}
        </section>
      ) : null}

      {data.validator ? (
        <section className="card space-y-2 p-4" data-testid="validator-result">
          <h2 className="font-semibold">{t('validatorResult')}</h2>
          {data.validator.error ? (
            <p className="text-sm text-red-700 dark:text-red-300">{data.validator.error}</p>
          ) : data.validator.status !== 'finished' ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t(`checkStatus.${data.validator.status}`)}</p>
          ) : data.validator.invalidInputs.length === 0 ? (
            <p className="text-sm text-emerald-700 dark:text-emerald-400">{t('allInputsValid')}</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="invalid-inputs">
              {data.validator.invalidInputs.map((input) => (
                <li key={input.test} className="flex flex-wrap gap-x-2">
                  <span className="font-mono font-medium">{input.test}</span>
                  <span className="text-red-700 dark:text-red-300">{t(`inputStatus.${input.status}`)}</span>
                  <span className="min-w-0 break-words text-zinc-700 dark:text-zinc-300">{input.reason}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {data.advice ? (
        <section className="card space-y-2 p-4" data-testid="time-advice">
          <h2 className="font-semibold">{t('adviceTitle')}</h2>
          <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
            {[
              [t('adviceLimit'), formatTime(data.advice.limitMs)],
              [t('adviceSlowestAc'), formatTime(data.advice.slowestAcceptedMs)],
              [
                t('adviceFastestTle'),
                data.advice.fastestTimeLimitedMs === null
                  ? '—'
                  : `${data.advice.fastestTimeLimitedAtLeast ? '≥ ' : ''}${formatTime(data.advice.fastestTimeLimitedMs)}`,
              ],
              [t('adviceSuggested'), formatTime(data.advice.suggestedMs)],
            ].map(([label, value]) => (
              <div key={label} className="rounded-md bg-zinc-100 px-2.5 py-1.5 dark:bg-zinc-800/70">
                <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
                <dd className="font-mono">{value}</dd>
              </div>
            ))}
          </dl>
          {data.advice.warnings.length > 0 ? (
            <ul className="list-disc space-y-0.5 pl-5 text-sm text-amber-800 dark:text-amber-200">
              {data.advice.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}
          <p className="font-mono text-xs break-words text-zinc-600 dark:text-zinc-400">{data.advice.summary}</p>
        </section>
      ) : null}
    </div>
  );
}

function SolutionHeader({ solution }: { solution: SolutionCheckRow }) {
  const t = useTranslations('setter');
  return (
    <th scope="col" className="min-w-[7.5rem] px-2 py-2 align-bottom font-normal" data-testid="solution-column">
      <span className="block max-w-[12rem] font-mono text-xs font-medium break-all text-zinc-800 dark:text-zinc-200">
        {solution.file.replace(/^solutions\//, '')}
      </span>
      <span className="mt-1 flex flex-wrap items-center gap-1 text-[0.7rem] text-zinc-500">
        {t('expects')} <VerdictBadge verdict={solution.expected} short />
      </span>
      <span className="mt-1 flex flex-wrap items-center gap-1 text-[0.7rem] text-zinc-500">
        {t('got')}
        {solution.status === 'finished' ? (
          <VerdictBadge verdict={solution.verdict} short />
        ) : (
          <VerdictBadge verdict={null} status={solution.status === 'running' ? 'JUDGING' : 'PENDING'} short />
        )}
        {solution.ok === true ? (
          <span className="text-emerald-700 dark:text-emerald-400" data-testid="solution-ok" title={t('asExpected')}>
            ✓
          </span>
        ) : solution.ok === false ? (
          <span className="text-red-700 dark:text-red-300" data-testid="solution-not-ok" title={t('notAsExpected')}>
            ✗
          </span>
        ) : null}
      </span>
      {solution.timeMs !== null ? (
        <span className="mt-0.5 block font-mono text-[0.7rem] text-zinc-500">
          {formatTime(solution.timeMs)} · {formatMemory(solution.memoryKb)}
          {solution.measuredMs !== null
            ? ` · ${t('measured', { time: `${solution.measuredTimedOut ? '≥ ' : ''}${formatTime(solution.measuredMs)}` })}`
            : ''}
        </span>
      ) : null}
    </th>
  );
}
