import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProgram, SandboxPool, type ExecutionOutcome } from '../src/index.ts';
import type { Language } from '@oj/shared';

const limits = { timeMs: 1000, memoryMb: 128, outputKb: 1024, stackMb: 64 };
let pool: SandboxPool;
let keys = 0;

beforeAll(async () => {
  pool = new SandboxPool({ size: 2 });
  await pool.warm();
});
afterAll(async () => {
  await pool.close();
});

async function run(
  source: string,
  input: string,
  options: { language?: Language; entry?: string; key?: string } = {},
): Promise<ExecutionOutcome> {
  const compiled = await compileProgram(source, options.language ?? 'javascript');
  if (!compiled.ok) throw new Error(compiled.message);
  return pool.execute({
    sandboxKey: options.key ?? `sandbox-test-${keys++}`,
    code: compiled.code,
    fileName: compiled.fileName,
    style: options.entry ? 'function' : 'stdio',
    entry: options.entry,
    input,
    limits,
  });
}

const INPUT = '3\n1 2 3\n';

describe('stdin/stdout idioms', () => {
  const programs: Record<string, string> = {
    'readFileSync(0, utf8)': `const [n, ...a] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number); console.log(a.reduce((x, y) => x + y, 0))`,
    "readFileSync('/dev/stdin') as a Buffer": `const text = require('fs').readFileSync('/dev/stdin').toString(); console.log(text.trim().split(/\\s+/).slice(1).map(Number).reduce((x, y) => x + y, 0))`,
    'Buffer bytes': `const b = require('fs').readFileSync(0); let s = 0, v = 0, first = true; for (let i = 0; i <= b.length; i++) { const c = b[i]; if (c >= 48 && c <= 57) v = v * 10 + c - 48; else if (i > 0 && b[i-1] >= 48 && b[i-1] <= 57) { if (first) first = false; else s += v; v = 0 } } console.log(s)`,
    'readline line/close': `const rl = require('readline').createInterface({ input: process.stdin }); const lines = []; rl.on('line', (l) => lines.push(l)); rl.on('close', () => console.log(lines[1].split(' ').map(Number).reduce((x, y) => x + y, 0)))`,
    'readline async iterator': `const rl = require('readline').createInterface({ input: process.stdin }); (async () => { const lines = []; for await (const l of rl) lines.push(l); console.log(lines[1].split(' ').map(Number).reduce((x, y) => x + y, 0)) })()`,
    'process.stdin data/end': `let data = ''; process.stdin.setEncoding('utf8'); process.stdin.on('data', (c) => (data += c)); process.stdin.on('end', () => { process.stdout.write(String(data.trim().split(/\\s+/).slice(1).map(Number).reduce((x, y) => x + y, 0)) + '\\n') })`,
    'ES import of fs': `import fs from 'fs'; console.log(fs.readFileSync(0, 'utf8').trim().split(/\\s+/).slice(1).map(Number).reduce((x, y) => x + y, 0))`,
    'ES namespace import': `import * as fs from 'node:fs'; console.log(fs.readFileSync(0, 'utf8').trim().split(/\\s+/).slice(1).map(Number).reduce((x, y) => x + y, 0))`,
    'ES named import of readline': `import { createInterface } from 'readline'; const rl = createInterface({ input: process.stdin }); let last = ''; rl.on('line', (l) => (last = l)); rl.on('close', () => console.log(last.split(' ').map(Number).reduce((x, y) => x + y, 0)))`,
  };
  for (const [name, source] of Object.entries(programs)) {
    it(`${name} works in JavaScript`, async () => {
      const outcome = await run(source, INPUT);
      expect(outcome.message).toBeUndefined();
      expect(outcome).toMatchObject({ status: 'ok', output: '6\n' });
    });
  }

  it('TypeScript with types and imports works', async () => {
    const source = `import { readFileSync } from 'fs';\nimport { createInterface } from 'readline';\ninterface Pair { a: number; b: number }\nconst nums: number[] = readFileSync(0, 'utf8').trim().split(/\\s+/).slice(1).map(Number);\nconst total = (xs: number[]): number => xs.reduce((x, y) => x + y, 0);\nconst p: Pair = { a: total(nums), b: 0 };\nvoid createInterface;\nconsole.log(p.a + p.b);`;
    expect(await run(source, INPUT, { language: 'typescript' })).toMatchObject({ status: 'ok', output: '6\n' });
  });

  it('formats console.log arguments like Node', async () => {
    const outcome = await run(
      `console.log('a', 1, [1, 'x', { k: null }], { b: true }, -0, 2n); console.log('%d items %s', 3, 'ok'); console.info('%%', 1); console.log('%%')`,
      '',
    );
    expect(outcome.output).toBe("a 1 [ 1, 'x', { k: null } ] { b: true } -0 2n\n3 items ok\n% 1\n%%\n");
  });

  it('runs timers in virtual time order and microtasks first', async () => {
    const outcome = await run(
      `setTimeout(() => console.log('late'), 50); setTimeout(() => console.log('early'), 10); Promise.resolve().then(() => console.log('micro')); process.nextTick(() => console.log('tick')); const i = setInterval(() => { console.log('interval'); clearInterval(i) }, 20)`,
      '',
    );
    expect(outcome.output).toBe('tick\nmicro\nearly\ninterval\nlate\n');
  });

  it('keeps output written before process.exit(0) and ignores what follows', async () => {
    expect(await run(`console.log(1); process.exit(0); console.log(2)`, '')).toMatchObject({
      status: 'ok',
      output: '1\n',
    });
  });

  it('treats a non-zero exit code as a runtime error', async () => {
    expect(await run(`console.log(1); process.exitCode = 3`, '')).toMatchObject({ status: 'runtime-error' });
    expect(await run(`process.exit(2)`, '')).toMatchObject({ status: 'runtime-error' });
  });

  it('reports an uncaught error with the line it came from', async () => {
    const source = `const a = 1;\nfunction f() { return null.x }\nf();`;
    const outcome = await run(source, '');
    expect(outcome.status).toBe('runtime-error');
    expect(outcome.message).toMatch(/TypeError: Cannot read properties of null/);
    const compiled = await compileProgram(source, 'javascript');
    const { line, column } = outcome.errorLocation!;
    expect(compiled.ok && compiled.originalPosition(line, column)?.line).toBe(2);
  });

  it('recurses 200,000 deep under a 64 MB stack', async () => {
    const outcome = await run(
      `function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1) } console.log(depth(200000))`,
      '',
    );
    expect(outcome).toMatchObject({ status: 'ok', output: '200000\n' });
  });

  it('gives each test fresh globals, even within one submission', async () => {
    const source = `console.log(typeof globalThis.seen); globalThis.seen = 1;`;
    expect((await run(source, '', { key: 'same-submission' })).output).toBe('undefined\n');
    expect((await run(source, '', { key: 'same-submission' })).output).toBe('undefined\n');
  });
});

describe('function style', () => {
  const subsets = `(nums) => { const out = [[]]; for (const x of nums) { const n = out.length; for (let i = 0; i < n; i++) out.push([...out[i], x]); } return out; }`;
  for (const declaration of [
    `var subsets = ${subsets}`,
    `let subsets = ${subsets}`,
    `const subsets = ${subsets}`,
    `function subsets(nums) { return (${subsets})(nums) }`,
  ]) {
    it(`finds the entry declared as "${declaration.split(' ')[0]}"`, async () => {
      const outcome = await run(declaration, '[[1,2]]', { entry: 'subsets' });
      expect(outcome).toMatchObject({ status: 'ok', output: '[[],[1],[2],[1,2]]' });
    });
  }

  it('says so when the entry is missing', async () => {
    const outcome = await run(`var other = () => 1`, '[[1]]', { entry: 'subsets' });
    expect(outcome.status).toBe('runtime-error');
    expect(outcome.message).toMatch(/does not define a function named subsets/);
  });

  it('copies the value out without consulting patched builtins', async () => {
    const source = `var f = function () { JSON.stringify = () => '"forged"'; Array.prototype.toJSON = () => 'forged'; Object.prototype.toJSON = () => 'forged'; return [1, { a: [2, 'x'] }] }`;
    expect(await run(source, '[]', { entry: 'f' })).toMatchObject({ status: 'ok', output: '[1,{"a":[2,"x"]}]' });
  });

  it('lets the code mutate its input and keep module-level caches', async () => {
    const source = `const cache = new Map(); var f = function (nums) { nums.push(9); cache.set(1, nums.length); return cache.get(1) }`;
    expect(await run(source, '[[1,2]]', { entry: 'f' })).toMatchObject({ status: 'ok', output: '3' });
  });

  it('rejects values that are not plain data', async () => {
    expect((await run(`var f = () => { const a = []; a.push(a); return a }`, '[]', { entry: 'f' })).message).toMatch(
      /cycle/,
    );
    expect((await run(`var f = () => new Set([1])`, '[]', { entry: 'f' })).message).toMatch(/Set/);
  });
});

describe('compile errors', () => {
  it('gives the line and column of a syntax error', async () => {
    const compiled = await compileProgram(`const a = 1;\nconst b = ;\n`, 'javascript');
    expect(compiled).toMatchObject({ ok: false });
    expect(!compiled.ok && compiled.message).toMatch(/^line 2, column 11: /);
  });

  it('maps runtime error lines of TypeScript back to the source', async () => {
    const compiled = await compileProgram(
      `interface A {\n  x: number;\n}\nconst a: A | null = null as A | null;\nconsole.log(a!.x);\n`,
      'typescript',
    );
    expect(compiled.ok).toBe(true);
    if (compiled.ok) expect(compiled.originalPosition(2, 13)?.line).toBe(5);
  });

  it('refuses sources over 64 KB', async () => {
    expect(await compileProgram('//' + 'x'.repeat(70_000), 'javascript')).toMatchObject({ ok: false });
  });
});

describe('memory per test', () => {
  it('reports the same memory for identical tests of one submission (not what earlier tests left)', async () => {
    const source = `const [n, ...a] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number); console.log(a.reduce((x, y) => x + y, 0))`;
    const memoryKb: number[] = [];
    for (let i = 0; i < 13; i++) {
      const outcome = await run(source, INPUT, { key: 'memory-identical-tests' });
      expect(outcome).toMatchObject({ status: 'ok', output: '6\n' });
      memoryKb.push(outcome.memoryKb);
    }
    // Each test left about 224 KB in the isolate, so the 13th used to show 2.7 MB more than the first.
    expect(
      Math.max(...memoryKb) - Math.min(...memoryKb),
      `memory of 13 identical tests: ${memoryKb.join(', ')} KB`,
    ).toBeLessThanOrEqual(64);
  });

  it('still shows a test that keeps 50 MB as using about 50 MB, after smaller tests of the same submission', async () => {
    const source = `const n = +require('fs').readFileSync(0, 'utf8'); const kept = new Float64Array(n * 131072); kept.fill(1); console.log(kept.length)`;
    await run(source, '1', { key: 'memory-50mb' });
    const outcome = await run(source, '50', { key: 'memory-50mb' });
    expect(outcome).toMatchObject({ status: 'ok', output: `${50 * 131072}\n` });
    expect(outcome.memoryKb).toBeGreaterThanOrEqual(48 * 1024);
    expect(outcome.memoryKb).toBeLessThan(80 * 1024);
  });

  it('still gives MLE past the memory limit', async () => {
    const outcome = await run(`const kept = []; while (true) kept.push(new Array(100000).fill(1))`, '', {
      key: 'memory-limit',
    });
    expect(outcome.status).toBe('memory-limit');
  });
});

describe('FinalizationRegistry and WeakRef', () => {
  it('behave like the builtins for the program', async () => {
    const source = `
      const registry = new FinalizationRegistry(() => {});
      const token = {};
      registry.register({}, 1, token);
      class Sub extends FinalizationRegistry {}
      const sub = new Sub(() => {});
      const target = { v: 7 };
      const ref = new WeakRef(target);
      let notConstructed = false;
      try { FinalizationRegistry(() => {}); } catch (e) { notConstructed = e instanceof TypeError; }
      console.log([registry instanceof FinalizationRegistry, registry.constructor === FinalizationRegistry, registry.unregister(token),
        sub instanceof Sub && sub instanceof FinalizationRegistry, ref.deref().v, ref instanceof WeakRef, notConstructed,
        Object.prototype.toString.call(registry), FinalizationRegistry.name].join(' '));`;
    expect(await run(source, '')).toMatchObject({
      status: 'ok',
      output: 'true true true true 7 true true [object FinalizationRegistry] FinalizationRegistry\n',
    });
  });
});

describe('waiting for a sandbox', () => {
  it('runs waiting tests by priority, then in arrival order', async () => {
    const single = new SandboxPool({ size: 1 });
    try {
      await single.warm();
      const compiled = await compileProgram(
        `const t = Date.now(); while (Date.now() - t < 300) {} console.log(1)`,
        'javascript',
      );
      if (!compiled.ok) throw new Error(compiled.message);
      const finished: string[] = [];
      const runAs = (name: string, priority?: number) =>
        single
          .execute({
            sandboxKey: `priority-${name}`,
            code: compiled.code,
            fileName: compiled.fileName,
            style: 'stdio',
            input: '',
            limits,
            ...(priority !== undefined ? { priority } : {}),
          })
          .then((outcome) => {
            expect(outcome.status).toBe('ok');
            finished.push(name);
          });
      // `busy` takes the only sandbox; the rest wait and are dispatched one by one as it frees.
      await Promise.all([
        runAs('busy', 2),
        runAs('backlog-1', 32),
        runAs('backlog-2', 42),
        runAs('first-of-another-user', 2),
        runAs('backlog-3', 32),
        runAs('custom-run'),
      ]);
      expect(finished).toEqual(['busy', 'custom-run', 'first-of-another-user', 'backlog-1', 'backlog-3', 'backlog-2']);
    } finally {
      await single.close();
    }
  });
});
