'use client';
import type { Language, ProblemStyle } from '@oj/shared';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRef, useState, useSyncExternalStore } from 'react';
import { useDraft } from '@/lib/use-draft';
import { useRunAndSubmit, useWorkspaceShortcuts } from '@/lib/use-run-and-submit';
import type { CodeEditorHandle } from './editor/code-editor';
import { ErrorState } from './error-state';
import { RunResult } from './run-result';
import { SubmissionResult } from './submission-result';

const CodeEditor = dynamic(() => import('./editor/code-editor'), {
  ssr: false,
  loading: () => <EditorLoading />,
});

function EditorLoading() {
  const t = useTranslations('workspace');
  return (
    <div
      className="grid h-full place-items-center bg-[var(--cm-bg)] text-sm text-zinc-500 dark:text-zinc-400"
      data-testid="editor-loading"
    >
      {t('loadingEditor')}
    </div>
  );
}

export interface WorkspaceProps {
  slug: string;
  style: ProblemStyle;
  starterCode: Record<Language, string>;
  /** Pre-fills the custom input box. */
  sampleInput: string;
  signedIn: boolean;
}

const noSubscription = () => () => {};

/** The shortcut key's name: known only in the browser; the server (and hydration) render "Ctrl". */
function useModifierLabel(): string {
  return useSyncExternalStore(
    noSubscription,
    () => (/Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl'),
    () => 'Ctrl',
  );
}

export function Workspace({ slug, style, starterCode, sampleInput, signedIn }: WorkspaceProps) {
  const t = useTranslations('workspace');
  const draft = useDraft(slug, starterCode);
  const { language, code } = draft;
  const [useCustom, setUseCustom] = useState(false);
  const [customInput, setCustomInput] = useState(sampleInput);
  const editor = useRef<CodeEditorHandle>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const modifier = useModifierLabel();
  const showResult = () => {
    requestAnimationFrame(() => resultRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
  };
  const { busy, outcome, run, submit } = useRunAndSubmit({
    slug,
    signedIn,
    language,
    code,
    useCustom,
    customInput,
    onSettled: showResult,
  });
  useWorkspaceShortcuts(run, submit);

  const reset = () => {
    if (window.confirm(t('resetConfirm'))) draft.reset();
  };

  const goToLine = (line: number) => editor.current?.goToLine(line);

  return (
    <div className="flex min-h-0 flex-col gap-3" data-testid="workspace">
      <div className="card flex min-h-0 flex-col overflow-hidden">
        <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
          <label className="flex items-center gap-2 text-sm">
            <span className="text-zinc-600 dark:text-zinc-400">{t('language')}</span>
            <select
              data-testid="language-select"
              className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
              value={language}
              onChange={(event) => draft.switchLanguage(event.target.value as Language)}
            >
              <option value="javascript">JavaScript</option>
              <option value="typescript">TypeScript</option>
            </select>
          </label>
          <button type="button" className="btn-ghost ml-auto px-2 text-xs" onClick={reset}>
            {t('reset')}
          </button>
        </div>
        <div className="h-[22rem] min-h-0 sm:h-[26rem] lg:h-[calc(100dvh-21rem)] lg:min-h-[18rem]">
          {draft.ready ? (
            <CodeEditor
              ref={editor}
              value={code}
              documentKey={draft.documentKey}
              language={language}
              label={t('editorLabel')}
              onChange={draft.setCode}
              onRun={() => void run()}
              onSubmit={() => void submit()}
            />
          ) : (
            <EditorLoading />
          )}
        </div>
        <div className="border-t border-zinc-200 px-3 py-2 dark:border-zinc-800">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-emerald-700"
              checked={useCustom}
              onChange={(event) => setUseCustom(event.target.checked)}
              data-testid="custom-toggle"
            />
            {t('customInput')}
          </label>
          {useCustom ? (
            <div className="mt-2">
              <textarea
                data-testid="custom-input"
                aria-label={t('customInput')}
                className="input h-24 resize-y font-mono text-xs"
                spellCheck={false}
                value={customInput}
                onChange={(event) => setCustomInput(event.target.value)}
              />
              <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                {style === 'function' ? t('customHintFunction') : t('customHintStdio')}
              </p>
            </div>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2 border-t border-zinc-200 px-3 py-2 dark:border-zinc-800">
          <p className="mr-auto hidden text-xs text-zinc-500 sm:block dark:text-zinc-400">
            {t.rich('shortcuts', {
              run: () => (
                <>
                  <kbd className="kbd">{modifier}</kbd>+<kbd className="kbd">&apos;</kbd>
                </>
              ),
              submit: () => (
                <>
                  <kbd className="kbd">{modifier}</kbd>+<kbd className="kbd">Enter</kbd>
                </>
              ),
            })}
          </p>
          <button
            type="button"
            className="btn-secondary flex-1 sm:flex-none"
            onClick={() => void run()}
            disabled={busy !== null}
            data-testid="run-button"
            aria-keyshortcuts="Control+' Meta+'"
            title={`${modifier}+'`}
          >
            {busy === 'run' ? t('running') : useCustom ? t('runCustom') : t('runSamples')}
          </button>
          <button
            type="button"
            className="btn-primary flex-1 sm:flex-none"
            onClick={() => void submit()}
            disabled={busy !== null}
            data-testid="submit-button"
            aria-keyshortcuts="Control+Enter Meta+Enter"
            title={`${modifier}+Enter`}
          >
            {busy === 'submit' ? t('submitting') : t('submit')}
          </button>
        </div>
      </div>

      <div ref={resultRef} className="card scroll-mt-20 p-3" data-testid="result-panel" aria-live="polite">
        {outcome === null ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noResult')}</p>
        ) : outcome.kind === 'signin' ? (
          <p className="text-sm" data-testid="signin-prompt">
            {t.rich('signInToRun', {
              link: (chunks) => (
                <Link className="link font-medium" href={`/signin?next=${encodeURIComponent(`/problems/${slug}`)}`}>
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : outcome.kind === 'error' ? (
          <ErrorState error={outcome.error} inline />
        ) : outcome.kind === 'submission' ? (
          <SubmissionResult key={outcome.id} id={outcome.id} onGoToLine={goToLine} />
        ) : (
          <RunResult response={outcome.response} custom={outcome.custom} style={style} onGoToLine={goToLine} />
        )}
      </div>
    </div>
  );
}
