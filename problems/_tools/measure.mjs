#!/usr/bin/env node
// Runs a problem package's reference solutions against its tests with plain `node`
// and prints the CPU time of each run, to pick time limits with a wide margin.
//
//   node problems/_tools/measure.mjs <problemDir> [solution ...] [--tests=01,02] [--factor=10]
//
// - stdio: the solution runs as its own process (ulimit -s and --stack-size follow
//   limits.stackMb); a preloaded hook reports process.cpuUsage() from just before the
//   solution is loaded until exit (Node's own start-up is not counted).
// - function style: the source (types stripped for .ts) gets `module.exports = <name>`
//   appended; a harness requires it, calls it with the test's args and reports the CPU
//   time of the call.
// - Every run is killed after factor x timeMs (CPU-bound code: wall ~ CPU); a killed
//   run is reported as TLE with ">= <factor>x".
// - Output is compared like the judge: `lines` (trailing whitespace per line and
//   trailing blank lines ignored), `tokens`, `float`, `unordered` (nested arrays
//   compared after sorting every level canonically), otherwise exact JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { parse } from 'yaml';

// stripTypeScriptTypes is experimental in Node 24: keep its warning out of the report.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) =>
  String(warning).includes('stripTypeScriptTypes') ? undefined : emitWarning(warning, ...rest);

const args = process.argv.slice(2);
const options = Object.fromEntries(args.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')));
const positional = args.filter((a) => !a.startsWith('--'));
if (positional.length === 0) {
  console.error('usage: measure.mjs <problemDir> [solution ...] [--tests=01,02] [--factor=10]');
  process.exit(2);
}
const problemDir = resolve(positional[0]);
const manifest = parse(readFileSync(join(problemDir, 'problem.yaml'), 'utf8'));
const limits = { outputKb: 1024, stackMb: 64, ...manifest.limits };
const factor = Number(options.factor ?? 10);
const killMs = limits.timeMs * factor;

const expectations = new Map((manifest.solutions ?? []).map((s) => [s.file, s.expect]));
const solutions = positional.length > 1 ? positional.slice(1) : [...expectations.keys()];

const testsDir = join(problemDir, 'tests');
const allIds = [...new Set(readdirSync(testsDir).map((f) => f.replace(/\.(in|out|json)$/, '')))].sort();
const ids = options.tests ? options.tests.split(',') : allIds;

const work = mkdtempSync(join(tmpdir(), 'oj-measure-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const preload = join(work, 'preload.cjs');
writeFileSync(
  preload,
  `const t0 = process.cpuUsage();
process.on('exit', () => {
  const u = process.cpuUsage(t0);
  require('fs').writeSync(2, '\\n__CPU_MS__ ' + ((u.user + u.system) / 1000).toFixed(1) + '\\n');
});
`,
);

/** Source as runnable JavaScript; `module` tells whether it uses ES `import`. */
function prepare(file) {
  let code = readFileSync(file, 'utf8');
  if (extname(file) === '.ts') code = stripTypeScriptTypes(code, { mode: 'strip' });
  const isModule = /^\s*(import|export)\s/m.test(code);
  return { code, isModule };
}

function nodeCommand(script, extraFlags = []) {
  const stackKb = limits.stackMb * 1024;
  // Leave V8 some head room below the OS stack, as the judge does.
  const v8StackKb = Math.floor(stackKb * 0.9);
  const flags = [
    '--single-threaded-gc',
    `--stack-size=${v8StackKb}`,
    '--disable-warning=ExperimentalWarning',
    ...extraFlags,
  ];
  return ['bash', ['-c', `ulimit -s ${stackKb} && exec node ${flags.join(' ')} "$@"`, 'node', script]];
}

function run(cmd, input) {
  const [bin, argv] = cmd;
  const started = process.hrtime.bigint();
  const r = spawnSync(bin, argv, { input, maxBuffer: 1 << 30, timeout: killMs + 2000, killSignal: 'SIGKILL' });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const stderr = r.stderr?.toString() ?? '';
  const m = /__CPU_MS__ ([\d.]+)/.exec(stderr);
  return {
    killed: r.signal === 'SIGKILL' || r.error?.code === 'ETIMEDOUT',
    status: r.status,
    stdout: r.stdout?.toString() ?? '',
    stderr: stderr.replace(/\n?__CPU_MS__ [\d.]+\n?/, ''),
    cpuMs: m ? Number(m[1]) : NaN,
    wallMs,
  };
}

const normLines = (s) =>
  s
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
const tokens = (s) => s.split(/\s+/).filter(Boolean);
function canonical(v) {
  if (!Array.isArray(v)) return JSON.stringify(v);
  return '[' + v.map(canonical).sort().join(',') + ']';
}
function compare(output, expected) {
  const type = manifest.checker.type;
  if (manifest.style === 'function') {
    let got;
    try {
      got = JSON.parse(output);
    } catch {
      return false;
    }
    if (type === 'unordered') return canonical(got) === canonical(expected);
    return JSON.stringify(got) === JSON.stringify(expected);
  }
  if (type === 'tokens') return tokens(output).join(' ') === tokens(expected).join(' ');
  if (type === 'float') {
    const a = tokens(output),
      b = tokens(expected);
    return (
      a.length === b.length &&
      a.every((x, i) => Math.abs(Number(x) - Number(b[i])) <= 1e-6 * Math.max(1, Math.abs(Number(b[i]))))
    );
  }
  return normLines(output) === normLines(expected);
}

function runStdio(solution, id) {
  const { code, isModule } = prepare(solution);
  const script = join(work, `sol.${isModule ? 'mjs' : 'cjs'}`);
  writeFileSync(script, code);
  const r = run(nodeCommand(script, ['-r', preload]), readFileSync(join(testsDir, `${id}.in`)));
  const expected = readFileSync(join(testsDir, `${id}.out`), 'utf8');
  return verdictOf(r, () => compare(r.stdout, expected));
}

function runFunction(solution, id) {
  const { code } = prepare(solution);
  const name = manifest.function.name;
  const module = join(work, 'sol.cjs');
  writeFileSync(module, `${code}\n;module.exports = ${name};\n`);
  const harness = join(work, 'harness.cjs');
  writeFileSync(
    harness,
    `const fs = require('fs');
const test = JSON.parse(fs.readFileSync(${JSON.stringify(join(testsDir, `${id}.json`))}, 'utf8'));
const t0 = process.cpuUsage();
const fn = require(${JSON.stringify(module)});
const value = fn(...test.args);
const out = JSON.stringify(value === undefined ? null : value);
const u = process.cpuUsage(t0);
fs.writeSync(1, out);
fs.writeSync(2, '\\n__CPU_MS__ ' + ((u.user + u.system) / 1000).toFixed(1) + '\\n');
`,
  );
  const r = run(nodeCommand(harness), '');
  const { expected } = JSON.parse(readFileSync(join(testsDir, `${id}.json`), 'utf8'));
  return verdictOf(r, () => compare(r.stdout, expected));
}

function verdictOf(r, check) {
  if (r.killed) return { verdict: 'TLE', cpuMs: NaN, wallMs: r.wallMs, note: `killed at ${factor}x limit` };
  if (r.status !== 0)
    return { verdict: 'RE', cpuMs: r.cpuMs, wallMs: r.wallMs, note: r.stderr.trim().split('\n').slice(-1)[0] };
  if (r.cpuMs > limits.timeMs) return { verdict: 'TLE', cpuMs: r.cpuMs, wallMs: r.wallMs, correct: check() };
  return { verdict: check() ? 'AC' : 'WA', cpuMs: r.cpuMs, wallMs: r.wallMs };
}

const rank = { AC: 0, WA: 1, RE: 2, TLE: 3 };
console.log(`${manifest.slug}: timeMs ${limits.timeMs}, stackMb ${limits.stackMb}, kill at ${killMs} ms`);
let unsound = false;
for (const rel of solutions) {
  const solution = resolve(problemDir, rel);
  if (!existsSync(solution)) {
    console.log(`  ${rel}: missing`);
    unsound = true;
    continue;
  }
  const rows = [];
  let worst = 'AC';
  let first = 'AC';
  for (const id of ids) {
    const r = manifest.style === 'function' ? runFunction(solution, id) : runStdio(solution, id);
    rows.push(
      `${id}:${r.verdict}${Number.isNaN(r.cpuMs) ? `(>=${killMs}ms)` : `(${r.cpuMs.toFixed(0)}ms)`}${r.correct === false ? '!wrong' : ''}`,
    );
    if (r.note && r.verdict === 'RE') rows.push(`[${r.note}]`);
    if (first === 'AC' && r.verdict !== 'AC') first = r.verdict;
    if (rank[r.verdict] > rank[worst]) worst = r.verdict;
  }
  const expect = expectations.get(rel) ?? expectations.get(relative(rel));
  // The judge reports the first non-AC verdict in test order.
  const ok = expect === undefined || expect === first;
  if (!ok) unsound = true;
  console.log(`  ${basename(rel)}: ${first}${expect ? ` (expected ${expect}${ok ? '' : ' !!'})` : ''}`);
  console.log(`    ${rows.join(' ')}`);
}
function relative(p) {
  return p.replace(problemDir + '/', '');
}
process.exitCode = unsound ? 1 : 0;
