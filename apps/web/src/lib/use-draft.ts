'use client';
// The code in the editor: one draft per problem and language in localStorage, saved shortly after typing
// stops, and the language last used on the problem.
import type { Language } from '@oj/shared';
import { useEffect, useState } from 'react';
import { loadDraft, loadLanguage, saveDraft, saveLanguage } from './drafts';

export interface Draft {
  language: Language;
  code: string;
  setCode: (code: string) => void;
  /** Changes whenever the editor must take the content as a new document (load, language switch, reset). */
  documentKey: string;
  /** False until the saved draft has been read (only the browser has localStorage). */
  ready: boolean;
  switchLanguage: (next: Language) => void;
  /** Back to the starter code of the current language. */
  reset: () => void;
}

const SAVE_DELAY_MS = 300;

export function useDraft(slug: string, starterCode: Record<Language, string>): Draft {
  const [language, setLanguage] = useState<Language>('javascript');
  const [code, setCode] = useState(starterCode.javascript);
  const [documentKey, setDocumentKey] = useState(`${slug}:initial`);
  const [ready, setReady] = useState(false);

  // The draft is read after mount: localStorage exists only in the browser, and reading it while rendering
  // would make the server's and the browser's first render differ. One extra render, once per problem.
  useEffect(() => {
    const storage = window.localStorage;
    const saved = loadLanguage(storage, slug);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above: state from the browser's storage after hydration
    setLanguage(saved);
    setCode(loadDraft(storage, slug, saved, starterCode[saved]));
    setDocumentKey(`${slug}:${saved}:${Date.now()}`);
    setReady(true);
  }, [slug, starterCode]);

  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(
      () => saveDraft(window.localStorage, slug, language, code, starterCode[language]),
      SAVE_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [ready, slug, language, code, starterCode]);

  const switchLanguage = (next: Language) => {
    saveDraft(window.localStorage, slug, language, code, starterCode[language]);
    saveLanguage(window.localStorage, slug, next);
    setLanguage(next);
    setCode(loadDraft(window.localStorage, slug, next, starterCode[next]));
    setDocumentKey(`${slug}:${next}:${Date.now()}`);
  };

  const reset = () => {
    setCode(starterCode[language]);
    saveDraft(window.localStorage, slug, language, starterCode[language], starterCode[language]);
    setDocumentKey(`${slug}:${language}:${Date.now()}`);
  };

  return { language, code, setCode, documentKey, ready, switchLanguage, reset };
}
