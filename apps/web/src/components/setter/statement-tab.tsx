'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { removeFile, setFile, STATEMENT_FILE, STATEMENT_ZH_FILE, type WorkingCopy } from '@/lib/working-copy';
import { Statement } from '../statement';

type Lang = 'en' | 'zh';
const FILES: Record<Lang, string> = { en: STATEMENT_FILE, zh: STATEMENT_ZH_FILE };

/** The English and Chinese statements: Markdown beside its preview, rendered as the problem page renders it. */
export function StatementTab({
  copy,
  onChange,
  readOnly,
}: {
  copy: WorkingCopy;
  onChange: (copy: WorkingCopy) => void;
  readOnly: boolean;
}) {
  const t = useTranslations('setter');
  const [lang, setLang] = useState<Lang>('en');
  const [view, setView] = useState<'edit' | 'preview'>('edit');
  const file = FILES[lang];
  const text = copy.files[file]?.text ?? null;
  const exists = file in copy.files;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700" role="group">
          {(['en', 'zh'] as const).map((entry) => (
            <button
              key={entry}
              type="button"
              aria-pressed={lang === entry}
              data-testid={`statement-${entry}`}
              onClick={() => setLang(entry)}
              className={`rounded px-2.5 py-1 text-sm ${lang === entry ? 'bg-zinc-200 font-medium dark:bg-zinc-700' : ''}`}
            >
              {entry === 'en' ? t('english') : t('chinese')}
            </button>
          ))}
        </div>
        <code className="font-mono text-xs text-zinc-500">{file}</code>
        <div className="ml-auto inline-flex rounded-md border border-zinc-300 p-0.5 lg:hidden dark:border-zinc-700">
          {(['edit', 'preview'] as const).map((entry) => (
            <button
              key={entry}
              type="button"
              aria-pressed={view === entry}
              data-testid={`statement-view-${entry}`}
              onClick={() => setView(entry)}
              className={`rounded px-2.5 py-1 text-sm ${view === entry ? 'bg-zinc-200 font-medium dark:bg-zinc-700' : ''}`}
            >
              {entry === 'edit' ? t('edit') : t('preview')}
            </button>
          ))}
        </div>
      </div>
      {lang === 'zh' && !exists ? (
        <div className="rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center text-sm dark:border-zinc-700">
          <p>{t('noChinese')}</p>
          {!readOnly ? (
            <button
              type="button"
              className="btn-secondary mt-3"
              data-testid="add-chinese"
              onClick={() => onChange(setFile(copy, STATEMENT_ZH_FILE, copy.files[STATEMENT_FILE]?.text ?? ''))}
            >
              {t('addChinese')}
            </button>
          ) : null}
        </div>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <div className={`${view === 'edit' ? '' : 'hidden'} min-w-0 space-y-2 lg:block`}>
            <label htmlFor={`statement-text-${lang}`} className="sr-only">
              {lang === 'en' ? t('statementEnglish') : t('statementChinese')}
            </label>
            <textarea
              id={`statement-text-${lang}`}
              data-testid="statement-text"
              className="input h-[26rem] resize-y font-mono text-[13px] leading-5 lg:h-[36rem]"
              spellCheck={lang === 'en'}
              value={text ?? ''}
              readOnly={readOnly || text === null}
              onChange={(event) => onChange(setFile(copy, file, event.target.value))}
            />
            <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('markdownHint')}</p>
            {lang === 'zh' && !readOnly ? (
              <button
                type="button"
                className="btn-ghost text-xs text-red-700 dark:text-red-300"
                onClick={() => onChange(removeFile(copy, STATEMENT_ZH_FILE))}
              >
                {t('removeChinese')}
              </button>
            ) : null}
          </div>
          <div
            className={`${view === 'preview' ? '' : 'hidden'} card min-w-0 overflow-auto p-4 lg:block lg:max-h-[36rem]`}
            data-testid="statement-preview"
            aria-label={t('preview')}
          >
            <h2 className="mb-2 text-xl font-semibold tracking-tight">
              {lang === 'zh' ? (copy.manifest.titles.zh ?? copy.manifest.title) : copy.manifest.title}
            </h2>
            <Statement markdown={text ?? ''} lang={lang} />
          </div>
        </div>
      )}
    </div>
  );
}
