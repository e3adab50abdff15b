'use client';
import { passwordSchema, usernameSchema } from '@oj/shared';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { api } from '@/lib/api/browser';
import { isApiError } from '@/lib/api/client';
import { formText } from '@/lib/params';
import { safeNext } from '@/lib/safe-next';

export function AuthForm({ mode }: { mode: 'signin' | 'signup' }) {
  const t = useTranslations('auth');
  const te = useTranslations('errors');
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
      if (!isApiError(caught)) return setError(te('serverBody'));
      if (caught.kind === 'rate-limited') {
        return setError(caught.retryAfterSeconds ? te('rateLimitedRetry', { seconds: caught.retryAfterSeconds }) : te('rateLimitedBody'));
      }
      if (caught.kind === 'unreachable') return setError(te('unreachableBody'));
      if (caught.kind === 'conflict') return setFields({ username: t('taken') });
      if (mode === 'signin' && (caught.kind === 'unauthorized' || caught.kind === 'invalid')) return setError(t('wrongCredentials'));
      setFields(caught.fields);
      setError(caught.message);
    }
  };

  const field = (name: string, label: string, type: string, autoComplete: string) => (
    <div>
      <label htmlFor={name} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        className="input"
        aria-invalid={fields[name] ? true : undefined}
        aria-describedby={fields[name] ? `${name}-error` : undefined}
      />
      {fields[name] ? (
        <p id={`${name}-error`} className="mt-1 text-xs text-red-700 dark:text-red-300">
          {fields[name]}
        </p>
      ) : null}
    </div>
  );

  return (
    <div className="mx-auto w-full max-w-sm px-3 py-10">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">{mode === 'signup' ? t('signUpTitle') : t('signInTitle')}</h1>
      <form onSubmit={(event) => void onSubmit(event)} className="card space-y-4 p-5" noValidate data-testid={`${mode}-form`}>
        {field('username', t('username'), 'text', 'username')}
        {field('password', t('password'), 'password', mode === 'signup' ? 'new-password' : 'current-password')}
        {mode === 'signup' ? field('confirm', t('confirm'), 'password', 'new-password') : null}
        {mode === 'signup' ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('rules')}</p> : null}
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-400/10 dark:text-red-200" data-testid="auth-error">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? t('working') : mode === 'signup' ? t('signUp') : t('signIn')}
        </button>
      </form>
      <p className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">
        {mode === 'signup' ? t('haveAccount') : t('noAccount')}{' '}
        <Link className="link font-medium" href={`${mode === 'signup' ? '/signin' : '/signup'}${searchParams.get('next') ? `?next=${encodeURIComponent(searchParams.get('next') ?? '')}` : ''}`}>
          {mode === 'signup' ? t('signIn') : t('signUp')}
        </Link>
      </p>
    </div>
  );
}
