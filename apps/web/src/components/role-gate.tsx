import { roleAtLeast, type Role } from '@oj/shared';
import { ApiRequestError } from '@/lib/api/client';
import type { SessionState } from '@/lib/api/server';
import { ErrorState } from './error-state';

/**
 * What a staff page shows instead of itself: "sign in" to a visitor (and back to `signInNext` after), "not
 * allowed" to a user below `minimum`; null when the page may render.
 */
export function roleGate(session: SessionState['session'], minimum: Role, signInNext: string): React.ReactNode | null {
  if (!session?.user)
    return (
      <ErrorState
        error={new ApiRequestError({ status: 401, code: 'UNAUTHENTICATED', message: '' })}
        signInNext={signInNext}
      />
    );
  if (!roleAtLeast(session.user.role, minimum))
    return <ErrorState error={new ApiRequestError({ status: 403, code: 'FORBIDDEN', message: '' })} />;
  return null;
}
