// Drafts live in localStorage per problem and language, so a reload or a language switch loses nothing.
import type { Language } from '@oj/shared';

export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function draftKey(slug: string, language: Language): string {
  return `oj:draft:${slug}:${language}`;
}

export function languageKey(slug: string): string {
  return `oj:language:${slug}`;
}

/** The saved draft, or the starter code when there is none (or storage is unavailable). */
export function loadDraft(
  storage: DraftStorage | undefined,
  slug: string,
  language: Language,
  starter: string,
): string {
  try {
    return storage?.getItem(draftKey(slug, language)) ?? starter;
  } catch {
    return starter;
  }
}

/** Saves the draft; a draft equal to the starter code is removed instead, so "reset" really resets. */
export function saveDraft(
  storage: DraftStorage | undefined,
  slug: string,
  language: Language,
  code: string,
  starter: string,
): void {
  try {
    if (code === starter) storage?.removeItem(draftKey(slug, language));
    else storage?.setItem(draftKey(slug, language), code);
  } catch {
    // Quota exceeded or storage disabled: the editor still works, the draft is just not kept.
  }
}

export function loadLanguage(storage: DraftStorage | undefined, slug: string): Language {
  try {
    return storage?.getItem(languageKey(slug)) === 'typescript' ? 'typescript' : 'javascript';
  } catch {
    return 'javascript';
  }
}

export function saveLanguage(storage: DraftStorage | undefined, slug: string, language: Language): void {
  try {
    storage?.setItem(languageKey(slug), language);
  } catch {
    // ignored, as above
  }
}
