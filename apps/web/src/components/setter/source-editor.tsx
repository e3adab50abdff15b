'use client';
// The code editor of the problem page (CodeMirror), for the setter's solutions, checker and validator.
import type { Language } from '@oj/shared';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';

const CodeEditor = dynamic(() => import('../editor/code-editor'), {
  ssr: false,
  loading: () => <EditorLoading />,
});

function EditorLoading() {
  const t = useTranslations('workspace');
  return (
    <div className="grid h-full place-items-center bg-[var(--cm-bg)] text-sm text-zinc-500 dark:text-zinc-400">
      {t('loadingEditor')}
    </div>
  );
}

const ignore = () => {};

export function SourceEditor({
  value,
  documentKey,
  language,
  label,
  onChange,
  readOnly = false,
}: {
  value: string;
  documentKey: string;
  language: Language;
  label: string;
  onChange: (code: string) => void;
  readOnly?: boolean;
}) {
  if (readOnly)
    return (
      <pre className="max-h-[28rem] overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-950">
        {value}
      </pre>
    );
  return (
    <div
      className="h-[22rem] overflow-hidden rounded-md border border-zinc-300 sm:h-[28rem] dark:border-zinc-700"
      data-testid="source-editor"
    >
      <CodeEditor
        value={value}
        documentKey={documentKey}
        language={language}
        label={label}
        onChange={onChange}
        onRun={ignore}
        onSubmit={ignore}
      />
    </div>
  );
}
