'use client';
import { starterCode, VERDICTS, type ReferenceSolution, type Verdict } from '@oj/shared';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { api } from '@/lib/api/browser';
import { useApiErrorText } from '@/lib/api/error-text';
import { formatBytes } from '@/lib/format';
import {
  deleteSolution,
  fileLoaded,
  languageOfFile,
  putSolution,
  removeFile,
  setFile,
  VALIDATOR_FILE,
  type WorkingCopy,
} from '@/lib/working-copy';
import { VerdictBadge } from '../verdict-badge';
import { Field } from './fields';
import { SourceEditor } from './source-editor';

const SOLUTIONS_DIR = 'solutions/';

export const VALIDATOR_TEMPLATE = `// validate(input, context): input is a test's input as the program gets it (for function style, the JSON
// text of the arguments array); context is { test, subtasks }. Throw (or return a string) to reject it.
function validate(input, context) {
  const lines = input.split('\\n');
  if (lines.length < 1) throw new Error('the input is empty');
}
`;

/** A fresh document key for the code editor each time a solution is opened. */
let editorKeys = 0;
const nextEditorKey = () => ++editorKeys;

type Editing = { previous: string | null; name: string; expect: Verdict; code: string; key: number } | null;

/** The reference solutions with the verdict each must get, and the optional input validator. */
export function SolutionsTab({
  copy,
  onChange,
  readOnly,
  version,
}: {
  copy: WorkingCopy;
  onChange: (copy: WorkingCopy) => void;
  readOnly: boolean;
  version: number | null;
}) {
  const t = useTranslations('setter');
  const errorText = useApiErrorText();
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const [validatorOpen, setValidatorOpen] = useState(false);
  const { manifest } = copy;
  const validator = copy.files[VALIDATOR_FILE];

  const open = async (solution: ReferenceSolution) => {
    setError(null);
    try {
      let code = copy.files[solution.file]?.text ?? null;
      if (code === null && version !== null && solution.file in copy.files) {
        code = await api.getVersionFileText(manifest.slug, version, solution.file);
        onChange(fileLoaded(copy, solution.file, code));
      }
      const name = solution.file.startsWith(SOLUTIONS_DIR) ? solution.file.slice(SOLUTIONS_DIR.length) : solution.file;
      setEditing({ previous: solution.file, name, expect: solution.expect, code: code ?? '', key: nextEditorKey() });
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  const commit = () => {
    if (!editing) return;
    const name = editing.name.trim();
    if (name === '') {
      setError(t('fileNameRequired'));
      return;
    }
    const file = `${SOLUTIONS_DIR}${name}`;
    onChange(putSolution(copy, editing.previous, { file, expect: editing.expect }, editing.code));
    setEditing(null);
    setError(null);
  };

  const startNew = (expect: Verdict) => {
    const taken = new Set(manifest.solutions.map((solution) => solution.file));
    let index = 1;
    const base = expect.toLowerCase();
    while (taken.has(`${SOLUTIONS_DIR}${base}${index === 1 ? '' : `-${index}`}.js`)) index += 1;
    setError(null);
    setEditing({
      previous: null,
      name: `${base}${index === 1 ? '' : `-${index}`}.js`,
      expect,
      code: starterCode(manifest.style, 'javascript', manifest.function),
      key: nextEditorKey(),
    });
  };

  return (
    <div className="space-y-4">
      <section className="card overflow-hidden" aria-labelledby="solutions-heading">
        <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <h2 id="solutions-heading" className="font-semibold">
            {t('solutionsCount', { count: manifest.solutions.length })}
          </h2>
          {!readOnly ? (
            <button
              type="button"
              className="btn-primary ml-auto"
              data-testid="add-solution"
              onClick={() => startNew('AC')}
            >
              {t('addSolution')}
            </button>
          ) : null}
        </div>
        {manifest.solutions.length === 0 ? (
          <p className="px-4 py-8 text-center text-sm text-zinc-600 dark:text-zinc-400">{t('noSolutions')}</p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="solution-list">
            {manifest.solutions.map((solution) => {
              const file = copy.files[solution.file];
              return (
                <li
                  key={solution.file}
                  className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm"
                  data-testid="solution-row"
                >
                  <code className="min-w-0 font-mono break-all">{solution.file}</code>
                  <span className="text-xs text-zinc-500">{t('mustGet')}</span>
                  <VerdictBadge verdict={solution.expect} short />
                  <span className="text-xs text-zinc-500">{file ? formatBytes(file.sizeBytes) : t('missingFile')}</span>
                  <span className="ml-auto flex gap-1">
                    <button
                      type="button"
                      className="btn-ghost px-2 py-1"
                      data-testid="edit-solution"
                      onClick={() => void open(solution)}
                    >
                      {readOnly ? t('view') : t('edit')}
                    </button>
                    {!readOnly ? (
                      <button
                        type="button"
                        className="btn-ghost px-2 py-1 text-red-700 dark:text-red-300"
                        onClick={() => {
                          if (window.confirm(t('deleteSolutionConfirm', { file: solution.file })))
                            onChange(deleteSolution(copy, solution.file));
                        }}
                      >
                        {t('delete')}
                      </button>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}

      {editing ? (
        <section className="card space-y-3 p-4" aria-labelledby="solution-form-heading" data-testid="solution-form">
          <h2 id="solution-form-heading" className="font-semibold">
            {editing.previous === null ? t('newSolution') : editing.previous}
          </h2>
          <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
            <Field label={t('fileName')} htmlFor="solution-name" hint={t('fileNameHint')}>
              <div className="flex items-center">
                <span className="rounded-l-md border border-r-0 border-zinc-300 bg-zinc-100 px-2 py-1.5 font-mono text-sm text-zinc-600 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-400">
                  {SOLUTIONS_DIR}
                </span>
                <input
                  id="solution-name"
                  data-testid="solution-name"
                  className="input rounded-l-none font-mono"
                  value={editing.name}
                  readOnly={readOnly}
                  onChange={(event) => setEditing({ ...editing, name: event.target.value })}
                />
              </div>
            </Field>
            <Field label={t('expectedVerdict')} htmlFor="solution-expect">
              <select
                id="solution-expect"
                data-testid="solution-expect"
                className="input"
                value={editing.expect}
                disabled={readOnly}
                onChange={(event) => setEditing({ ...editing, expect: event.target.value as Verdict })}
              >
                {VERDICTS.filter((verdict) => verdict !== 'SE').map((verdict) => (
                  <option key={verdict} value={verdict}>
                    {verdict}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <SourceEditor
            value={editing.code}
            documentKey={String(editing.key)}
            language={languageOfFile(editing.name)}
            label={t('solutionEditor')}
            readOnly={readOnly}
            onChange={(code) => setEditing((current) => (current ? { ...current, code } : current))}
          />
          <div className="flex gap-2">
            {!readOnly ? (
              <button type="button" className="btn-primary" data-testid="solution-done" onClick={commit}>
                {editing.previous === null ? t('addThisSolution') : t('apply')}
              </button>
            ) : null}
            <button type="button" className="btn-secondary" onClick={() => setEditing(null)}>
              {readOnly ? t('close') : t('cancel')}
            </button>
          </div>
        </section>
      ) : null}

      <section className="card space-y-3 p-4" aria-labelledby="validator-heading" data-testid="validator">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="validator-heading" className="font-semibold">
            {t('validator')} <code className="font-mono text-sm font-normal">{VALIDATOR_FILE}</code>
          </h2>
          <span className="text-xs text-zinc-500">{t('optional')}</span>
          {!readOnly ? (
            <span className="ml-auto flex gap-2">
              {validator ? (
                <>
                  <button type="button" className="btn-secondary" onClick={() => setValidatorOpen((value) => !value)}>
                    {validatorOpen ? t('close') : t('edit')}
                  </button>
                  <button
                    type="button"
                    className="btn-ghost text-red-700 dark:text-red-300"
                    onClick={() => {
                      onChange(removeFile(copy, VALIDATOR_FILE));
                      setValidatorOpen(false);
                    }}
                  >
                    {t('delete')}
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="btn-secondary"
                  data-testid="add-validator"
                  onClick={() => {
                    onChange(setFile(copy, VALIDATOR_FILE, VALIDATOR_TEMPLATE));
                    setValidatorOpen(true);
                  }}
                >
                  {t('addValidator')}
                </button>
              )}
            </span>
          ) : null}
        </div>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('validatorHint')}</p>
        {validator && (validatorOpen || readOnly) ? (
          validator.text === null ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('largeFile')}</p>
          ) : (
            <SourceEditor
              value={validator.text}
              documentKey={VALIDATOR_FILE}
              language="javascript"
              label={t('validatorEditor')}
              readOnly={readOnly}
              onChange={(code) => onChange(setFile(copy, VALIDATOR_FILE, code))}
            />
          )
        ) : null}
      </section>
    </div>
  );
}
