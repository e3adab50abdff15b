'use client';
// Run (samples or the learner's input) and Submit from the workspace: one action at a time, with the
// latest code read at the moment of the click or shortcut, and the outcome the result panel shows.
import type { Language, RunResponse } from '@oj/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api/browser';
import { isApiError } from './api/client';

export type WorkspaceOutcome =
  | { kind: 'run'; response: RunResponse; custom: boolean }
  | { kind: 'submission'; id: number }
  | { kind: 'error'; error: unknown; action: 'run' | 'submit' }
  | { kind: 'signin' };

export interface RunAndSubmitInput {
  slug: string;
  signedIn: boolean;
  language: Language;
  code: string;
  /** Run on `customInput` instead of the samples. */
  useCustom: boolean;
  customInput: string;
  /** Called when an action has ended, whatever its outcome (the page brings the result into view). */
  onSettled: () => void;
}

export function useRunAndSubmit(input: RunAndSubmitInput) {
  const [busy, setBusy] = useState<'run' | 'submit' | null>(null);
  const [outcome, setOutcome] = useState<WorkspaceOutcome | null>(null);
  // The latest values, read by the stable run/submit callbacks (the shortcuts hold on to those).
  const latest = useRef({ ...input, busy });
  useEffect(() => {
    latest.current = { ...input, busy };
  });

  const act = useCallback(async (action: 'run' | 'submit') => {
    const state = latest.current;
    if (state.busy) return;
    if (!state.signedIn) return setOutcome({ kind: 'signin' });
    setBusy(action);
    try {
      if (action === 'run') {
        const response = await api.run({
          problem: state.slug,
          language: state.language,
          code: state.code,
          ...(state.useCustom ? { input: state.customInput } : {}),
        });
        setOutcome({ kind: 'run', response, custom: state.useCustom });
      } else {
        const { id } = await api.submit({ problem: state.slug, language: state.language, code: state.code });
        setOutcome({ kind: 'submission', id });
      }
    } catch (error) {
      setOutcome(
        isApiError(error) && error.kind === 'unauthorized' ? { kind: 'signin' } : { kind: 'error', error, action },
      );
    } finally {
      setBusy(null);
      latest.current.onSettled();
    }
  }, []);

  const run = useCallback(() => act('run'), [act]);
  const submit = useCallback(() => act('submit'), [act]);
  return { busy, outcome, run, submit };
}

/** Ctrl/⌘+Enter submits and Ctrl/⌘+' runs, also with the focus outside the editor (which has its own keymap). */
export function useWorkspaceShortcuts(run: () => Promise<void>, submit: () => Promise<void>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        void submit();
      } else if (event.key === "'") {
        event.preventDefault();
        void run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, submit]);
}
