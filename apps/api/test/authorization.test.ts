// Every route, called by an anonymous visitor, a learner, another learner, a setter and an admin: who may
// call it, and what each of them gets to see. Hidden test data and other users' code must never leak.
import {
  problemDetailSchema,
  problemListResponseSchema,
  submissionDetailSchema,
  submissionListResponseSchema,
  type SubmissionDetail,
} from '@oj/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiClient, ApiResponse } from './support/api-client.ts';
import {
  createApiTestEnvironment,
  PRIVATE_PROBLEM,
  STAFF_PASSWORD,
  type ApiTestEnvironment,
} from './support/environment.ts';
import { readEvents } from './support/server-sent-events.ts';

const ROLES = ['anonymous', 'learner', 'otherLearner', 'setter', 'admin'] as const;
type Caller = (typeof ROLES)[number];
type Expected = Record<Caller, number>;

const SECRET_CODE = 'var subsets = function (nums) { return [[]]; /* learner-secret-code */ };';
const HIDDEN_MESSAGE = 'hidden-test-message: expected [[],[7]] got [[]]';
const SAMPLE_MESSAGE = 'sample-test-message: expected 8 elements, got 1';
const COMPILE_MESSAGE = 'compile-message quoting learner-secret-code';
const METRICS_TOKEN = 'authorization-metrics-token-1';

let environment: ApiTestEnvironment;
let clients: Record<Caller, ApiClient>;
let learnerId: number;
/** The learner's finished submission, with a message on a sample test and on a hidden one. */
let judgedSubmissionId: number;
/** The learner's submission that staff rejudge (so the judged one keeps its results). */
let rejudgedSubmissionId: number;
/** The setter's submission to their private problem. */
let privateSubmissionId: number;

async function submit(client: ApiClient, problem: string, code = SECRET_CODE): Promise<number> {
  const response = await client.post<{ id: number }>('/api/submissions', { problem, language: 'javascript', code });
  if (response.status !== 201) throw new Error(`submit: ${response.status} ${response.text}`);
  return response.body.id;
}

async function eachCaller(
  call: (client: ApiClient, caller: Caller) => Promise<ApiResponse>,
): Promise<Record<Caller, number>> {
  const statuses = {} as Record<Caller, number>;
  for (const caller of ROLES) statuses[caller] = (await call(clients[caller], caller)).status;
  return statuses;
}

beforeAll(async () => {
  environment = await createApiTestEnvironment('authz', { env: { RUN_TIMEOUT_MS: '1000', METRICS_TOKEN } });
  const learner = await environment.registerLearner('owner');
  const otherLearner = await environment.registerLearner('other');
  learnerId = learner.id;
  clients = {
    anonymous: environment.anonymous(),
    learner: learner.client,
    otherLearner: otherLearner.client,
    setter: await environment.signIn(environment.setter.username, STAFF_PASSWORD),
    admin: await environment.signIn(environment.admin.username, STAFF_PASSWORD),
  };

  judgedSubmissionId = await submit(clients.learner, 'subsets');
  rejudgedSubmissionId = await submit(clients.learner, 'subsets');
  privateSubmissionId = await submit(clients.setter, PRIVATE_PROBLEM, 'var climb = () => 0;');

  // No judge runs in this file: store the judged submission's result as a worker would.
  const tests = await environment.prisma.problemTest.findMany({
    where: { problemVersion: { problemId: environment.problemIds['subsets'] } },
    orderBy: { ordinal: 'asc' },
  });
  const sample = tests.find((entry) => entry.isSample);
  const hidden = tests.find((entry) => !entry.isSample);
  if (!sample || !hidden) throw new Error('subsets needs a sample and a hidden test');
  await environment.prisma.submission.update({
    where: { id: judgedSubmissionId },
    data: {
      status: 'FINISHED',
      verdict: 'WA',
      score: 0,
      maxScore: 100,
      timeMs: 3,
      memoryKb: 1000,
      compileMessage: COMPILE_MESSAGE,
      judgedAt: new Date(),
      testResults: {
        create: [
          {
            ordinal: sample.ordinal,
            testName: sample.name,
            verdict: 'WA',
            timeMs: 1,
            memoryKb: 900,
            message: SAMPLE_MESSAGE,
          },
          {
            ordinal: hidden.ordinal,
            testName: hidden.name,
            verdict: 'WA',
            timeMs: 3,
            memoryKb: 1000,
            message: HIDDEN_MESSAGE,
          },
        ],
      },
    },
  });
});

afterAll(async () => {
  await environment?.destroy();
});

describe('auth routes', () => {
  test('GET /api/auth/me answers everyone, with the user only when signed in', async () => {
    for (const caller of ROLES) {
      const me = await clients[caller].me();
      expect(me.user === null, caller).toBe(caller === 'anonymous');
    }
  });

  test('POST /api/auth/logout answers everyone', async () => {
    // Fresh sessions, so the shared clients stay signed in.
    const learnerSession = await environment.registerLearner('logout');
    const fresh: Record<Caller, ApiClient> = {
      anonymous: environment.anonymous(),
      learner: learnerSession.client,
      otherLearner: (await environment.registerLearner('logout')).client,
      setter: await environment.signIn(environment.setter.username, STAFF_PASSWORD),
      admin: await environment.signIn(environment.admin.username, STAFF_PASSWORD),
    };
    for (const caller of ROLES) {
      expect((await fresh[caller].post('/api/auth/logout')).status, caller).toBe(200);
      expect((await fresh[caller].me()).user, caller).toBeNull();
    }
  });
});

describe('problems', () => {
  test('GET /api/problems lists the private problem to staff only', async () => {
    for (const caller of ROLES) {
      const response = await clients[caller].get('/api/problems');
      expect(response.status, caller).toBe(200);
      const slugs = problemListResponseSchema.parse(response.body).items.map((item) => item.slug);
      expect(slugs, caller).toEqual(expect.arrayContaining(['subsets', 'spicy-rabbit-head']));
      expect(slugs.includes(PRIVATE_PROBLEM), caller).toBe(caller === 'setter' || caller === 'admin');
    }
  });

  test('GET /api/problems/:slug of a private problem is 404 for everyone but staff', async () => {
    const statuses = await eachCaller((client) => client.get(`/api/problems/${PRIVATE_PROBLEM}`));
    expect(statuses).toEqual<Expected>({ anonymous: 404, learner: 404, otherLearner: 404, setter: 200, admin: 200 });
  });

  test.each(['subsets', 'spicy-rabbit-head'])(
    'GET /api/problems/%s shows samples and never hidden test data',
    async (slug) => {
      const tests = await environment.prisma.problemTest.findMany({
        where: { problemVersion: { problem: { slug } } },
        include: { input: true, expectedOutput: true },
      });
      const hiddenTexts = tests
        .filter((entry) => !entry.isSample)
        .flatMap((entry) => [entry.input, entry.expectedOutput])
        .map((blob) => Buffer.from(blob.bytes).toString('utf8').trim())
        // Very short data ("19") could appear anywhere by chance.
        .filter((text) => text.length >= 12)
        .map((text) => text.slice(0, 200));
      expect(hiddenTexts.length).toBeGreaterThan(0);

      for (const caller of ROLES) {
        const response = await clients[caller].get(`/api/problems/${slug}`);
        expect(response.status, caller).toBe(200);
        const detail = problemDetailSchema.parse(response.body);
        expect(detail.samples.map((sample) => sample.id).sort()).toEqual(
          tests
            .filter((entry) => entry.isSample)
            .map((entry) => entry.name)
            .sort(),
        );
        expect(detail.testCount).toBe(tests.length);
        for (const hidden of hiddenTexts)
          expect(response.text.includes(JSON.stringify(hidden).slice(1, -1)), caller).toBe(false);
      }
    },
  );
});

describe('submissions', () => {
  test('POST /api/submissions needs a signed-in caller who may see the problem', async () => {
    const publicProblem = await eachCaller((client) =>
      client.post('/api/submissions', { problem: 'subsets', language: 'javascript', code: 'var subsets = () => [];' }),
    );
    expect(publicProblem).toEqual<Expected>({
      anonymous: 401,
      learner: 201,
      otherLearner: 201,
      setter: 201,
      admin: 201,
    });

    const privateProblem = await eachCaller((client) =>
      client.post('/api/submissions', {
        problem: PRIVATE_PROBLEM,
        language: 'javascript',
        code: 'var climb = () => 0;',
      }),
    );
    // A learner cannot even learn that the private problem exists.
    expect(privateProblem).toEqual<Expected>({
      anonymous: 401,
      learner: 404,
      otherLearner: 404,
      setter: 201,
      admin: 201,
    });
  });

  test('GET /api/submissions/:id shows code and hidden-test messages only to those allowed', async () => {
    for (const caller of ROLES) {
      const response = await clients[caller].get(`/api/submissions/${judgedSubmissionId}`);
      expect(response.status, caller).toBe(200);
      const detail: SubmissionDetail = submissionDetailSchema.parse(response.body);
      const mayReadCode = caller === 'learner' || caller === 'setter' || caller === 'admin';
      const staff = caller === 'setter' || caller === 'admin';

      expect(detail.code, caller).toBe(mayReadCode ? SECRET_CODE : null);
      expect(detail.compileMessage, caller).toBe(mayReadCode ? COMPILE_MESSAGE : null);
      expect(response.text.includes('learner-secret-code'), caller).toBe(mayReadCode);
      expect(response.text.includes(HIDDEN_MESSAGE), caller).toBe(staff);
      // Messages of sample tests are everyone's to read: the sample data is public.
      expect(response.text.includes(SAMPLE_MESSAGE), caller).toBe(true);
      expect(detail.tests.map((entry) => entry.sample)).toEqual([true, false]);
    }
  });

  test('GET /api/submissions/:id of a submission to a private problem is 404 for those who may not see it', async () => {
    const statuses = await eachCaller((client) => client.get(`/api/submissions/${privateSubmissionId}`));
    expect(statuses).toEqual<Expected>({ anonymous: 404, learner: 404, otherLearner: 404, setter: 200, admin: 200 });
  });

  test('GET /api/submissions lists what each caller may see, never with code', async () => {
    for (const caller of ROLES) {
      const response = await clients[caller].get('/api/submissions?pageSize=100');
      expect(response.status, caller).toBe(200);
      const list = submissionListResponseSchema.parse(response.body);
      const ids = list.items.map((item) => item.id);
      expect(ids, caller).toContain(judgedSubmissionId);
      expect(ids.includes(privateSubmissionId), caller).toBe(caller === 'setter' || caller === 'admin');
      expect(response.text.includes('learner-secret-code'), caller).toBe(false);
      expect(
        list.items.every((item) => !('code' in item)),
        caller,
      ).toBe(true);
    }
  });

  test('GET /api/submissions?mine=true needs a signed-in caller and shows only their own', async () => {
    const statuses = await eachCaller((client) => client.get('/api/submissions?mine=true'));
    expect(statuses).toEqual<Expected>({ anonymous: 401, learner: 200, otherLearner: 200, setter: 200, admin: 200 });
    const mine = submissionListResponseSchema.parse(
      (await clients.learner.get('/api/submissions?mine=true&pageSize=100')).body,
    );
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((item) => item.user.id === learnerId)).toBe(true);
  });

  test('GET /api/submissions/:id/events follows the same rules and withholds hidden-test messages', async () => {
    for (const caller of ROLES) {
      const response = await clients[caller].open(`/api/submissions/${judgedSubmissionId}/events`);
      expect(response.status, caller).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const events = await readEvents(response, 10_000);
      expect(
        events.map((event) => event.event),
        caller,
      ).toEqual(['test', 'test', 'final']);
      const text = JSON.stringify(events);
      expect(text.includes(HIDDEN_MESSAGE), caller).toBe(caller === 'setter' || caller === 'admin');
      expect(text.includes(SAMPLE_MESSAGE), caller).toBe(true);
      expect(events.at(-1)?.data).toMatchObject({ type: 'final', verdict: 'WA', score: 0, maxScore: 100 });
    }
    const privateStatuses = await eachCaller(async (client) => {
      const response = await client.open(`/api/submissions/${privateSubmissionId}/events`);
      await response.body?.cancel();
      return { status: response.status } as ApiResponse;
    });
    expect(privateStatuses).toEqual<Expected>({
      anonymous: 404,
      learner: 404,
      otherLearner: 404,
      setter: 200,
      admin: 200,
    });
  });

  test('POST /api/submissions/:id/rejudge is for setters and admins', async () => {
    const statuses = await eachCaller((client) => client.post(`/api/submissions/${rejudgedSubmissionId}/rejudge`));
    expect(statuses).toEqual<Expected>({ anonymous: 401, learner: 403, otherLearner: 403, setter: 202, admin: 202 });
    const submission = await environment.prisma.submission.findUniqueOrThrow({ where: { id: rejudgedSubmissionId } });
    expect(submission).toMatchObject({ status: 'PENDING', judgeGeneration: 2, attempts: 1 });
  });
});

describe('custom runs', () => {
  test('POST /api/runs is for signed-in callers; with no judge running it answers 503 in time', async () => {
    const statuses = await eachCaller((client) =>
      client.post('/api/runs', { problem: 'subsets', language: 'javascript', code: 'var subsets = () => [[]];' }),
    );
    expect(statuses).toEqual<Expected>({ anonymous: 401, learner: 503, otherLearner: 503, setter: 503, admin: 503 });
    const privateStatuses = await eachCaller((client) =>
      client.post('/api/runs', { problem: PRIVATE_PROBLEM, language: 'javascript', code: 'var climb = () => 0;' }),
    );
    expect(privateStatuses).toEqual<Expected>({
      anonymous: 401,
      learner: 404,
      otherLearner: 404,
      setter: 503,
      admin: 503,
    });
  });
});

describe('admin', () => {
  test('GET /api/admin/users is for admins only', async () => {
    const statuses = await eachCaller((client) => client.get('/api/admin/users'));
    expect(statuses).toEqual<Expected>({ anonymous: 401, learner: 403, otherLearner: 403, setter: 403, admin: 200 });
    const list = await clients.admin.get<{ items: { username: string }[] }>('/api/admin/users?pageSize=100');
    expect(list.body.items.length).toBeGreaterThanOrEqual(4);
    expect(list.text).not.toMatch(/passwordHash|argon2/);
  });

  test('PATCH /api/admin/users/:id is for admins only', async () => {
    const statuses = await eachCaller((client) => client.patch(`/api/admin/users/${learnerId}`, { role: 'learner' }));
    expect(statuses).toEqual<Expected>({ anonymous: 401, learner: 403, otherLearner: 403, setter: 403, admin: 200 });
  });

  test('the judge queue dashboard (/api/admin/queues) is for admins only', async () => {
    const statuses = await eachCaller((client) => client.get('/api/admin/queues'));
    expect(statuses).toEqual<Expected>({ anonymous: 401, learner: 403, otherLearner: 403, setter: 403, admin: 200 });
    const page = await clients.admin.get('/api/admin/queues');
    expect(page.text).toContain('<div id="root">');
    const api = await clients.admin.get<{ queues: { name: string }[] }>('/api/admin/queues/api/queues');
    expect(api.status).toBe(200);
    expect(api.body.queues.map((queue) => queue.name).sort()).toEqual(['judge', 'run']);
    expect((await clients.learner.get('/api/admin/queues/api/queues')).status).toBe(403);
  });
});

describe('operations', () => {
  test.each(['/api/health', '/api/ready', '/api/docs', '/api/docs.json'])('%s answers everyone', async (path) => {
    const statuses = await eachCaller((client) => client.get(path));
    expect(statuses).toEqual<Expected>({ anonymous: 200, learner: 200, otherLearner: 200, setter: 200, admin: 200 });
  });

  test('/metrics is for the holder of METRICS_TOKEN only, whatever the role', async () => {
    const statuses = await eachCaller((client) => client.get('/metrics'));
    expect(statuses).toEqual<Expected>({ anonymous: 401, learner: 401, otherLearner: 401, setter: 401, admin: 401 });
    const withToken = await eachCaller((client) =>
      client.get('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }),
    );
    expect(withToken).toEqual<Expected>({ anonymous: 200, learner: 200, otherLearner: 200, setter: 200, admin: 200 });
  });
});

describe('contests: the list queries and the detail routes follow one rule', () => {
  let contestant: ApiClient;
  let contestantId: number;
  let outsider: ApiClient;
  let contestId: number;
  let contestSubmissionId: number;
  const slug = `authz-contest-${Date.now()}`;

  const listedProblems = async (client: ApiClient): Promise<string[]> =>
    problemListResponseSchema
      .parse((await client.get('/api/problems?pageSize=100')).body)
      .items.map((item) => item.slug);
  const listedSubmissions = async (client: ApiClient, query: string): Promise<number[]> =>
    submissionListResponseSchema
      .parse((await client.get(`/api/submissions?pageSize=100&${query}`)).body)
      .items.map((item) => item.id);
  const endContest = (endsAt: Date): Promise<unknown> =>
    environment.prisma.contest.update({ where: { id: contestId }, data: { endsAt } });

  beforeAll(async () => {
    const registered = await environment.registerLearner('contestant');
    contestant = registered.client;
    contestantId = registered.id;
    outsider = (await environment.registerLearner('outsider')).client;
    const contest = await environment.prisma.contest.create({
      data: {
        slug,
        title: 'Authorization contest',
        rule: 'ICPC',
        startsAt: new Date(Date.now() - 60 * 60_000),
        endsAt: new Date(Date.now() + 60 * 60_000),
        problems: {
          create: [
            { problemId: environment.problemIds['subsets']!, label: 'A', ordinal: 0 },
            { problemId: environment.problemIds[PRIVATE_PROBLEM]!, label: 'B', ordinal: 1 },
          ],
        },
        participants: { create: [{ userId: contestantId }] },
      },
    });
    contestId = contest.id;
    const response = await contestant.post<{ id: number }>('/api/submissions', {
      problem: 'subsets',
      language: 'javascript',
      code: SECRET_CODE,
      contest: slug,
    });
    expect(response.status, response.text).toBe(201);
    contestSubmissionId = response.body.id;
  });

  afterAll(async () => {
    await environment.prisma.submission.deleteMany({ where: { contestId } });
    await environment.prisma.contest.delete({ where: { id: contestId } });
  });

  test('while it runs, a contestant sees its private problem in the list and on its page; others do not', async () => {
    expect(await listedProblems(contestant)).toContain(PRIVATE_PROBLEM);
    expect((await contestant.get(`/api/problems/${PRIVATE_PROBLEM}`)).status).toBe(200);
    expect(await listedProblems(outsider)).not.toContain(PRIVATE_PROBLEM);
    expect((await outsider.get(`/api/problems/${PRIVATE_PROBLEM}`)).status).toBe(404);
    expect(await listedProblems(clients.anonymous)).not.toContain(PRIVATE_PROBLEM);
  });

  test("while it runs, a contestant sees the setter's earlier submission on the private problem, as the list and the detail agree", async () => {
    expect(await listedSubmissions(contestant, `problem=${PRIVATE_PROBLEM}`)).toContain(privateSubmissionId);
    const detail = await contestant.get<SubmissionDetail>(`/api/submissions/${privateSubmissionId}`);
    expect(detail.status).toBe(200);
    expect(submissionDetailSchema.parse(detail.body).code).toBeNull();
    expect(await listedSubmissions(outsider, `problem=${PRIVATE_PROBLEM}`)).not.toContain(privateSubmissionId);
    expect((await outsider.get(`/api/submissions/${privateSubmissionId}`)).status).toBe(404);
  });

  test("while it runs, a contest submission is its author's and staff's only, in the list and the detail", async () => {
    expect(await listedSubmissions(contestant, 'mine=true')).toContain(contestSubmissionId);
    expect((await contestant.get(`/api/submissions/${contestSubmissionId}`)).status).toBe(200);
    expect(await listedSubmissions(clients.setter, 'problem=subsets')).toContain(contestSubmissionId);
    for (const other of [outsider, clients.learner, clients.anonymous]) {
      expect(await listedSubmissions(other, 'problem=subsets')).not.toContain(contestSubmissionId);
      expect((await other.get(`/api/submissions/${contestSubmissionId}`)).status).toBe(404);
      expect((await other.get(`/api/submissions/${contestSubmissionId}/events`)).status).toBe(404);
    }
  });

  test('once it has ended, its submissions are open to all and its private problem is closed again', async () => {
    await endContest(new Date(Date.now() - 1000));
    try {
      expect(await listedSubmissions(outsider, 'problem=subsets')).toContain(contestSubmissionId);
      const detail = await outsider.get<SubmissionDetail>(`/api/submissions/${contestSubmissionId}`);
      expect(detail.status).toBe(200);
      expect(submissionDetailSchema.parse(detail.body).code).toBeNull();
      expect(await listedProblems(contestant)).not.toContain(PRIVATE_PROBLEM);
      expect((await contestant.get(`/api/problems/${PRIVATE_PROBLEM}`)).status).toBe(404);
    } finally {
      await endContest(new Date(Date.now() + 60 * 60_000));
    }
  });

  test('a contest not started yet opens nothing', async () => {
    await environment.prisma.contest.update({
      where: { id: contestId },
      data: { startsAt: new Date(Date.now() + 30 * 60_000) },
    });
    try {
      expect(await listedProblems(contestant)).not.toContain(PRIVATE_PROBLEM);
      expect((await contestant.get(`/api/problems/${PRIVATE_PROBLEM}`)).status).toBe(404);
    } finally {
      await environment.prisma.contest.update({
        where: { id: contestId },
        data: { startsAt: new Date(Date.now() - 60 * 60_000) },
      });
    }
  });
});
