'use client';
import type { ProblemStyle, RunResponse } from '@oj/shared';
import { useTranslations } from 'next-intl';
import { firstDifference } from '@/lib/diff';
import { formatMemory, formatTime } from '@/lib/format';
import { CompileMessage } from './compile-message';
import { VerdictBadge } from './verdict-badge';

/** A custom run's outcome: each sample (or the learner's input) with its output, and what differs. */
export function RunResult({
  response,
  custom,
  style,
  onGoToLine,
}: {
  response: RunResponse;
  custom: boolean;
  style: ProblemStyle;
  onGoToLine: (line: number) => void;
}) {
  const t = useTranslations('workspace');
  return (
    <div className="space-y-3" data-testid="run-result" data-verdict={response.verdict ?? ''}>
      <div className="flex items-center gap-2">
        <span className="text-sm font-medium">{custom ? t('customRunTitle') : t('sampleRunTitle')}</span>
        {response.verdict ? <VerdictBadge verdict={response.verdict} /> : null}
      </div>
      {response.compileMessage ? <CompileMessage message={response.compileMessage} onGoToLine={onGoToLine} /> : null}
      {response.tests.map((test, index) => {
        const difference =
          test.verdict === 'WA' && test.expected !== null ? firstDifference(test.expected, test.output) : null;
        return (
          <div
            key={`${test.id}-${index}`}
            className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800"
            data-testid="run-test"
          >
            <div className="flex flex-wrap items-center gap-2 text-xs">
              <span className="font-mono text-zinc-600 dark:text-zinc-400">
                {custom ? t('customCase') : t('sampleCase', { id: test.id })}
              </span>
              {test.verdict ? <VerdictBadge verdict={test.verdict} short /> : null}
              <span className="ml-auto font-mono text-zinc-600 tabular-nums dark:text-zinc-400">
                {formatTime(test.timeMs)} · {formatMemory(test.memoryKb)}
              </span>
            </div>
            {test.message ? (
              <p
                className="mt-2 rounded bg-red-50 p-2 font-mono text-xs break-all whitespace-pre-wrap text-red-800 dark:bg-red-400/10 dark:text-red-200"
                data-testid="run-message"
              >
                {test.message}
              </p>
            ) : null}
            {difference && !test.message ? (
              <p className="mt-2 rounded bg-red-50 p-2 font-mono text-xs whitespace-pre-wrap text-red-800 dark:bg-red-400/10 dark:text-red-200">
                {t('difference', { line: difference.line, expected: difference.expected, actual: difference.actual })}
              </p>
            ) : null}
            <div className={`mt-2 grid gap-2 ${test.expected !== null ? 'sm:grid-cols-3' : 'sm:grid-cols-2'}`}>
              <IoBlock label={style === 'function' ? t('arguments') : t('input')} text={test.input} />
              <IoBlock
                label={style === 'function' ? t('returned') : t('output')}
                text={test.output}
                testId="run-output"
              />
              {test.expected !== null ? <IoBlock label={t('expected')} text={test.expected} /> : null}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function IoBlock({ label, text, testId }: { label: string; text: string; testId?: string }) {
  return (
    <div className="min-w-0">
      <p className="mb-1 text-[0.7rem] font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</p>
      <pre
        data-testid={testId}
        className="max-h-40 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs leading-5 whitespace-pre-wrap break-all dark:bg-zinc-800"
      >
        {text === '' ? ' ' : text}
      </pre>
    </div>
  );
}
