// One learner must not stall judging for everyone: a cap on pending submissions and on concurrent custom
// runs per user, and a user's backlog queued behind other users' first submissions. No judge worker runs
// here, so submissions stay pending and runs wait, exactly the situation the limits are for.
import { apiErrorSchema } from '@oj/shared';
import { createJudgeQueue, judgeJobIdFor, type JudgeQueue } from '@oj/queue';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiClient } from './support/api-client.ts';
import { createApiTestEnvironment, REDIS_URL, type ApiTestEnvironment } from './support/environment.ts';

const MAX_PENDING = 5;
const RUN_TIMEOUT_MS = 4000;
const LOOP = 'while (true) {}';

let environment: ApiTestEnvironment;
let queue: JudgeQueue;

beforeAll(async () => {
  environment = await createApiTestEnvironment('fairness', {
    env: {
      SUBMISSIONS_PER_MINUTE: '100',
      RUNS_PER_MINUTE: '100',
      MAX_PENDING_SUBMISSIONS: String(MAX_PENDING),
      MAX_CONCURRENT_RUNS: '2',
      RUN_TIMEOUT_MS: String(RUN_TIMEOUT_MS),
    },
  });
  queue = createJudgeQueue({ url: REDIS_URL, maxRetriesPerRequest: null }, environment.redisPrefix);
});
afterAll(async () => {
  await queue?.close();
  await environment?.destroy();
});

function submit(client: ApiClient, code = LOOP) {
  return client.post<{ id: number }>('/api/submissions', {
    problem: 'spicy-rabbit-head',
    language: 'javascript',
    code,
  });
}

async function pendingOf(userId: number): Promise<number> {
  return environment.prisma.submission.count({ where: { userId, status: { in: ['PENDING', 'JUDGING'] } } });
}

async function priorityOf(submissionId: number): Promise<number | undefined> {
  const job = await queue.getJob(judgeJobIdFor({ id: submissionId, judgeGeneration: 0, attempts: 1 }));
  return job?.opts.priority;
}

describe('pending submissions per user', () => {
  test(`the submission after ${MAX_PENDING} pending ones is 429 with a reason, and is not stored`, async () => {
    const { client, id } = await environment.registerLearner('backlog');
    for (let i = 0; i < MAX_PENDING; i++) expect((await submit(client)).status).toBe(201);
    const refused = await submit(client);
    expect(refused.status).toBe(429);
    const error = apiErrorSchema.parse(refused.body).error;
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/5 submissions waiting to be judged/);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await pendingOf(id)).toBe(MAX_PENDING);

    // Once one is final, there is room for exactly one more.
    const oldest = await environment.prisma.submission.findFirstOrThrow({
      where: { userId: id },
      orderBy: { id: 'asc' },
    });
    await environment.prisma.submission.update({
      where: { id: oldest.id },
      data: { status: 'FINISHED', verdict: 'TLE' },
    });
    expect((await submit(client)).status).toBe(201);
    expect((await submit(client)).status).toBe(429);
  });

  test('concurrent submissions cannot take the last place twice', async () => {
    const { client, id } = await environment.registerLearner('race');
    for (let i = 0; i < MAX_PENDING - 1; i++) expect((await submit(client)).status).toBe(201);
    const statuses = (await Promise.all(Array.from({ length: 6 }, () => submit(client)))).map((r) => r.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    expect(await pendingOf(id)).toBe(MAX_PENDING);
  });

  test("another user's first submission is queued ahead of a user's backlog", async () => {
    const flooder = await environment.registerLearner('flooder');
    const backlog: number[] = [];
    for (let i = 0; i < 4; i++) backlog.push((await submit(flooder.client)).body.id);
    const victim = await environment.registerLearner('victim');
    const first = (await submit(victim.client, 'console.log(1)')).body.id;

    const priorities = await Promise.all([...backlog, first].map(priorityOf));
    // The flooder's first submission and the victim's first have the same priority; each later one of the
    // flooder's is pushed back by its place in their backlog.
    expect(priorities).toEqual([2, 12, 22, 32, 2]);

    // BullMQ's own order: the victim's submission comes right after the flooder's first.
    const waiting = await queue.getPrioritized(0, -1);
    const order = waiting
      .map((job) => ('submissionId' in job.data ? job.data.submissionId : -1))
      .filter((submissionId) => [...backlog, first].includes(submissionId));
    expect(order).toEqual([backlog[0], first, backlog[1], backlog[2], backlog[3]]);
  });
});

describe('custom runs per user', () => {
  test('a third concurrent run is 429 at once, and slots free when runs end', async () => {
    const { client } = await environment.registerLearner('runner');
    const run = () => client.post('/api/runs', { problem: 'spicy-rabbit-head', language: 'javascript', code: LOOP });
    // No worker: these two wait until RUN_TIMEOUT_MS, then answer 503.
    const waiting = [run(), run()];
    await new Promise((resolve) => setTimeout(resolve, 500));
    const startedAt = Date.now();
    const third = await run();
    expect(third.status).toBe(429);
    expect(apiErrorSchema.parse(third.body).error.message).toMatch(/2 runs in progress/);
    expect(Date.now() - startedAt).toBeLessThan(RUN_TIMEOUT_MS);

    expect((await Promise.all(waiting)).map((response) => response.status)).toEqual([503, 503]);
    // The slots were given back: the next run waits for a worker again instead of being refused.
    expect((await run()).status).toBe(503);
  }, 30_000);

  test("one user's runs do not take another user's slots", async () => {
    const first = await environment.registerLearner('runs-a');
    const second = await environment.registerLearner('runs-b');
    const run = (client: ApiClient) =>
      client.post('/api/runs', { problem: 'spicy-rabbit-head', language: 'javascript', code: LOOP });
    const waiting = [run(first.client), run(first.client)];
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await run(second.client)).status).toBe(503);
    await Promise.all(waiting);
  }, 30_000);
});
