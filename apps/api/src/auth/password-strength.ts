import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEnglish from '@zxcvbn-ts/language-en';
import { DomainError } from '../common/errors.ts';

/** zxcvbn's 0-4 scale; 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_PASSWORD_SCORE = 3;

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
  graphs: zxcvbnCommon.adjacencyGraphs,
  translations: zxcvbnEnglish.translations,
});

/**
 * Refuses a password that is common or easy to guess (a dictionary word, a keyboard pattern, repeated
 * characters, the username), with zxcvbn's reason as a 400 naming `field`. `userInputs` are words a guesser
 * would try first for this account, such as its username.
 */
export function assertStrongPassword(password: string, userInputs: string[], field: string): void {
  const result = zxcvbn.check(password, userInputs);
  if (result.score >= MIN_PASSWORD_SCORE) return;
  const reason = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  throw new DomainError('VALIDATION_FAILED', 'the password is too easy to guess', {
    fields: { [field]: reason || 'too easy to guess; use a longer password of several uncommon words' },
  });
}
