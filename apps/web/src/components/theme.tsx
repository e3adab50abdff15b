'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useSyncExternalStore } from 'react';

const THEME_KEY = 'oj:theme';
type Theme = 'light' | 'dark' | 'system';

export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem('${THEME_KEY}');var d=t==='dark'||(t!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;

function apply(theme: Theme): void {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
}

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
/** Fired in this tab when the choice changes (the `storage` event fires only in the other tabs). */
const THEME_EVENT = 'oj:theme-change';

function savedTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

function subscribeToTheme(onChange: () => void): () => void {
  // A choice made in another tab is painted here too.
  const fromOtherTab = () => {
    apply(savedTheme());
    onChange();
  };
  window.addEventListener('storage', fromOtherTab);
  window.addEventListener(THEME_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', fromOtherTab);
    window.removeEventListener(THEME_EVENT, onChange);
  };
}

export function ThemeToggle() {
  const t = useTranslations('theme');
  // The saved choice, read once the page is interactive (the server renders "system"); the script above
  // already painted it.
  const theme = useSyncExternalStore(subscribeToTheme, savedTheme, () => 'system' as const);

  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => {
      if (!localStorage.getItem(THEME_KEY)) apply('system');
    };
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);

  const choose = () => {
    const next = NEXT[theme];
    if (next === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, next);
    apply(next);
    window.dispatchEvent(new Event(THEME_EVENT));
  };

  return (
    <button
      type="button"
      onClick={choose}
      className="btn-ghost px-1.5 sm:px-2"
      aria-label={t('label', { theme: t(theme) })}
      title={t('label', { theme: t(theme) })}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        className="size-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      >
        {theme === 'light' ? (
          <>
            <circle cx="10" cy="10" r="3.5" />
            <path
              d="M10 1.8v2M10 16.2v2M1.8 10h2M16.2 10h2M4.2 4.2l1.4 1.4M14.4 14.4l1.4 1.4M4.2 15.8l1.4-1.4M14.4 5.6l1.4-1.4"
              strokeLinecap="round"
            />
          </>
        ) : theme === 'dark' ? (
          <path d="M16.5 12.5A7 7 0 0 1 7.5 3.5a7 7 0 1 0 9 9Z" strokeLinejoin="round" />
        ) : (
          <>
            <rect x="2.5" y="3.5" width="15" height="10" rx="1.5" />
            <path d="M7 17h6M10 13.5V17" strokeLinecap="round" />
          </>
        )}
      </svg>
    </button>
  );
}
