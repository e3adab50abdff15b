import type { ProgressEvent } from '@oj/shared';
import type { Response } from 'express';

function keyOf(event: ProgressEvent): string {
  switch (event.type) {
    case 'judging':
      return 'judging';
    case 'test':
      return `test:${event.ordinal}`;
    case 'final':
      return 'final';
  }
}

/**
 * One Server-Sent Events response carrying a submission's progress. Live events that arrive while the stored
 * ones are being replayed wait until the replay is written; an event seen twice (once stored, once live) is
 * written once; the stream ends after the final event.
 */
export class ProgressStream {
  private readonly seen = new Set<string>();
  /** Live events held back during the replay; null once it is written. */
  private heldBack: ProgressEvent[] | null = [];
  private ended = false;
  private readonly endListeners: (() => void)[] = [];

  constructor(
    private readonly response: Response,
    /** Removes what the viewer may not read (messages of hidden tests). */
    private readonly redact: (event: ProgressEvent) => ProgressEvent,
  ) {}

  start(): void {
    this.response.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // Proxies such as nginx would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    // No flushHeaders(): the headers go out with this first chunk, in one write instead of two.
    this.response.write('retry: 3000\n\n');
  }

  get isEnded(): boolean {
    return this.ended;
  }

  get hasFinal(): boolean {
    return this.seen.has('final');
  }

  onEnd(listener: () => void): void {
    this.endListeners.push(listener);
  }

  /** A live event from pub/sub. */
  receive(event: ProgressEvent): void {
    if (this.heldBack) this.heldBack.push(event);
    else this.send(event);
  }

  /** The stored events, then whatever arrived live meanwhile. */
  replay(stored: ProgressEvent[]): void {
    for (const event of stored) this.send(event);
    const heldBack = this.heldBack ?? [];
    this.heldBack = null;
    for (const event of heldBack) this.send(event);
  }

  send(event: ProgressEvent): void {
    if (this.ended) return;
    const key = keyOf(event);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.response.write(`event: ${event.type}\ndata: ${JSON.stringify(this.redact(event))}\n\n`);
    if (event.type === 'final') this.end();
  }

  /** Keeps proxies and browsers from closing an idle connection. */
  heartbeat(): void {
    if (!this.ended) this.response.write(': heartbeat\n\n');
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.response.end();
    for (const listener of this.endListeners) listener();
  }
}
