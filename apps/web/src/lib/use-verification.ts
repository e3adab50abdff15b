'use client';
// A version's reference-solution table, fetched once and then every second until every check has finished.
import type { Verification } from '@oj/shared';
import { useEffect, useState } from 'react';
import { api } from './api/browser';

export interface VerificationState {
  data: Verification | null;
  error: unknown;
}

export const VERIFICATION_POLL_MS = 1000;

export function useVerification(slug: string | null, version: number | null): VerificationState {
  const [state, setState] = useState<VerificationState>({ data: null, error: null });
  useEffect(() => {
    if (slug === null || version === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const poll = async () => {
      try {
        const data = await api.getVerification(slug, version);
        if (stopped) return;
        failures = 0;
        setState({ data, error: null });
        if (data.status !== 'finished') timer = setTimeout(() => void poll(), VERIFICATION_POLL_MS);
      } catch (error) {
        if (stopped) return;
        failures += 1;
        setState((current) => ({ data: current.data, error }));
        // A passing failure (a restart) is retried, more slowly; a lasting one stops after a while.
        if (failures < 20) timer = setTimeout(() => void poll(), VERIFICATION_POLL_MS * Math.min(5, failures + 1));
      }
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [slug, version]);
  return state;
}
