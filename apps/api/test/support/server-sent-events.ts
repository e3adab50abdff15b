import type { ProgressEvent } from '@oj/shared';

export interface ServerSentEvent {
  event: string;
  data: ProgressEvent;
}

/** Reads a Server-Sent Events response to its end (or until `timeoutMs`), returning its events in order. */
export async function readEvents(response: Response, timeoutMs = 60_000): Promise<ServerSentEvent[]> {
  if (!response.body) throw new Error('the response has no body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const events: ServerSentEvent[] = [];
  let buffer = '';
  const timer = setTimeout(() => void reader.cancel(new Error('timed out')), timeoutMs);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value;
      let boundary = buffer.indexOf('\n\n');
      while (boundary !== -1) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        boundary = buffer.indexOf('\n\n');
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
        }
        const data = fields.get('data');
        if (fields.has('event') && data !== undefined) {
          events.push({ event: fields.get('event') ?? '', data: JSON.parse(data) as ProgressEvent });
        }
      }
    }
  } finally {
    clearTimeout(timer);
  }
  return events;
}
