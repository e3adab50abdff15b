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

/** The largest request body the site passes on to the API, except for package and test uploads and version saves. */
export const MAX_PROXIED_BODY_BYTES = 10 * 1024 * 1024;
/** Where setters upload problem package zips, and the largest zip the API takes there. */
export const PACKAGE_UPLOAD_PATH = '/api/problems/packages';
export const MAX_PACKAGE_UPLOAD_BYTES = 64 * 1024 * 1024;
/**
 * A setter's save of a problem version (`POST /api/setter/problems/<slug>/versions`) carries edited files
 * inline as JSON: MAX_VERSION_EDIT_BYTES of @oj/shared (kept as a literal here, since next.config.ts and
 * site-server.ts load this file without the shared package; a unit test holds the two equal).
 */
export const MAX_VERSION_EDIT_BYTES = 8 * 1024 * 1024;
const VERSION_SAVE_PATH = /^\/api\/setter\/problems\/[^/]+\/versions$/;
/**
 * A setter's zip of tests replacing a version's tests (`POST /api/setter/problems/<slug>/tests?base=N`): the
 * same cap as a package upload. Matched on the pathname (the proxy passes the query apart); a slug of "." or
 * ".." (also percent-encoded) is no slug.
 */
const TESTS_UPLOAD_PATH = /^\/api\/setter\/problems\/(?!(?:\.|%2e){1,2}\/)[^/]+\/tests$/i;

/**
 * What Next buffers at most of a body for its proxy (next.config.ts sets it): a longer body would be cut
 * short and the API would wait for the rest. src/proxy.ts holds every other route to MAX_PROXIED_BODY_BYTES.
 */
export const PROXY_BUFFER_BYTES = Math.max(MAX_PACKAGE_UPLOAD_BYTES, MAX_VERSION_EDIT_BYTES);

/** The body limit of one proxied request. */
export function maxProxiedBodyBytes(method: string, pathname: string): number {
  if (method !== 'POST') return MAX_PROXIED_BODY_BYTES;
  if (pathname === PACKAGE_UPLOAD_PATH || TESTS_UPLOAD_PATH.test(pathname)) return MAX_PACKAGE_UPLOAD_BYTES;
  if (VERSION_SAVE_PATH.test(pathname)) return MAX_VERSION_EDIT_BYTES;
  return MAX_PROXIED_BODY_BYTES;
}
