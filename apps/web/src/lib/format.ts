import type { Verdict } from '@oj/shared';

export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

export function formatMemory(kb: number | null | undefined): string {
  if (kb === null || kb === undefined) return '—';
  if (kb < 1024) return `${kb} KB`;
  return `${(kb / 1024).toFixed(kb < 10 * 1024 ? 1 : 0)} MB`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** `2025-01-02 13:04` in UTC: the same on the server and in the browser, so hydration never differs. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatScore(score: number | null, maxScore: number | null): string {
  if (score === null || maxScore === null) return '—';
  const rounded = Math.round(score * 100) / 100;
  return `${rounded} / ${maxScore}`;
}

/** Tailwind classes per verdict; text and background keep AA contrast in both themes. */
export const VERDICT_TONE: Record<Verdict, string> = {
  AC: 'bg-emerald-100 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-400/15 dark:text-emerald-300 dark:ring-emerald-400/30',
  WA: 'bg-red-100 text-red-800 ring-red-600/30 dark:bg-red-400/15 dark:text-red-300 dark:ring-red-400/30',
  TLE: 'bg-amber-100 text-amber-900 ring-amber-600/30 dark:bg-amber-400/15 dark:text-amber-300 dark:ring-amber-400/30',
  MLE: 'bg-amber-100 text-amber-900 ring-amber-600/30 dark:bg-amber-400/15 dark:text-amber-300 dark:ring-amber-400/30',
  OLE: 'bg-amber-100 text-amber-900 ring-amber-600/30 dark:bg-amber-400/15 dark:text-amber-300 dark:ring-amber-400/30',
  RE: 'bg-fuchsia-100 text-fuchsia-800 ring-fuchsia-600/30 dark:bg-fuchsia-400/15 dark:text-fuchsia-300 dark:ring-fuchsia-400/30',
  CE: 'bg-orange-100 text-orange-900 ring-orange-600/30 dark:bg-orange-400/15 dark:text-orange-300 dark:ring-orange-400/30',
  SE: 'bg-zinc-200 text-zinc-800 ring-zinc-500/30 dark:bg-zinc-400/15 dark:text-zinc-300 dark:ring-zinc-400/30',
};

/** Solid fills for charts and bars. */
export const VERDICT_FILL: Record<Verdict, string> = {
  AC: 'bg-emerald-500',
  WA: 'bg-red-500',
  TLE: 'bg-amber-500',
  MLE: 'bg-amber-400',
  OLE: 'bg-yellow-500',
  RE: 'bg-fuchsia-500',
  CE: 'bg-orange-500',
  SE: 'bg-zinc-500',
};

export const PENDING_TONE =
  'bg-sky-100 text-sky-800 ring-sky-600/30 dark:bg-sky-400/15 dark:text-sky-300 dark:ring-sky-400/30';
