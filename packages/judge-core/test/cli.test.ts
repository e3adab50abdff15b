// The `oj` command as a user runs it: a child process on the built-in problems (the real sandbox), its
// --json output checked against the shared result contract, and its exit codes (docs/architecture.md, "The `oj` CLI").
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { judgeResultSchema, type JudgeResult } from '@oj/shared';
import { BUILT_IN_PROBLEMS_DIR } from '../src/package/load.ts';

const run = promisify(execFile);
const REPOSITORY_ROOT = path.resolve(BUILT_IN_PROBLEMS_DIR, '..');
const CLI = path.join(REPOSITORY_ROOT, 'packages/judge-core/src/cli/main.ts');
const SUBSETS = path.join(BUILT_IN_PROBLEMS_DIR, 'subsets');

interface Exit {
  code: number;
  stdout: string;
  stderr: string;
}

async function oj(...args: string[]): Promise<Exit> {
  // INIT_CWD is how npm tells the CLI where the user typed the command; these runs have no npm around them.
  const { INIT_CWD: _npmDirectory, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--disable-warning=ExperimentalWarning', CLI, ...args], {
      cwd: REPOSITORY_ROOT,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'oj-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function solution(name: string, source: string): Promise<string> {
  const file = path.join(scratch, name);
  await writeFile(file, source);
  return file;
}

/** Judges with --json and checks what every judging run must satisfy: exit 0, one schema-valid object, a silent stderr. */
async function judgeJson(problemDir: string, solutionFile: string): Promise<JudgeResult> {
  const { code, stdout, stderr } = await oj('judge', problemDir, solutionFile, '--json');
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout.endsWith('\n')).toBe(true);
  expect(stdout.trim().split('\n')).toHaveLength(1);
  const printed = JSON.parse(stdout) as unknown;
  // strict: the contract's fields, nothing more (the schema would strip unknown ones silently).
  expect(judgeResultSchema.strict().parse(printed)).toEqual(printed);
  return printed as JudgeResult;
}

const ALL_SUBSETS = `var subsets = function (nums) {
  const result = [[]];
  for (const n of nums) for (const subset of result.slice()) result.push([...subset, n]);
  return result;
};`;

describe('oj judge --json', () => {
  it('prints an accepted result with every field of the contract, and exits 0', async () => {
    const result = await judgeJson(SUBSETS, await solution('ac.js', ALL_SUBSETS));
    expect(result).toMatchObject({
      verdict: 'AC',
      score: 100,
      maxScore: 100,
      subtasks: [{ id: 'all', score: 100, maxScore: 100, verdict: 'AC' }],
    });
    expect(result.tests).toHaveLength(14);
    for (const test of result.tests) expect(Object.keys(test).sort()).toEqual(['id', 'memoryKb', 'timeMs', 'verdict']);
    expect(result.timeMs).toBe(Math.max(...result.tests.map((test) => test.timeMs)));
    expect(result.memoryKb).toBe(Math.max(...result.tests.map((test) => test.memoryKb)));
    expect(result.compileMessage).toBeUndefined();
  });

  it('exits 0 on a wrong answer too, with the message and the skipped tests marked', async () => {
    const missingEmpty = await readFile(path.join(SUBSETS, 'solutions/wa-missing-empty.js'), 'utf8');
    const result = await judgeJson(SUBSETS, await solution('wa.js', missingEmpty));
    expect(result).toMatchObject({
      verdict: 'WA',
      score: 0,
      maxScore: 100,
      subtasks: [{ id: 'all', score: 0, maxScore: 100, verdict: 'WA' }],
    });
    expect(result.tests[0]).toMatchObject({
      id: '01',
      verdict: 'WA',
      message: expect.stringContaining('missing []') as string,
    });
    const skipped = result.tests.filter((test) => test.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    for (const test of skipped)
      expect(test).toEqual({ id: test.id, status: 'skipped', verdict: null, timeMs: 0, memoryKb: 0 });
  });

  it('exits 0 on a runtime error, naming the line of the TypeScript source', async () => {
    const result = await judgeJson(
      SUBSETS,
      await solution(
        're.ts',
        'type Subset = number[];\n\nfunction subsets(nums: number[]): Subset[] {\n  throw new Error("not yet");\n}\n',
      ),
    );
    expect(result.verdict).toBe('RE');
    expect(result.tests[0]).toMatchObject({
      verdict: 'RE',
      message: expect.stringMatching(/not yet.*line 4/) as string,
    });
  });

  it('exits 0 on a compile error, with the compiler message and no tests', async () => {
    const result = await judgeJson(SUBSETS, await solution('ce.ts', 'function subsets(nums: number[] {\n'));
    expect(result).toMatchObject({
      verdict: 'CE',
      score: 0,
      maxScore: 100,
      tests: [],
      subtasks: [],
      timeMs: 0,
      memoryKb: 0,
    });
    expect(result.compileMessage).toMatch(/^line 1, column \d+: /);
  });

  it('takes paths relative to the directory it was started in', async () => {
    const { code, stdout } = await oj(
      'judge',
      'problems/subsets',
      path.relative(REPOSITORY_ROOT, await solution('rel.js', ALL_SUBSETS)),
      '--json',
    );
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as JudgeResult).verdict).toBe('AC');
  });
});

describe('oj judge without --json', () => {
  it('prints a table ending in the verdict and score, and exits 0', async () => {
    const { code, stdout } = await oj('judge', SUBSETS, await solution('table.js', ALL_SUBSETS));
    expect(code).toBe(0);
    expect(stdout).toMatch(/subtask all: 100\/100 \(AC\)\nAC \(Accepted\), score 100\/100\n$/);
  });
});

describe('oj exits 2 when it cannot judge, with the reason on stderr', () => {
  const cases: [string, () => Promise<string[]>, RegExp][] = [
    ['no command', () => Promise.resolve([]), /no command given/],
    ['an unknown command', () => Promise.resolve(['grade']), /unknown command "grade"/],
    ['an unknown option', () => Promise.resolve(['judge', '--fast']), /--fast/],
    [
      'judge with one argument',
      () => Promise.resolve(['judge', SUBSETS]),
      /judge needs a problem folder and a solution file/,
    ],
    [
      'a solution in another language',
      async () => ['judge', SUBSETS, await solution('s.py', 'print(1)')],
      /cannot tell the language of .*s\.py/,
    ],
    [
      'a missing solution file',
      () => Promise.resolve(['judge', SUBSETS, path.join(scratch, 'none.js')]),
      /cannot read .*none\.js/,
    ],
    [
      'a missing problem folder',
      async () => ['judge', path.join(scratch, 'no-problem'), await solution('m.js', ALL_SUBSETS)],
      /the folder does not exist/,
    ],
    [
      'verify with a bad --repeat',
      () => Promise.resolve(['verify', SUBSETS, '--repeat', '0']),
      /--repeat takes a whole number/,
    ],
    [
      'verify of a missing folder',
      () => Promise.resolve(['verify', path.join(scratch, 'no-problem')]),
      /the folder does not exist/,
    ],
  ];
  for (const [what, args, reason] of cases) {
    it(what, async () => {
      const { code, stdout, stderr } = await oj(...(await args()));
      expect(code).toBe(2);
      expect(stderr).toMatch(reason);
      expect(stdout).not.toMatch(/verdict/);
    });
  }

  it('prints the usage for bad arguments', async () => {
    const { stderr } = await oj('judge');
    expect(stderr).toContain('usage:\n  oj judge <problemDir> <solutionFile> [--json]');
  });
});

describe('oj verify', () => {
  async function subsetsWithSolutions(solutions: { file: string; expect: string }[]): Promise<string> {
    const dir = await mkdtemp(path.join(scratch, 'subsets-'));
    await cp(SUBSETS, dir, { recursive: true });
    const manifest = parseYaml(await readFile(path.join(dir, 'problem.yaml'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(dir, 'problem.yaml'), toYaml({ ...manifest, solutions }));
    return dir;
  }

  it('exits 0 for a sound package', async () => {
    const dir = await subsetsWithSolutions([
      { file: 'solutions/ac.js', expect: 'AC' },
      { file: 'solutions/wa-duplicates.js', expect: 'WA' },
    ]);
    const { code, stdout } = await oj('verify', dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/all 1 package\(s\) sound\n$/);
    expect(stdout).toMatch(/\n {2}time limit: limit 1000 ms, slowest AC \d+ ms, suggested \d+ ms\n/);
  });

  it('advises on the time limit from the AC and TLE solutions, measuring the TLE one past the limit', async () => {
    const dir = await subsetsWithSolutions([
      { file: 'solutions/ac.js', expect: 'AC' },
      { file: 'solutions/tle-loop.js', expect: 'TLE' },
    ]);
    await writeFile(path.join(dir, 'solutions/tle-loop.js'), 'var subsets = function () { while (true) {} };\n');
    const { code, stdout } = await oj('verify', dir);
    expect(code).toBe(0);
    // Cut off at 3 x the limit: its real time is only known to be more.
    expect(stdout).toMatch(/time limit: limit 1000 ms, slowest AC \d+ ms, fastest TLE > \d{4} ms, suggested \d+ ms\n/);
  });

  it('exits 1 for a package without reference solutions: nothing to verify, so not sound', async () => {
    const dir = await subsetsWithSolutions([]);
    const { code, stdout, stderr } = await oj('verify', dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL no reference solutions: nothing to verify, so the package is not sound/);
    expect(stdout).not.toMatch(/time limit:/);
    expect(stderr).toMatch(/1 package run\(s\) are not sound/);
  });

  it('exits 1 for an unsound package: a reference solution does not get its expected verdict', async () => {
    const dir = await subsetsWithSolutions([
      { file: 'solutions/ac.js', expect: 'AC' },
      { file: 'solutions/wa-duplicates.js', expect: 'AC' },
    ]);
    const { code, stdout, stderr } = await oj('verify', dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL solutions\/wa-duplicates\.js\s+expected AC\s+got WA/);
    expect(stderr).toMatch(/1 package run\(s\) are not sound/);
  });
});
