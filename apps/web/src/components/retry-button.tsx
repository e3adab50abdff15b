'use client';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

/** Renders the page again on the server (a new API call), without losing client state. */
export function RetryButton({ label }: { label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="btn-primary"
      disabled={pending}
      onClick={() => startTransition(() => router.refresh())}
      data-testid="retry-button"
    >
      {label}
    </button>
  );
}
