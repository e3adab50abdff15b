// Hostile submissions, judged through the real SandboxPool (child processes running isolated-vm).
//
// Every case states the verdict it must get (docs/architecture.md, "The sandbox" and "Promises"): hostile code gets
// one of AC/WA/TLE/MLE/RE/OLE, never SE, never anything of the host, and the pool keeps serving.
// Where two verdicts are both defensible (a program that grows memory while looping can reach either
// limit first) the case lists the set it accepts, and says why.
//
// Every case states the verdict (or the set of verdicts) it must get.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect as globalExpect, it } from 'vitest';
import { problemManifestSchema, type JudgeResult, type Verdict } from '@oj/shared';
import { judgeSubmission, type JudgeableProblem } from '../src/judge.ts';
import { SandboxPool } from '../src/sandbox/pool.ts';
import type { ExecutionOutcome, ExecutionRequest, SandboxLimits } from '../src/sandbox/runner.ts';

type Expect = typeof globalExpect;

const LIMITS: SandboxLimits = { timeMs: 1000, memoryMb: 64, outputKb: 64, stackMb: 64 };
/** A unique marker for every file a hostile program tries to create on the host. */
const MARKER = `oj-hostile-${process.pid}-${randomBytes(6).toString('hex')}`;
const PWNED_PATH = `/tmp/pwned-${MARKER}`;
const HOST_PASSWD = existsSync('/etc/passwd')
  ? readFileSync('/etc/passwd', 'utf8')
  : 'root:x:0:0:root:/root:/bin/bash\n';

let pool: SandboxPool;
let envBefore: Record<string, string | undefined>;
let cwdBefore: string;
let suiteStart = 0;

// ---- problems ------------------------------------------------------------------------------------

interface InMemoryTest {
  id: string;
  input: string;
  expected: string;
}

interface ProblemOptions {
  style?: 'stdio' | 'function';
  tests: InMemoryTest[];
  limits?: Partial<SandboxLimits>;
  checker?: { type: 'lines' } | { type: 'tokens' } | { type: 'unordered' };
  fn?: { name: string; params: { name: string; type: string }[]; returns: string };
}

function makeProblem(options: ProblemOptions): JudgeableProblem {
  const style = options.style ?? 'stdio';
  const ids = options.tests.map((test) => test.id);
  const manifest = problemManifestSchema.parse({
    slug: 'hostile-probe',
    title: 'Hostile probe',
    difficulty: 'easy',
    style,
    ...(style === 'function'
      ? {
          function: options.fn ?? {
            name: 'sortAsc',
            params: [{ name: 'nums', type: 'number[]' }],
            returns: 'number[]',
          },
        }
      : {}),
    limits: { ...LIMITS, ...options.limits },
    checker: options.checker ?? { type: 'lines' },
    samples: [ids[0]],
    subtasks: [{ id: 'all', score: 100, tests: ids }],
    solutions: [{ file: 'solutions/ac.js', expect: 'AC' }],
  });
  const byId = new Map(options.tests.map((test) => [test.id, test]));
  return {
    manifest,
    testIds: ids,
    readTest: (id) => {
      const test = byId.get(id);
      return test ? Promise.resolve(test) : Promise.reject(new Error(`no test ${id}`));
    },
  };
}

/** stdio: reads "2 3", must print "5". */
function sumProblem(limits?: Partial<SandboxLimits>): JudgeableProblem {
  return makeProblem({ tests: [{ id: '1', input: '2 3\n', expected: '5\n' }], ...(limits ? { limits } : {}) });
}
/** stdio with a fixed expected output (the input is "2 3"). */
function printsProblem(expected: string, limits?: Partial<SandboxLimits>): JudgeableProblem {
  return makeProblem({ tests: [{ id: '1', input: '2 3\n', expected }], ...(limits ? { limits } : {}) });
}
/** function style: sortAsc([3, 1, 2]) must return [1, 2, 3]; compared as exact JSON. */
function sortProblem(limits?: Partial<SandboxLimits>): JudgeableProblem {
  return makeProblem({
    style: 'function',
    tests: [{ id: '1', input: '[[3,1,2]]', expected: '[1,2,3]' }],
    ...(limits ? { limits } : {}),
  });
}
/** function style with the `unordered` checker: pairs([1,2,3]) must return every 2-subset, in any order. */
function unorderedProblem(): JudgeableProblem {
  return makeProblem({
    style: 'function',
    checker: { type: 'unordered' },
    fn: { name: 'pairs', params: [{ name: 'nums', type: 'number[]' }], returns: 'number[][]' },
    tests: [{ id: '1', input: '[[1,2,3]]', expected: '[[1,2],[1,3],[2,3]]' }],
  });
}

const SUM_SOURCE = `const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(a + b);\n`;

// ---- running and recording -----------------------------------------------------------------------

interface Recorded {
  name: string;
  verdict: string;
  timeMs: number;
  memoryKb: number;
  wallMs: number;
  message?: string;
}
const recorded: Recorded[] = [];
let keySequence = 0;
const sandboxKey = (name: string): string => `hostile:${MARKER}:${++keySequence}:${name}`;

async function judge(
  name: string,
  source: string,
  problem: JudgeableProblem,
  language: 'javascript' | 'typescript' = 'javascript',
): Promise<JudgeResult> {
  const started = performance.now();
  const result = await judgeSubmission(
    { problem, source, language, sandboxKey: sandboxKey(name) },
    { runner: pool, concurrency: 1 },
  );
  const first = result.tests.find((test) => test.verdict !== 'AC') ?? result.tests[0];
  recorded.push({
    name,
    verdict: result.verdict,
    timeMs: result.timeMs,
    memoryKb: result.memoryKb,
    wallMs: Math.round(performance.now() - started),
    ...(first?.message ? { message: first.message } : result.compileMessage ? { message: result.compileMessage } : {}),
  });
  return result;
}

/** Runs raw code through the pool, bypassing the compiler (for what esbuild would rewrite). */
async function run(name: string, code: string, request: Partial<ExecutionRequest> = {}): Promise<ExecutionOutcome> {
  const started = performance.now();
  const outcome = await pool.execute({
    sandboxKey: sandboxKey(name),
    code,
    fileName: 'solution.js',
    style: 'stdio',
    input: '2 3\n',
    limits: LIMITS,
    ...request,
  });
  recorded.push({
    name,
    verdict: `run:${outcome.status}`,
    timeMs: outcome.cpuMs,
    memoryKb: outcome.memoryKb,
    wallMs: Math.round(performance.now() - started),
    ...(outcome.message ? { message: outcome.message } : {}),
  });
  return outcome;
}

function describeResult(result: JudgeResult): string {
  const tests = result.tests.map((test) =>
    `${test.id}:${test.verdict} ${test.timeMs}ms ${test.memoryKb}KB ${test.message ?? ''}`.trim(),
  );
  return `got ${result.verdict} [${tests.join(' | ')}]${result.compileMessage ? ` compile: ${result.compileMessage}` : ''}`;
}

function expectVerdict(expect: Expect, name: string, result: JudgeResult, allowed: Verdict[], soft = false): void {
  const check = soft ? expect.soft : expect;
  check(result.verdict, `${name}: SE is never the learner's fault; ${describeResult(result)}`).not.toBe('SE');
  check(allowed, `${name}: must be ${allowed.join(' or ')}; ${describeResult(result)}`).toContain(result.verdict);
}

/**
 * The pool must judge the next submissions normally. Two runs at once, so that both pool processes
 * (including one that was just killed or replaced) take one; run straight through the pool, with no
 * compile step in between, the way a busy worker hands the next queued test to a process that just freed up.
 */
async function expectPoolServes(expect: Expect, after: string): Promise<void> {
  const outcomes = await Promise.all(
    [0, 1].map((index) =>
      pool.execute({
        sandboxKey: sandboxKey(`health-${index}-after-${after}`),
        code: SUM_SOURCE,
        fileName: 'solution.js',
        style: 'stdio',
        input: '2 3\n',
        limits: LIMITS,
      }),
    ),
  );
  outcomes.forEach((outcome, index) => {
    if (outcome.status !== 'ok') {
      recorded.push({
        name: `  health check ${index} after "${after}"`,
        verdict: `run:${outcome.status}`,
        timeMs: outcome.cpuMs,
        memoryKb: outcome.memoryKb,
        wallMs: 0,
        ...(outcome.message ? { message: outcome.message } : {}),
      });
    }
    expect(
      { status: outcome.status, output: outcome.output },
      `a trivial AC program run right after "${after}" must be judged normally; got ${JSON.stringify(outcome)}`,
    ).toEqual({ status: 'ok', output: '5\n' });
  });
}

/**
 * A hostile case followed at once by a check that the pool still judges normally. The verdict is
 * checked softly so that the health check runs even when it is wrong: it then also takes the place of
 * a process that may be dying, instead of leaving it to the next test.
 */
async function hostile(
  expect: Expect,
  name: string,
  source: string,
  problem: JudgeableProblem,
  allowed: Verdict[],
): Promise<JudgeResult> {
  const result = await judge(name, source, problem);
  expectVerdict(expect, name, result, allowed, true);
  await expectPoolServes(expect, name);
  return result;
}

// ---- hand-assembled WebAssembly ------------------------------------------------------------------

/** A module exporting f: () => void whose body is `loop br 0 end`. */
const WASM_INFINITE_LOOP = [
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // magic, version 1
  0x01,
  0x04,
  0x01,
  0x60,
  0x00,
  0x00, // type section: one type, () -> ()
  0x03,
  0x02,
  0x01,
  0x00, // function section: one function of type 0
  0x07,
  0x05,
  0x01,
  0x01,
  0x66,
  0x00,
  0x00, // export section: "f" = function 0
  0x0a,
  0x09,
  0x01,
  0x07,
  0x00,
  0x03,
  0x40,
  0x0c,
  0x00,
  0x0b,
  0x0b, // code: no locals; loop (void) br 0 end; end
];

// ---------------------------------------------------------------------------------------------------

beforeAll(async () => {
  suiteStart = performance.now();
  envBefore = { ...process.env };
  cwdBefore = process.cwd();
  pool = new SandboxPool({ size: 2 });
  await pool.warm(64, 2);
}, 60_000);

afterAll(async () => {
  await pool?.close();
  const totalMs = Math.round(performance.now() - suiteStart);
  const lines = recorded.map(
    (entry) =>
      `${entry.name.padEnd(64)} ${entry.verdict.padEnd(18)} cpu ${String(entry.timeMs).padStart(5)} ms  mem ${String(entry.memoryKb).padStart(7)} KB  wall ${String(entry.wallMs).padStart(5)} ms  ${(entry.message ?? '').replace(/\s+/g, ' ').slice(0, 140)}`,
  );
  console.log(`hostile suite: ${recorded.length} judged runs in ${totalMs} ms\n${lines.join('\n')}`);
}, 30_000);

// Cases that run into a limit (the isolate is disposed, or the process killed and replaced) run one at
// a time, each followed at once by a trivial program through the same pool, which must be AC.
// They run first, on fresh processes, and in this order: pure CPU loops, then memory bombs, then
// programs that use the whole stack. child.ts tells TLE from MLE by the growth of its process's RSS
// since boot, which a deep recursion (or a big heap) leaves behind; the last case shows that bug on
// its own, and this order keeps it from turning the earlier TLE cases into MLE.
describe.sequential('hostile submissions that hit a limit (each followed by a normal submission)', () => {
  // ---- infinite loops ----
  it('while (true) {} is TLE', async ({ expect }) => {
    await hostile(expect, 'loop: while (true) {}', `while (true) {}`, sumProblem(), ['TLE']);
  });

  it('an endless microtask loop is TLE', async ({ expect }) => {
    await hostile(
      expect,
      'loop: function f(){Promise.resolve().then(f)} f()',
      `function f() { Promise.resolve().then(f); }\nf();`,
      sumProblem(),
      ['TLE'],
    );
  });

  it('an endless async/await loop is TLE', async ({ expect }) => {
    await hostile(
      expect,
      'loop: async while (true) await null',
      `(async () => { for (;;) await null; })();`,
      sumProblem(),
      ['TLE'],
    );
  });

  it('Atomics.wait on a SharedArrayBuffer is TLE (it waits without using CPU: the wall deadline ends it)', async ({
    expect,
  }) => {
    await hostile(
      expect,
      'loop: Atomics.wait',
      `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);\nconsole.log(5);`,
      sumProblem(),
      ['TLE'],
    );
  });

  it('a WebAssembly `loop br 0` is TLE', async ({ expect }) => {
    const source = `const bytes = new Uint8Array([${WASM_INFINITE_LOOP.join(',')}]);\nnew WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.f();\nconsole.log(5);`;
    await hostile(expect, 'loop: WebAssembly loop br 0', source, sumProblem(), ['TLE']);
  });

  it('a setInterval that never stops is TLE', async ({ expect }) => {
    await hostile(
      expect,
      'loop: setInterval never cleared',
      `console.log(5);\nlet ticks = 0;\nsetInterval(() => { ticks++; }, 1);`,
      sumProblem(),
      ['TLE'],
    );
  });

  it('a setTimeout that re-arms itself forever is TLE', async ({ expect }) => {
    await hostile(
      expect,
      'loop: setTimeout re-arming itself',
      `console.log(5);\n(function again() { setTimeout(again, 0); })();`,
      sumProblem(),
      ['TLE'],
    );
  });

  // ---- values the harness reads from the program ----
  it('a thrown Proxy whose get trap loops is TLE', async ({ expect }) => {
    await hostile(
      expect,
      'throw: Proxy with looping get trap',
      `throw new Proxy({}, { get() { for (;;) {} } });`,
      sumProblem(),
      ['TLE'],
    );
  });

  it('a thrown object whose message/stack/name getters loop is TLE', async ({ expect }) => {
    await hostile(
      expect,
      'throw: object with looping message/stack getters',
      `throw { get name() { for (;;) {} }, get message() { for (;;) {} }, get stack() { for (;;) {} } };`,
      sumProblem(),
      ['TLE'],
    );
  });

  it('an Error whose prepareStackTrace loops, thrown, is TLE', async ({ expect }) => {
    await hostile(
      expect,
      'throw: Error.prepareStackTrace loops',
      `Error.prepareStackTrace = () => { for (;;) {} };\nthrow new Error('x');`,
      sumProblem(),
      ['TLE'],
    );
  });

  // FAILS TODAY (the TLE itself is right): an unhandled rejection's value is copied to the host with no
  // deadline, so the host's run() hangs until the parent's kill deadline (3.5 s) ends it as TLE. Then
  // pool.ts completes the run and calls onIdle() BEFORE the SIGKILLed child has exited, so the next
  // queued test is handed to the dying process and gets RE "the program crashed the sandbox (signal SIGKILL)".
  it('a rejected Proxy with a looping get trap is TLE, and the next submission is judged normally', async ({
    expect,
  }) => {
    await hostile(
      expect,
      'reject: Promise.reject(Proxy with looping get trap)',
      `console.log(5);\nPromise.reject(new Proxy({}, { get() { for (;;) {} } }));`,
      sumProblem(),
      ['TLE'],
    );
  });

  // FAILS TODAY: same as above (parent kill deadline, then the next run goes to the dying process).
  it('a rejected object with looping message/stack getters is TLE, and the next submission is judged normally', async ({
    expect,
  }) => {
    await hostile(
      expect,
      'reject: Promise.reject(object with looping getters)',
      `console.log(5);\nPromise.reject({ get message() { for (;;) {} }, get stack() { for (;;) {} } });`,
      sumProblem(),
      ['TLE'],
    );
  });

  it('a returned Proxy whose traps loop is TLE', async ({ expect }) => {
    await hostile(
      expect,
      'return: Proxy with looping traps',
      `function sortAsc(nums) { return new Proxy([], { get() { for (;;) {} }, ownKeys() { for (;;) {} }, getPrototypeOf() { for (;;) {} } }); }`,
      sortProblem(),
      ['TLE'],
    );
  });

  it('a returned array with a looping index getter is TLE', async ({ expect }) => {
    await hostile(
      expect,
      'return: array with a looping index getter',
      `function sortAsc(nums) { const a = [1, 2, 3]; Object.defineProperty(a, 1, { get() { for (;;) {} } }); return a; }`,
      sortProblem(),
      ['TLE'],
    );
  });

  // ---- output floods that keep running ----
  it('catching the output-limit error and printing on is OLE (or TLE: it never stops)', async ({ expect }) => {
    await hostile(
      expect,
      'output: catch the limit error and keep printing',
      `for (;;) { try { console.log('x'.repeat(1000)); } catch (e) {} }`,
      sumProblem(),
      ['OLE', 'TLE'],
    );
  });

  it('an endless console.error flood is TLE (stderr is capped and not judged) or OLE', async ({ expect }) => {
    await hostile(
      expect,
      'output: endless console.error',
      `console.log(5);\nfor (;;) console.error('noise noise noise');`,
      sumProblem(),
      ['TLE', 'OLE'],
    );
  });

  // ---- memory bombs ----
  it('a huge return value (an array of 10^7 numbers) is OLE or MLE', async ({ expect }) => {
    // 10^7 numbers take 40 to 80 MB: building it may exceed 128 MB first (MLE); if it fits, serializing
    // it exceeds the 1 MB output limit (OLE). Built with fill, not a callback per element, so that making
    // it costs well under the 1 s time limit and the test is about the value, not about CPU time.
    await hostile(
      expect,
      'return: array of 10^7 numbers',
      `function sortAsc(nums) { return new Array(1e7).fill(7); }`,
      sortProblem({ memoryMb: 128, outputKb: 1024 }),
      ['OLE', 'MLE'],
    );
  });
  it('an ever-growing promise chain is TLE (or MLE: every link stays pending and holds memory)', async ({ expect }) => {
    // Each link waits on a new promise, so the chain also grows in memory; either limit may come first.
    await hostile(
      expect,
      'loop: nested promise chain p.then(g) returning new promises',
      `function g() { return new Promise((resolve) => resolve()).then(g); }\ng();`,
      sumProblem(),
      ['TLE', 'MLE'],
    );
  });
  it('arrays of arrays without end are MLE', async ({ expect }) => {
    await hostile(
      expect,
      'memory: arrays of arrays',
      `const all = [];\nfor (;;) all.push(new Array(100000).fill(1.5));`,
      sumProblem(),
      ['MLE'],
    );
  });

  it('string doubling with flattening is MLE', async ({ expect }) => {
    // Reading a character flattens the rope, so each doubling really allocates.
    await hostile(
      expect,
      'memory: string doubling, flattened',
      `let s = 'x'; const keep = [];\nfor (;;) { s = s + s; s.charCodeAt(s.length >> 1); keep.push(s); }`,
      sumProblem(),
      ['MLE'],
    );
  });

  it('string doubling of a rope is MLE or RE (V8 throws RangeError: Invalid string length)', async ({ expect }) => {
    // Concatenation builds a rope without copying: V8 reaches its maximum string length
    // (2^29 - 24) before any real memory is used and throws a RangeError.
    await hostile(expect, 'memory: string doubling (rope)', `let s = 'x';\nfor (;;) s += s;`, sumProblem(), [
      'MLE',
      'RE',
    ]);
  });

  it("'x'.repeat(2 ** 30) is MLE or RE (RangeError: Invalid string length)", async ({ expect }) => {
    await hostile(expect, "memory: 'x'.repeat(2 ** 30)", `console.log('x'.repeat(2 ** 30).length);`, sumProblem(), [
      'MLE',
      'RE',
    ]);
  });

  it('new ArrayBuffer(2 ** 31) is MLE', async ({ expect }) => {
    await hostile(
      expect,
      'memory: new ArrayBuffer(2 ** 31)',
      `const b = new ArrayBuffer(2 ** 31);\nnew Uint8Array(b).fill(1);\nconsole.log(5);`,
      sumProblem(),
      ['MLE'],
    );
  });

  it('typed arrays kept alive without end are MLE', async ({ expect }) => {
    await hostile(
      expect,
      'memory: Uint8Array(16 MB) kept forever',
      `const keep = [];\nfor (;;) keep.push(new Uint8Array(16 * 1024 * 1024).fill(1));`,
      sumProblem(),
      ['MLE'],
    );
  });

  it('a Map growing without end is MLE (or TLE: near the heap limit V8 spends its time collecting garbage)', async ({
    expect,
  }) => {
    // Ambiguous: the Map reaches the heap limit only through ever longer garbage collections, so the
    // CPU limit may come first.
    await hostile(
      expect,
      'memory: big Map',
      `const m = new Map();\nfor (let i = 0; ; i++) m.set(i, { i, s: 'v' + i });`,
      sumProblem(),
      ['MLE', 'TLE'],
    );
  });

  // FAILS TODAY: WebAssembly memory is allocated outside the V8 heap and outside the ArrayBuffer
  // allocator that isolated-vm limits, so 256 MB of touched wasm memory under a 64 MB limit is AC
  // (memoryKb ~257000 is reported, but nothing compares it with the limit).
  it('256 MB of WebAssembly memory under a 64 MB limit is MLE', async ({ expect }) => {
    await hostile(
      expect,
      'memory: 256 MB WebAssembly.Memory, touched',
      `const memory = new WebAssembly.Memory({ initial: 4096 });\nnew Uint8Array(memory.buffer).fill(1);\nconsole.log(5);`,
      sumProblem(),
      ['MLE'],
    );
  });

  // FAILS TODAY: TLE "the sandbox was killed after 3500 ms". The fill runs in one C++ builtin that
  // neither the isolate's memory limit nor isolate.dispose() interrupts: the child's RSS grows to about
  // 1.45 GB (64 MB limit), the watchdog cannot end it (left alone it answers MLE after ~15 s, 9.8 s of
  // CPU), so the parent's deadline kills it and reports every kill as TLE. The program needs 800 MB:
  // MLE. (And the next run, queued right after the kill, goes to the dying process: see below.)
  it('new Array(1e8).fill(0) is MLE', async ({ expect }) => {
    await hostile(
      expect,
      'memory: new Array(1e8).fill(0)',
      `const a = new Array(1e8).fill(0);\nconsole.log(a.length);`,
      sumProblem(),
      ['MLE'],
    );
  });

  // ---- recursion that never ends (touches the whole stack: kept near the end, see the last case) ----
  // FAILS TODAY: MLE. The recursion touches the whole 64 MB stack, the child's RSS grows by that much,
  // and when the CPU limit ends it, child.ts calls it MLE because RSS grew past 80% of memoryMb.
  // Stack is bounded by stackMb, not memoryMb: the verdict must be TLE (or RE).
  it('stack overflow caught and recursed again (function f(){try{f()}catch(e){f()}}) is TLE or RE', async ({
    expect,
  }) => {
    // Exponentially many overflows: it either runs out of time, or an overflow escapes a catch (RE).
    await hostile(
      expect,
      'recursion: try{f()}catch{f()}',
      `function f() { try { f(); } catch (e) { f(); } }\nf();`,
      sumProblem(),
      ['TLE', 'RE'],
    );
  });

  // FAILS TODAY: MLE. The same program must get the same verdict run after run, but child.ts decides
  // TLE vs MLE from the growth of the child's RSS since it booted, and RSS never shrinks back after a
  // program touched the 64 MB stack (deep recursion). From then on, every CPU-bound TLE in that process
  // is judged MLE "memory exceeded 64 MB". This case runs last among the limit cases on purpose, so the
  // TLE cases above run in processes that have not recursed deeply.
  it('while (true) {} is TLE even in a process that earlier ran a deep recursion', async ({ expect }) => {
    const overflows = await Promise.all(
      [0, 1].map((index) =>
        run(
          `history: infinite recursion ${index} (touches the 64 MB stack)`,
          `function f(n) { return f(n + 1) + 1; }\nf(0);`,
        ),
      ),
    );
    for (const overflow of overflows) expect(overflow.status).toBe('runtime-error');
    await hostile(
      expect,
      'history: while (true) {} after deep recursion in the same process',
      `while (true) {}`,
      sumProblem(),
      ['TLE'],
    );
  });
});

// Cases that end within their limits without killing anything run concurrently (the pool has 2 processes).
describe.concurrent('hostile submissions that end on their own', () => {
  // ---- escape attempts ----
  it('Function constructor reaches only the fake process: empty env, no mainModule, no binding, no dlopen', async ({
    expect,
  }) => {
    const source = `
      const p = this.constructor.constructor('return process')();
      const g = ({}).constructor.constructor('return this')();
      const req = g.require;
      let cp = 'no-child_process';
      try { req('child_process'); cp = 'CHILD_PROCESS!'; } catch {}
      const facts = [
        'env:' + Object.keys(p.env).length,
        'PATH:' + typeof p.env.PATH,
        'mainModule:' + typeof p.mainModule,
        'binding:' + typeof p.binding,
        'linkedBinding:' + typeof p._linkedBinding,
        'dlopen:' + typeof p.dlopen,
        'kill:' + typeof p.kill,
        'reallyExit:' + typeof p.reallyExit,
        'getBuiltinModule:' + typeof p.getBuiltinModule,
        'require.cache:' + typeof req.cache,
        'require.main:' + typeof req.main,
        'module._load:' + typeof module.constructor._load,
        'same:' + (p === g.process),
        cp,
      ];
      console.log(facts.join(' '));
    `;
    const expected =
      'env:0 PATH:undefined mainModule:undefined binding:undefined linkedBinding:undefined dlopen:undefined kill:undefined reallyExit:undefined getBuiltinModule:undefined require.cache:undefined require.main:undefined module._load:undefined same:true no-child_process\n';
    const result = await judge('escape: constructor.constructor("return process")', source, printsProblem(expected));
    expectVerdict(expect, 'escape: process via Function', result, ['AC']);
    await expectPoolServes(expect, 'escape: process via Function');
  });

  it("require('child_process') is RE", async ({ expect }) => {
    const result = await judge(
      "escape: require('child_process')",
      `const { execSync } = require('child_process'); console.log(String(execSync('echo 5')).trim());`,
      sumProblem(),
    );
    expectVerdict(expect, "require('child_process')", result, ['RE']);
    const prefixed = await judge(
      'escape: require("node:child_process")',
      `require('node:child_process').execSync('id');`,
      sumProblem(),
    );
    expectVerdict(expect, "require('node:child_process')", prefixed, ['RE']);
    await expectPoolServes(expect, "require('child_process')");
  });

  it("require('fs').readFileSync('/etc/passwd') is RE and reads nothing (the expected output IS the host's /etc/passwd)", async ({
    expect,
  }) => {
    const result = await judge(
      'escape: readFileSync(/etc/passwd)',
      `process.stdout.write(require('fs').readFileSync('/etc/passwd', 'utf8'));`,
      printsProblem(HOST_PASSWD),
    );
    expectVerdict(expect, 'readFileSync /etc/passwd', result, ['RE']);
    await expectPoolServes(expect, 'readFileSync /etc/passwd');
  });

  it("require('fs').writeFileSync('/tmp/pwned-…') is RE and creates no file", async ({ expect }) => {
    const result = await judge(
      'escape: writeFileSync(/tmp/pwned-…)',
      `require('fs').writeFileSync(${JSON.stringify(PWNED_PATH)}, 'x'); console.log(5);`,
      sumProblem(),
    );
    expectVerdict(expect, 'writeFileSync', result, ['RE']);
    expect(existsSync(PWNED_PATH), `${PWNED_PATH} must not exist`).toBe(false);
    await expectPoolServes(expect, 'writeFileSync');
  });

  it('no write API of fs reaches the host (each attempt caught; the program prints how many did not throw)', async ({
    expect,
  }) => {
    const source = `
      const fs = require('fs');
      const path = ${JSON.stringify(PWNED_PATH)};
      const attempts = [
        () => fs.writeFileSync(path + '-a', 'x'),
        () => fs.appendFileSync(path + '-b', 'x'),
        () => fs.openSync(path + '-c', 'w'),
        () => fs.writeSync(fs.openSync(path + '-d', 'w'), 'x'),
        () => fs.createWriteStream(path + '-e').write('x'),
        () => fs.mkdirSync(path + '-f'),
        () => fs.writeFileSync('pwned-${MARKER}-g', 'x'),
        () => fs.promises.writeFile(path + '-h', 'x'),
      ];
      let succeeded = 0;
      for (const attempt of attempts) { try { attempt(); succeeded++; } catch {} }
      console.log(succeeded);
    `;
    const result = await judge('escape: every fs write API, caught', source, printsProblem('0\n'));
    expectVerdict(expect, 'fs write APIs', result, ['AC']);
    await expectPoolServes(expect, 'fs write APIs');
  });

  it("dynamic import('fs') gives no host access (compiled by esbuild, which keeps import()); judged WA, not AC", async ({
    expect,
  }) => {
    // The expected output is the host's /etc/passwd: AC would mean the import reached the host's fs.
    const source = `import('fs').then((fs) => process.stdout.write(fs.readFileSync('/etc/passwd', 'utf8'))).catch((e) => console.log('blocked'));`;
    const result = await judge("escape: import('fs')", source, printsProblem(HOST_PASSWD));
    expectVerdict(expect, "import('fs')", result, ['WA']);
    const raw = await run(
      "escape: import('node:fs') raw",
      `import('node:fs').then((fs) => console.log('LEAK ' + fs.readFileSync('/etc/passwd', 'utf8'))).catch((e) => console.log('blocked'));`,
    );
    expect(raw.output).not.toContain('root:');
    expect(raw.status).toBe('ok');
    expect(raw.output).toBe('blocked\n');
    await expectPoolServes(expect, "import('fs')");
  });

  it('fetch is RE (there is none)', async ({ expect }) => {
    const result = await judge(
      'escape: fetch',
      `fetch('http://127.0.0.1:1/').then(() => console.log(5));`,
      sumProblem(),
    );
    expectVerdict(expect, 'fetch', result, ['RE']);
    const others = await judge(
      'escape: network globals are absent',
      `console.log([typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof Deno, typeof Bun].join(' '));`,
      printsProblem('undefined undefined undefined undefined undefined\n'),
    );
    expectVerdict(expect, 'network globals', others, ['AC']);
    await expectPoolServes(expect, 'fetch');
  });

  it('process.binding / _linkedBinding / dlopen are RE', async ({ expect }) => {
    const results = await Promise.all([
      judge("escape: process.binding('fs')", `process.binding('fs'); console.log(5);`, sumProblem()),
      judge("escape: process._linkedBinding('fs')", `process._linkedBinding('fs'); console.log(5);`, sumProblem()),
      judge(
        'escape: process.dlopen',
        `process.dlopen({}, '/lib/x86_64-linux-gnu/libc.so.6'); console.log(5);`,
        sumProblem(),
      ),
    ]);
    for (const result of results) expectVerdict(expect, 'process bindings', result, ['RE']);
    await expectPoolServes(expect, 'process.binding');
  });

  it('walking globalThis finds no isolated-vm object (Reference, Callback, ExternalCopy, ivm)', async ({ expect }) => {
    const source = String.raw`
      const suspicious = /isolated[-_ ]?vm|\bivm\b|\bReference\b|\bCallback\b|ExternalCopy|\bNativeModule\b/;
      const toText = Function.prototype.toString;
      const seen = new Set();
      const found = [];
      function visit(value, path, depth) {
        if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
        if (seen.has(value) || depth > 4) return;
        seen.add(value);
        if (typeof value === 'function') {
          let text = '';
          try { text = toText.call(value); } catch { text = ''; }
          if (suspicious.test(text)) found.push(path + ' = ' + text.slice(0, 60));
        }
        try {
          const ctor = Object.getPrototypeOf(value) && Object.getPrototypeOf(value).constructor;
          if (ctor && suspicious.test(String(ctor.name))) found.push(path + ' instanceof ' + ctor.name);
        } catch {}
        let keys = [];
        try { keys = Reflect.ownKeys(value); } catch {}
        for (const key of keys) {
          const name = typeof key === 'symbol' ? key.toString() : key;
          if (suspicious.test(name)) found.push(path + '.' + name);
          let child;
          try {
            const descriptor = Object.getOwnPropertyDescriptor(value, key);
            child = descriptor && ('value' in descriptor ? descriptor.value : descriptor.get);
          } catch { continue; }
          visit(child, path + '.' + name, depth + 1);
        }
        try { visit(Object.getPrototypeOf(value), path + '.__proto__', depth + 1); } catch {}
      }
      visit(globalThis, 'globalThis', 0);
      console.log(found.length === 0 ? 'clean' : found.slice(0, 10).join('\n'));
    `;
    const result = await judge('escape: globalThis walk for isolated-vm objects', source, printsProblem('clean\n'));
    expectVerdict(expect, 'globalThis walk', result, ['AC']);
    await expectPoolServes(expect, 'globalThis walk');
  });

  it('Error.prepareStackTrace exposes no function or receiver of the judge runtime', async ({ expect }) => {
    const probe = `
      const mine = new Set();
      function leaksFrom(frames) {
        const found = [];
        for (const frame of frames) {
          let fn, self, where = '?';
          try { where = String(frame.getScriptNameOrSourceURL() || frame.getFileName()) + ':' + frame.getLineNumber(); } catch {}
          try { fn = frame.getFunction(); } catch {}
          try { self = frame.getThis(); } catch {}
          if (fn !== undefined && !mine.has(fn)) found.push('function ' + fn.name + ' at ' + where);
          if (self !== undefined && self !== globalThis && !mine.has(self)) found.push('receiver ' + typeof self + ' at ' + where);
        }
        return found;
      }
      function capture() {
        const previous = Error.prepareStackTrace;
        Error.prepareStackTrace = (_error, frames) => frames;
        const holder = {};
        Error.captureStackTrace(holder);
        const frames = holder.stack;
        Error.prepareStackTrace = previous;
        return leaksFrom(frames);
      }
      mine.add(leaksFrom).add(capture);
    `;
    const stdio = await judge(
      'escape: Error.prepareStackTrace frames (stdio)',
      `${probe}\nconst found = capture(); console.log(found.length === 0 ? 'nothing' : found.join('; '));`,
      printsProblem('nothing\n'),
    );
    expectVerdict(expect, 'prepareStackTrace stdio', stdio, ['AC']);
    const functionStyle = await judge(
      'escape: Error.prepareStackTrace frames + f.caller (function)',
      `${probe}\nmine.add(sortAsc);\nfunction sortAsc(nums) { const found = capture(); if (sortAsc.caller !== null) found.push('caller'); return found.length === 0 ? [...nums].sort((a, b) => a - b) : found; }`,
      sortProblem(),
    );
    expectVerdict(expect, 'prepareStackTrace function', functionStyle, ['AC']);
    // A prepareStackTrace that throws while the harness reads the error's stack: still a plain RE.
    const throwing = await judge(
      'escape: prepareStackTrace that throws, then throw',
      `Error.prepareStackTrace = () => { throw new Error('nested'); }; throw new Error('boom');`,
      sumProblem(),
    );
    expectVerdict(expect, 'prepareStackTrace throws', throwing, ['RE']);
    await expectPoolServes(expect, 'prepareStackTrace');
  });

  // ---- output floods ----
  it('console.log in an endless loop is OLE', async ({ expect }) => {
    const result = await judge(
      'output: endless console.log',
      `while (true) console.log('spam spam spam spam');`,
      sumProblem(),
    );
    expectVerdict(expect, 'endless console.log', result, ['OLE']);
    await expectPoolServes(expect, 'endless console.log');
  });

  it('one 10 MB process.stdout.write is OLE; fs.writeSync(1) floods are OLE', async ({ expect }) => {
    const [big, sync] = await Promise.all([
      judge('output: one 10 MB stdout.write', `process.stdout.write('x'.repeat(10 * 1024 * 1024));`, sumProblem()),
      judge(
        'output: fs.writeSync(1) flood',
        `const fs = require('fs'); for (;;) fs.writeSync(1, 'flood flood flood\\n');`,
        sumProblem(),
      ),
    ]);
    expectVerdict(expect, '10 MB write', big, ['OLE']);
    expectVerdict(expect, 'writeSync flood', sync, ['OLE']);
    await expectPoolServes(expect, 'big writes');
  });

  // FAILS TODAY: the harness's serialize() checks the size only when it enters a value, so a single
  // returned string of any size passes (5 MB under outputKb 1024 comes out as status ok, judged WA).
  it('a function returning a 5 MB string is OLE (outputKb 1024)', async ({ expect }) => {
    const result = await judge(
      'output: return a 5 MB string',
      `function sortAsc(nums) { return 'x'.repeat(5 * 1024 * 1024); }`,
      sortProblem({ outputKb: 1024, memoryMb: 128 }),
    );
    expectVerdict(expect, 'return 5 MB string', result, ['OLE']);
    await expectPoolServes(expect, 'return 5 MB string');
  });

  // ---- recursion ----
  it('recursion 200000 deep is AC under stackMb 64', async ({ expect }) => {
    const source = `function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }\nconsole.log(depth(200000));`;
    const result = await judge('recursion: 200000 deep', source, printsProblem('200000\n'));
    expectVerdict(expect, 'recursion 200000', result, ['AC']);
    await expectPoolServes(expect, 'recursion 200000');
  });

  it('infinite recursion is RE (Maximum call stack size exceeded)', async ({ expect }) => {
    const result = await judge(
      'recursion: infinite',
      `function f(n) { return f(n + 1) + 1; }\nconsole.log(f(0));`,
      sumProblem(),
    );
    expectVerdict(expect, 'infinite recursion', result, ['RE']);
    expect(result.tests[0]?.message ?? '').toMatch(/call stack/i);
    await expectPoolServes(expect, 'infinite recursion');
  });

  // ---- results the harness must serialize ----
  it('a circular return value is RE', async ({ expect }) => {
    const result = await judge(
      'return: circular array',
      `function sortAsc(nums) { const a = [1, 2, 3]; a.push(a); return a; }`,
      sortProblem(),
    );
    expectVerdict(expect, 'circular return', result, ['RE']);
    const deep = await judge(
      'return: nested 100000 deep',
      `function sortAsc(nums) { let v = [1, 2, 3]; for (let i = 0; i < 100000; i++) v = [v]; return v; }`,
      sortProblem(),
    );
    expectVerdict(expect, 'deeply nested return', deep, ['RE']);
    const fn = await judge('return: a function', `function sortAsc(nums) { return [1, 2, () => 3]; }`, sortProblem());
    expectVerdict(expect, 'function in return', fn, ['RE']);
    await expectPoolServes(expect, 'circular return');
  });

  it('a returned Proxy with honest traps is judged by its value (AC)', async ({ expect }) => {
    const result = await judge(
      'return: forwarding Proxy of the right answer',
      `function sortAsc(nums) { return new Proxy([...nums].sort((a, b) => a - b), {}); }`,
      sortProblem(),
    );
    expectVerdict(expect, 'forwarding Proxy', result, ['AC']);
    const lying = await judge(
      'return: Proxy of a wrong answer with a toJSON trap',
      `function sortAsc(nums) { return new Proxy([9, 9, 9], { get(t, k) { return k === 'toJSON' ? () => [1, 2, 3] : t[k]; } }); }`,
      sortProblem(),
    );
    expectVerdict(expect, 'Proxy with toJSON trap', lying, ['WA']);
    await expectPoolServes(expect, 'returned Proxy');
  });

  // ---- tampering with builtins to fool the checker ----
  it('JSON.stringify replaced by a function returning the expected answer: still WA', async ({ expect }) => {
    const result = await judge(
      'tamper: JSON.stringify = () => "[1,2,3]"',
      `JSON.stringify = () => '[1,2,3]';\nfunction sortAsc(nums) { JSON.stringify = () => '[1,2,3]'; return [9, 9, 9]; }`,
      sortProblem(),
    );
    expectVerdict(expect, 'JSON.stringify patched', result, ['WA']);
    await expectPoolServes(expect, 'JSON.stringify patched');
  });

  it('Array.prototype.toJSON / Object.prototype.toJSON returning the expected answer: still WA', async ({ expect }) => {
    const [arrayToJson, objectToJson] = await Promise.all([
      judge(
        'tamper: Array.prototype.toJSON',
        `Array.prototype.toJSON = function () { return [1, 2, 3]; };\nfunction sortAsc(nums) { return [9, 9, 9]; }`,
        sortProblem(),
      ),
      judge(
        'tamper: Object.prototype.toJSON',
        `Object.prototype.toJSON = function () { return [1, 2, 3]; };\nfunction sortAsc(nums) { return { wrong: true }; }`,
        sortProblem(),
      ),
    ]);
    expectVerdict(expect, 'Array.prototype.toJSON', arrayToJson, ['WA']);
    expectVerdict(expect, 'Object.prototype.toJSON', objectToJson, ['WA']);
    await expectPoolServes(expect, 'toJSON');
  });

  it('patching Array.prototype.sort, String.prototype, Object.keys, Array.isArray, JSON.parse: still WA', async ({
    expect,
  }) => {
    const patches = `
      Array.prototype.sort = function () { return [1, 2, 3]; };
      Array.prototype.join = function () { return '1,2,3'; };
      Array.prototype.map = function () { return [1, 2, 3]; };
      String.prototype.trim = function () { return '[1,2,3]'; };
      String.prototype.split = function () { return ['[1,2,3]']; };
      String.prototype.replace = function () { return '[1,2,3]'; };
      String.prototype.slice = function () { return '[1,2,3]'; };
      String.prototype.toString = function () { return '[1,2,3]'; };
      Number.prototype.toString = function () { return '1,2,3'; };
      Object.keys = () => [];
      Array.isArray = () => false;
      JSON.parse = () => [[1, 2, 3]];
      Reflect.apply = () => [1, 2, 3];
      Set.prototype.has = () => false;
      Object.defineProperty(Array.prototype, Symbol.iterator, { value: function* () { yield 1; yield 2; yield 3; } });
    `;
    const [sortResult, unordered] = await Promise.all([
      judge(
        'tamper: sort/String.prototype/... (exact checker)',
        `${patches}\nfunction sortAsc(nums) { return [3, 1, 2]; }`,
        sortProblem(),
      ),
      judge(
        'tamper: sort/String.prototype/... (unordered checker)',
        `${patches}\nfunction pairs(nums) { return [[1, 2], [1, 3]]; }`,
        unorderedProblem(),
      ),
    ]);
    expectVerdict(expect, 'builtins patched, exact', sortResult, ['WA']);
    expectVerdict(expect, 'builtins patched, unordered', unordered, ['WA']);
    await expectPoolServes(expect, 'builtins patched');
  });

  it('returning the expected answer as a JSON string is WA', async ({ expect }) => {
    const result = await judge(
      'tamper: return the string "[1,2,3]"',
      `function sortAsc(nums) { return '[1,2,3]'; }`,
      sortProblem(),
    );
    expectVerdict(expect, 'string instead of array', result, ['WA']);
    await expectPoolServes(expect, 'string instead of array');
  });

  it('stdio: patched builtins do not change what was printed (wrong stays WA, right stays AC)', async ({ expect }) => {
    const patches = `String.prototype.trim = () => '5'; String.prototype.split = () => ['5']; JSON.stringify = () => '"5"'; Array.prototype.join = () => '5';`;
    const [wrong, right] = await Promise.all([
      judge('tamper: stdio patches + wrong output', `${patches}\nconsole.log(6);`, sumProblem()),
      judge('tamper: stdio patches + right output', `${patches}\nconsole.log(5);`, sumProblem()),
    ]);
    expectVerdict(expect, 'stdio patched, wrong', wrong, ['WA']);
    expectVerdict(expect, 'stdio patched, right', right, ['AC']);
    await expectPoolServes(expect, 'stdio patched');
  });

  it('stdio: redefining console.log / process.stdout.write after output cannot change it', async ({ expect }) => {
    const [wrong, right] = await Promise.all([
      judge(
        'tamper: print 6, then silence console.log and print 5',
        `console.log(6);\nconsole.log = () => {}; process.stdout.write = () => true;\nconsole.log(5);`,
        sumProblem(),
      ),
      judge(
        'tamper: print 5, then console.log = noop and print junk',
        `console.log(5);\nconsole.log = function () {};\nconsole.log('junk');`,
        sumProblem(),
      ),
    ]);
    expectVerdict(expect, 'console.log redefined, wrong', wrong, ['WA']);
    expectVerdict(expect, 'console.log redefined, right', right, ['AC']);
    await expectPoolServes(expect, 'console.log redefined');
  });

  it('stdio: process.exit(0) mid-way judges the output so far (AC); exit(2) and exitCode = 1 are RE', async ({
    expect,
  }) => {
    const [exitZero, exitTwo, exitCode] = await Promise.all([
      judge(
        'exit: print 5, process.exit(0), print junk',
        `console.log(5);\nprocess.exit(0);\nconsole.log('junk');`,
        sumProblem(),
      ),
      judge('exit: print 5, process.exit(2)', `console.log(5);\nprocess.exit(2);`, sumProblem()),
      judge('exit: print 5, process.exitCode = 1', `console.log(5);\nprocess.exitCode = 1;`, sumProblem()),
    ]);
    expectVerdict(expect, 'process.exit(0)', exitZero, ['AC']);
    expectVerdict(expect, 'process.exit(2)', exitTwo, ['RE']);
    expectVerdict(expect, 'process.exitCode = 1', exitCode, ['RE']);
    await expectPoolServes(expect, 'process.exit');
  });

  // FAILS TODAY: process.exit() is implemented by throwing a marker object, which the program can
  // catch and keep printing; Node never returns from process.exit, so only "5" is output (AC).
  // The sandbox judges "5\njunk\n" (WA).
  it('stdio: process.exit(0) inside try/catch still ends the program (AC, the later output is not judged)', async ({
    expect,
  }) => {
    const result = await judge(
      'exit: process.exit(0) caught by try/catch, then print junk',
      `console.log(5);\ntry { process.exit(0); } catch (e) {}\nconsole.log('junk');`,
      sumProblem(),
    );
    expectVerdict(expect, 'caught process.exit', result, ['AC']);
  });

  // FAILS TODAY: an unhandled rejection is reported by isolated-vm to the host as the error of the
  // harness call, and child.ts turns it into SE "sandbox failure: boom". Node exits with code 1: RE.
  it('an unhandled promise rejection is RE, never SE', async ({ expect }) => {
    const [rejected, asyncMain] = await Promise.all([
      judge(
        'rejection: Promise.reject(new Error("boom"))',
        `console.log(5);\nPromise.reject(new Error('boom'));`,
        sumProblem(),
      ),
      judge(
        'rejection: async main() throws',
        `async function main() { console.log(5); throw new Error('boom'); }\nmain();`,
        sumProblem(),
      ),
    ]);
    expectVerdict(expect, 'unhandled rejection', rejected, ['RE']);
    expectVerdict(expect, 'async main throws', asyncMain, ['RE']);
  });

  // FAILS TODAY: an unhandled rejection from a failed dynamic import('fs') is SE as well (same cause).
  it("dynamic import('fs') left unhandled is RE, never SE", async ({ expect }) => {
    const result = await judge(
      "rejection: import('fs') unhandled",
      `import('fs').then((fs) => process.stdout.write(fs.readFileSync('/etc/passwd', 'utf8')));`,
      printsProblem(HOST_PASSWD),
    );
    expectVerdict(expect, "unhandled import('fs')", result, ['RE']);
  });

  // ---- isolation between submissions and between tests ----
  it("two submissions cannot see each other's globals", async ({ expect }) => {
    const writer = await judge(
      'isolation: submission A sets globals and pollutes prototypes',
      `globalThis.leak = 42; Object.prototype.polluted = 'yes'; Array.prototype.extra = 1; JSON.stringify = () => 'x'; console.log(5);`,
      sumProblem(),
    );
    expectVerdict(expect, 'isolation writer', writer, ['AC']);
    const reader = await judge(
      'isolation: submission B reads them',
      `console.log([typeof globalThis.leak, typeof ({}).polluted, typeof [].extra, JSON.stringify([1])].join(' '));`,
      printsProblem('undefined undefined undefined [1]\n'),
    );
    expectVerdict(expect, 'isolation reader', reader, ['AC']);
  });

  it('two tests of the same submission get fresh globals', async ({ expect }) => {
    const problem = makeProblem({
      tests: ['1', '2', '3'].map((id) => ({ id, input: `${id}\n`, expected: 'fresh\n' })),
    });
    const source = `
      const stale = [];
      if (globalThis.counter !== undefined) stale.push('global');
      if (({}).polluted !== undefined) stale.push('Object.prototype');
      if (Array.prototype.push.patched) stale.push('Array.prototype.push');
      if (typeof require('fs').leaked !== 'undefined') stale.push('fs module');
      if (process.exitCode !== undefined) stale.push('process.exitCode');
      globalThis.counter = 1;
      Object.prototype.polluted = true;
      const push = Array.prototype.push; Array.prototype.push = function (...a) { return push.apply(this, a); }; Array.prototype.push.patched = true;
      require('fs').leaked = true;
      console.log(stale.length === 0 ? 'fresh' : 'stale: ' + stale.join(', '));
    `;
    const result = await judge('isolation: 3 tests of one submission', source, problem);
    expectVerdict(expect, 'fresh globals per test', result, ['AC']);
    expect(result.tests.map((test) => test.verdict)).toEqual(['AC', 'AC', 'AC']);
  });
});

// The PoC of issue 7: a cleanup callback that loops, run by V8 after its test ended, inside the isolate
// the submission's next tests reuse. Every test must get its own verdict (AC), none TLE, and a second
// submission judged at the same time by the same single sandbox process must not wait for it.
describe.sequential('work a test leaves behind dies with it', () => {
  const LEFTOVER_TESTS = 13;
  const leftoverProblem = (): JudgeableProblem =>
    makeProblem({
      tests: Array.from({ length: LEFTOVER_TESTS }, (_, index) => ({
        id: String(index + 1),
        input: '2 3\n',
        expected: '5\n',
      })),
    });
  const FINALIZER_LOOP = `
    const registry = new FinalizationRegistry(() => { while (true) {} });
    globalThis.keepRegistry = registry;
    for (let i = 0; i < 1000; i++) registry.register({ payload: new Array(100) }, i);
    const garbage = [];
    for (let i = 0; i < 100000; i++) garbage.push({ i });
    ${SUM_SOURCE}`;

  let sharedPool: SandboxPool;
  beforeAll(async () => {
    sharedPool = new SandboxPool({ size: 1 });
    await sharedPool.warm(64, 1);
  }, 60_000);
  afterAll(async () => {
    await sharedPool?.close();
  });

  const judgeOn = (
    runner: SandboxPool,
    name: string,
    source: string,
    problem: JudgeableProblem,
  ): Promise<JudgeResult> =>
    judgeSubmission(
      { problem, source, language: 'javascript', sandboxKey: sandboxKey(name) },
      { runner, concurrency: 1 },
    );

  it('a FinalizationRegistry whose cleanup loops: all 13 tests AC, none TLE', async ({ expect }) => {
    const result = await judge(
      'leftover: looping FinalizationRegistry cleanup, 13 tests',
      FINALIZER_LOOP,
      leftoverProblem(),
    );
    expect(
      result.tests.map((test) => test.verdict),
      describeResult(result),
    ).toEqual(Array<Verdict>(LEFTOVER_TESTS).fill('AC'));
  }, 120_000);

  it('another submission sharing the sandbox process is not held up by it', async ({ expect }) => {
    const hostileRun = judgeOn(
      sharedPool,
      'leftover: looping cleanup on a shared process',
      FINALIZER_LOOP,
      leftoverProblem(),
    );
    const victimWalls: number[] = [];
    let hostileDone = false;
    void hostileRun.finally(() => (hostileDone = true));
    // Trivial submissions, one after another, for as long as the hostile one is being judged.
    do {
      const started = performance.now();
      const victim = await judgeOn(sharedPool, 'leftover: victim', SUM_SOURCE, sumProblem());
      victimWalls.push(Math.round(performance.now() - started));
      expectVerdict(expect, 'victim next to a looping cleanup', victim, ['AC']);
    } while (!hostileDone);
    const hostileResult = await hostileRun;
    // A victim's test waits for at most one hostile test (a few ms); a stalled process took 5.5 s.
    expect.soft(Math.max(...victimWalls), `victim wall times ${victimWalls.join(', ')} ms`).toBeLessThan(2000);
    expect
      .soft(
        hostileResult.tests.map((test) => test.verdict),
        describeResult(hostileResult),
      )
      .toEqual(Array<Verdict>(LEFTOVER_TESTS).fill('AC'));
  }, 120_000);
});

describe.sequential('after all hostile submissions', () => {
  it('the pool still judges a normal submission (TypeScript, several tests) as AC', async ({ expect }) => {
    const problem = makeProblem({
      tests: [
        { id: '1', input: '2 3\n', expected: '5\n' },
        { id: '2', input: '-7 7\n', expected: '0\n' },
        { id: '3', input: '1000000 2000000\n', expected: '3000000\n' },
      ],
    });
    const source = `import { readFileSync } from 'fs';\nconst [a, b]: number[] = readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(a! + b!);\n`;
    const result = await judge('final: a normal TypeScript submission', source, problem, 'typescript');
    expectVerdict(expect, 'final AC', result, ['AC']);
    expect(result.tests.map((test) => test.verdict)).toEqual(['AC', 'AC', 'AC']);
  });

  it('nothing on the host changed: no marker files, same environment, same working directory', () => {
    const leftovers = readdirSync('/tmp').filter((name) => name.includes(MARKER));
    globalExpect(leftovers, 'files created in /tmp by hostile programs').toEqual([]);
    globalExpect(readdirSync(process.cwd()).filter((name) => name.includes(MARKER))).toEqual([]);
    globalExpect(existsSync(PWNED_PATH)).toBe(false);
    globalExpect({ ...process.env }).toEqual(envBefore);
    globalExpect(process.cwd()).toBe(cwdBefore);
  });
});
