'use client';
import { SLUG_PATTERN, type FunctionSignature, type ProblemStyle } from '@oj/shared';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { NewProblem as NewProblemSpec } from '@/lib/working-copy';
import { Field } from './fields';
import { ProblemEditor } from './problem-editor';
import { DEFAULT_SIGNATURE, SignatureFields } from './settings-tab';

/**
 * A new problem: slug, title and style first; then the editor opens on a working copy made from the
 * template. Nothing is stored until the setter saves it.
 */
export function NewProblem() {
  const t = useTranslations('setter');
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [style, setStyle] = useState<ProblemStyle>('stdio');
  const [signature, setSignature] = useState<FunctionSignature>(DEFAULT_SIGNATURE);
  const [started, setStarted] = useState<NewProblemSpec | null>(null);
  const [touched, setTouched] = useState(false);
  const slugError = slug !== '' && !SLUG_PATTERN.test(slug) ? t('slugRule') : null;

  if (started) return <ProblemEditor problem={null} version={null} newProblem={started} />;

  return (
    <form
      className="card max-w-2xl space-y-4 p-4 sm:p-6"
      data-testid="new-problem-form"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (slug === '' || slugError || title.trim() === '') return;
        setStarted({ slug, title: title.trim(), style, signature: style === 'function' ? signature : undefined });
      }}
    >
      <h1 className="text-2xl font-semibold tracking-tight">{t('newProblem')}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('newIntro')}</p>
      <Field label={t('slug')} htmlFor="new-slug" hint={t('slugHint')}>
        <input
          id="new-slug"
          data-testid="new-slug"
          className="input font-mono"
          autoComplete="off"
          spellCheck={false}
          value={slug}
          aria-invalid={slugError ? true : undefined}
          aria-describedby={slugError ? 'new-slug-error' : undefined}
          onChange={(event) => setSlug(event.target.value)}
        />
      </Field>
      {slugError || (touched && slug === '') ? (
        <p id="new-slug-error" role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="slug-error">
          {slugError ?? t('required')}
        </p>
      ) : null}
      <Field label={t('title')} htmlFor="new-title">
        <input
          id="new-title"
          data-testid="new-title"
          className="input"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </Field>
      {touched && title.trim() === '' ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t('required')}
        </p>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">{t('style')}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {(['stdio', 'function'] as const).map((entry) => (
            <label
              key={entry}
              className={`flex cursor-pointer gap-2 rounded-md border p-3 text-sm ${
                style === entry
                  ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-400/10'
                  : 'border-zinc-300 dark:border-zinc-700'
              }`}
            >
              <input
                type="radio"
                name="new-style"
                value={entry}
                checked={style === entry}
                onChange={() => setStyle(entry)}
                data-testid={`new-style-${entry}`}
              />
              <span>
                <span className="block font-medium">{t(`styles.${entry}`)}</span>
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">{t(`styles.${entry}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {style === 'function' ? (
        <SignatureFields
          signature={signature}
          readOnly={false}
          onChange={(patch) => setSignature((current) => ({ ...current, ...patch }))}
        />
      ) : null}
      <button type="submit" className="btn-primary" data-testid="new-start">
        {t('startEditing')}
      </button>
    </form>
  );
}
