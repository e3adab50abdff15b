'use client';
import type { Language, ProblemStyle, RunResponse } from '@oj/shared';
import { useLocale, useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { api } from '@/lib/api/browser';
import { isApiError } from '@/lib/api/client';
import { firstDifference } from '@/lib/diff';
import { loadDraft, loadLanguage, saveDraft, saveLanguage } from '@/lib/drafts';
import { formatMemory, formatTime } from '@/lib/format';
import type { CodeEditorHandle } from './editor/code-editor';
import { CompileMessage } from './compile-message';
import { SubmissionResult } from './submission-result';
import { VerdictBadge } from './verdict-badge';
import { useApiErrorText } from '@/lib/api/error-text';

const CodeEditor = dynamic(() => import('./editor/code-editor'), {
  ssr: false,
  loading: () => <EditorLoading />,
});

function EditorLoading() {
  const t = useTranslations('workspace');
  return (
    <div className="grid h-full place-items-center bg-[var(--cm-bg)] text-sm text-zinc-500 dark:text-zinc-400" data-testid="editor-loading">
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

type Outcome =
  | { kind: 'run'; response: RunResponse; custom: boolean }
  | { kind: 'submission'; id: number }
  | { kind: 'error'; error: unknown; action: 'run' | 'submit' }
  | { kind: 'signin' };

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
  const [language, setLanguage] = useState<Language>('javascript');
  const [code, setCode] = useState(starterCode.javascript);
  const [documentKey, setDocumentKey] = useState(`${slug}:initial`);
  const [ready, setReady] = useState(false);
  const [useCustom, setUseCustom] = useState(false);
  const [customInput, setCustomInput] = useState(sampleInput);
  const [busy, setBusy] = useState<'run' | 'submit' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const editor = useRef<CodeEditorHandle>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const modifier = useModifierLabel();

  // The draft is read after mount: localStorage exists only in the browser, and reading it while rendering
  // would make the server's and the browser's first render differ. One extra render, once per problem.
  useEffect(() => {
    const storage = window.localStorage;
    const saved = loadLanguage(storage, slug);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above: state from the browser's storage after hydration
    setLanguage(saved);
    setCode(loadDraft(storage, slug, saved, starterCode[saved]));
    setDocumentKey(`${slug}:${saved}:${Date.now()}`);
    setReady(true);
  }, [slug, starterCode]);

  // Drafts are saved shortly after typing stops.
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => saveDraft(window.localStorage, slug, language, code, starterCode[language]), 300);
    return () => clearTimeout(timer);
  }, [ready, slug, language, code, starterCode]);

  const switchLanguage = (next: Language) => {
    saveDraft(window.localStorage, slug, language, code, starterCode[language]);
    saveLanguage(window.localStorage, slug, next);
    setLanguage(next);
    setCode(loadDraft(window.localStorage, slug, next, starterCode[next]));
    setDocumentKey(`${slug}:${next}:${Date.now()}`);
  };

  const reset = () => {
    if (!window.confirm(t('resetConfirm'))) return;
    setCode(starterCode[language]);
    saveDraft(window.localStorage, slug, language, starterCode[language], starterCode[language]);
    setDocumentKey(`${slug}:${language}:${Date.now()}`);
  };

  const showResult = () => {
    requestAnimationFrame(() => resultRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
  };

  const latest = useRef({ code, language, useCustom, customInput, busy, signedIn });
  useEffect(() => {
    latest.current = { code, language, useCustom, customInput, busy, signedIn };
  });

  const run = useCallback(async () => {
    const state = latest.current;
    if (state.busy) return;
    if (!state.signedIn) return setOutcome({ kind: 'signin' });
    setBusy('run');
    try {
      const response = await api.run({
        problem: slug,
        language: state.language,
        code: state.code,
        ...(state.useCustom ? { input: state.customInput } : {}),
      });
      setOutcome({ kind: 'run', response, custom: state.useCustom });
    } catch (error) {
      setOutcome(isApiError(error) && error.kind === 'unauthorized' ? { kind: 'signin' } : { kind: 'error', error, action: 'run' });
    } finally {
      setBusy(null);
      showResult();
    }
  }, [slug]);

  const submit = useCallback(async () => {
    const state = latest.current;
    if (state.busy) return;
    if (!state.signedIn) return setOutcome({ kind: 'signin' });
    setBusy('submit');
    try {
      const { id } = await api.submit({ problem: slug, language: state.language, code: state.code });
      setOutcome({ kind: 'submission', id });
    } catch (error) {
      setOutcome(isApiError(error) && error.kind === 'unauthorized' ? { kind: 'signin' } : { kind: 'error', error, action: 'submit' });
    } finally {
      setBusy(null);
      showResult();
    }
  }, [slug]);

  // The shortcuts also work when the focus is outside the editor (the editor handles its own).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        void submit();
      } else if (event.key === "'") {
        event.preventDefault();
        void run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, submit]);

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
              onChange={(event) => switchLanguage(event.target.value as Language)}
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
          {ready ? (
            <CodeEditor
              ref={editor}
              value={code}
              documentKey={documentKey}
              language={language}
              label={t('editorLabel')}
              onChange={setCode}
              onRun={() => void run()}
              onSubmit={() => void submit()}
            />
          ) : (
            <EditorLoading />
          )}
        </div>
        <div className="border-t border-zinc-200 px-3 py-2 dark:border-zinc-800">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-emerald-700" checked={useCustom} onChange={(event) => setUseCustom(event.target.checked)} data-testid="custom-toggle" />
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
              <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{style === 'function' ? t('customHintFunction') : t('customHintStdio')}</p>
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
          <RequestError error={outcome.error} />
        ) : outcome.kind === 'submission' ? (
          <SubmissionResult key={outcome.id} id={outcome.id} onGoToLine={goToLine} />
        ) : (
          <RunResult response={outcome.response} custom={outcome.custom} style={style} onGoToLine={goToLine} />
        )}
      </div>
    </div>
  );
}

function RequestError({ error }: { error: unknown }) {
  const t = useTranslations('errors');
  const locale = useLocale();
  const errorText = useApiErrorText();
  const kind = isApiError(error) ? error.kind : 'server';
  let text: string;
  if (kind === 'rate-limited') {
    const seconds = isApiError(error) ? error.retryAfterSeconds : undefined;
    text = seconds ? t('rateLimitedRetry', { seconds }) : t('rateLimitedBody');
  } else if (kind === 'unreachable') {
    text = t('unreachableBody');
  } else if (isApiError(error)) {
    const fields = Object.entries(error.fields).map(([field, message]) => `${field}: ${message}`);
    // The fields' reasons are the API's English; other languages show the code's translation alone.
    text = fields.length > 0 && locale === 'en' ? `${error.message} (${fields.join('; ')})` : errorText(error);
  } else {
    text = t('serverBody');
  }
  return (
    <p role="alert" data-testid="request-error" data-kind={kind} className="text-sm text-red-700 dark:text-red-300">
      {text}
    </p>
  );
}

function RunResult({
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
        const difference = test.verdict === 'WA' && test.expected !== null ? firstDifference(test.expected, test.output) : null;
        return (
          <div key={`${test.id}-${index}`} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800" data-testid="run-test">
            <div className="flex flex-wrap items-center gap-2 text-xs">
              <span className="font-mono text-zinc-600 dark:text-zinc-400">{custom ? t('customCase') : t('sampleCase', { id: test.id })}</span>
              {test.verdict ? <VerdictBadge verdict={test.verdict} short /> : null}
              <span className="ml-auto font-mono text-zinc-600 tabular-nums dark:text-zinc-400">
                {formatTime(test.timeMs)} · {formatMemory(test.memoryKb)}
              </span>
            </div>
            {test.message ? (
              <p className="mt-2 rounded bg-red-50 p-2 font-mono text-xs break-all whitespace-pre-wrap text-red-800 dark:bg-red-400/10 dark:text-red-200" data-testid="run-message">
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
              <IoBlock label={style === 'function' ? t('returned') : t('output')} text={test.output} testId="run-output" />
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
      <pre data-testid={testId} className="max-h-40 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs leading-5 whitespace-pre-wrap break-all dark:bg-zinc-800">
        {text === '' ? ' ' : text}
      </pre>
    </div>
  );
}
