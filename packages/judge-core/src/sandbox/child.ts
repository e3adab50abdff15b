// A sandbox process: runs one test at a time inside isolated-vm and reports the outcome to its parent.
// It lives in its own process because V8 can abort the whole process when an isolate runs out of
// memory, and because some isolated-vm calls ignore their timeout; the parent kills and replaces us then.
import ivm from 'isolated-vm';
import { wallDeadlineMs, type ExecutionOutcome, type ExecutionRequest, type ExecutionStatus } from './runner.ts';
import type { ChildMessage, ParentMessage } from './protocol.ts';
import { loadPrelude } from './runtime/bundle.ts';

/** The runtime every fresh context gets before the learner's code: runtime/isolate/, bundled into one script. */
const PRELUDE_SOURCE = loadPrelude();
/** Released contexts are only reclaimed under memory pressure, so an isolate is retired after this many tests. */
const TESTS_PER_ISOLATE = 32;
/** Heap the runtime itself needs on top of the learner's memory limit. */
const RUNTIME_HEAP_MB = 16;
const WATCHDOG_INTERVAL_MS = 5;
const HEAP_STATISTICS_WAIT_MS = 5;
/** An isolate left idle this long is disposed, so its memory is not held until the next submission arrives. */
const IDLE_DISPOSE_MS = 200;

interface HarnessReport {
  exited: boolean;
  exitCode: number;
  outputExceeded: boolean;
  error: { name: string; message: string; line: number; column: number } | null;
  more?: boolean;
  /** The report of the test's end ('finish', or a 'step' that found nothing left to run). */
  finished?: boolean;
  /** The value is the text after the report's first newline. */
  valueFollows?: boolean;
  stdout?: string;
  stderr?: string;
  value?: string | null;
  /** The program used something V8 may run after the test's last phase (see the prelude). */
  leavesWork?: boolean;
}

interface SubmissionIsolate {
  key: string;
  memoryMb: number;
  isolate: ivm.Isolate;
  prelude: ivm.Script;
  testsRun: number;
  /** Dispose of the isolate once this test is measured: the test may have left work for V8 to run later. */
  retireAfterTest: boolean;
  /** The used heap once the running test's fresh context was ready, before the program ran. */
  heapKbAtTestStart: number;
}

/**
 * The isolates of the submissions this process ran last, most recently used last. A judge worker runs a
 * few submissions at once and their tests interleave in every sandbox process, so keeping one isolate per
 * submission (rather than only the last one) spares recreating an isolate for almost every test. Tests of
 * different keys never share an isolate; every test still gets a fresh context.
 */
const isolates = new Map<string, SubmissionIsolate>();
/** How many submissions' isolates a process keeps at once (a worker judges about twice the pool size at once). */
const MAX_ISOLATES = 6;
/** An isolate using more heap than this after a test is disposed rather than kept. */
const KEEP_ISOLATE_MAX_HEAP_KB = 64 * 1024;
/** The isolate of the test running now (at most one test runs at a time). */
let current: SubmissionIsolate | undefined;

function retire(entry: SubmissionIsolate): void {
  if (isolates.get(entry.key) === entry) isolates.delete(entry.key);
  if (current === entry) current = undefined;
  if (!entry.isolate.isDisposed) entry.isolate.dispose();
}

function retireAllIsolates(): void {
  for (const entry of [...isolates.values()]) retire(entry);
  current = undefined;
}

/**
 * V8's code cache of the prelude, made by the first compile in this process (before anything ran), so that
 * each new isolate skips parsing it again.
 */
let preludeCodeCache: ivm.ExternalCopy<ArrayBuffer> | undefined;

function compilePrelude(isolate: ivm.Isolate): ivm.Script {
  // isolated-vm sets these on the script, though its types do not say so.
  type CompiledScript = ivm.Script & { cachedData?: ivm.ExternalCopy<ArrayBuffer>; cachedDataRejected?: boolean };
  if (preludeCodeCache) {
    const script: CompiledScript = isolate.compileScriptSync(PRELUDE_SOURCE, {
      filename: 'judge-runtime.js',
      cachedData: preludeCodeCache,
    });
    if (script.cachedDataRejected === true) preludeCodeCache = undefined;
    return script;
  }
  const script: CompiledScript = isolate.compileScriptSync(PRELUDE_SOURCE, {
    filename: 'judge-runtime.js',
    produceCachedData: true,
  });
  preludeCodeCache = script.cachedData;
  return script;
}

function isolateFor(request: ExecutionRequest): SubmissionIsolate {
  const cached = isolates.get(request.sandboxKey);
  if (cached) {
    isolates.delete(cached.key);
    if (
      cached.memoryMb === request.limits.memoryMb &&
      cached.testsRun < TESTS_PER_ISOLATE &&
      !cached.isolate.isDisposed
    ) {
      isolates.set(cached.key, cached);
      current = cached;
      return cached;
    }
    retire(cached);
  }
  while (isolates.size >= MAX_ISOLATES) retire(isolates.values().next().value!);
  const isolate = new ivm.Isolate({ memoryLimit: request.limits.memoryMb + RUNTIME_HEAP_MB });
  const prelude = compilePrelude(isolate);
  current = {
    key: request.sandboxKey,
    memoryMb: request.limits.memoryMb,
    isolate,
    prelude,
    testsRun: 0,
    retireAfterTest: false,
    heapKbAtTestStart: 0,
  };
  isolates.set(current.key, current);
  return current;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** RSS growth up to this much over the heap's own growth is page noise, not the test's memory. */
const RSS_NOISE_KB = 8 * 1024;

function usedHeapKb(heap: ivm.HeapStatistics): number {
  return Math.round((heap.used_heap_size + heap.externally_allocated_size) / 1024);
}

/**
 * The isolate's heap in use after the test. The call waits for the isolate's lock, which garbage
 * collection can hold for a long time after a heavy test; then the RSS growth has to do.
 */
async function heapKbOf(isolate: ivm.Isolate): Promise<number> {
  if (isolate.isDisposed) return 0;
  let timer: NodeJS.Timeout | undefined;
  const heap = await Promise.race([
    isolate.getHeapStatistics().catch(() => undefined),
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), HEAP_STATISTICS_WAIT_MS);
    }),
  ]);
  // Otherwise the timer wakes this process up once more after every test.
  clearTimeout(timer);
  return heap ? usedHeapKb(heap) : 0;
}

/** Ends this process after reporting: for when the isolate cannot be stopped from inside. */
type Abandon = (outcome: ExecutionOutcome) => void;

async function runTest(request: ExecutionRequest, abandon: Abandon): Promise<ExecutionOutcome> {
  const outcome = await runTestInIsolate(request, abandon);
  if (outcome.status !== 'memory-limit' && current) {
    const heapKb = await heapKbOf(current.isolate);
    // The test's own memory: what the heap grew by since its fresh context was made (the garbage earlier
    // tests left in the isolate is not the test's). The process's RSS growth counts only when it is well
    // past that (memory outside the isolate's accounting); below, it is pages that a fresh isolate or the
    // allocator happened to touch, which made identical tests differ.
    if (heapKb > 0) {
      const heapGrowthKb = Math.max(0, heapKb - current.heapKbAtTestStart);
      outcome.memoryKb = outcome.memoryKb - heapGrowthKb > RSS_NOISE_KB ? outcome.memoryKb : heapGrowthKb;
    }
    // An isolate whose heap grew large is not kept for the submission's next tests: its garbage is only
    // reclaimed under memory pressure, and several isolates are kept at once.
    if ((heapKb > KEEP_ISOLATE_MAX_HEAP_KB || current.retireAfterTest) && current) retire(current);
  } else if (current) {
    retire(current);
  }
  return outcome;
}

async function runTestInIsolate(request: ExecutionRequest, abandon: Abandon): Promise<ExecutionOutcome> {
  const entry = isolateFor(request);
  const { isolate, prelude } = entry;
  entry.testsRun++;
  const timeLimitMs = request.limits.timeMs;
  // `timeout` in isolated-vm is wall-clock; CPU time is what we judge (watchdog below).
  const wallLimitMs = wallDeadlineMs(request.limits);
  const context = isolate.createContextSync();
  let harness: ivm.Reference<(phase: string, payload: string, input: string) => string> | undefined;
  let cpuExceeded = false;
  // Heap statistics block while the isolate runs, but our own RSS does not: its peak tells a
  // program that thrashes the garbage collector near the memory limit from one that just loops.
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const MB = 1024 * 1024;
  // Some allocations bypass the isolate's limit (WebAssembly memory, a huge array filled by a
  // builtin that never yields): past this much growth the process reports MLE and ends itself.
  const hardRssGrowth = (request.limits.memoryMb + request.limits.stackMb + RUNTIME_HEAP_MB + 64) * MB;
  const watchdog = setInterval(() => {
    const rss = process.memoryUsage.rss();
    peakRss = Math.max(peakRss, rss);
    if (rss - startRss > hardRssGrowth) {
      abandon(finish('memory-limit', '', `memory exceeded ${request.limits.memoryMb} MB`));
      return;
    }
    if (cpuMsSince(cpuStart) > timeLimitMs + 50 && !isolate.isDisposed) {
      cpuExceeded = true;
      isolate.dispose();
    }
  }, WATCHDOG_INTERVAL_MS);

  const finish = (
    status: ExecutionStatus,
    output: string,
    message?: string,
    errorAt?: HarnessReport['error'],
  ): ExecutionOutcome => {
    const cpuMs = Math.round(cpuMsSince(cpuStart));
    const grownKb = Math.round((peakRss - startRss) / 1024);
    const memoryKb = status === 'memory-limit' ? request.limits.memoryMb * 1024 : grownKb;
    const outcome: ExecutionOutcome = { status, output, cpuMs, memoryKb };
    if (message !== undefined) outcome.message = message;
    if (errorAt && errorAt.line > 0) outcome.errorLocation = { line: errorAt.line, column: errorAt.column };
    if (status === 'ok' && cpuMs > timeLimitMs) return { ...outcome, status: 'time-limit', output: '' };
    return outcome;
  };

  try {
    harness = prelude.runSync(context, { reference: true });
    entry.heapKbAtTestStart = usedHeapKb(isolate.getHeapStatisticsSync());
    const callPhase = async (phase: string, payload = '', input = ''): Promise<HarnessReport> => {
      const remaining = Math.max(1, Math.ceil(wallLimitMs - (performance.now() - wallStart)));
      const text = await harness!.apply(undefined, [phase, payload, input], {
        arguments: { copy: true },
        result: { copy: true },
        timeout: remaining,
      });
      // A finished test's value (JSON text) follows its report after the first newline.
      const split = text.indexOf('\n');
      if (split === -1) return JSON.parse(text) as HarnessReport;
      const report = JSON.parse(text.slice(0, split)) as HarnessReport;
      if (report.valueFollows) report.value = text.slice(split + 1);
      return report;
    };

    let report = await callPhase(
      'start',
      JSON.stringify({
        code: request.code,
        style: request.style,
        entry: request.entry ?? '',
        outputLimit: request.limits.outputKb * 1024,
      }),
      // Passed as a string of its own: megabytes of stdin are copied in, not escaped into JSON and parsed.
      request.input,
    );
    if (!report.exited && request.style === 'stdio') report = await callPhase('stdin');
    // Each step runs the next due timer; the step that finds none (or finds the program exited) finishes the test.
    do {
      report = await callPhase('step');
    } while (!report.finished && !report.exited && report.more === true);
    if (!report.finished) report = await callPhase('finish');
    if (report.leavesWork) entry.retireAfterTest = true;

    if (report.outputExceeded) return finish('output-limit', '', `output exceeded ${request.limits.outputKb} KB`);
    if (report.error) {
      const memory = /Array buffer allocation failed|Invalid array length|Invalid string length/.test(
        report.error.message,
      );
      if (memory && report.error.name === 'RangeError') return finish('memory-limit', '', report.error.message);
      return finish('runtime-error', '', `${report.error.name}: ${report.error.message}`.slice(0, 1000), report.error);
    }
    if (report.exitCode !== 0) return finish('runtime-error', '', `the program exited with code ${report.exitCode}`);
    return finish('ok', request.style === 'function' ? (report.value ?? 'null') : (report.stdout ?? ''));
  } catch (error) {
    // The program was stopped, or left a rejection unhandled, before the harness reported what it used.
    entry.retireAfterTest = true;
    const text = error instanceof Error ? error.message : String(error);
    if (cpuExceeded) {
      // A program thrashing the garbage collector near its limit burns CPU too. Its RSS grew by about
      // the memory limit; a deep recursion's touched stack pages count for at most the stack size.
      const nearMemoryLimit = peakRss - startRss > (request.limits.memoryMb * 0.8 + request.limits.stackMb * 0.5) * MB;
      if (nearMemoryLimit) return finish('memory-limit', '', `memory exceeded ${request.limits.memoryMb} MB`);
      return finish('time-limit', '', `CPU time exceeded ${timeLimitMs} ms`);
    }
    if (/timed out/i.test(text))
      return finish('time-limit', '', `did not finish within ${wallLimitMs} ms of wall time`);
    if (/memory limit/i.test(text)) return finish('memory-limit', '', `memory exceeded ${request.limits.memoryMb} MB`);
    if (isolate.isDisposed) return finish('memory-limit', '', 'the sandbox ran out of memory');
    // The harness itself never throws: what reaches us is a rejection the program left unhandled,
    // which isolated-vm copies out after the microtask checkpoint. Node exits with code 1 on it.
    return finish('runtime-error', '', `Uncaught (in promise) ${text}`.slice(0, 1000));
  } finally {
    clearInterval(watchdog);
    harness?.release();
    if (!isolate.isDisposed) context.release();
    if (isolate.isDisposed && current) retire(current);
  }
}

function send(message: ChildMessage): void {
  process.send!(message);
}

let idleTimer: NodeJS.Timeout | undefined;

function afterTest(): void {
  if (current && current.testsRun >= TESTS_PER_ISOLATE) retire(current);
  current = undefined;
  idleTimer = setTimeout(retireAllIsolates, IDLE_DISPOSE_MS);
}

process.on('message', (message: ParentMessage) => {
  if (message.type !== 'execute') return;
  clearTimeout(idleTimer);
  let abandoned = false;
  const abandon: Abandon = (outcome) => {
    if (abandoned) return;
    abandoned = true;
    process.send!({ type: 'result', id: message.id, outcome, retiring: true } satisfies ChildMessage, () =>
      process.exit(0),
    );
  };
  runTest(message.request, abandon).then(
    (outcome) => {
      if (abandoned) return;
      send({ type: 'result', id: message.id, outcome });
      afterTest();
    },
    (error: unknown) =>
      send({
        type: 'result',
        id: message.id,
        outcome: {
          status: 'system-error',
          output: '',
          cpuMs: 0,
          memoryKb: 0,
          message: `sandbox failure: ${String(error)}`,
        },
      }),
  );
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
