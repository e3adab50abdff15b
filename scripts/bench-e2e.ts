// `npm run bench:e2e [-- --concurrency 16 --submissions 400 --json]`: drives the whole stack over
// HTTP (its own database, Redis prefix and ports) and prints submit-to-final-verdict latency with an
// idle queue and under load, sustained throughput, how many submissions were lost, and what other
// learners wait while one learner keeps the most `while(true){}` submissions pending that the limits allow.
import { databaseUrlFrom, DEFAULT_REDIS_URL } from '@oj/shared';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dropDatabase, withDatabaseName } from '@oj/db/migrations';
import { REPO_ROOT, startStack } from './stack.ts';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '16' },
    submissions: { type: 'string', default: '400' },
    idle: { type: 'string', default: '30' },
    workers: { type: 'string', default: '1' },
    victims: { type: 'string', default: '4' },
    'victim-submissions': { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
  },
});
const concurrency = Number(values.concurrency);
const loadSubmissions = Number(values.submissions);
const idleSubmissions = Number(values.idle);
const say = (line: string): void => {
  (values.json ? process.stderr : process.stdout).write(`${line}\n`);
};

const serverUrl = databaseUrlFrom(process.env);
const databaseUrl = withDatabaseName(serverUrl, `oj_bench_${process.pid}`);
const apiPort = 3900 + (process.pid % 90);
const stack = await startStack({
  databaseUrl,
  redisUrl: process.env['REDIS_URL'] || DEFAULT_REDIS_URL,
  redisPrefix: `oj-bench-${process.pid}`,
  apiPort,
  webPort: apiPort + 1,
  workers: Number(values.workers),
  withoutWeb: true,
  // The per-minute and sign-up limits would only slow the load down; the pending cap stays at its default
  // (MAX_PENDING_SUBMISSIONS, 5), which is what the noisy-neighbour phase is about.
  env: { SUBMISSIONS_PER_MINUTE: '100000', SIGNUPS_PER_HOUR: '100000', LOG_LEVEL: 'warn' },
  log: (line) => {
    if (!/\[(api|judge-\d+)\] \{/.test(line)) say(line);
  },
});

/** A signed-in learner: the session cookie plus the CSRF token every POST must echo. */
class Client {
  private readonly base: string;
  private readonly cookies = new Map<string, string>();
  private csrf = '';
  constructor(base: string) {
    this.base = base;
  }

  async request(method: string, route: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { origin: `http://localhost:${apiPort + 1}` };
    if (this.cookies.size > 0)
      headers['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const response = await fetch(`${this.base}${route}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
    return response;
  }

  async signUp(username: string): Promise<void> {
    const me = (await (await this.request('GET', '/api/auth/me')).json()) as { csrfToken: string };
    this.csrf = me.csrfToken;
    const response = await this.request('POST', '/api/auth/register', { username, password: 'benchmark-password' });
    if (!response.ok) throw new Error(`register failed: ${response.status} ${await response.text()}`);
    const after = (await (await this.request('GET', '/api/auth/me')).json()) as { csrfToken: string };
    this.csrf = after.csrfToken;
  }

  /** Submits and waits for the final event on the submission's SSE stream. */
  async submitAndWait(code: string, problem = 'subsets'): Promise<{ id: number; latencyMs: number; verdict: string }> {
    const started = performance.now();
    let response = await this.request('POST', '/api/submissions', { problem, language: 'javascript', code });
    // The pending cap: the flooder's next submission waits for room, as a learner would.
    while (response.status === 429 && problem !== 'subsets') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      response = await this.request('POST', '/api/submissions', { problem, language: 'javascript', code });
    }
    if (response.status !== 201 && response.status !== 200)
      throw new Error(`submit failed: ${response.status} ${await response.text()}`);
    const { id } = (await response.json()) as { id: number };
    const events = await this.request('GET', `/api/submissions/${id}/events`);
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const final = /event: final\ndata: (.*)\n/.exec(buffer);
      if (final) {
        await reader.cancel();
        return {
          id,
          latencyMs: performance.now() - started,
          verdict: (JSON.parse(final[1]!) as { verdict: string }).verdict,
        };
      }
    }
    throw new Error(`the event stream of submission ${id} ended without a final event`);
  }
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

/** The API's default pending cap (MAX_PENDING_SUBMISSIONS); the stack above does not change it. */
const MAX_PENDING_SUBMISSIONS = 5;

const code = await readFile(path.join(REPO_ROOT, 'problems/subsets/solutions/ac.js'), 'utf8');
const submitted: number[] = [];
let exitCode = 0;
try {
  const clients = await Promise.all(
    Array.from({ length: Math.max(1, concurrency) }, async (_, index) => {
      const client = new Client(stack.apiUrl);
      await client.signUp(`bench${index}_${process.pid % 10000}`);
      return client;
    }),
  );

  say(`idle queue: ${idleSubmissions} submissions one at a time`);
  for (let i = 0; i < 3; i++) await clients[0]!.submitAndWait(code); // warm the worker's caches and sandboxes
  const idleLatencies: number[] = [];
  for (let i = 0; i < idleSubmissions; i++) {
    const result = await clients[0]!.submitAndWait(code);
    submitted.push(result.id);
    idleLatencies.push(result.latencyMs);
  }
  idleLatencies.sort((a, b) => a - b);

  say(`load: ${loadSubmissions} submissions from ${concurrency} clients at once`);
  const loadLatencies: number[] = [];
  let next = 0;
  const loadStart = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (next < loadSubmissions) {
        next++;
        const result = await client.submitAndWait(code);
        submitted.push(result.id);
        loadLatencies.push(result.latencyMs);
      }
    }),
  );
  const loadSeconds = (performance.now() - loadStart) / 1000;
  loadLatencies.sort((a, b) => a - b);

  // Noisy neighbour: one learner keeps MAX_PENDING_SUBMISSIONS endless loops pending on spicy-rabbit-head
  // (each loop's next one goes in as soon as its previous one is final) while other learners submit subsets.
  const victimCount = Number(values.victims);
  const victimSubmissions = Number(values['victim-submissions']);
  say(
    `noisy neighbour: 1 learner keeps ${MAX_PENDING_SUBMISSIONS} while(true){} pending; ${victimCount} others submit ${victimSubmissions} each`,
  );
  const flooder = new Client(stack.apiUrl);
  await flooder.signUp(`flooder_${process.pid % 10000}`);
  let flooding = true;
  let floodJudged = 0;
  const floodLoops = Array.from({ length: MAX_PENDING_SUBMISSIONS }, async () => {
    while (flooding) {
      await flooder.submitAndWait('while (true) {}', 'spicy-rabbit-head');
      floodJudged++;
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 2000)); // let the backlog build up first
  const victimLatencies: number[] = [];
  await Promise.all(
    clients.slice(0, victimCount).map(async (client) => {
      for (let i = 0; i < victimSubmissions; i++) {
        const result = await client.submitAndWait(code);
        submitted.push(result.id);
        victimLatencies.push(result.latencyMs);
      }
    }),
  );
  flooding = false;
  await Promise.all(floodLoops);
  victimLatencies.sort((a, b) => a - b);

  // Lost: anything not finished with the verdict an accepted solution must get.
  let lost = 0;
  for (const id of submitted) {
    const detail = (await (await clients[0]!.request('GET', `/api/submissions/${id}`)).json()) as {
      status: string;
      verdict: string | null;
    };
    if (detail.status !== 'FINISHED' || detail.verdict !== 'AC') lost++;
  }

  const figures = {
    idleP50Ms: Math.round(percentile(idleLatencies, 0.5)),
    idleP99Ms: Math.round(percentile(idleLatencies, 0.99)),
    loadP50Ms: Math.round(percentile(loadLatencies, 0.5)),
    loadP99Ms: Math.round(percentile(loadLatencies, 0.99)),
    throughputPerSecond: Math.round((loadSubmissions / loadSeconds) * 10) / 10,
    concurrency,
    submissions: submitted.length,
    lost,
    noisyVictimP50Ms: Math.round(percentile(victimLatencies, 0.5)),
    noisyVictimP95Ms: Math.round(percentile(victimLatencies, 0.95)),
    noisyVictims: victimCount,
    noisyFlooderJudged: floodJudged,
  };
  const goals = {
    idleP50: figures.idleP50Ms <= 150,
    throughput: figures.throughputPerSecond >= 50,
    lost: lost === 0,
    noisyVictimP95: figures.noisyVictimP95Ms <= 3000,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...figures, goalsMet: goals })}\n`);
  } else {
    const mark = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
    say('');
    say(`submit -> final verdict, subsets (14 tests), over HTTP + SSE`);
    say(
      `  idle queue    p50 ${figures.idleP50Ms} ms   p99 ${figures.idleP99Ms} ms   ${mark(goals.idleP50)} (goal p50 <= 150 ms)`,
    );
    say(`  under load    p50 ${figures.loadP50Ms} ms   p99 ${figures.loadP99Ms} ms   (${concurrency} clients)`);
    say(
      `  throughput    ${figures.throughputPerSecond} judged submissions/s   ${mark(goals.throughput)} (goal >= 50/s)`,
    );
    say(`  lost          ${lost} of ${submitted.length}   ${mark(goals.lost)} (must be 0)`);
    say(
      `  noisy neighbour  victims p50 ${figures.noisyVictimP50Ms} ms   p95 ${figures.noisyVictimP95Ms} ms   ${mark(goals.noisyVictimP95)} (goal p95 <= 3000 ms; ${victimCount} victims, flooder's loops judged meanwhile: ${floodJudged})`,
    );
  }
  if (lost > 0) exitCode = 1;
} catch (error) {
  say(`bench:e2e: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await stack.stop();
  await dropDatabase(databaseUrl);
}
process.exit(exitCode);
