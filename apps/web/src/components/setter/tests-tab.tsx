'use client';
import type { Subtask } from '@oj/shared';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { api } from '@/lib/api/browser';
import { useApiErrorText } from '@/lib/api/error-text';
import { MAX_EDITED_FILE_BYTES } from '@oj/shared';
import {
  addTestFiles,
  deleteTest,
  fileLoaded,
  followTests,
  functionTestJson,
  functionTestParts,
  nextTestId,
  putTest,
  setSample,
  setSubtasks,
  subtasksOfTest,
  testFilePaths,
  testIdsOf,
  type DraftFile,
  type WorkingCopy,
} from '@/lib/working-copy';
import { formatBytes } from '@/lib/format';
import { Field, ListInput, NumberInput } from './fields';
import { TestsZipUpload } from './tests-zip-upload';

type Editing = { id: string; isNew: boolean; first: string; second: string } | null;

/** The test set: sizes and first bytes of each file, samples, subtasks; add, edit and delete a test. */
export function TestsTab({
  copy,
  onChange,
  readOnly,
  version,
  dirty = false,
}: {
  copy: WorkingCopy;
  onChange: (copy: WorkingCopy) => void;
  readOnly: boolean;
  version: number | null;
  /** The working copy has unsaved edits (then a zip of tests is held back). */
  dirty?: boolean;
}) {
  const t = useTranslations('setter');
  const errorText = useApiErrorText();
  const [editing, setEditing] = useState<Editing>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [refusedFiles, setRefusedFiles] = useState<string[]>([]);
  const { manifest } = copy;
  const functionStyle = manifest.style === 'function';
  const ids = testIdsOf(copy.files);

  /** The full text of a file of the copy, fetched when the version's list held only its first bytes. */
  const fullText = async (path: string): Promise<{ text: string; copy: WorkingCopy }> => {
    const file = copy.files[path];
    if (!file) return { text: '', copy };
    if (file.text !== null) return { text: file.text, copy };
    if (version === null) return { text: '', copy };
    const text = await api.getVersionFileText(manifest.slug, version, path);
    return { text, copy: fileLoaded(copy, path, text) };
  };

  const startEdit = async (id: string) => {
    setFormError(null);
    setLoading(id);
    try {
      const paths = testFilePaths(manifest.style, id);
      if ('json' in paths) {
        const { text, copy: loaded } = await fullText(paths.json);
        const parts = functionTestParts(text) ?? { args: '[]', expected: 'null' };
        onChange(loaded);
        setEditing({ id, isNew: false, first: parts.args, second: parts.expected });
      } else {
        const input = await fullText(paths.input);
        const output = await fullText(paths.output);
        onChange(fileLoaded(input.copy, paths.output, output.text));
        setEditing({ id, isNew: false, first: input.text, second: output.text });
      }
    } catch (error) {
      setFormError(errorText(error));
    } finally {
      setLoading(null);
    }
  };

  const commit = () => {
    if (!editing) return;
    try {
      const content = functionStyle
        ? ({ kind: 'function', json: functionTestJson(editing.first, editing.second) } as const)
        : ({ kind: 'stdio', input: editing.first, output: editing.second } as const);
      onChange(putTest(copy, editing.id, content));
      setEditing(null);
      setFormError(null);
    } catch (error) {
      setFormError(t('badJson', { reason: (error as Error).message }));
    }
  };

  const pickFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const picked = await Promise.all(
      Array.from(list).map(async (file) => ({
        name: file.name,
        sizeBytes: file.size,
        text: file.size <= MAX_EDITED_FILE_BYTES ? await file.text() : '',
      })),
    );
    const result = addTestFiles(copy, picked, MAX_EDITED_FILE_BYTES);
    onChange(result.copy);
    setRefusedFiles(
      result.refused.map(({ name, reason }) =>
        t(`refusedFile.${reason}`, { name, mb: MAX_EDITED_FILE_BYTES / (1024 * 1024) }),
      ),
    );
  };

  const actions = (id: string) =>
    readOnly ? null : (
      <>
        <button
          type="button"
          className="btn-ghost px-2 py-1"
          data-testid="edit-test"
          disabled={loading === id}
          onClick={() => void startEdit(id)}
        >
          {loading === id ? t('loading') : t('edit')}
        </button>
        <button
          type="button"
          className="btn-ghost px-2 py-1 text-red-700 dark:text-red-300"
          data-testid="delete-test"
          onClick={() => {
            if (window.confirm(t('deleteTestConfirm', { id }))) onChange(deleteTest(copy, id));
          }}
        >
          {t('delete')}
        </button>
      </>
    );

  return (
    <div className="space-y-4">
      <section className="card overflow-hidden" aria-labelledby="tests-heading">
        <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <h2 id="tests-heading" className="font-semibold">
            {t('testsCount', { count: ids.length })}
          </h2>
          {!readOnly ? (
            <label className="btn-secondary ml-auto cursor-pointer" title={t('addFilesHint')}>
              {t('addFiles')}
              <input
                type="file"
                multiple
                accept=".in,.out,.json"
                className="sr-only"
                data-testid="test-files"
                onChange={(event) => {
                  void pickFiles(event.target.files);
                  event.target.value = '';
                }}
              />
            </label>
          ) : null}
          {!readOnly ? (
            <button
              type="button"
              className="btn-primary"
              data-testid="add-test"
              onClick={() => {
                setFormError(null);
                setEditing({ id: nextTestId(ids), isNew: true, first: functionStyle ? '[]' : '', second: '' });
              }}
            >
              {t('addTest')}
            </button>
          ) : null}
        </div>
        {refusedFiles.length > 0 ? (
          <ul
            role="alert"
            className="list-disc space-y-0.5 border-b border-zinc-200 bg-red-50 py-2 pr-4 pl-9 text-sm text-red-800 dark:border-zinc-800 dark:bg-red-400/10 dark:text-red-200"
            data-testid="refused-files"
          >
            {refusedFiles.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
        {ids.length === 0 ? (
          <p className="px-4 py-8 text-center text-sm text-zinc-600 dark:text-zinc-400">{t('noTests')}</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full min-w-[30rem] text-sm" data-testid="test-table">
              <thead className="bg-zinc-50 text-left text-xs text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('testId')}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {functionStyle ? t('arguments') : t('input')}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {functionStyle ? t('expected') : t('output')}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('sample')}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t('subtasks')}
                  </th>
                  <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
                    <span className="sr-only">{t('actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {ids.map((id) => {
                  const paths = testFilePaths(manifest.style, id);
                  const cells: [DraftFile | undefined, DraftFile | undefined] =
                    'json' in paths
                      ? [copy.files[paths.json], undefined]
                      : [copy.files[paths.input], copy.files[paths.output]];
                  const parts =
                    'json' in paths && cells[0] ? functionTestParts(cells[0].text ?? cells[0].preview) : null;
                  return (
                    <tr key={id} data-testid="test-row" data-test={id} className="align-top">
                      <td className="px-3 py-2">
                        <span className="font-mono font-medium">{id}</span>
                        <span className="mt-1 flex flex-col items-start sm:hidden">{actions(id)}</span>
                      </td>
                      {'json' in paths ? (
                        <>
                          <FileCell file={cells[0]} text={parts?.args} />
                          <FileCell
                            file={undefined}
                            text={parts?.expected ?? (parts ? undefined : cells[0]?.preview)}
                          />
                        </>
                      ) : (
                        <>
                          <FileCell file={cells[0]} />
                          <FileCell file={cells[1]} />
                        </>
                      )}
                      <td className="px-3 py-2">
                        <input
                          type="checkbox"
                          aria-label={t('markSample', { id })}
                          data-testid="sample-checkbox"
                          checked={manifest.samples.includes(id)}
                          disabled={readOnly}
                          onChange={(event) => onChange(setSample(copy, id, event.target.checked))}
                        />
                      </td>
                      <td className="px-3 py-2 font-mono text-xs">{subtasksOfTest(manifest, id).join(', ') || '—'}</td>
                      <td className="hidden px-3 py-2 text-right whitespace-nowrap sm:table-cell">{actions(id)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {formError && !editing ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {formError}
        </p>
      ) : null}
      {editing ? (
        <section className="card space-y-3 p-4" aria-labelledby="test-form-heading" data-testid="test-form">
          <h2 id="test-form-heading" className="font-semibold">
            {editing.isNew ? t('newTest', { id: editing.id }) : t('editTest', { id: editing.id })}
          </h2>
          <div className="grid gap-3 lg:grid-cols-2">
            <Field
              label={functionStyle ? t('argumentsJson') : t('input')}
              htmlFor="test-first"
              hint={functionStyle ? t('argumentsHint') : undefined}
            >
              <textarea
                id="test-first"
                data-testid="test-input"
                className="input h-40 resize-y font-mono text-xs"
                spellCheck={false}
                value={editing.first}
                onChange={(event) => setEditing({ ...editing, first: event.target.value })}
              />
            </Field>
            <Field
              label={functionStyle ? t('expectedJson') : t('output')}
              htmlFor="test-second"
              hint={functionStyle ? t('expectedHint') : undefined}
            >
              <textarea
                id="test-second"
                data-testid="test-output"
                className="input h-40 resize-y font-mono text-xs"
                spellCheck={false}
                value={editing.second}
                onChange={(event) => setEditing({ ...editing, second: event.target.value })}
              />
            </Field>
          </div>
          {formError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {formError}
            </p>
          ) : null}
          <div className="flex gap-2">
            <button type="button" className="btn-primary" data-testid="test-done" onClick={commit}>
              {editing.isNew ? t('addThisTest') : t('apply')}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setEditing(null)}>
              {t('cancel')}
            </button>
          </div>
        </section>
      ) : null}

      <SubtasksEditor copy={copy} onChange={onChange} readOnly={readOnly} />

      {!readOnly && version !== null ? <TestsZipUpload slug={manifest.slug} base={version} dirty={dirty} /> : null}
    </div>
  );
}

function FileCell({ file, text }: { file: DraftFile | undefined; text?: string | undefined }) {
  const shown = text ?? file?.text ?? file?.preview ?? '';
  const clipped = shown.length > 120 ? `${shown.slice(0, 120)}…` : shown;
  return (
    <td className="max-w-[16rem] px-3 py-2">
      {file ? (
        <span className="block text-xs text-zinc-500 dark:text-zinc-400">{formatBytes(file.sizeBytes)}</span>
      ) : null}
      <pre className="mt-0.5 max-h-16 overflow-hidden font-mono text-xs leading-4 break-all whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
        {clipped}
      </pre>
    </td>
  );
}

function SubtasksEditor({
  copy,
  onChange,
  readOnly,
}: {
  copy: WorkingCopy;
  onChange: (copy: WorkingCopy) => void;
  readOnly: boolean;
}) {
  const t = useTranslations('setter');
  const { subtasks } = copy.manifest;
  // Rows are keyed by position (their inputs keep what the setter typed); adding or removing a row, or
  // following the tests, draws them afresh.
  const [generation, setGeneration] = useState(0);
  const update = (index: number, patch: Partial<Subtask>) =>
    onChange(
      setSubtasks(
        copy,
        subtasks.map((subtask, at) => (at === index ? { ...subtask, ...patch } : subtask)),
      ),
    );
  const total = subtasks.reduce((sum, subtask) => sum + (Number.isFinite(subtask.score) ? subtask.score : 0), 0);

  return (
    <section className="card space-y-3 p-4" aria-labelledby="subtasks-heading" data-testid="subtasks">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="subtasks-heading" className="font-semibold">
          {t('subtasks')}
        </h2>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">{t('totalScore', { score: total })}</span>
        <label className="ml-auto flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            data-testid="follow-tests"
            checked={copy.subtasksFollowTests}
            disabled={readOnly}
            onChange={(event) => {
              onChange(event.target.checked ? followTests(copy) : setSubtasks(copy, subtasks));
              setGeneration((value) => value + 1);
            }}
          />
          {t('followTests')}
        </label>
      </div>
      {subtasks.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noSubtasks')}</p>
      ) : (
        <ul className="space-y-3">
          {subtasks.map((subtask, index) => (
            <li
              key={`${generation}-${index}-${copy.subtasksFollowTests ? subtask.tests.join(',') : ''}`}
              className="grid grid-cols-2 gap-2 rounded-md border border-zinc-200 p-3 sm:grid-cols-[8rem_6rem_1fr_10rem_auto] dark:border-zinc-800"
              data-testid="subtask-row"
            >
              <Field label={t('subtaskId')} htmlFor={`subtask-id-${index}`}>
                <input
                  id={`subtask-id-${index}`}
                  className="input font-mono"
                  value={subtask.id}
                  readOnly={readOnly || copy.subtasksFollowTests}
                  onChange={(event) => update(index, { id: event.target.value })}
                />
              </Field>
              <Field label={t('score')} htmlFor={`subtask-score-${index}`}>
                <NumberInput
                  id={`subtask-score-${index}`}
                  value={subtask.score}
                  readOnly={readOnly}
                  onChange={(score) => update(index, { score })}
                />
              </Field>
              <Field label={t('subtaskTests')} htmlFor={`subtask-tests-${index}`} className="col-span-2 sm:col-span-1">
                <ListInput
                  id={`subtask-tests-${index}`}
                  testId="subtask-tests"
                  value={subtask.tests}
                  readOnly={readOnly || copy.subtasksFollowTests}
                  onChange={(tests) => update(index, { tests })}
                />
              </Field>
              <Field label={t('dependencies')} htmlFor={`subtask-deps-${index}`} className="col-span-2 sm:col-span-1">
                <ListInput
                  id={`subtask-deps-${index}`}
                  value={subtask.dependencies}
                  readOnly={readOnly || copy.subtasksFollowTests}
                  onChange={(dependencies) => update(index, { dependencies })}
                />
              </Field>
              {!readOnly && !copy.subtasksFollowTests ? (
                <button
                  type="button"
                  className="btn-ghost col-span-2 justify-self-start self-end text-red-700 sm:col-span-1 dark:text-red-300"
                  onClick={() => {
                    onChange(
                      setSubtasks(
                        copy,
                        subtasks.filter((_, at) => at !== index),
                      ),
                    );
                    setGeneration((value) => value + 1);
                  }}
                >
                  {t('delete')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {!readOnly ? (
        <button
          type="button"
          className="btn-secondary"
          data-testid="add-subtask"
          onClick={() => {
            const id = `s${subtasks.length + 1}`;
            onChange(setSubtasks(copy, [...subtasks, { id, score: 0, tests: [], dependencies: [] }]));
            setGeneration((value) => value + 1);
          }}
        >
          {t('addSubtask')}
        </button>
      ) : null}
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('subtasksHint')}</p>
    </section>
  );
}
