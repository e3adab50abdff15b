'use client';
// The setter's editor of one problem: a working copy of its newest version (or of a new problem), edited in
// tabs, saved as a new version; then that version's reference-solution table, publishing, versions,
// rejudges and co-authors.
import type { AuthoredProblemDetail, PublishRequest, VersionDetail, VersionEditRequest } from '@oj/shared';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { api } from '@/lib/api/browser';
import { isApiError } from '@/lib/api/client';
import { useApiErrorText } from '@/lib/api/error-text';
import { EDITOR_TABS, type EditorTab } from '@/lib/editor-tabs';
import { useVerification } from '@/lib/use-verification';
import {
  explainReason,
  fileChanges,
  isDirty,
  manifestChanged,
  newWorkingCopy,
  saveRequest,
  workingCopyFromVersion,
  type NewProblem,
  type WorkingCopy,
} from '@/lib/working-copy';
import { AuthorsPanel } from './authors-panel';
import { RejudgePanel } from './rejudge-panel';
import { SettingsTab } from './settings-tab';
import { SolutionsTab } from './solutions-tab';
import { SoundBadge } from './sound-badge';
import { StatementTab } from './statement-tab';
import { TestsTab } from './tests-tab';
import { VerificationPanel } from './verification-panel';
import { VisibilityBadge } from './visibility-badge';
import { VersionsTab } from './versions-tab';

const NEW_PROBLEM_TABS: readonly EditorTab[] = ['statement', 'settings', 'tests', 'solutions'];

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'unchanged'; version: number }
  | { kind: 'conflict' }
  | { kind: 'error'; error: unknown; request: VersionEditRequest };

export interface ProblemEditorProps {
  /** Null for a problem not saved yet (then `newProblem` says what it is). */
  problem: AuthoredProblemDetail | null;
  version: VersionDetail | null;
  newProblem?: NewProblem;
  initialTab?: EditorTab | undefined;
}

export function ProblemEditor({ problem, version, newProblem, initialTab }: ProblemEditorProps) {
  const t = useTranslations('setter');
  const errorText = useApiErrorText();
  const router = useRouter();
  const [copy, setCopy] = useState<WorkingCopy>(() =>
    version ? workingCopyFromVersion(version) : newWorkingCopy(newProblem ?? { slug: '', title: '', style: 'stdio' }),
  );
  const isNew = problem === null || version === null;
  const tabs = isNew ? NEW_PROBLEM_TABS : EDITOR_TABS;
  const [tab, setTab] = useState<EditorTab>(initialTab && tabs.includes(initialTab) ? initialTab : 'statement');
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [publishing, setPublishing] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  // Shown at once after a publish, before the refreshed page arrives.
  const [publishedHere, setPublishedHere] = useState<PublishRequest['visibility'] | null>(null);
  const [publishAs, setPublishAs] = useState<PublishRequest['visibility']>(
    problem?.visibility === 'contest' ? 'contest' : 'public',
  );

  const slug = copy.manifest.slug;
  const latest = problem?.latestVersion ?? null;
  const viewingOld = version !== null && latest !== null && version.number !== latest;
  const readOnly = viewingOld || (problem !== null && !problem.canEdit);
  const dirty = useMemo(() => !readOnly && isDirty(copy), [copy, readOnly]);
  const changes = useMemo(() => ({ files: fileChanges(copy).length, manifest: manifestChanged(copy) }), [copy]);
  const verification = useVerification(isNew ? null : slug, version?.number ?? null);

  // Leaving with unsaved edits asks first (the browser's own dialog).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const doSave = async () => {
    setSave({ kind: 'saving' });
    const request = saveRequest(copy);
    try {
      const saved = await api.saveVersion(slug, request);
      if (!saved.created) {
        setSave({ kind: 'unchanged', version: saved.versionNumber });
        return;
      }
      setSave({ kind: 'idle' });
      router.replace(`/setter/problems/${encodeURIComponent(saved.slug)}?tab=check`);
      router.refresh();
    } catch (error) {
      if (isApiError(error) && error.kind === 'conflict') setSave({ kind: 'conflict' });
      else setSave({ kind: 'error', error, request });
    }
  };

  const publish = async () => {
    if (!version) return;
    setPublishing({ busy: true, error: null });
    try {
      const published = await api.publishVersion(slug, version.number, { visibility: publishAs });
      setPublishing({ busy: false, error: null });
      setPublishedHere(published.visibility);
      router.refresh();
    } catch (error) {
      setPublishing({ busy: false, error });
    }
  };

  const viewed = problem?.versions.find((entry) => entry.number === version?.number);
  const sound = verification.data?.sound ?? viewed?.verification.sound ?? null;
  const visibility = publishedHere ?? problem?.visibility ?? 'draft';
  const isCurrent = publishedHere !== null || version?.current === true;
  const alreadyPublished = visibility === publishAs && isCurrent;
  const canPublish = !isNew && !dirty && sound === true && !alreadyPublished && problem.canEdit;

  return (
    <div className="space-y-4" data-testid="problem-editor">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:gap-4">
        <div className="min-w-0 flex-1">
          <nav className="mb-1 text-sm">
            <Link href="/setter/problems" className="link">
              ← {t('myProblems')}
            </Link>
          </nav>
          <h1 className="text-2xl font-semibold tracking-tight break-words" data-testid="editor-title">
            {copy.manifest.title || t('untitled')}
          </h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
            <code className="font-mono break-all">{slug}</code>
            {problem ? (
              <VisibilityBadge visibility={visibility} />
            ) : (
              <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-400/15 dark:text-amber-300">
                {t('notSaved')}
              </span>
            )}
            {version ? (
              <span data-testid="viewed-version">
                {t('versionShort', { number: version.number })}
                {isCurrent ? ` · ${t('current')}` : ''}
              </span>
            ) : null}
            {version ? <SoundBadge verification={verification.data} fallback={viewed?.verification} /> : null}
            {visibility !== 'draft' ? (
              <Link href={`/problems/${encodeURIComponent(slug)}`} className="link">
                {t('openProblemPage')}
              </Link>
            ) : null}
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2 sm:justify-end">
          {!readOnly ? (
            <button
              type="button"
              className="btn-primary"
              data-testid="save"
              disabled={save.kind === 'saving' || !dirty}
              onClick={() => void doSave()}
            >
              {save.kind === 'saving' ? t('saving') : isNew ? t('saveFirst') : t('save')}
            </button>
          ) : null}
          {!isNew ? (
            <button
              type="button"
              className="btn-secondary"
              data-testid="publish"
              disabled={!canPublish || publishing.busy}
              title={alreadyPublished ? t('publishedAlready') : sound !== true ? t('publishNeedsSound') : undefined}
              onClick={() => void publish()}
            >
              {publishing.busy ? t('publishing') : alreadyPublished ? t('published') : t('publish')}
            </button>
          ) : null}
          {!isNew && problem.canEdit ? (
            <label className="flex items-center">
              <span className="sr-only">{t('publishAs')}</span>
              <select
                className="input w-auto py-1.5"
                data-testid="publish-visibility"
                value={publishAs}
                onChange={(event) => setPublishAs(event.target.value as PublishRequest['visibility'])}
              >
                <option value="public">{t('publishPublic')}</option>
                <option value="contest">{t('publishContest')}</option>
              </select>
            </label>
          ) : null}
        </div>
      </div>

      {viewingOld ? (
        <p className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:bg-sky-400/10 dark:text-sky-200">
          {t('viewingOld', { number: version.number })}{' '}
          <Link className="link font-medium" href={`/setter/problems/${encodeURIComponent(slug)}`}>
            {t('openNewest', { number: latest })}
          </Link>
        </p>
      ) : null}
      {problem && !problem.canEdit ? (
        <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800">{t('readOnly')}</p>
      ) : null}
      {!readOnly && dirty && !isNew ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="unsaved">
          {[
            changes.files > 0 ? t('unsavedFiles', { count: changes.files }) : null,
            changes.manifest ? t('unsavedSettings') : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      ) : null}
      <SaveOutcome
        state={save}
        errorText={errorText}
        onReload={() => {
          setSave({ kind: 'idle' });
          router.refresh();
          if (version) setCopy(workingCopyFromVersion(version));
        }}
      />
      {publishing.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="publish-error">
          {errorText(publishing.error)}
        </p>
      ) : null}

      <div
        role="tablist"
        aria-label={t('sections')}
        className="-mx-3 flex gap-1 overflow-x-auto border-b border-zinc-200 px-3 sm:mx-0 sm:px-0 dark:border-zinc-800"
      >
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            data-testid={`tab-${name}`}
            onClick={() => setTab(name)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm whitespace-nowrap ${
              tab === name
                ? 'border-emerald-600 font-medium text-zinc-900 dark:text-zinc-50'
                : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
            }`}
          >
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>

      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'statement' ? <StatementTab copy={copy} onChange={setCopy} readOnly={readOnly} /> : null}
        {tab === 'settings' ? <SettingsTab copy={copy} onChange={setCopy} readOnly={readOnly} /> : null}
        {tab === 'tests' ? (
          <TestsTab
            copy={copy}
            onChange={setCopy}
            readOnly={readOnly}
            version={version?.number ?? null}
            dirty={dirty}
          />
        ) : null}
        {tab === 'solutions' ? (
          <SolutionsTab copy={copy} onChange={setCopy} readOnly={readOnly} version={version?.number ?? null} />
        ) : null}
        {tab === 'check' && version ? <VerificationPanel state={verification} /> : null}
        {tab === 'versions' && problem ? <VersionsTab problem={problem} viewed={version?.number ?? null} /> : null}
        {tab === 'rejudge' && problem ? <RejudgePanel problem={problem} /> : null}
        {tab === 'authors' && problem ? <AuthorsPanel problem={problem} /> : null}
      </div>
    </div>
  );
}

function SaveOutcome({
  state,
  errorText,
  onReload,
}: {
  state: SaveState;
  errorText: (error: unknown) => string;
  onReload: () => void;
}) {
  const t = useTranslations('setter');
  switch (state.kind) {
    case 'idle':
    case 'saving':
      return null;
    case 'unchanged':
      return (
        <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="save-unchanged">
          {t('saveUnchanged', { number: state.version })}
        </p>
      );
    case 'conflict':
      return (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-400/10 dark:text-amber-200"
          data-testid="save-conflict"
        >
          <span>{t('conflict')}</span>
          <button type="button" className="btn-secondary" onClick={onReload}>
            {t('reload')}
          </button>
        </div>
      );
    case 'error': {
      const problems = isApiError(state.error)
        ? [
            ...state.error.problems,
            ...Object.entries(state.error.fields).map(([field, message]) => `${field}: ${message}`),
          ].map((reason) => explainReason(reason, state.request))
        : [];
      return (
        <div
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-400/10 dark:text-red-200"
          data-testid="save-error"
        >
          <p className="font-medium">{problems.length > 0 ? t('saveRefused') : errorText(state.error)}</p>
          {problems.length > 0 ? (
            <ul className="mt-1 list-disc space-y-0.5 pl-5 font-mono text-xs break-words" data-testid="save-problems">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      );
    }
  }
}
