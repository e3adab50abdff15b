// Importing Hydro zips as Hydro exports them (docs/hydro-format.md): the packages written, their manifests,
// statements and files, the notes on what did not carry over, the refusals (nothing left behind), the
// detection of the format, and `oj import` followed by `oj judge` on what it made.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { judgeResultSchema, type JudgeResult } from '@oj/shared';
import { ArchiveError, exportPackageZip } from '../src/package/archive.ts';
import { hydroSlug, importHydroZip, takeSamples } from '../src/package/hydro.ts';
import { importAnyZip } from '../src/package/import.ts';
import { BUILT_IN_PROBLEMS_DIR, PackageError } from '../src/package/load.ts';
import { buildZip } from './support/zip.ts';

const REPOSITORY_ROOT = path.resolve(BUILT_IN_PROBLEMS_DIR, '..');

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'oj-hydro-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A zip of these files (path -> text or YAML-able value). */
async function zipOf(name: string, files: Record<string, unknown>): Promise<string> {
  const file = path.join(scratch, name);
  const entries = Object.entries(files).map(([entry, content]) => ({
    name: entry,
    data: Buffer.from(typeof content === 'string' ? content : toYaml(content)),
  }));
  await writeFile(file, buildZip(entries));
  return file;
}

/** The files of a folder as path -> text, sorted. */
async function tree(root: string, relative = ''): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of (await readdir(path.join(root, relative), { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(files, await tree(root, child));
    else files[child] = await readFile(path.join(root, child), 'utf8');
  }
  return files;
}

const ZH_STATEMENT = `# 加法

## 题目描述

计算 $a+b$。

## 样例

\`\`\`input1
1 2
\`\`\`

\`\`\`output1
3
\`\`\`

## 提示

见 ![图](file://figure.png)。
`;

const EN_STATEMENT = `# Addition

Compute $a+b$.

## Samples

### Sample 1

\`\`\`input1
1 2
\`\`\`

\`\`\`output1
3
\`\`\`

## Note

\`\`\`python
# a comment, not a heading
\`\`\`
`;

/** What the server-side export writes for two problems: one with a full config.yaml, one with none. */
function realisticExport(): Record<string, unknown> {
  const cases: Record<string, string> = {};
  for (let n = 1; n <= 6; n++) {
    cases[`1001/testdata/${n}.in`] = `${n} ${n}\n`;
    cases[`1001/testdata/${n}.${n === 6 ? 'ans' : 'out'}`] = `${2 * n}\n`;
  }
  const auto: Record<string, string> = {};
  for (let n = 1; n <= 7; n++) {
    auto[`1002/testdata/${n}.in`] = `${n}\n`;
    auto[`1002/testdata/${n}.out`] = `${n}\n`;
  }
  return {
    '1001/problem.yaml': {
      pid: 'P1001',
      owner: 2,
      title: ' A + B ',
      tag: ['math', 'beginner'],
      nSubmit: 10,
      nAccept: 7,
      difficulty: 2,
    },
    '1001/problem_zh.md': ZH_STATEMENT,
    '1001/problem_en.md': EN_STATEMENT,
    '1001/testdata/config.yaml': {
      type: 'default',
      time: '1s',
      memory: '256m',
      checker_type: 'testlib',
      checker: 'ncmp',
      langs: ['cc', 'py.py3'],
      subtasks: [
        {
          id: 1,
          score: 30,
          type: 'min',
          cases: [
            { input: '1.in', output: '1.out' },
            { input: '2.in', output: '2.out', time: '2s' },
          ],
        },
        {
          id: 2,
          type: 'sum',
          if: [1],
          time: '1500ms',
          memory: 512,
          cases: [
            { input: '3.in', output: '3.out' },
            { input: '4.in', output: '4.out' },
            { input: '5.in', output: '5.out', memory: '64m' },
          ],
        },
        { id: 3, type: 'max', if: [2], cases: [{ input: '6.in', output: '6.ans' }] },
      ],
    },
    ...cases,
    '1001/additional_file/figure.png': 'PNG bytes',
    '1002/problem.yaml': { owner: 2, title: 'Echo', tag: [], nSubmit: 0, nAccept: 0 },
    '1002/problem.md': '# Echo\n\nPrint $n$.\n',
    ...auto,
    '1002/testdata/chk.cc': '// a checker nobody uses\n',
  };
}

describe('importHydroZip on a realistic export of two problems', () => {
  let out: string;
  let imported: Awaited<ReturnType<typeof importHydroZip>>;
  beforeAll(async () => {
    out = path.join(scratch, 'export');
    imported = await importHydroZip(await zipOf('Export.zip', realisticExport()), out);
  });

  it('writes one package folder per problem, named by its slug (pid, else hydro-<folder>)', async () => {
    expect(imported.map(({ problem }) => path.relative(out, problem.dir))).toEqual(['p1001', 'hydro-1002']);
    expect((await readdir(out)).sort()).toEqual(['hydro-1002', 'p1001']);
    expect(imported.map(({ problem }) => problem.manifest.title)).toEqual(['A + B', 'Echo']);
  });

  it('maps config.yaml: min as is, sum split per case with shared scores, if, limits per subtask and test', () => {
    const { manifest, testIds } = imported[0]!.problem;
    expect(testIds).toEqual(['01', '02', '03', '04', '05', '06', 'sample1']);
    expect(manifest.subtasks).toEqual([
      { id: 'samples', score: 0, tests: ['sample1'], dependencies: [] },
      { id: '1', score: 30, tests: ['01', '02'], dependencies: [] },
      // 70 left over two unscored subtasks: 35 each; 35 over the three cases of the sum one: 11, 12, 12.
      { id: '2-1', score: 11, tests: ['03'], dependencies: ['1'], limits: { timeMs: 1500, memoryMb: 512 } },
      { id: '2-2', score: 12, tests: ['04'], dependencies: ['1'], limits: { timeMs: 1500, memoryMb: 512 } },
      { id: '2-3', score: 12, tests: ['05'], dependencies: ['1'], limits: { timeMs: 1500, memoryMb: 64 } },
      { id: '3', score: 35, tests: ['06'], dependencies: ['2-1', '2-2', '2-3'] },
    ]);
    expect(manifest.limits).toMatchObject({ timeMs: 1000, memoryMb: 256 });
    expect(manifest.testLimits).toEqual({ '02': { timeMs: 2000 } });
    expect(manifest.checker).toEqual({ type: 'tokens' });
    expect(manifest).toMatchObject({ slug: 'p1001', difficulty: 'easy', tags: ['math', 'beginner'], style: 'stdio' });
    expect(manifest.samples).toEqual(['sample1']);
    expect(manifest.solutions).toEqual([]);
  });

  it('copies each case under its test id, and the statement samples as tests', async () => {
    const readTest = (id: string) => imported[0]!.problem.readTest(id);
    expect(await readTest('02')).toEqual({ id: '02', input: '2 2\n', expected: '4\n' });
    expect(await readTest('06')).toEqual({ id: '06', input: '6 6\n', expected: '12\n' });
    expect(await readTest('sample1')).toEqual({ id: 'sample1', input: '1 2\n', expected: '3\n' });
  });

  it('writes statement.md (English) and statement.zh.md, samples and their empty headings taken out', () => {
    const { statements } = imported[0]!.problem;
    expect(Object.keys(statements).sort()).toEqual(['en', 'zh']);
    expect(statements['en']).toBe(
      '# Addition\n\nCompute $a+b$.\n\n## Note\n\n```python\n# a comment, not a heading\n```\n',
    );
    expect(statements['zh']).toBe(
      '# 加法\n\n## 题目描述\n\n计算 $a+b$。\n\n## 提示\n\n见 ![图](file://figure.png)。\n',
    );
  });

  it('keeps additional_file/ and every file that is not a test under hydro/', async () => {
    const files = Object.keys(await tree(imported[0]!.problem.dir));
    expect(files).toContain('additional_file/figure.png');
    expect(files).toContain('hydro/problem.yaml');
    expect(files).toContain('hydro/testdata/config.yaml');
    expect(files).toContain('hydro/problem_zh.md');
    expect(files.filter((file) => file.startsWith('hydro/testdata/') && file.endsWith('.in'))).toEqual([]);
    const second = await tree(imported[1]!.problem.dir);
    expect(second['hydro/testdata/chk.cc']).toBe('// a checker nobody uses\n');
  });

  it('notes what did not carry over', () => {
    const notes = imported[0]!.notes.join('\n');
    expect(notes).toMatch(
      /subtask 2 \(type sum, 3 cases\) became subtasks 2-1 to 2-3, one per case with its points \(11, 12, 12\)/,
    );
    expect(notes).toMatch(/subtask 3 is of type max/);
    expect(notes).toMatch(/the language list \(langs\) does not apply/);
    expect(notes).toMatch(/file:\/\//);
    expect(notes).toMatch(/no reference solutions/);
    expect(notes).toMatch(/pid P1001 became the slug p1001/);
  });

  it('finds the tests of a problem without config.yaml from the file names, sharing 100 as Hydro does', () => {
    const { problem, notes } = imported[1]!;
    expect(problem.testIds).toEqual(['01', '02', '03', '04', '05', '06', '07']);
    expect(problem.manifest.subtasks.map((subtask) => [subtask.id, subtask.score, subtask.tests])).toEqual([
      ['1-1', 14, ['01']],
      ['1-2', 14, ['02']],
      ['1-3', 14, ['03']],
      ['1-4', 14, ['04']],
      ['1-5', 14, ['05']],
      ['1-6', 15, ['06']],
      ['1-7', 15, ['07']],
    ]);
    expect(problem.manifest.limits).toMatchObject({ timeMs: 1000, memoryMb: 256 });
    expect(problem.manifest.testLimits).toBeUndefined();
    expect(problem.manifest.samples).toEqual(['01']);
    expect(problem.manifest.checker).toEqual({ type: 'lines' });
    expect(problem.manifest.difficulty).toBe('medium');
    // problem.md has no language: it is the one statement.
    expect(problem.statements).toEqual({ en: '# Echo\n\nPrint $n$.\n' });
    const text = notes.join('\n');
    expect(text).toMatch(/no testdata\/config\.yaml: tests found from the file names/);
    expect(text).toMatch(/no pid in problem.yaml: the slug is hydro-1002/);
    expect(text).toMatch(/test 01 is shown as the sample/);
    expect(text).toMatch(/test-data files that are no test \(chk\.cc\)/);
    expect(text).toMatch(/problem\.md has no language/);
  });
});

describe('importHydroZip on one problem at the zip root', () => {
  it('detects subtasks from names like subtask1_1.in, reads problem.md before problem_zh.md, keeps a Chinese-only statement', async () => {
    const zip = await zipOf('root.zip', {
      'problem.yaml': { pid: 'Hello_World', title: 'Hello', difficulty: 9 },
      'problem.md': '# Hello\n',
      'problem_zh.md': '# 你好\n',
      'testdata/subtask1_1.in': '1\n',
      'testdata/subtask1_1.ans': '1\n',
      'testdata/subtask2_1.in': '2\n',
      'testdata/subtask2_1.ans': '2\n',
      'testdata/subtask2_2.in': '3\n',
      'testdata/subtask2_2.ans': '3\n',
      'testdata/config.yaml': { time: 3000, memory: '1g' },
    });
    const [only] = await importHydroZip(zip, path.join(scratch, 'root'));
    const { manifest, statements } = only!.problem;
    expect(manifest.slug).toBe('hello-world');
    expect(manifest.difficulty).toBe('hard');
    expect(manifest.subtasks).toEqual([
      { id: '1', score: 50, tests: ['01'], dependencies: [] },
      { id: '2', score: 50, tests: ['02', '03'], dependencies: [] },
    ]);
    expect(manifest.limits).toMatchObject({ timeMs: 3000, memoryMb: 1024 });
    expect(statements).toEqual({ en: '# Hello\n' });
  });

  it('takes problem_zh.md as the main statement when it is the only one, and keeps it as Chinese too', async () => {
    const zip = await zipOf('zh.zip', {
      '7/problem.yaml': { title: '回声' },
      '7/problem_zh.md': '# 回声\n',
      '7/problem_zh_TW.md': '# 回聲\n',
      '7/testdata/a1.in': 'x\n',
      '7/testdata/a1.out': 'x\n',
    });
    const [only] = await importHydroZip(zip, path.join(scratch, 'zh'));
    expect(only!.problem.statements).toEqual({ en: '# 回声\n', zh: '# 回声\n', 'zh-TW': '# 回聲\n' });
    expect(only!.notes.join('\n')).toMatch(/no English statement: statement\.md holds the zh one/);
  });

  it('clamps limits to ours, and a subtask listed with no case is found from the names', async () => {
    const zip = await zipOf('clamp.zip', {
      '1/problem.yaml': { title: 'T' },
      '1/problem.md': 'x\n',
      '1/testdata/config.yaml': { time: '30s', memory: '8m', subtasks: [{ id: 1, score: 100, cases: [] }] },
      '1/testdata/1.in': '1\n',
      '1/testdata/1.out': '1\n',
    });
    const [only] = await importHydroZip(zip, path.join(scratch, 'clamp'));
    expect(only!.problem.manifest.limits).toMatchObject({ timeMs: 20_000, memoryMb: 16 });
    const notes = only!.notes.join('\n');
    expect(notes).toMatch(/time limit 30000 ms became 20000 ms/);
    expect(notes).toMatch(/memory limit 8 MB became 16 MB/);
    expect(notes).toMatch(/lists subtasks but no case/);
  });

  it('reorders subtasks so dependencies come first, and notes checkers it cannot carry', async () => {
    const zip = await zipOf('order.zip', {
      '1/problem.yaml': { title: 'T', pid: 'order' },
      '1/problem.md': 'x\n',
      '1/testdata/config.yaml': {
        checker_type: 'testlib',
        checker: 'chk.cc',
        filename: 'data',
        subtasks: [
          { id: 1, score: 40, if: [2], cases: [{ input: '1.in', output: '1.out' }] },
          { id: 2, score: 60, cases: [{ input: '2.in', output: '2.out' }] },
        ],
      },
      '1/testdata/1.in': '1\n',
      '1/testdata/1.out': '1\n',
      '1/testdata/2.in': '2\n',
      '1/testdata/2.out': '2\n',
      '1/testdata/chk.cc': 'int main() {}\n',
    });
    const [only] = await importHydroZip(zip, path.join(scratch, 'order'));
    expect(only!.problem.manifest.subtasks.map((subtask) => [subtask.id, subtask.dependencies])).toEqual([
      ['2', []],
      ['1', ['2']],
    ]);
    const notes = only!.notes.join('\n');
    expect(notes).toMatch(/subtasks reordered/);
    expect(notes).toMatch(/checker_type testlib \(chk\.cc\) cannot run here/);
    expect(notes).toMatch(/file IO \(filename\) is not supported/);
  });
});

describe('importHydroZip, other problem.yaml fields', () => {
  it('gives a second problem with the same pid a numbered slug, and reads ICPC-style limits', async () => {
    const problem = (limits?: unknown) => ({ title: 'Same', pid: 'same', ...(limits ? { limits } : {}) });
    const zip = await zipOf('same.zip', {
      'a/problem.yaml': problem(),
      'a/testdata/1.in': '1\n',
      'a/testdata/1.out': '1\n',
      'b/problem.yaml': problem({ time_limit: 2, memory: 128 }),
      'b/testdata/1.in': '1\n',
      'b/testdata/1.out': '1\n',
    });
    const imported = await importHydroZip(zip, path.join(scratch, 'same'));
    expect(imported.map(({ problem: { manifest } }) => manifest.slug)).toEqual(['same', 'same-2']);
    expect(imported[1]!.problem.manifest.limits).toMatchObject({ timeMs: 2000, memoryMb: 128 });
    expect(imported[1]!.notes).toContain('the slug same is taken by another problem of the zip: this one is same-2');
  });
});

describe('importHydroZip with the legacy config.ini', () => {
  it('makes one subtask per line, with its score, time (seconds) and memory (KB)', async () => {
    const zip = await zipOf('ini.zip', {
      '1/problem.yaml': { title: 'Old' },
      '1/testdata/config.ini': '2\na.in|a.out|1|40|65536\nb.in|b.out|2|60|\n',
      '1/testdata/a.in': '1\n',
      '1/testdata/a.out': '1\n',
      '1/testdata/b.in': '2\n',
      '1/testdata/b.out': '2\n',
    });
    const [only] = await importHydroZip(zip, path.join(scratch, 'ini'));
    expect(only!.problem.manifest.subtasks).toEqual([
      { id: '1', score: 40, tests: ['01'], dependencies: [], limits: { memoryMb: 64 } },
      { id: '2', score: 60, tests: ['02'], dependencies: [], limits: { timeMs: 2000 } },
    ]);
    // The tests disagree, so the problem keeps Hydro's defaults and each subtask says what differs.
    expect(only!.problem.manifest.limits).toMatchObject({ timeMs: 1000, memoryMb: 256 });
  });
});

describe('a Hydro zip is refused, naming every reason of every problem, with nothing written', () => {
  async function refusal(zip: string, name: string) {
    const outDir = path.join(scratch, name);
    const error = await importHydroZip(zip, outDir).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error instanceof PackageError || error instanceof ArchiveError, String(error)).toBe(true);
    expect((await readdir(scratch)).filter((entry) => entry.includes(name))).toEqual([]);
    return (error as PackageError).problems;
  }

  it('when problems have an unreadable time, a missing file, a cycle of if, no title, no tests', async () => {
    const zip = await zipOf('broken.zip', {
      '1/problem.yaml': { title: 'Fine' },
      '1/testdata/1.in': '1\n',
      '1/testdata/1.out': '1\n',
      '2/problem.yaml': { title: 'Bad time' },
      '2/testdata/config.yaml': { time: '1 sec', subtasks: [{ cases: [{ input: '1.in', output: '1.out' }] }] },
      '2/testdata/1.in': '1\n',
      '3/problem.yaml': { title: 'Missing file', pid: 'p3' },
      '3/testdata/config.yaml': { subtasks: [{ id: 1, cases: [{ input: '9.in', output: '9.out' }] }] },
      '3/testdata/1.in': '1\n',
      '4/problem.yaml': { title: 'Cycle' },
      '4/testdata/config.yaml': {
        subtasks: [
          { id: 1, if: [2], cases: [{ input: '1.in', output: '1.out' }] },
          { id: 2, if: [1], cases: [{ input: '1.in', output: '1.out' }] },
        ],
      },
      '4/testdata/1.in': '1\n',
      '4/testdata/1.out': '1\n',
      '5/problem.yaml': { name: 42 },
      '5/testdata/x.txt': 'x',
      '6/problem.yaml': 'title: [unclosed',
      '6/testdata/1.in': '1\n',
    });
    expect(await refusal(zip, 'broken-out')).toEqual([
      '2: testdata/config.yaml: time "1 sec" is not a time Hydro reads (e.g. 1000, "1s", "1000ms")',
      '3: testdata/config.yaml: subtask 1, case 1: the input file 9.in is not in testdata/',
      '3: testdata/config.yaml: subtask 1, case 1: the output file 9.out is not in testdata/',
      '4: subtasks 1, 2 depend on each other in a cycle (if), which a package cannot express',
      '5: problem.yaml: the title is missing or not text (Hydro refuses that too)',
      '5: no tests: testdata/ holds no input/output pair that Hydro would find by name (e.g. 1.in + 1.out) and there is no config.yaml',
      expect.stringMatching(/^6: problem\.yaml: not YAML/),
      '6: problem.yaml: the title is missing or not text (Hydro refuses that too)',
      expect.stringMatching(/^6: no tests/),
    ]);
  });

  it('when it holds no problem at all', async () => {
    const zip = await zipOf('empty.zip', { 'notes.txt': 'hello', 'stuff/readme.md': 'x' });
    const problems = await refusal(zip, 'empty-out');
    expect(problems[0]).toMatch(/^no problem in the zip/);
    expect(problems).toContain('notes.txt: a file at the top of the zip: ignored, as Hydro does');
  });

  it('when the zip itself is unsafe, through the same checks as every upload', async () => {
    const zip = path.join(scratch, 'slip.zip');
    await writeFile(zip, buildZip([{ name: '1/../../evil', data: Buffer.from('x') }]));
    expect((await refusal(zip, 'slip-out')).join()).toMatch(/out of the package/);
  });
});

describe('importAnyZip', () => {
  it('imports our own package zip as importPackageZip does, with no notes', async () => {
    const zip = path.join(scratch, 'subsets.zip');
    await exportPackageZip(path.join(BUILT_IN_PROBLEMS_DIR, 'subsets'), zip);
    const out = path.join(scratch, 'any-ours');
    const imported = await importAnyZip(zip, out);
    expect(imported.format).toBe('oj');
    expect(imported.packages).toHaveLength(1);
    expect(imported.packages[0]!.problem.dir).toBe(out);
    expect(imported.packages[0]!.problem.manifest.slug).toBe('subsets');
    expect(imported.packages[0]!.notes).toEqual([]);
    expect(await tree(out)).toEqual(await tree(path.join(BUILT_IN_PROBLEMS_DIR, 'subsets')));
  });

  it('imports ours under one top folder too, and reports a broken one in our terms', async () => {
    const files = await tree(path.join(BUILT_IN_PROBLEMS_DIR, 'subsets'));
    const wrapped = Object.fromEntries(Object.entries(files).map(([name, text]) => [`subsets/${name}`, text]));
    const imported = await importAnyZip(await zipOf('wrapped.zip', wrapped), path.join(scratch, 'any-wrapped'));
    expect(imported.format).toBe('oj');
    const { 'statement.md': _statement, ...broken } = files;
    const error = await importAnyZip(await zipOf('ours-broken.zip', broken), path.join(scratch, 'any-broken')).catch(
      (caught: unknown) => caught,
    );
    expect((error as PackageError).problems).toEqual(['statement.md is missing']);
  });

  it('refuses an output folder that exists already, and leaves it alone', async () => {
    const out = path.join(scratch, 'any-exists');
    await writeFile(out, 'x');
    await expect(importAnyZip(await zipOf('any-exists.zip', realisticExport()), out)).rejects.toThrow(/exists already/);
    expect(await readFile(out, 'utf8')).toBe('x');
  });

  it('imports a Hydro zip, one package per problem under the folder', async () => {
    const out = path.join(scratch, 'any-hydro');
    const imported = await importAnyZip(await zipOf('any-hydro.zip', realisticExport()), out);
    expect(imported.format).toBe('hydro');
    expect(imported.packages.map(({ problem }) => problem.dir)).toEqual([
      path.join(out, 'p1001'),
      path.join(out, 'hydro-1002'),
    ]);
  });

  it('accepts Hydro problems inside one wrapping folder, and says Hydro would not', async () => {
    const wrapped = Object.fromEntries(
      Object.entries(realisticExport()).map(([name, value]) => [`Export/${name}`, value]),
    );
    const imported = await importAnyZip(await zipOf('wrapped-hydro.zip', wrapped), path.join(scratch, 'any-wrap'));
    expect(imported.format).toBe('hydro');
    expect(imported.packages).toHaveLength(2);
    expect(imported.packages[0]!.notes[0]).toMatch(
      /inside one wrapping folder Export\/, which Hydro itself would not import/,
    );
  });
});

describe('Hydro helpers', () => {
  it.each([
    ['P1001', '7', 'p1001'],
    ['Hello_World', '7', 'hello-world'],
    ['--', '1002', 'hydro-1002'],
    [undefined, '1002', 'hydro-1002'],
    [undefined, '', 'hydro-problem'],
    [1001, 'x', '1001'],
  ])('slug of pid %j in folder %j is %j', (pid, folder, slug) => {
    expect(hydroSlug(pid, folder)).toBe(slug);
  });

  it('takeSamples pairs input and output blocks by number and leaves a text without samples as it is', () => {
    const { samples } = takeSamples('```input2\nb\n```\n```input1\na\n```\n```output1\nA\n```\n');
    expect([...samples.entries()]).toEqual([
      [2, { input: 'b\n' }],
      [1, { input: 'a\n', output: 'A\n' }],
    ]);
    expect(takeSamples('# T\n\n```\ncode\n```\n').text).toBe('# T\n\n```\ncode\n```\n');
  });
});

describe('oj import of a Hydro zip, then oj judge on what it made', () => {
  function oj(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [
          '--disable-warning=ExperimentalWarning',
          path.join(REPOSITORY_ROOT, 'packages/judge-core/src/cli/main.ts'),
          ...args,
        ],
        { cwd: scratch, env: { ...process.env, INIT_CWD: scratch } },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('prints each folder written and its notes, and the folder judges', async () => {
    await zipOf('cli-hydro.zip', realisticExport());
    const text = await oj('import', 'cli-hydro.zip', 'cli-hydro');
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^imported 2 Hydro problem\(s\) into cli-hydro\n/);
    expect(text.stdout).toMatch(/\nimported p1001 \(A \+ B\) into cli-hydro\/p1001\n/);
    expect(text.stdout).toMatch(/\n {2}note: subtask 2 \(type sum, 3 cases\) became subtasks 2-1 to 2-3/);

    const json = await oj('import', 'cli-hydro.zip', 'cli-hydro-json', '--json');
    expect(json.code).toBe(0);
    const printed = JSON.parse(json.stdout) as { format: string; packages: { slug: string; notes: string[] }[] };
    expect(printed.format).toBe('hydro');
    expect(printed.packages.map((entry) => entry.slug)).toEqual(['p1001', 'hydro-1002']);
    expect(printed.packages[0]!.notes.length).toBeGreaterThan(3);

    const solution = path.join(scratch, 'add.js');
    await writeFile(
      solution,
      "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(a + b);\n",
    );
    const judged = await oj('judge', 'cli-hydro/p1001', solution, '--json');
    expect(judged.code).toBe(0);
    const result: JudgeResult = judgeResultSchema.parse(JSON.parse(judged.stdout));
    expect(result).toMatchObject({ verdict: 'AC', score: 100, maxScore: 100 });

    const verified = await oj('verify', 'cli-hydro/p1001');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/no reference solutions: nothing to verify/);
  });
});
