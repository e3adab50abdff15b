'use client';
import { passwordSchema, usernameSchema } from '@oj/shared';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { api } from '@/lib/api/browser';
import { isApiError } from '@/lib/api/client';
import { formText } from '@/lib/params';
import { requestProblem } from '@/lib/request-problem';
import { safeNext } from '@/lib/safe-next';
import { FormError, FormField } from './form-parts';
import { useApiErrorText } from '@/lib/api/error-text';

export function AuthForm({ mode }: { mode: 'signin' | 'signup' }) {
  const t = useTranslations('auth');
  const te = useTranslations('errors');
  const errorText = useApiErrorText();
  const router = useRouter();
  const searchParams = useSearchParams();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const username = formText(data, 'username').trim();
    const password = formText(data, 'password');
    setError(null);
    if (mode === 'signup') {
      const problems: Record<string, string> = {};
      const checkedName = usernameSchema.safeParse(username);
      if (!checkedName.success) problems.username = checkedName.error.issues[0]?.message ?? '';
      const checkedPassword = passwordSchema.safeParse(password);
      if (!checkedPassword.success) problems.password = checkedPassword.error.issues[0]?.message ?? '';
      if (password !== formText(data, 'confirm')) problems.confirm = t('mismatch');
      setFields(problems);
      if (Object.keys(problems).length > 0) return;
    } else {
      setFields({});
    }
    setBusy(true);
    try {
      if (mode === 'signup') await api.register({ username, password });
      else await api.login({ username, password });
      router.push(safeNext(searchParams.get('next'), window.location.origin));
      router.refresh();
    } catch (caught) {
      setBusy(false);
      const problem = requestProblem(caught, te);
      if (problem !== undefined || !isApiError(caught)) return setError(problem ?? te('serverBody'));
      if (caught.kind === 'conflict') return setFields({ username: t('taken') });
      if (mode === 'signin' && (caught.kind === 'unauthorized' || caught.kind === 'invalid'))
        return setError(t('wrongCredentials'));
      setFields(caught.fields);
      setError(errorText(caught));
    }
  };

  return (
    <div className="mx-auto w-full max-w-sm px-3 py-10">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">
        {mode === 'signup' ? t('signUpTitle') : t('signInTitle')}
      </h1>
      <form
        onSubmit={(event) => void onSubmit(event)}
        className="card space-y-4 p-5"
        noValidate
        data-testid={`${mode}-form`}
      >
        <FormField name="username" label={t('username')} autoComplete="username" error={fields.username} />
        <FormField
          name="password"
          label={t('password')}
          type="password"
          autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
          error={fields.password}
        />
        {mode === 'signup' ? (
          <FormField
            name="confirm"
            label={t('confirm')}
            type="password"
            autoComplete="new-password"
            error={fields.confirm}
          />
        ) : null}
        {mode === 'signup' ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('rules')}</p> : null}
        <FormError message={error} testId="auth-error" />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? t('working') : mode === 'signup' ? t('signUp') : t('signIn')}
        </button>
      </form>
      <p className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">
        {mode === 'signup' ? t('haveAccount') : t('noAccount')}{' '}
        <Link
          className="link font-medium"
          href={`${mode === 'signup' ? '/signin' : '/signup'}${searchParams.get('next') ? `?next=${encodeURIComponent(searchParams.get('next') ?? '')}` : ''}`}
        >
          {mode === 'signup' ? t('signIn') : t('signUp')}
        </Link>
      </p>
    </div>
  );
}
