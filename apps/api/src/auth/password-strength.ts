import { passwordWeakness } from '@oj/db/password';
import { DomainError } from '../common/errors.ts';

/**
 * Refuses a password that is common or easy to guess, with zxcvbn's reason as a 400 naming `field`.
 * `userInputs` are words a guesser would try first for this account, such as its username.
 */
export function assertStrongPassword(password: string, userInputs: string[], field: string): void {
  const weakness = passwordWeakness(password, userInputs);
  if (weakness === undefined) return;
  throw new DomainError('VALIDATION_FAILED', 'the password is too easy to guess', { fields: { [field]: weakness } });
}
