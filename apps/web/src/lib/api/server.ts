// The server components' client: straight to the API, forwarding the browser's cookies so the
// caller's session (solved marks, own code, admin rights) applies.
import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import type { MeResponse } from '@oj/shared';
import { createApiClient, isApiError, type ApiClient } from './client';

export function apiUrl(): string {
  return (process.env.API_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
}

export async function serverApi(): Promise<ApiClient> {
  const cookieHeader = (await cookies()).toString();
  return createApiClient({
    baseUrl: apiUrl(),
    headers: (): Record<string, string> => (cookieHeader ? { cookie: cookieHeader } : {}),
  });
}

export type SessionState = { session: MeResponse; error: null } | { session: null; error: 'unreachable' | 'failed' };

/** The signed-in user for this request (once per render), or why it is unknown. */
export const getSession = cache(async (): Promise<SessionState> => {
  try {
    return { session: await (await serverApi()).me(), error: null };
  } catch (error) {
    return { session: null, error: isApiError(error) && error.kind === 'unreachable' ? 'unreachable' : 'failed' };
  }
});

/** Runs a server-side API call, returning the error instead of throwing so the page can show it. */
export async function attempt<T>(
  call: () => Promise<T>,
): Promise<{ ok: true; data: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    return { ok: false, error };
  }
}
