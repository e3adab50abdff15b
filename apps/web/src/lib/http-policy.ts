// What the site promises on every response, its own pages and the API's answers it passes on alike.
// Used by next.config.ts (pages, also under `next dev`) and by the site's server (site-server.ts).

/**
 * No other site may frame these pages (clickjacking of signed-in pages such as /admin/users). The policy
 * leaves scripts and styles alone: Next's inline scripts would need a nonce on every page.
 */
export const CONTENT_SECURITY_POLICY = [
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'Content-Security-Policy', value: CONTENT_SECURITY_POLICY },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
];

/**
 * The largest request body the site passes on to the API. Next buffers at most this much of a body for
 * its proxy (next.config.ts sets it); a longer body would be cut short and the API would wait for the rest.
 */
export const MAX_PROXIED_BODY_BYTES = 10 * 1024 * 1024;
