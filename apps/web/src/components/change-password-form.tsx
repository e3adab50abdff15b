'use client';
import { passwordSchema } from '@oj/shared';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { api } from '@/lib/api/browser';
import { isApiError } from '@/lib/api/client';
import { formText } from '@/lib/params';
import { requestProblem } from '@/lib/request-problem';
import { FormError, FormField, FormSuccess } from './form-parts';
import { useApiErrorText } from '@/lib/api/error-text';

/** Current password, new password twice; a success signs out every other session of the user. */
export function ChangePasswordForm() {
  const t = useTranslations('account');
  const te = useTranslations('errors');
  const errorText = useApiErrorText();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = formText(data, 'currentPassword');
    const newPassword = formText(data, 'newPassword');
    setError(null);
    setSuccess(null);
    const problems: Record<string, string> = {};
    if (!currentPassword) problems.currentPassword = t('wrongCurrent');
    const checked = passwordSchema.safeParse(newPassword);
    if (!checked.success) problems.newPassword = checked.error.issues[0]?.message ?? '';
    if (newPassword !== formText(data, 'confirm')) problems.confirm = t('mismatch');
    setFields(problems);
    if (Object.keys(problems).length > 0) return;

    setBusy(true);
    try {
      const { endedSessions } = await api.changePassword({ currentPassword, newPassword });
      form.reset();
      setSuccess(t('passwordChanged', { count: endedSessions }));
    } catch (caught) {
      const problem = requestProblem(caught, te);
      if (problem !== undefined || !isApiError(caught)) return setError(problem ?? te('serverBody'));
      if (caught.kind === 'unauthorized') return setError(te('signedOutBody'));
      // The API names the field: a wrong current password, or why the new one is easy to guess.
      setFields(
        caught.fields.currentPassword ? { ...caught.fields, currentPassword: t('wrongCurrent') } : caught.fields,
      );
      if (Object.keys(caught.fields).length === 0) setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card p-5" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading" className="mb-4 font-semibold">
        {t('changePasswordTitle')}
      </h2>
      <form
        onSubmit={(event) => void onSubmit(event)}
        className="space-y-4"
        noValidate
        data-testid="change-password-form"
      >
        <FormField
          name="currentPassword"
          label={t('currentPassword')}
          type="password"
          autoComplete="current-password"
          error={fields.currentPassword}
        />
        <FormField
          name="newPassword"
          label={t('newPassword')}
          type="password"
          autoComplete="new-password"
          error={fields.newPassword}
        />
        <FormField
          name="confirm"
          label={t('confirm')}
          type="password"
          autoComplete="new-password"
          error={fields.confirm}
        />
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('passwordRules')}</p>
        <FormError message={error} />
        <FormSuccess message={success} testId="change-password-success" />
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? t('working') : t('changePassword')}
        </button>
      </form>
    </section>
  );
}
