'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { api } from '@/lib/api/browser';
import { isApiError } from '@/lib/api/client';
import { requestProblem } from '@/lib/request-problem';
import { FormError, FormSuccess } from './form-parts';
import { useApiErrorText } from '@/lib/api/error-text';

/** Ends every session of the user but this one (a lost phone, a shared computer). */
export function SignOutOthersButton() {
  const t = useTranslations('account');
  const te = useTranslations('errors');
  const errorText = useApiErrorText();
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signOutOthers = async () => {
    setBusy(true);
    setError(null);
    setSuccess(null);
    try {
      const { endedSessions } = await api.logoutOthers();
      setSuccess(t('signedOutOthers', { count: endedSessions }));
    } catch (caught) {
      const problem = requestProblem(caught, te);
      if (problem !== undefined || !isApiError(caught)) setError(problem ?? te('serverBody'));
      else if (caught.kind === 'unauthorized') setError(te('signedOutBody'));
      else setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card space-y-3 p-5" aria-labelledby="other-sessions-heading">
      <h2 id="other-sessions-heading" className="font-semibold">
        {t('otherSessionsTitle')}
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('otherSessionsBody')}</p>
      <FormError message={error} />
      <FormSuccess message={success} testId="sign-out-others-success" />
      <button
        type="button"
        className="btn-secondary"
        disabled={busy}
        onClick={() => void signOutOthers()}
        data-testid="sign-out-others"
      >
        {busy ? t('working') : t('signOutOthers')}
      </button>
    </section>
  );
}
