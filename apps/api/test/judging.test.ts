// Submissions judged for real: a judge worker runs in this process against the same PostgreSQL database
// and Redis prefix as the API, and each verdict arrives over Server-Sent Events.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  problemListResponseSchema,
  runResponseSchema,
  submissionDetailSchema,
  type SubmissionDetail,
  type Verdict,
} from '@oj/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiClient } from './support/api-client.ts';
import { createApiTestEnvironment, STAFF_PASSWORD, type ApiTestEnvironment } from './support/environment.ts';
import { readEvents, type ServerSentEvent } from './support/server-sent-events.ts';

const PROBLEMS_DIR = path.resolve(import.meta.dirname, '../../../problems');

interface Case {
  name: string;
  problem: 'subsets' | 'spicy-rabbit-head';
  language: 'javascript' | 'typescript';
  code: () => Promise<string>;
  verdict: Verdict;
}

const solution = (problem: string, file: string) => () =>
  readFile(path.join(PROBLEMS_DIR, problem, 'solutions', file), 'utf8');
const inline = (code: string) => () => Promise.resolve(code);

const CASES: Case[] = [
  {
    name: 'subsets AC (JavaScript)',
    problem: 'subsets',
    language: 'javascript',
    code: solution('subsets', 'ac.js'),
    verdict: 'AC',
  },
  {
    name: 'subsets AC (TypeScript)',
    problem: 'subsets',
    language: 'typescript',
    code: solution('subsets', 'ac.ts'),
    verdict: 'AC',
  },
  {
    name: 'subsets WA',
    problem: 'subsets',
    language: 'javascript',
    // Right on the samples (3 numbers at most), wrong on the larger hidden tests: the hidden test that
    // fails carries a message; the rest of the subtask is skipped.
    code: inline(
      'var subsets = function (nums) { const out = [[]]; for (const x of nums) { const n = out.length; for (let i = 0; i < n; i++) out.push([...out[i], x]); } return nums.length > 3 ? out.slice(1) : out; };',
    ),
    verdict: 'WA',
  },
  {
    name: 'subsets CE',
    problem: 'subsets',
    language: 'typescript',
    code: inline('function subsets(nums: number[]: number[][] {\n  return [[]];\n}\n'),
    verdict: 'CE',
  },
  {
    name: 'spicy-rabbit-head AC',
    problem: 'spicy-rabbit-head',
    language: 'javascript',
    code: solution('spicy-rabbit-head', 'ac.js'),
    verdict: 'AC',
  },
  {
    name: 'spicy-rabbit-head WA',
    problem: 'spicy-rabbit-head',
    language: 'javascript',
    code: solution('spicy-rabbit-head', 'wa-opposite-seven.js'),
    verdict: 'WA',
  },
  {
    name: 'spicy-rabbit-head TLE',
    problem: 'spicy-rabbit-head',
    language: 'javascript',
    code: solution('spicy-rabbit-head', 'tle-quadratic.js'),
    verdict: 'TLE',
  },
  {
    name: 'spicy-rabbit-head CE',
    problem: 'spicy-rabbit-head',
    language: 'typescript',
    code: inline('const n: number = ;\n'),
    verdict: 'CE',
  },
];

let environment: ApiTestEnvironment;
let learner: ApiClient;

interface Judged {
  id: number;
  events: ServerSentEvent[];
  detail: SubmissionDetail;
}
const judged = new Map<string, Judged>();

async function submitAndFollow(client: ApiClient, entry: Case): Promise<Judged> {
  const created = await client.post<{ id: number }>('/api/submissions', {
    problem: entry.problem,
    language: entry.language,
    code: await entry.code(),
  });
  expect(created.status, created.text).toBe(201);
  const id = created.body.id;
  const stream = await client.open(`/api/submissions/${id}/events`);
  expect(stream.status).toBe(200);
  const events = await readEvents(stream, 90_000);
  const detail = submissionDetailSchema.parse((await client.get(`/api/submissions/${id}`)).body);
  return { id, events, detail };
}

beforeAll(async () => {
  environment = await createApiTestEnvironment('judging', {
    // One learner sends every case at once: more than the default cap of pending submissions.
    env: { SUBMISSIONS_PER_MINUTE: '100', MAX_PENDING_SUBMISSIONS: '100', METRICS_TOKEN: 'judging-metrics-token-1' },
  });
  await environment.startJudge();
  learner = (await environment.registerLearner()).client;
  // All at once: the worker judges two at a time, and each stream follows its own submission.
  const results = await Promise.all(CASES.map((entry) => submitAndFollow(learner, entry)));
  CASES.forEach((entry, index) => judged.set(entry.name, results[index] as Judged));
}, 240_000);

afterAll(async () => {
  await environment?.destroy();
});

describe.each(CASES)('$name', (entry) => {
  test(`ends ${entry.verdict}, delivered over SSE and stored`, () => {
    const { events, detail, id } = judged.get(entry.name) as Judged;
    const final = events.at(-1);
    expect(final?.event).toBe('final');
    expect(final?.data).toMatchObject({ type: 'final', submissionId: id, verdict: entry.verdict });
    expect(events.filter((event) => event.event === 'final')).toHaveLength(1);
    expect(detail).toMatchObject({ status: 'FINISHED', verdict: entry.verdict });
    expect(detail.judgedAt).not.toBeNull();
  });

  test('every test reported its progress once, matching what is stored', () => {
    const { events, detail } = judged.get(entry.name) as Judged;
    const testEvents = events.flatMap((event) => (event.data.type === 'test' ? [event.data] : []));
    if (entry.verdict === 'CE') {
      expect(testEvents).toEqual([]);
      // The owner reads the compiler's message.
      expect(detail.compileMessage).toBeTruthy();
      return;
    }
    expect(testEvents).toHaveLength(detail.testCount);
    expect(testEvents.map((event) => event.ordinal).sort((a, b) => a - b)).toEqual([...Array(detail.testCount).keys()]);
    expect(new Set(testEvents.map((event) => event.finished))).toEqual(
      new Set([...Array(detail.testCount).keys()].map((n) => n + 1)),
    );
    expect(testEvents.every((event) => event.total === detail.testCount)).toBe(true);
    expect(detail.tests).toHaveLength(detail.testCount);
    for (const event of testEvents) {
      const stored = detail.tests.find((test) => test.ordinal === event.ordinal);
      expect(stored?.verdict).toBe(event.test.verdict);
      // The learner never sees a hidden test's message, live or stored.
      if (!stored?.sample) {
        expect(event.test.message).toBeUndefined();
        expect(stored?.message).toBeUndefined();
      }
    }
  });
});

describe('live progress', () => {
  test('a slow judging is followed live: the judging event, then each test, then the final', () => {
    // TLE takes seconds, so its stream was open while it was judged (a finished submission's stream
    // carries only the stored tests and the final, never a judging event).
    const { events, detail } = judged.get('spicy-rabbit-head TLE') as Judged;
    expect(events[0]?.data).toMatchObject({ type: 'judging', total: detail.testCount });
    expect(events.map((event) => event.event)).toEqual([
      'judging',
      ...Array<string>(detail.testCount).fill('test'),
      'final',
    ]);
  });
});

describe('after judging', () => {
  test('a late subscriber gets the stored result at once', async () => {
    const { id, detail } = judged.get('subsets WA') as Judged;
    const events = await readEvents(await learner.open(`/api/submissions/${id}/events`), 10_000);
    expect(events.at(-1)?.data).toMatchObject({ type: 'final', verdict: 'WA' });
    expect(events.filter((event) => event.event === 'test')).toHaveLength(detail.testCount);
  });

  test("staff read the hidden tests' messages of a wrong answer", async () => {
    const { id } = judged.get('subsets WA') as Judged;
    const admin = await environment.signIn(environment.admin.username, STAFF_PASSWORD);
    const detail = submissionDetailSchema.parse((await admin.get(`/api/submissions/${id}`)).body);
    expect(detail.tests.some((test) => !test.sample && test.message !== undefined)).toBe(true);
  });

  test('the problem list shows the learner what they solved and counts submissions', async () => {
    const list = problemListResponseSchema.parse((await learner.get('/api/problems')).body);
    const subsets = list.items.find((item) => item.slug === 'subsets');
    expect(subsets).toMatchObject({ solved: 'solved', acceptedCount: 2, submissionCount: 4 });
    const anonymous = problemListResponseSchema.parse((await environment.anonymous().get('/api/problems')).body);
    expect(anonymous.items.find((item) => item.slug === 'subsets')).toMatchObject({ solved: null, acceptedCount: 2 });
    const someoneElse = (await environment.registerLearner()).client;
    const theirs = problemListResponseSchema.parse((await someoneElse.get('/api/problems?search=subs')).body);
    expect(theirs.items.map((item) => item.slug)).toEqual(['subsets']);
    expect(theirs.items[0]?.solved).toBeNull();
  });

  test('a rejudge judges the submission again in a new generation', async () => {
    const { id } = judged.get('subsets AC (JavaScript)') as Judged;
    const setter = await environment.signIn(environment.setter.username, STAFF_PASSWORD);
    expect((await setter.post(`/api/submissions/${id}/rejudge`)).status).toBe(202);
    const events = await readEvents(await learner.open(`/api/submissions/${id}/events`), 60_000);
    expect(events.at(-1)?.data).toMatchObject({ type: 'final', verdict: 'AC' });
    const stored = await environment.prisma.submission.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: 'FINISHED', verdict: 'AC', judgeGeneration: 1 });
  });

  test('the metrics count verdicts and the judge latency', async () => {
    // Finished submissions are recorded in batches every second.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const metrics = (
      await environment.anonymous().get('/metrics', { headers: { authorization: 'Bearer judging-metrics-token-1' } })
    ).text;
    const count = (verdict: string) =>
      Number(new RegExp(`oj_submission_verdicts_total\\{verdict="${verdict}"\\} (\\d+)`).exec(metrics)?.[1]);
    // Streams that opened after a submission had finished saw no live final, so count at least those seen live.
    expect(count('AC') + count('WA') + count('TLE') + count('CE')).toBeGreaterThan(0);
    expect(metrics).toMatch(/oj_submission_judge_latency_seconds_count \d+/);
    expect(metrics).toMatch(/oj_queue_jobs\{queue="judge",state="waiting"\} 0/);
  });
});

describe('custom runs', () => {
  test('run on the samples: each sample judged with its input, output and expected output', async () => {
    const response = await learner.post('/api/runs', {
      problem: 'subsets',
      language: 'javascript',
      code: await solution('subsets', 'ac.js')(),
    });
    expect(response.status, response.text).toBe(200);
    const run = runResponseSchema.parse(response.body);
    expect(run.verdict).toBe('AC');
    expect(run.tests.map((test) => test.id)).toEqual(['01', '02']);
    expect(run.tests.every((test) => test.expected !== null && test.output.length > 0)).toBe(true);
  });

  test('run on custom input: the output, nothing to compare with, nothing stored', async () => {
    const before = await environment.prisma.submission.count();
    const response = await learner.post('/api/runs', {
      problem: 'spicy-rabbit-head',
      language: 'typescript',
      code: await solution('spicy-rabbit-head', 'ac.ts')(),
      input: '1\n1\n',
    });
    expect(response.status, response.text).toBe(200);
    const run = runResponseSchema.parse(response.body);
    expect(run.tests).toHaveLength(1);
    expect(run.tests[0]).toMatchObject({ output: '19\n', expected: null });
    expect(await environment.prisma.submission.count()).toBe(before);
  });

  test('a compile error comes back as CE with the message', async () => {
    const response = await learner.post('/api/runs', {
      problem: 'subsets',
      language: 'typescript',
      code: 'let x: = 1;',
    });
    expect(response.status).toBe(200);
    const run = runResponseSchema.parse(response.body);
    expect(run.verdict).toBe('CE');
    expect(run.compileMessage).toBeTruthy();
  });
});
