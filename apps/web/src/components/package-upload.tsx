'use client';
import type { PackageImportResponse } from '@oj/shared';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { api } from '@/lib/api/browser';
import { isApiError } from '@/lib/api/client';
import { MAX_PACKAGE_UPLOAD_BYTES } from '@/lib/http-policy';
import { ErrorState } from './error-state';

type Outcome = { kind: 'stored'; result: PackageImportResponse } | { kind: 'error'; error: unknown };

/** A setter picks a package zip and uploads it; the page says what it became, or every reason it was refused. */
export function PackageUpload() {
  const t = useTranslations('packages');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const tooLarge = file !== null && file.size > MAX_PACKAGE_UPLOAD_BYTES;

  const upload = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file || tooLarge) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'stored', result: await api.uploadPackage(file) });
    } catch (error) {
      setOutcome({ kind: 'error', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mt-5 space-y-4">
      <form onSubmit={(event) => void upload(event)} className="card space-y-3 p-4" data-testid="package-form">
        <label className="block text-sm font-medium" htmlFor="package-file">
          {t('file')}
        </label>
        <input
          id="package-file"
          data-testid="package-file"
          type="file"
          accept=".zip,application/zip"
          className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-medium dark:file:bg-zinc-800"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
        {tooLarge ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {t('tooLarge', { mb: MAX_PACKAGE_UPLOAD_BYTES / (1024 * 1024) })}
          </p>
        ) : null}
        <button type="submit" className="btn-primary" disabled={!file || tooLarge || busy} data-testid="package-upload">
          {busy ? t('uploading') : t('upload')}
        </button>
      </form>

      {outcome?.kind === 'stored' ? (
        <div className="card p-4 text-sm" role="status" data-testid="package-result">
          <p className="font-medium">
            {outcome.result.format === 'hydro'
              ? t('hydroImported', { count: outcome.result.problems.length })
              : t('ojImported')}
          </p>
          <ul className="mt-2 divide-y divide-zinc-200 dark:divide-zinc-800">
            {outcome.result.problems.map((problem) => (
              <li key={problem.slug} className="py-2" data-testid="imported-problem">
                <p>
                  {problem.created
                    ? t('created', { slug: problem.slug, version: problem.versionNumber, tests: problem.tests })
                    : t('unchanged', { slug: problem.slug, version: problem.versionNumber })}
                </p>
                <p className="mt-0.5 text-zinc-600 dark:text-zinc-400">
                  {problem.current ? t('current') : t('waiting')}
                </p>
                {problem.notes.length > 0 ? (
                  <div className="mt-1.5 rounded-md bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-400/10 dark:text-amber-200">
                    <p className="text-xs font-medium">{t('notes')}</p>
                    <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs" data-testid="import-notes">
                      {problem.notes.map((note) => (
                        <li key={note}>{note}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <span className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1">
                  <Link
                    className="link font-medium"
                    href={`/setter/problems/${encodeURIComponent(problem.slug)}?tab=check`}
                  >
                    {t('openEditor')}
                  </Link>
                  <Link className="link" href={`/problems/${encodeURIComponent(problem.slug)}`}>
                    {t('open')}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {outcome?.kind === 'error' ? (
        <div className="card space-y-2 p-4" data-testid="package-refused">
          <ErrorState error={outcome.error} inline />
          {isApiError(outcome.error) && outcome.error.problems.length > 0 ? (
            <ul
              className="list-disc space-y-1 pl-5 font-mono text-xs break-all text-red-800 dark:text-red-200"
              data-testid="package-problems"
            >
              {outcome.error.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
