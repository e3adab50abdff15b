import { createRequire } from 'node:module';
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import type * as ZxcvbnEnglish from '@zxcvbn-ts/language-en';
import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes): the encoded hash carries its own parameters. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** zxcvbn's 0-4 scale; 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_PASSWORD_SCORE = 3;

const require = createRequire(import.meta.url);
let zxcvbn: ZxcvbnCore.ZxcvbnFactory | undefined;

/** zxcvbn and its dictionaries (some 40 MB of memory) load with the first password checked, not at start. */
function passwordChecker(): ZxcvbnCore.ZxcvbnFactory {
  if (zxcvbn === undefined) {
    const core = require('@zxcvbn-ts/core') as typeof ZxcvbnCore;
    const common = require('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon;
    const english = require('@zxcvbn-ts/language-en') as typeof ZxcvbnEnglish;
    zxcvbn = new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
    });
  }
  return zxcvbn;
}

/**
 * Why a password is too easy to guess (a common password, a dictionary word, a keyboard pattern, repeated
 * characters, one of `userInputs` such as the username), or undefined when it is strong enough. The one
 * rule for sign-up, password changes and the seeded admin account.
 */
export function passwordWeakness(password: string, userInputs: string[]): string | undefined {
  const result = passwordChecker().check(password, userInputs);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const reason = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return reason || 'too easy to guess; use a longer password of several uncommon words';
}
