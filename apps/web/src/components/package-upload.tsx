'use client';
import type { PackageUploadResponse } from '@oj/shared';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { api } from '@/lib/api/browser';
import { isApiError } from '@/lib/api/client';
import { MAX_PACKAGE_UPLOAD_BYTES } from '@/lib/http-policy';
import { ErrorState } from './error-state';

type Outcome = { kind: 'stored'; result: PackageUploadResponse } | { kind: 'error'; error: unknown };

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
            {outcome.result.created
              ? t('created', {
                  slug: outcome.result.slug,
                  version: outcome.result.versionNumber,
                  tests: outcome.result.tests,
                })
              : t('unchanged', { slug: outcome.result.slug, version: outcome.result.versionNumber })}
          </p>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">
            {outcome.result.current ? t('current') : t('waiting')}
          </p>
          <Link
            className="link mt-2 inline-block font-medium"
            href={`/problems/${encodeURIComponent(outcome.result.slug)}`}
          >
            {t('open')}
          </Link>
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
