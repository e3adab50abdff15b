'use client';
import type { AuthoredProblemDetail } from '@oj/shared';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { api } from '@/lib/api/browser';
import { useApiErrorText } from '@/lib/api/error-text';

/** The owner and the co-authors; the owner (or an admin) adds and removes co-authors by username. */
export function AuthorsPanel({ problem }: { problem: AuthoredProblemDetail }) {
  const t = useTranslations('setter');
  const errorText = useApiErrorText();
  const [owner, setOwner] = useState(problem.owner);
  const [authors, setAuthors] = useState(problem.authors);
  const [name, setName] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: unknown; saved: boolean }>({
    busy: false,
    error: null,
    saved: false,
  });

  const save = async (usernames: string[]) => {
    setState({ busy: true, error: null, saved: false });
    try {
      const result = await api.setAuthors(problem.slug, { usernames });
      setOwner(result.owner);
      setAuthors(result.authors);
      setName('');
      setState({ busy: false, error: null, saved: true });
    } catch (error) {
      setState({ busy: false, error, saved: false });
    }
  };

  return (
    <section className="card max-w-2xl space-y-3 p-4" data-testid="authors">
      <h2 className="font-semibold">{t('authorsTitle')}</h2>
      <p className="text-sm">
        {t('owner')}: <span className="font-medium">{owner ?? '—'}</span>
      </p>
      {authors.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noCoauthors')}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {authors.map((author) => (
            <li key={author} className="flex items-center gap-2 px-3 py-2 text-sm" data-testid="coauthor">
              <span className="min-w-0 flex-1 truncate">{author}</span>
              {problem.canManageAuthors ? (
                <button
                  type="button"
                  className="btn-ghost px-2 py-1 text-red-700 dark:text-red-300"
                  disabled={state.busy}
                  onClick={() => void save(authors.filter((entry) => entry !== author))}
                >
                  {t('remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {problem.canManageAuthors ? (
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const username = name.trim();
            if (username) void save([...authors.filter((entry) => entry !== username), username]);
          }}
        >
          <label className="min-w-0 flex-1">
            <span className="sr-only">{t('coauthorUsername')}</span>
            <input
              className="input"
              data-testid="coauthor-name"
              placeholder={t('coauthorUsername')}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <button type="submit" className="btn-secondary" disabled={state.busy || name.trim() === ''}>
            {t('addCoauthor')}
          </button>
        </form>
      ) : (
        <p className="text-xs text-zinc-500">{t('onlyOwnerManages')}</p>
      )}
      {state.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="authors-error">
          {errorText(state.error)}
        </p>
      ) : null}
      {state.saved ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {t('authorsSaved')}
        </p>
      ) : null}
    </section>
  );
}
