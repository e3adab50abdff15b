// The browser's client: same origin (the Next server proxies /api to the API), with the CSRF
// double-submit token fetched from /api/auth/me once and refreshed when the API rejects it.
import { createApiClient } from './client';

let csrfToken: string | undefined;
let pendingToken: Promise<string | undefined> | undefined;

export const api = createApiClient({
  baseUrl: '',
  csrfToken: async (refresh) => {
    if (refresh) csrfToken = undefined;
    if (csrfToken) return csrfToken;
    pendingToken ??= api
      .me()
      .then((session) => session.csrfToken)
      .catch(() => undefined)
      .finally(() => {
        pendingToken = undefined;
      });
    return pendingToken;
  },
  onSession: (session) => {
    csrfToken = session.csrfToken;
  },
});
