'use client';
// Follows one submission: Server-Sent Events for each test as it finishes, with a slow poll of the
// stored submission as a safety net (a proxy that buffers the stream, a dropped connection, an event
// published before we subscribed). Whichever arrives first wins; the stored record settles the end.
import { progressEventSchema, type SubmissionDetail } from '@oj/shared';
import { useEffect, useReducer } from 'react';
import { api } from './api/browser';
import { applyDetail, applyProgress, initialLive, type LiveSubmission } from './progress';

type Action =
  { type: 'event'; event: unknown } | { type: 'detail'; detail: SubmissionDetail } | { type: 'reset'; id: number };

function reducer(state: LiveSubmission, action: Action): LiveSubmission {
  switch (action.type) {
    case 'reset':
      return initialLive(action.id);
    case 'detail':
      return applyDetail(state, action.detail);
    case 'event': {
      const parsed = progressEventSchema.safeParse(action.event);
      return parsed.success ? applyProgress(state, parsed.data) : state;
    }
  }
}

const POLL_MS = 3000;

export function useLiveSubmission(
  id: number,
  initial?: SubmissionDetail,
): { live: LiveSubmission; detail: SubmissionDetail | null } {
  const [live, dispatch] = useReducer(reducer, id, (first) =>
    initial ? applyDetail(initialLive(first), initial) : initialLive(first),
  );
  const [detail, setDetail] = useReducer((_: SubmissionDetail | null, next: SubmissionDetail) => next, initial ?? null);

  useEffect(() => {
    if (initial?.id === id && initial.status === 'FINISHED') return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const source = typeof EventSource === 'undefined' ? null : new EventSource(api.submissionEventsUrl(id));

    const stop = () => {
      stopped = true;
      source?.close();
      if (timer) clearTimeout(timer);
    };
    const refresh = async () => {
      try {
        const fresh = await api.getSubmission(id);
        if (stopped) return;
        setDetail(fresh);
        dispatch({ type: 'detail', detail: fresh });
        if (fresh.status === 'FINISHED') stop();
      } catch {
        // The next poll or event tries again.
      }
    };
    const poll = () => {
      timer = setTimeout(() => {
        void refresh().then(() => {
          if (!stopped) poll();
        });
      }, POLL_MS);
    };
    const onMessage = (message: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      dispatch({ type: 'event', event: data });
      if (progressEventSchema.safeParse(data).data?.type === 'final') {
        source?.close();
        // The stored record has what events do not carry: messages, sample flags, the compiler's output.
        void refresh();
      }
    };
    if (source) {
      for (const name of ['judging', 'test', 'final']) source.addEventListener(name, onMessage as EventListener);
      source.onmessage = onMessage;
    }
    void refresh();
    poll();
    return stop;
  }, [id, initial]);

  return { live, detail };
}
