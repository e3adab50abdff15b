// Where to go after signing in or up. `next` comes from the URL, so anyone can write it: it is followed
// only when it stays on this site.
export const AFTER_SIGN_IN = '/problems';

/**
 * `next` as a path of `origin` (path, query and fragment), or AFTER_SIGN_IN when it leads anywhere else.
 * It is resolved the way a browser resolves it (`\` counts as `/`, tabs and newlines are dropped), so
 * `/\evil.example` is recognised as another site.
 */
export function safeNext(next: string | null | undefined, origin: string): string {
  if (!next) return AFTER_SIGN_IN;
  let target: URL;
  try {
    target = new URL(next, origin);
  } catch {
    return AFTER_SIGN_IN;
  }
  if (target.origin !== new URL(origin).origin) return AFTER_SIGN_IN;
  // `/.//evil` resolves to the path `//evil`, which a browser would read as another host.
  const path = target.pathname.replace(/^\/+/, '/');
  return `${path}${target.search}${target.hash}`;
}
