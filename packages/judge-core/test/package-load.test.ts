// The package loader's refusals: one test per problem it reports, each on its own package in a temp folder.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { loadProblemPackage, PackageError } from '../src/package/load.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'oj-load-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

type Manifest = Record<string, unknown>;

const STDIO_MANIFEST: Manifest = {
  slug: 'add',
  title: 'Add',
  difficulty: 'easy',
  style: 'stdio',
  limits: { timeMs: 1000, memoryMb: 64 },
  checker: { type: 'tokens' },
  samples: ['1'],
  subtasks: [{ id: 'all', score: 100, tests: ['1', '2'] }],
  solutions: [{ file: 'solutions/ok.js', expect: 'AC' }],
};

const FUNCTION_MANIFEST: Manifest = {
  ...STDIO_MANIFEST,
  style: 'function',
  function: { name: 'add', params: [{ name: 'a', type: 'number' }], returns: 'number' },
  subtasks: [{ id: 'all', score: 100, tests: ['1'] }],
};

/**
 * Writes a package to a fresh folder: `files` maps paths to contents, a null content leaves the file out.
 * problem.yaml is the YAML of `manifest` unless `files` gives it.
 */
async function writePackage(manifest: Manifest, files: Record<string, string | null> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(scratch, 'pkg-'));
  const style = manifest.style;
  const defaults: Record<string, string | null> = {
    'problem.yaml': toYaml(manifest),
    'statement.md': '# Add\n',
    'solutions/ok.js': 'console.log(1);\n',
    ...(style === 'function'
      ? { 'tests/1.json': '{"args":[1],"expected":1}' }
      : { 'tests/1.in': '1 2\n', 'tests/1.out': '3\n', 'tests/2.in': '2 2\n', 'tests/2.out': '4\n' }),
  };
  for (const [file, content] of Object.entries({ ...defaults, ...files })) {
    if (content === null) continue;
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

/** The problems the loader lists for the package, or a failure if it loads. */
async function problemsOf(dir: string): Promise<string[]> {
  const error: unknown = await loadProblemPackage(dir).then(
    () => new Error('the package loaded'),
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(PackageError);
  const { message, problems } = error as PackageError;
  expect(message).toBe(
    `${dir}: the problem package is broken:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
  );
  return problems;
}

describe('loadProblemPackage accepts', () => {
  it('a sound stdio package, with its statements, tests in natural order and optional files', async () => {
    const dir = await writePackage(
      {
        ...STDIO_MANIFEST,
        subtasks: [{ id: 'all', score: 100, tests: ['1', '2', '10'] }],
        checker: { type: 'custom' },
      },
      {
        'statement.zh.md': '# 加法\n',
        'tests/10.in': '5 5\n',
        'tests/10.out': '10\n',
        'checker.js': 'function check() { return true; }',
        'validator.js': 'function validate() {}',
      },
    );
    const loaded = await loadProblemPackage(dir);
    expect(loaded.dir).toBe(dir);
    expect(loaded.testIds).toEqual(['1', '2', '10']);
    expect(loaded.statements).toEqual({ en: '# Add\n', zh: '# 加法\n' });
    expect(loaded.checkerCode).toBe('function check() { return true; }');
    expect(loaded.validatorCode).toBe('function validate() {}');
    expect(await loaded.readTest('10')).toEqual({ id: '10', input: '5 5\n', expected: '10\n' });
  });

  it('a package with no reference solutions, and per-subtask and per-test limits', async () => {
    const { solutions: _solutions, ...manifest } = STDIO_MANIFEST;
    const dir = await writePackage({
      ...manifest,
      subtasks: [{ id: 'all', score: 100, tests: ['1', '2'], limits: { timeMs: 2000 } }],
      testLimits: { '2': { memoryMb: 32 } },
    });
    const loaded = await loadProblemPackage(dir);
    expect(loaded.manifest.solutions).toEqual([]);
    expect(loaded.manifest.testLimits).toEqual({ '2': { memoryMb: 32 } });
  });

  it('a function-style package, whose tests become JSON texts of the arguments and the answer', async () => {
    const loaded = await loadProblemPackage(
      await writePackage(FUNCTION_MANIFEST, { 'tests/1.json': '{"args":[1, [2]],"expected":{"a":1}}' }),
    );
    expect(loaded.checkerCode).toBeUndefined();
    expect(loaded.validatorCode).toBeUndefined();
    expect(await loaded.readTest('1')).toEqual({ id: '1', input: '[1,[2]]', expected: '{"a":1}' });
  });
});

describe('loadProblemPackage refuses a package', () => {
  it('whose folder does not exist', async () => {
    expect(await problemsOf(path.join(scratch, 'nowhere'))).toEqual(['the folder does not exist']);
  });

  it('without problem.yaml', async () => {
    expect(await problemsOf(await writePackage(STDIO_MANIFEST, { 'problem.yaml': null }))).toEqual([
      expect.stringMatching(/^problem\.yaml: ENOENT: no such file or directory/) as string,
    ]);
  });

  it('whose problem.yaml is not YAML', async () => {
    const problems = await problemsOf(await writePackage(STDIO_MANIFEST, { 'problem.yaml': 'slug: [unclosed\n' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^problem\.yaml: /);
    expect(problems[0]).not.toContain('\n');
  });

  it('whose problem.yaml is not a mapping', async () => {
    expect(await problemsOf(await writePackage(STDIO_MANIFEST, { 'problem.yaml': '- just\n- a list\n' }))).toEqual([
      expect.stringMatching(/^problem\.yaml: \(root\): /) as string,
    ]);
  });

  it('whose problem.yaml breaks the manifest schema, naming each field', async () => {
    const { title: _title, ...noTitle } = STDIO_MANIFEST;
    const problems = await problemsOf(await writePackage({ ...noTitle, limits: { timeMs: 1, memoryMb: 64 } }));
    expect(problems).toEqual([
      expect.stringMatching(/^problem\.yaml: title: /) as string,
      expect.stringMatching(/^problem\.yaml: limits\.timeMs: /) as string,
    ]);
  });

  it('without statement.md', async () => {
    expect(
      await problemsOf(await writePackage(STDIO_MANIFEST, { 'statement.md': null, 'statement.zh.md': '# 加法' })),
    ).toEqual(['statement.md is missing']);
  });

  it('without a tests/ folder', async () => {
    const dir = await writePackage(STDIO_MANIFEST, {
      'tests/1.in': null,
      'tests/1.out': null,
      'tests/2.in': null,
      'tests/2.out': null,
    });
    expect(await problemsOf(dir)).toEqual([
      'the tests/ folder is missing',
      'there are no tests',
      'subtask all: test "1" does not exist',
      'subtask all: test "2" does not exist',
      'samples: test "1" does not exist',
    ]);
  });

  it('with a file in tests/ that is not a test file', async () => {
    expect(await problemsOf(await writePackage(STDIO_MANIFEST, { 'tests/notes.txt': 'hi' }))).toEqual([
      'tests/notes.txt: not a test file (expected NN.in + NN.out, or NN.json)',
    ]);
  });

  it('with a stdio test that lacks its .out', async () => {
    expect(await problemsOf(await writePackage(STDIO_MANIFEST, { 'tests/2.out': null }))).toEqual([
      'tests/2: a stdio test needs both 2.in and 2.out',
    ]);
  });

  it('with a stdio test that lacks its .in', async () => {
    expect(await problemsOf(await writePackage(STDIO_MANIFEST, { 'tests/2.in': null }))).toEqual([
      'tests/2: a stdio test needs both 2.in and 2.out',
    ]);
  });

  it('with a function-style test that is not one .json file', async () => {
    expect(await problemsOf(await writePackage(FUNCTION_MANIFEST, { 'tests/1.in': '[1]' }))).toEqual([
      'tests/1: a function-style test is one 1.json file',
    ]);
  });

  it('with a function-style test given as .in and .out', async () => {
    const dir = await writePackage(FUNCTION_MANIFEST, {
      'tests/1.json': null,
      'tests/1.in': '[1]',
      'tests/1.out': '1',
    });
    expect(await problemsOf(dir)).toEqual(['tests/1: a function-style test is one 1.json file']);
  });

  it('with no tests at all', async () => {
    const dir = await writePackage(STDIO_MANIFEST, {
      'tests/1.in': null,
      'tests/1.out': null,
      'tests/2.in': null,
      'tests/2.out': null,
    });
    await mkdir(path.join(dir, 'tests'));
    expect(await problemsOf(dir)).toEqual([
      'there are no tests',
      'subtask all: test "1" does not exist',
      'subtask all: test "2" does not exist',
      'samples: test "1" does not exist',
    ]);
  });

  it('whose subtask names a test that does not exist', async () => {
    const dir = await writePackage({
      ...STDIO_MANIFEST,
      subtasks: [{ id: 'all', score: 100, tests: ['1', '2', '3'] }],
    });
    expect(await problemsOf(dir)).toEqual(['subtask all: test "3" does not exist']);
  });

  it('with a test in no subtask', async () => {
    const dir = await writePackage(STDIO_MANIFEST, { 'tests/3.in': '0 0\n', 'tests/3.out': '0\n' });
    expect(await problemsOf(dir)).toEqual(['test "3" belongs to no subtask']);
  });

  it('whose sample is not a test', async () => {
    expect(await problemsOf(await writePackage({ ...STDIO_MANIFEST, samples: ['1', '9'] }))).toEqual([
      'samples: test "9" does not exist',
    ]);
  });

  it('whose testLimits name a test that does not exist', async () => {
    const dir = await writePackage({
      ...STDIO_MANIFEST,
      testLimits: { '1': { timeMs: 2000 }, '7': { timeMs: 2000 }, '8': { memoryMb: 32 } },
    });
    expect(await problemsOf(dir)).toEqual([
      'testLimits: test "7" does not exist',
      'testLimits: test "8" does not exist',
    ]);
  });

  it('whose reference solution is outside the package', async () => {
    const dir = await writePackage({ ...STDIO_MANIFEST, solutions: [{ file: '../elsewhere/ok.js', expect: 'AC' }] });
    expect(await problemsOf(dir)).toEqual(['solutions: ../elsewhere/ok.js is outside the package']);
  });

  it('whose reference solution does not exist', async () => {
    const dir = await writePackage({
      ...STDIO_MANIFEST,
      solutions: [
        { file: 'solutions/ok.js', expect: 'AC' },
        { file: 'solutions/wa.js', expect: 'WA' },
      ],
    });
    expect(await problemsOf(dir)).toEqual(['solutions: solutions/wa.js does not exist']);
  });

  it('whose custom checker is missing', async () => {
    const dir = await writePackage({ ...STDIO_MANIFEST, checker: { type: 'custom', file: 'judge/check.js' } });
    expect(await problemsOf(dir)).toEqual(['the custom checker judge/check.js is missing']);
  });

  it('whose custom checker points outside the package', async () => {
    const dir = await writePackage(
      { ...STDIO_MANIFEST, checker: { type: 'custom', file: '../checker.js' } },
      { '../checker.js': 'x' },
    );
    expect(await problemsOf(dir)).toEqual(['the custom checker ../checker.js is missing']);
  });

  it('whose validator.js cannot be read', async () => {
    const dir = await writePackage(STDIO_MANIFEST);
    await mkdir(path.join(dir, 'validator.js'));
    expect(await problemsOf(dir)).toEqual([
      expect.stringMatching(/^validator\.js: EISDIR: illegal operation on a directory/) as string,
    ]);
  });

  it('with a function-style test whose "args" is not an array', async () => {
    expect(
      await problemsOf(await writePackage(FUNCTION_MANIFEST, { 'tests/1.json': '{"args":1,"expected":1}' })),
    ).toEqual(['tests/1.json: "args" must be an array']);
  });

  it('with a function-style test without "expected"', async () => {
    expect(await problemsOf(await writePackage(FUNCTION_MANIFEST, { 'tests/1.json': '{"args":[1]}' }))).toEqual([
      'tests/1.json: "expected" is missing',
    ]);
  });

  it('with a function-style test that is not JSON', async () => {
    expect(await problemsOf(await writePackage(FUNCTION_MANIFEST, { 'tests/1.json': '{"args":[1],' }))).toEqual([
      expect.stringMatching(/^tests\/1\.json: .*JSON/) as string,
    ]);
  });

  it('listing every problem at once', async () => {
    const dir = await writePackage(
      { ...STDIO_MANIFEST, samples: ['7'], solutions: [{ file: 'solutions/none.js', expect: 'AC' }] },
      { 'statement.md': null, 'tests/2.out': null, 'tests/x.txt': '' },
    );
    expect(await problemsOf(dir)).toEqual([
      'statement.md is missing',
      'tests/x.txt: not a test file (expected NN.in + NN.out, or NN.json)',
      'tests/2: a stdio test needs both 2.in and 2.out',
      'samples: test "7" does not exist',
      'solutions: solutions/none.js does not exist',
    ]);
  });
});
