import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe. */
export function newRandomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a session token: a leaked table holds no usable session. */
export function sessionTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The CSRF token of a signed-in client: an HMAC keyed with its session token. Only a holder of the session
 * can know it, and a token taken from another session (or made up) does not match this one.
 */
export function csrfTokenForSession(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('oj-csrf').digest('base64url');
}

export function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Tokens made by newRandomToken; anything else in a cookie is ignored rather than looked up. */
export function looksLikeToken(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
}
