'use client';
import type { AuthoredProblemDetail, Rejudge } from '@oj/shared';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { api } from '@/lib/api/browser';
import { useApiErrorText } from '@/lib/api/error-text';
import { formatDateTime } from '@/lib/format';
import { VerdictBadge } from '../verdict-badge';

export const REJUDGE_POLL_MS = 1000;

/** Rejudges of the problem's submissions on its current version: start one, watch it, see what changed. */
export function RejudgePanel({ problem }: { problem: AuthoredProblemDetail }) {
  const t = useTranslations('setter');
  const errorText = useApiErrorText();
  const [items, setItems] = useState<Rejudge[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const slug = problem.slug;
  const running = items?.find((item) => item.done < item.total) ?? null;

  useEffect(() => {
    let stopped = false;
    api
      .listRejudges(slug)
      .then((list) => !stopped && setItems(list.items))
      .catch((failure: unknown) => !stopped && setError(failure));
    return () => {
      stopped = true;
    };
  }, [slug]);

  // The unfinished one, every second until done.
  const runningId = running?.id ?? null;
  useEffect(() => {
    if (runningId === null) return;
    let stopped = false;
    const timer = setInterval(() => {
      api
        .getRejudge(slug, runningId)
        .then((fresh) => {
          if (!stopped) setItems((current) => current?.map((item) => (item.id === fresh.id ? fresh : item)) ?? [fresh]);
        })
        .catch((failure: unknown) => !stopped && setError(failure));
    }, REJUDGE_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [slug, runningId]);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const created = await api.startRejudge(slug);
      setItems((current) => [created, ...(current ?? []).filter((item) => item.id !== created.id)]);
    } catch (failure) {
      setError(failure);
    } finally {
      setStarting(false);
    }
  };

  return (
    <div className="space-y-4" data-testid="rejudges">
      <section className="card space-y-2 p-4">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="font-semibold">{t('rejudgeTitle')}</h2>
          {problem.canEdit ? (
            <button
              type="button"
              className="btn-primary ml-auto"
              data-testid="start-rejudge"
              disabled={starting || running !== null || problem.currentVersion === null}
              onClick={() => void start()}
            >
              {starting ? t('starting') : t('startRejudge')}
            </button>
          ) : null}
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {problem.currentVersion === null
            ? t('rejudgeNoCurrent')
            : t('rejudgeIntro', { number: problem.currentVersion })}
        </p>
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="rejudge-error">
            {errorText(error)}
          </p>
        ) : null}
      </section>
      {items === null && !error ? <p className="text-sm text-zinc-500">{t('loading')}</p> : null}
      {items?.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noRejudges')}</p> : null}
      {items?.map((item) => (
        <RejudgeCard key={item.id} rejudge={item} />
      ))}
    </div>
  );
}

function RejudgeCard({ rejudge }: { rejudge: Rejudge }) {
  const t = useTranslations('setter');
  const percent = rejudge.total === 0 ? 100 : Math.round((rejudge.done / rejudge.total) * 100);
  const finished = rejudge.done >= rejudge.total;
  return (
    <section className="card space-y-3 p-4" data-testid="rejudge" data-finished={finished}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <h3 className="font-semibold">{t('rejudgeNumber', { id: rejudge.id })}</h3>
        <span className="text-zinc-600 dark:text-zinc-400">
          {t('onVersion', { number: rejudge.versionNumber })} · {formatDateTime(rejudge.createdAt)}
        </span>
        <span className="ml-auto font-mono" data-testid="rejudge-progress">
          {rejudge.done} / {rejudge.total}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={t('rejudgeProgress')}
        aria-valuemin={0}
        aria-valuemax={rejudge.total}
        aria-valuenow={rejudge.done}
        className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div
          className={`h-full rounded-full transition-[width] ${finished ? 'bg-emerald-500' : 'bg-sky-500'}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      {rejudge.changed.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{finished ? t('nothingChanged') : t('noChangeYet')}</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[28rem] text-sm" data-testid="rejudge-changes">
            <caption className="mb-1 text-left text-sm font-medium">
              {t('changedCount', { count: rejudge.changed.length })}
            </caption>
            <thead className="text-left text-xs text-zinc-500 uppercase dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t('submission')}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t('user')}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t('before')}
                </th>
                <th scope="col" className="py-1 font-medium">
                  {t('after')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {rejudge.changed.map((change) => (
                <tr key={change.submissionId} data-testid="rejudge-change">
                  <td className="py-1.5 pr-3">
                    <Link className="link font-mono" href={`/submissions/${change.submissionId}`}>
                      #{change.submissionId}
                    </Link>
                  </td>
                  <td className="py-1.5 pr-3">{change.username}</td>
                  <td className="py-1.5 pr-3">
                    <VerdictBadge verdict={change.before.verdict} short />{' '}
                    <span className="font-mono text-xs">{change.before.score ?? '—'}</span>
                  </td>
                  <td className="py-1.5">
                    → <VerdictBadge verdict={change.after.verdict} short />{' '}
                    <span className="font-mono text-xs">{change.after.score ?? '—'}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
