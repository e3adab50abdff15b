import type { Role } from '@oj/shared';

/** The signed-in caller, as resolved from the session cookie for one request. */
export interface AuthUser {
  id: number;
  username: string;
  role: Role;
}

const ROLE_RANK: Record<Role, number> = { learner: 0, setter: 1, admin: 2 };

/** Roles are ordered: an admin may do whatever a setter may, a setter whatever a learner may. */
export function hasRole(user: AuthUser | null, minimum: Role): boolean {
  return user !== null && ROLE_RANK[user.role] >= ROLE_RANK[minimum];
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
