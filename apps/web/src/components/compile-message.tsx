'use client';
import { useTranslations } from 'next-intl';
import { compilerLines } from '@/lib/diff';

/** The compiler's message; a line it points at becomes a button that moves the editor there. */
export function CompileMessage({ message, onGoToLine }: { message: string; onGoToLine?: (line: number) => void }) {
  const t = useTranslations('tests');
  return (
    <div
      data-testid="compile-message"
      className="rounded-md border border-orange-300 bg-orange-50 p-3 dark:border-orange-400/30 dark:bg-orange-400/10"
    >
      <p className="mb-1 text-xs font-semibold text-orange-900 dark:text-orange-300">{t('compilerOutput')}</p>
      <pre className="overflow-x-auto font-mono text-xs leading-5 whitespace-pre-wrap text-orange-950 dark:text-orange-100">
        {compilerLines(message).map((entry, index) => (
          <span key={index} className="block">
            {entry.line !== null && onGoToLine ? (
              <button
                type="button"
                onClick={() => onGoToLine(entry.line!)}
                className="mr-2 rounded bg-orange-200 px-1 font-semibold hover:bg-orange-300 dark:bg-orange-400/25 dark:hover:bg-orange-400/40"
              >
                {t('goToLine', { line: entry.line })}
              </button>
            ) : null}
            {entry.text}
          </span>
        ))}
      </pre>
    </div>
  );
}
