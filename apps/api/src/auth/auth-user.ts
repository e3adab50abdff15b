import { roleAtLeast, type Role } from '@oj/shared';

/** The signed-in caller, as resolved from the session cookie for one request. */
export interface AuthUser {
  id: number;
  username: string;
  role: Role;
}

/** The caller is signed in with `minimum` or a higher role (roleAtLeast). */
export function hasRole(user: AuthUser | null, minimum: Role): boolean {
  return user !== null && roleAtLeast(user.role, minimum);
}

/** Setters and admins: they see private problems, hidden test messages and everyone's code. */
export function isStaff(user: AuthUser | null): boolean {
  return hasRole(user, 'setter');
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the AuthGuard: the caller, or null when signed out. */
    auth?: AuthUser | null;
    /** Set by the CSRF cookie middleware: the token this response's client must echo. */
    csrfToken?: string;
  }
}
