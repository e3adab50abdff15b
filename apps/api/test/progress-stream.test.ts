import type { ProgressEvent } from '@oj/shared';
import type { Response } from 'express';
import { describe, expect, test } from 'vitest';
import { ProgressStream } from '../src/submissions/progress-stream.ts';

function fakeResponse() {
  const written: string[] = [];
  let ended = false;
  const response = {
    status: () => response,
    set: () => response,
    flushHeaders: () => undefined,
    write: (chunk: string) => written.push(chunk),
    end: () => (ended = true),
  };
  return { response: response as unknown as Response, written, ended: () => ended };
}

const testEvent = (ordinal: number): ProgressEvent => ({
  type: 'test',
  submissionId: 1,
  ordinal,
  finished: ordinal + 1,
  total: 3,
  test: { id: `0${ordinal + 1}`, verdict: 'AC', timeMs: 1, memoryKb: 1 },
});
const finalEvent: ProgressEvent = { type: 'final', submissionId: 1, verdict: 'AC', score: 100, maxScore: 100 };

function eventsOf(written: string[]): string[] {
  return written.filter((chunk) => chunk.startsWith('event:')).map((chunk) => chunk.split('\n')[0]?.slice(7) ?? '');
}

describe('a progress stream', () => {
  test('holds live events back during the replay, writes each event once and ends after the final', () => {
    const { response, written, ended } = fakeResponse();
    const stream = new ProgressStream(response, (event) => event);
    stream.start();
    stream.receive(testEvent(1));
    stream.receive(testEvent(0));
    expect(eventsOf(written)).toEqual([]);
    stream.replay([{ type: 'judging', submissionId: 1, total: 3 }, testEvent(0)]);
    expect(eventsOf(written)).toEqual(['judging', 'test', 'test']);
    stream.receive(testEvent(2));
    stream.receive(finalEvent);
    stream.receive(testEvent(2));
    expect(eventsOf(written)).toEqual(['judging', 'test', 'test', 'test', 'final']);
    expect(ended()).toBe(true);
  });

  test('applies the redaction to what it writes', () => {
    const { response, written } = fakeResponse();
    const stream = new ProgressStream(response, () => ({ type: 'judging', submissionId: 1, total: 0 }));
    stream.replay([testEvent(0)]);
    expect(written.join('')).toContain('"type":"judging"');
  });
});
