// validator.js of problem packages, and `oj verify` around it, through the real SandboxPool.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PROBLEMS_DIR, loadProblemPackage, PackageError } from '../src/package/load.ts';
import { validateTests } from '../src/package/validate.ts';
import { verifyPackageFully } from '../src/package/verify.ts';
import { SandboxPool } from '../src/sandbox/pool.ts';

const run = promisify(execFile);
const REPOSITORY_ROOT = path.resolve(BUILT_IN_PROBLEMS_DIR, '..');
const CLI = path.join(REPOSITORY_ROOT, 'packages/judge-core/src/cli/main.ts');

let pool: SandboxPool;
let scratch: string;
beforeAll(async () => {
  pool = new SandboxPool({ size: 2 });
  scratch = await mkdtemp(path.join(tmpdir(), 'oj-validator-'));
});
afterAll(async () => {
  await pool.close();
  await rm(scratch, { recursive: true, force: true });
});

/** A copy of spicy-rabbit-head with the given validator.js and, optionally, test 01's input replaced. */
async function spicyCopy(validator: string | undefined, input01?: string): Promise<string> {
  const dir = await mkdtemp(path.join(scratch, 'pkg-'));
  await cp(path.join(BUILT_IN_PROBLEMS_DIR, 'spicy-rabbit-head'), dir, { recursive: true });
  if (validator === undefined) await rm(path.join(dir, 'validator.js'));
  else await writeFile(path.join(dir, 'validator.js'), validator);
  if (input01 !== undefined) await writeFile(path.join(dir, 'tests/01.in'), input01);
  return dir;
}

async function oj(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--disable-warning=ExperimentalWarning', CLI, ...args], {
      cwd: REPOSITORY_ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('validateTests', () => {
  it('accepts every input of a valid package', async () => {
    const problem = await loadProblemPackage(
      await spicyCopy('function validate(input) { return input.endsWith("\\n") ? undefined : "no newline"; }'),
    );
    const results = await validateTests(problem, pool);
    expect(results.map((r) => r.status)).toEqual(problem.testIds.map(() => 'valid'));
  });

  it.each([
    [
      'a throw',
      'function validate(input, context) { if (context.test === "01") throw new Error("bad line 2"); }',
      'bad line 2',
    ],
    [
      'a string',
      'function validate(input, context) { return context.test === "01" ? "bad line 2" : undefined; }',
      'bad line 2',
    ],
    ['false', 'function validate(input, context) { return context.test !== "01"; }', 'the validator returned false'],
  ])('rejects with a reason given by %s', async (_, validator, reason) => {
    const problem = await loadProblemPackage(await spicyCopy(validator));
    const results = await validateTests(problem, pool);
    expect(results[0]).toEqual({ test: '01', status: 'rejected', reason });
    expect(results.slice(1).every((r) => r.status === 'valid')).toBe(true);
  });

  it('throws a PackageError for a validator that cannot be loaded', async () => {
    for (const validator of ['function validate(input) {', 'throw new Error("top level")', 'const x = 1;']) {
      const problem = await loadProblemPackage(await spicyCopy(validator));
      await expect(validateTests(problem, pool)).rejects.toBeInstanceOf(PackageError);
    }
  });
});

describe('built-in validators', () => {
  it('spicy-rabbit-head rejects the old layout of one number per line', async () => {
    const problem = await loadProblemPackage(await spicyCopy(undefined));
    const code = await import('node:fs/promises').then((fs) =>
      fs.readFile(path.join(BUILT_IN_PROBLEMS_DIR, 'spicy-rabbit-head/validator.js'), 'utf8'),
    );
    for (const input of [
      '3\n1\n2\n3\n',
      '3\n1 2\n3\n',
      '3\n1  2 3\n',
      '3\n1 2 3 \n',
      '3\n1 2 3',
      '3\n1 2 7\n',
      '2\n1 2 3\n',
    ]) {
      const verification = await verifyPackageFully(
        {
          ...problem,
          validatorCode: code,
          testIds: ['01'],
          readTest: () => Promise.resolve({ id: '01', input, expected: '' }),
        },
        pool,
        { concurrency: 1 },
      );
      expect(verification.sound, JSON.stringify(input)).toBe(false);
      expect(verification.invalidInputs[0]?.status).toBe('rejected');
    }
  });

  it('every built-in problem has a validator.js that accepts all its tests', async () => {
    const folders = (await readdir(BUILT_IN_PROBLEMS_DIR)).filter((name) => !name.startsWith('_'));
    expect(folders.length).toBeGreaterThanOrEqual(5);
    for (const name of folders) {
      const problem = await loadProblemPackage(path.join(BUILT_IN_PROBLEMS_DIR, name));
      expect(problem.validatorCode, name).toBeDefined();
      const results = await validateTests(problem, pool, { concurrency: 2 });
      expect(
        results.filter((r) => r.status !== 'valid'),
        name,
      ).toEqual([]);
    }
  });
});

describe('oj verify', () => {
  it('exits 2 with the reason for a package that does not exist', async () => {
    const result = await oj('verify', 'problems/nope');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the folder does not exist');
  });

  it('exits 2 for a validator.js that cannot be loaded', async () => {
    const result = await oj('verify', await spicyCopy('function validate(input) {'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('validator.js could not be loaded');
  });

  it('exits 1 naming the test and the reason when a test breaks the validator format', async () => {
    const dir = await spicyCopy(undefined);
    await cp(path.join(BUILT_IN_PROBLEMS_DIR, 'spicy-rabbit-head/validator.js'), path.join(dir, 'validator.js'));
    await writeFile(path.join(dir, 'tests/02.in'), '3\n1\n2\n3\n');
    const result = await oj('verify', dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('test 02: input rejected by validator.js: expected exactly 2 lines, found 4');
  });
});
