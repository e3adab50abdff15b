'use client';
// A zip of tests replacing every test of the newest version, as a new version (POST /api/setter/problems/<slug>/tests).
// Held back while the working copy has unsaved edits: the new version is made from the saved one, and loading it
// would drop those edits.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '@/lib/api/browser';
import { isApiError } from '@/lib/api/client';
import { useApiErrorText } from '@/lib/api/error-text';
import { MAX_PACKAGE_UPLOAD_BYTES } from '@/lib/http-policy';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'uploading'; name: string }
  | { kind: 'unchanged'; version: number }
  | { kind: 'conflict' }
  | { kind: 'error'; error: unknown };

export function TestsZipUpload({ slug, base, dirty }: { slug: string; base: number; dirty: boolean }) {
  const t = useTranslations('setter');
  const errorText = useApiErrorText();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [tooLarge, setTooLarge] = useState(false);
  const busy = outcome.kind === 'uploading';

  const upload = async (file: File) => {
    setTooLarge(file.size > MAX_PACKAGE_UPLOAD_BYTES);
    if (file.size > MAX_PACKAGE_UPLOAD_BYTES) return;
    setOutcome({ kind: 'uploading', name: file.name });
    try {
      const saved = await api.uploadTests(slug, base, file);
      if (!saved.created) {
        setOutcome({ kind: 'unchanged', version: saved.versionNumber });
        return;
      }
      // The page draws the editor afresh for the new version (keyed by its number), on its check.
      router.replace(`/setter/problems/${encodeURIComponent(saved.slug)}?tab=check`);
      router.refresh();
    } catch (error) {
      setOutcome(isApiError(error) && error.kind === 'conflict' ? { kind: 'conflict' } : { kind: 'error', error });
    }
  };

  const problems = outcome.kind === 'error' && isApiError(outcome.error) ? outcome.error.problems : [];

  return (
    <section className="card space-y-3 p-4" aria-labelledby="tests-zip-heading" data-testid="tests-zip">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="tests-zip-heading" className="font-semibold">
          {t('testsZip.title')}
        </h2>
        <label
          className={`btn-secondary ml-auto ${dirty || busy ? 'pointer-events-none cursor-not-allowed opacity-50' : 'cursor-pointer'}`}
          aria-disabled={dirty || busy}
        >
          {busy ? t('testsZip.uploading') : t('testsZip.pick')}
          <input
            type="file"
            accept=".zip,application/zip"
            className="sr-only"
            data-testid="tests-zip-file"
            disabled={dirty || busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void upload(file);
            }}
          />
        </label>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('testsZip.hint', { number: base })}</p>
      {dirty ? (
        <p
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-400/10 dark:text-amber-200"
          data-testid="tests-zip-dirty"
        >
          {t('testsZip.dirty', { number: base })}
        </p>
      ) : null}
      {tooLarge ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t('testsZip.tooLarge', { mb: MAX_PACKAGE_UPLOAD_BYTES / (1024 * 1024) })}
        </p>
      ) : null}
      {outcome.kind === 'unchanged' ? (
        <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="tests-zip-unchanged">
          {t('testsZip.unchanged', { number: outcome.version })}
        </p>
      ) : null}
      {outcome.kind === 'conflict' ? (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-400/10 dark:text-amber-200"
          data-testid="tests-zip-conflict"
        >
          <span>{t('testsZip.conflict', { number: base })}</span>
          <button type="button" className="btn-secondary" onClick={() => router.refresh()}>
            {t('reload')}
          </button>
        </div>
      ) : null}
      {outcome.kind === 'error' ? (
        <div
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-400/10 dark:text-red-200"
          data-testid="tests-zip-error"
        >
          <p className="font-medium">{problems.length > 0 ? t('testsZip.refused') : errorText(outcome.error)}</p>
          {problems.length > 0 ? (
            <ul
              className="mt-1 list-disc space-y-0.5 pl-5 font-mono text-xs break-words"
              data-testid="tests-zip-problems"
            >
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
