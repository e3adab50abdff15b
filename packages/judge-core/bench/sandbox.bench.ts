// Benchmarks the sandbox: the fixed cost of a test inside a warm SandboxPool, against what a
// process-per-test judge pays, and how much slower learner code runs in the sandbox than in plain Node.
//
//   npm run bench               a readable table on stdout
//   npm run bench -- --json     one JSON line on stdout (the table goes to stderr)
//   ... --rounds N              measured rounds of the ratio workloads (default 7)
//
// Timings are noisy on small shared machines, so everything is warmed up, reported as medians, and the
// sandboxed and bare measurements of each workload are interleaved (alternating which goes first).
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { SandboxPool, type ExecutionOutcome, type ExecutionRequest, type SandboxLimits } from '../src/index.ts';

const args = process.argv.slice(2);
const jsonMode = args.includes('--json');
const roundsArg = args.indexOf('--rounds');
const ROUNDS = roundsArg >= 0 ? Math.max(1, Number(args[roundsArg + 1]) || 7) : 7;

const OVERHEAD_WARMUP = 50;
const OVERHEAD_RUNS = 300;
const SUBMISSION_WARMUP = 10;
const SUBMISSION_RUNS = 100;
const PROCESS_WARMUP = 5;
const PROCESS_RUNS = 30;

const GOAL_OVERHEAD_MS = 2;
const GOAL_RATIO = 1.15;

const STACK_MB = 64;
const TRIVIAL_LIMITS: SandboxLimits = { timeMs: 1000, memoryMb: 256, outputKb: 1024, stackMb: STACK_MB };
/** Generous time limit so a busy machine never turns a measurement into a TLE; a judge-like memory limit. */
const HEAVY_LIMITS: SandboxLimits = { timeMs: 10_000, memoryMb: 256, outputKb: 1024, stackMb: STACK_MB };

const log = (line: string): void => void process.stderr.write(`${line}\n`);

// ---- statistics -------------------------------------------------------------------------------------

interface Summary {
  median: number;
  p90: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
  n: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    median: median(values),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    mean,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    n: values.length,
  };
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

// ---- the sandbox side -----------------------------------------------------------------------------

class BenchFailure extends Error {}

interface SandboxSample {
  outcome: ExecutionOutcome;
  wallMs: number;
}

async function timedRun(pool: SandboxPool, request: ExecutionRequest, expected: string): Promise<SandboxSample> {
  const start = performance.now();
  const outcome = await pool.execute(request);
  const wallMs = performance.now() - start;
  if (outcome.status !== 'ok' || outcome.output.trim() !== expected) {
    throw new BenchFailure(
      `sandbox run of ${request.sandboxKey} gave ${outcome.status} ${JSON.stringify(outcome.output.slice(0, 200))}` +
        `${outcome.message ? ` (${outcome.message})` : ''}, expected ${JSON.stringify(expected)}`,
    );
  }
  return { outcome, wallMs };
}

const trivialRequest = (sandboxKey: string): ExecutionRequest => ({
  sandboxKey,
  code: 'console.log(1)',
  fileName: 'solution.js',
  style: 'stdio',
  input: '',
  limits: TRIVIAL_LIMITS,
});

// ---- the bare Node side ------------------------------------------------------------------------------

interface BareSample {
  cpuMs: number;
  wallMs: number;
  output: string;
}

/**
 * The sandbox's cpuMs is process.cpuUsage() of a --single-threaded-gc process that has run tests before,
 * around a fresh isolate. Bare Node is measured with the same clock in the same kind of process:
 * - the same flag: otherwise bare Node's parallel GC threads add their CPU time to process.cpuUsage();
 * - a process that has run a program before: the first big program in a fresh process spends 150-200 ms
 *   of system time faulting in fresh heap pages, which a sandbox process that has run tests does not.
 *   So the program runs in a worker thread (a fresh isolate, like the sandbox's) twice: once unmeasured,
 *   then measured. (A vm context would not do: its globals are looked up through interceptors.)
 */
const BARE_NODE_FLAGS = ['--single-threaded-gc'];

/** Put before the program in each worker: fs.readFileSync(0) returns a fresh copy of stdin (read once by the main thread). */
const BARE_WORKER_PRELUDE = `(() => {
  const { workerData } = require('node:worker_threads');
  const fs = require('node:fs');
  const readFileSync = fs.readFileSync;
  fs.readFileSync = function (file, options) {
    if (file !== 0 && file !== '/dev/stdin') return readFileSync(file, options);
    const bytes = Buffer.from(workerData.stdin);
    const encoding = typeof options === 'string' ? options : options && options.encoding;
    return encoding ? bytes.toString(encoding) : bytes;
  };
  if (!workerData.measure) return;
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  process.on('exit', () => {
    const used = process.cpuUsage(cpuStart);
    const measured = { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wallStart };
    fs.writeSync(2, '\\nBENCH ' + JSON.stringify(measured) + '\\n');
  });
})();
`;

/**
 * The bare side's main thread: reads stdin, runs the program in a worker with its output discarded (a
 * different source text, so no compiled code is reused), then in a measured worker whose stdout is ours.
 */
function bareScript(program: string): string {
  return `
const { Worker } = require('node:worker_threads');
const stdin = require('node:fs').readFileSync(0);
const prelude = ${JSON.stringify(BARE_WORKER_PRELUDE)};
const program = ${JSON.stringify(program)};
function runWorker(source, measure) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(prelude + source, { eval: true, workerData: { stdin, measure }, stdout: !measure });
    if (!measure) worker.stdout.resume();
    worker.on('error', reject);
    worker.on('exit', resolve);
  });
}
runWorker(program + '\\n// warm-up', false).then(() => runWorker(program, true));
`;
}

/** Runs `program` in a fresh `node --single-threaded-gc` with `stdin` piped in (see bareScript); its stdout is the answer. */
function runBare(program: string, stdin: string): Promise<BareSample> {
  const script = bareScript(program);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...BARE_NODE_FLAGS, '-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.on('error', () => {
      /* the program may exit without reading all of stdin */
    });
    child.stdin.end(stdin);
    child.on('error', reject);
    child.on('close', (code) => {
      const match = /^BENCH (.*)$/m.exec(stderr);
      if (code !== 0 || !match) {
        reject(new BenchFailure(`bare node exited with ${code}: ${stderr.slice(-500)}`));
        return;
      }
      const measured = JSON.parse(match[1]!) as { cpuMs: number; wallMs: number };
      resolve({ ...measured, output: stdout });
    });
  });
}

/** Wall-clock cost of a process-per-test judge: spawn node for a trivial program, stdin piped, until it is gone. */
function spawnTrivialProcess(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['-e', 'console.log(1)'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.resume();
    child.stdin.on('error', () => {});
    child.stdin.end();
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsed = performance.now() - start;
      if (code !== 0 || stdout.trim() !== '1')
        reject(new BenchFailure(`node -e exited with ${code}, printed ${stdout}`));
      else resolve(elapsed);
    });
  });
}

// ---- workloads for the ratios -------------------------------------------------------------------------

interface Workload {
  name: string;
  description: string;
  style: ExecutionRequest['style'];
  code: string;
  entry?: string;
  /** stdin (stdio style) or the JSON array of arguments (function style). */
  input: string;
  expected: string;
}

const SUBSETS_CODE = `function subsets(n) {
  const nums = [];
  for (let i = 0; i < n; i++) nums.push(i);
  const all = [];
  const current = [];
  function build(i) {
    if (i === nums.length) {
      all.push(current.slice());
      return;
    }
    build(i + 1);
    current.push(nums[i]);
    build(i + 1);
    current.pop();
  }
  build(0);
  // Only a checksum leaves the function: copying 2^20 arrays out would dominate the measurement.
  let elements = 0;
  for (let k = 0; k < all.length; k++) elements += all[k].length;
  return all.length + ':' + elements;
}`;

const FIB_CODE = `function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}`;

const SUM_BUFFER_CODE = `const data = require('fs').readFileSync(0).toString().trim().split(/\\s+/);
const n = +data[0];
let sum = 0;
for (let i = 1; i <= n; i++) sum += +data[i];
console.log(sum);`;

const SUM_UTF8_CODE = SUM_BUFFER_CODE.replace('readFileSync(0).toString()', "readFileSync(0, 'utf8')");

function makeSumInput(count: number): { input: string; sum: number } {
  let seed = 20240601;
  const numbers: number[] = new Array<number>(count);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    numbers[i] = seed % 1_000_000_000;
    sum += numbers[i]!;
  }
  return { input: `${count}\n${numbers.join(' ')}\n`, sum };
}

function fibOf(n: number): number {
  let [a, b] = [0, 1];
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}

const SUM_COUNT = 1_000_000;
const FIB_N = 35;
const sumInput = makeSumInput(SUM_COUNT);

const WORKLOADS: Workload[] = [
  {
    name: 'subsets',
    description: 'all 2^20 subsets of [0..19], function style, returns a checksum',
    style: 'function',
    code: SUBSETS_CODE,
    entry: 'subsets',
    input: '[20]',
    expected: JSON.stringify(`${2 ** 20}:${10 * 2 ** 20}`),
  },
  {
    name: 'stdio-sum',
    description: `sum of 10^6 numbers, readFileSync(0).toString() (${(sumInput.input.length / 1e6).toFixed(1)} MB stdin)`,
    style: 'stdio',
    code: SUM_BUFFER_CODE,
    input: sumInput.input,
    expected: String(sumInput.sum),
  },
  {
    name: 'stdio-sum-utf8',
    description: "sum of 10^6 numbers, readFileSync(0, 'utf8')",
    style: 'stdio',
    code: SUM_UTF8_CODE,
    input: sumInput.input,
    expected: String(sumInput.sum),
  },
  {
    name: 'fib',
    description: `naive recursive fib(${FIB_N}), function style (pure CPU, little allocation)`,
    style: 'function',
    code: FIB_CODE,
    entry: 'fib',
    input: `[${FIB_N}]`,
    expected: String(fibOf(FIB_N)),
  },
];

/** The same program for plain Node: function style calls the entry with the arguments and prints the result as JSON. */
function bareProgram(workload: Workload): string {
  if (workload.style === 'stdio') return workload.code;
  return `${workload.code}\n;process.stdout.write(JSON.stringify(${workload.entry!}(...${workload.input})) + '\\n');`;
}

interface WorkloadResult {
  description: string;
  sandboxCpuMs: number;
  sandboxWallMs: number;
  bareCpuMs: number;
  bareWallMs: number;
  cpuRatio: number;
  wallRatio: number;
  /** Wall time of retiring the isolate the workload left behind (measured with the next submission's trivial test). */
  retireMs: number;
  samples: { sandboxCpuMs: number[]; sandboxWallMs: number[]; bareCpuMs: number[]; bareWallMs: number[] };
}

async function measureWorkloads(pool: SandboxPool): Promise<Record<string, WorkloadResult>> {
  const samples = new Map(
    WORKLOADS.map((workload) => [
      workload.name,
      {
        sandboxCpuMs: [] as number[],
        sandboxWallMs: [] as number[],
        bareCpuMs: [] as number[],
        bareWallMs: [] as number[],
        retireMs: [] as number[],
      },
    ]),
  );
  let keys = 0;
  // Round 0 warms everything up and is discarded.
  for (let round = 0; round <= ROUNDS; round++) {
    log(`  ratio round ${round === 0 ? 'warm-up' : `${round}/${ROUNDS}`}`);
    for (const workload of WORKLOADS) {
      const into = samples.get(workload.name)!;
      const sandboxed = async (): Promise<void> => {
        // A fresh isolate per trial, as bare Node gets a fresh process.
        const request: ExecutionRequest = {
          sandboxKey: `bench-${workload.name}-${keys++}`,
          code: workload.code,
          fileName: 'solution.js',
          style: workload.style,
          input: workload.input,
          limits: HEAVY_LIMITS,
        };
        if (workload.entry !== undefined) request.entry = workload.entry;
        const { outcome, wallMs } = await timedRun(pool, request, workload.expected);
        // Retire the big isolate now, with a trivial test of another submission, so that its disposal
        // is not charged to the next measured run; that cost is reported on its own.
        const retire = await timedRun(pool, trivialRequest(`bench-retire-${keys++}`), '1');
        if (round > 0) {
          into.sandboxCpuMs.push(outcome.cpuMs);
          into.sandboxWallMs.push(wallMs);
          into.retireMs.push(retire.wallMs);
        }
      };
      const bare = async (): Promise<void> => {
        const sample = await runBare(bareProgram(workload), workload.style === 'stdio' ? workload.input : '');
        if (sample.output.trim() !== workload.expected) {
          throw new BenchFailure(
            `bare node printed ${sample.output.slice(0, 200)} for ${workload.name}, expected ${workload.expected}`,
          );
        }
        if (round > 0) {
          into.bareCpuMs.push(sample.cpuMs);
          into.bareWallMs.push(sample.wallMs);
        }
      };
      if (round % 2 === 0) {
        await sandboxed();
        await bare();
      } else {
        await bare();
        await sandboxed();
      }
    }
  }
  const results: Record<string, WorkloadResult> = {};
  for (const workload of WORKLOADS) {
    const { retireMs, ...measured } = samples.get(workload.name)!;
    const sandboxCpuMs = median(measured.sandboxCpuMs);
    const sandboxWallMs = median(measured.sandboxWallMs);
    const bareCpuMs = median(measured.bareCpuMs);
    const bareWallMs = median(measured.bareWallMs);
    results[workload.name] = {
      description: workload.description,
      sandboxCpuMs: round3(sandboxCpuMs),
      sandboxWallMs: round3(sandboxWallMs),
      bareCpuMs: round3(bareCpuMs),
      bareWallMs: round3(bareWallMs),
      cpuRatio: round3(sandboxCpuMs / bareCpuMs),
      wallRatio: round3(sandboxWallMs / bareWallMs),
      retireMs: round3(median(retireMs)),
      samples: {
        sandboxCpuMs: measured.sandboxCpuMs.map(round3),
        sandboxWallMs: measured.sandboxWallMs.map(round3),
        bareCpuMs: measured.bareCpuMs.map(round3),
        bareWallMs: measured.bareWallMs.map(round3),
      },
    };
  }
  return results;
}

// ---- the fixed costs ---------------------------------------------------------------------------------

async function measurePerTest(pool: SandboxPool): Promise<number[]> {
  for (let i = 0; i < OVERHEAD_WARMUP; i++) await timedRun(pool, trivialRequest('bench-one-submission'), '1');
  const times: number[] = [];
  for (let i = 0; i < OVERHEAD_RUNS; i++)
    times.push((await timedRun(pool, trivialRequest('bench-one-submission'), '1')).wallMs);
  return times;
}

async function measurePerSubmission(pool: SandboxPool): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SUBMISSION_WARMUP + SUBMISSION_RUNS; i++) {
    const { wallMs } = await timedRun(pool, trivialRequest(`bench-submission-${i}`), '1');
    if (i >= SUBMISSION_WARMUP) times.push(wallMs);
  }
  return times;
}

async function measureProcessPerTest(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < PROCESS_WARMUP + PROCESS_RUNS; i++) {
    const elapsed = await spawnTrivialProcess();
    if (i >= PROCESS_WARMUP) times.push(elapsed);
  }
  return times;
}

// ---- report -------------------------------------------------------------------------------------------

interface Goal {
  value: number;
  limit: number;
  pass: boolean;
}

const goal = (value: number, limit: number): Goal => ({ value: round3(value), limit, pass: value <= limit });

function formatTable(rows: [string, string, string][]): string {
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) => `${row[0].padEnd(widths[0]!)}  ${row[1].padStart(widths[1]!)}  ${row[2]}`.trimEnd())
    .join('\n');
}

async function main(): Promise<number> {
  const startedAt = performance.now();
  const pool = new SandboxPool({ size: 1 });
  try {
    log(`sandbox bench: Node ${process.version}, ${availableParallelism()} cores, ${ROUNDS} ratio rounds`);
    const warmStart = performance.now();
    await pool.warm(STACK_MB, 1);
    const poolStartMs = performance.now() - warmStart;

    log(`  per-test overhead: ${OVERHEAD_WARMUP} warm-up + ${OVERHEAD_RUNS} runs, one sandboxKey`);
    const perTest = summarize(await measurePerTest(pool));
    log(`  per-submission overhead: ${SUBMISSION_RUNS} runs, a new sandboxKey each`);
    const perSubmission = summarize(await measurePerSubmission(pool));
    log(`  process per test: ${PROCESS_RUNS} spawns of node -e`);
    const perProcess = summarize(await measureProcessPerTest());
    const workloads = await measureWorkloads(pool);

    const subsets = workloads['subsets']!;
    const stdioSum = workloads['stdio-sum']!;
    const stdioUtf8 = workloads['stdio-sum-utf8']!;
    const fib = workloads['fib']!;
    const goals = {
      perTestOverheadMs: goal(perTest.median, GOAL_OVERHEAD_MS),
      computeRatio: goal(subsets.cpuRatio, GOAL_RATIO),
      computeWallRatio: goal(subsets.wallRatio, GOAL_RATIO),
      stdioRatio: goal(stdioSum.cpuRatio, GOAL_RATIO),
      stdioUtf8Ratio: goal(stdioUtf8.cpuRatio, GOAL_RATIO),
      recursionRatio: goal(fib.cpuRatio, GOAL_RATIO),
    };
    const result = {
      perTestOverheadMs: round3(perTest.median),
      perTestOverheadP90Ms: round3(perTest.p90),
      perTestOverheadP99Ms: round3(perTest.p99),
      perTestOverheadMeanMs: round3(perTest.mean),
      perSubmissionOverheadMs: round3(perSubmission.median),
      perSubmissionOverheadP90Ms: round3(perSubmission.p90),
      processPerTestMs: round3(perProcess.median),
      processPerTestP90Ms: round3(perProcess.p90),
      computeRatio: subsets.cpuRatio,
      computeWallRatio: subsets.wallRatio,
      stdioRatio: stdioSum.cpuRatio,
      stdioWallRatio: stdioSum.wallRatio,
      stdioUtf8Ratio: stdioUtf8.cpuRatio,
      stdioUtf8WallRatio: stdioUtf8.wallRatio,
      recursionRatio: fib.cpuRatio,
      recursionWallRatio: fib.wallRatio,
      poolStartMs: round3(poolStartMs),
      goals,
      allGoalsMet: Object.values(goals).every((entry) => entry.pass),
      workloads,
      environment: { node: process.version, cores: availableParallelism(), rounds: ROUNDS },
      durationMs: 0,
    };

    const mark = (entry: Goal): string => `${entry.pass ? 'PASS' : 'FAIL'} (goal <= ${entry.limit})`;
    const ms = (value: number): string => `${value.toFixed(2)} ms`;
    const ratio = (value: number): string => `x${value.toFixed(3)}`;
    const rows: [string, string, string][] = [
      ['fixed cost per test (wall clock)', 'median', ''],
      ['sandbox, warm pool, same sandboxKey', ms(perTest.median), mark(goals.perTestOverheadMs)],
      ['  p90 / p99 / mean', `${perTest.p90.toFixed(2)} / ${perTest.p99.toFixed(2)} / ${perTest.mean.toFixed(2)}`, ''],
      ['sandbox, new sandboxKey (fresh isolate)', ms(perSubmission.median), `p90 ${ms(perSubmission.p90)}`],
      ['process per test (spawn node -e)', ms(perProcess.median), `p90 ${ms(perProcess.p90)}`],
      ['pool start (one sandbox process)', ms(poolStartMs), ''],
      ['', '', ''],
      ['sandbox vs bare node (medians)', 'cpu ratio', ''],
    ];
    const goalOf: Record<string, Goal> = {
      subsets: goals.computeRatio,
      'stdio-sum': goals.stdioRatio,
      'stdio-sum-utf8': goals.stdioUtf8Ratio,
      fib: goals.recursionRatio,
    };
    for (const workload of WORKLOADS) {
      const measured = workloads[workload.name]!;
      rows.push([
        workload.name,
        ratio(measured.cpuRatio),
        `${mark(goalOf[workload.name]!)}; cpu ms, sandbox / bare: ${measured.sandboxCpuMs.toFixed(1)} / ${measured.bareCpuMs.toFixed(1)}`,
      ]);
      rows.push([
        '  wall ms, sandbox / bare',
        `${measured.sandboxWallMs.toFixed(1)} / ${measured.bareWallMs.toFixed(1)}`,
        `${ratio(measured.wallRatio)}; next submission's first test ${ms(measured.retireMs)} (disposes this isolate)`,
      ]);
    }
    result.durationMs = Math.round(performance.now() - startedAt);
    rows.push(['', '', '']);
    rows.push([
      `goals ${result.allGoalsMet ? 'all met' : 'NOT all met'}`,
      `${(result.durationMs / 1000).toFixed(1)} s`,
      '',
    ]);
    const legend = [
      '',
      ...WORKLOADS.map((workload) => `${workload.name}: ${workload.description}`),
      "cpu: the sandbox's reported cpuMs (process.cpuUsage() of its --single-threaded-gc process, around a fresh isolate)",
      '  vs process.cpuUsage() around the same code in a worker of a fresh `node --single-threaded-gc`, after one',
      '  unmeasured run in another worker (a sandbox process has run tests before): the same clock, the same kind of process.',
      'wall: pool.execute() round trip vs wall time of the measured run inside the bare process (excludes its startup and stdin transfer).',
    ];
    const table = [formatTable(rows), ...legend].join('\n');
    if (jsonMode) {
      log(table);
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(`${table}\n`);
    }
    return 0;
  } catch (error) {
    log(`sandbox bench failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await pool.close();
  }
}

process.exitCode = await main();
