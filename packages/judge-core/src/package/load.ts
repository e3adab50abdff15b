import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { problemManifestSchema, type ProblemManifest } from '@oj/shared';

/** One test of a problem: stdin text (stdio) or the JSON array of arguments (function style), and the expected answer. */
export interface TestCase {
  id: string;
  input: string;
  expected: string;
}

export interface ProblemPackage {
  dir: string;
  manifest: ProblemManifest;
  /** Statements by language; `en` is statement.md, others statement.<lang>.md. */
  statements: Record<string, string>;
  /** Test ids in judging order. */
  testIds: string[];
  checkerCode?: string;
  /** The setter's optional validator.js (see validate.ts): checks each test's input against the statement's format. */
  validatorCode?: string;
  readTest(id: string): Promise<TestCase>;
}

/** A package that cannot be judged; `problems` lists everything wrong with it at once. */
export class PackageError extends Error {
  readonly problems: string[];
  constructor(dir: string, problems: string[]) {
    super(`${dir}: the problem package is broken:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'PackageError';
    this.problems = problems;
  }
}

/** The optional input validator of a package, at its root. */
export const VALIDATOR_FILE = 'validator.js';

const TEST_FILE = /^([A-Za-z0-9_-]{1,64})\.(in|out|json)$/;

/** Natural order, so that "2" comes before "10". */
export function compareTestIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The absolute path of a file the manifest names, or undefined when it points outside the package. */
export function insidePackage(root: string, relative: string): string | undefined {
  const resolved = path.resolve(root, relative);
  return resolved.startsWith(root + path.sep) ? resolved : undefined;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function functionTestFrom(id: string, text: string): TestCase {
  const parsed = JSON.parse(text) as { args?: unknown; expected?: unknown };
  if (!Array.isArray(parsed.args)) throw new Error(`tests/${id}.json: "args" must be an array`);
  if (!('expected' in parsed)) throw new Error(`tests/${id}.json: "expected" is missing`);
  return { id, input: JSON.stringify(parsed.args), expected: JSON.stringify(parsed.expected) };
}

/** The folders directly under `root` that hold a problem.yaml, sorted by name. */
export async function findProblemFolders(root: string): Promise<string[]> {
  const folders: string[] = [];
  for (const name of (await readdir(root)).sort()) {
    const candidate = path.join(root, name);
    if ((await stat(path.join(candidate, 'problem.yaml')).catch(() => undefined))?.isFile()) folders.push(candidate);
  }
  return folders;
}

/** The built-in problems/ folder of this repository. */
export const BUILT_IN_PROBLEMS_DIR = path.resolve(import.meta.dirname, '../../../../problems');

export async function loadProblemPackage(dir: string): Promise<ProblemPackage> {
  const root = path.resolve(dir);
  const problems: string[] = [];
  const fail = (): never => {
    throw new PackageError(dir, problems);
  };

  if (!(await exists(root))) {
    problems.push('the folder does not exist');
    fail();
  }
  let manifest: ProblemManifest | undefined;
  try {
    const parsed = problemManifestSchema.safeParse(parseYaml(await readFile(path.join(root, 'problem.yaml'), 'utf8')));
    if (parsed.success) manifest = parsed.data;
    else
      for (const issue of parsed.error.issues)
        problems.push(`problem.yaml: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  } catch (error) {
    problems.push(`problem.yaml: ${(error as Error).message.split('\n')[0]}`);
  }

  const statements: Record<string, string> = {};
  for (const file of await readdir(root).catch(() => [] as string[])) {
    const match = /^statement(?:\.([a-z]{2}(?:-[A-Za-z]+)?))?\.md$/.exec(file);
    if (match) statements[match[1] ?? 'en'] = await readFile(path.join(root, file), 'utf8');
  }
  if (!statements.en) problems.push('statement.md is missing');

  const testFiles = await readdir(path.join(root, 'tests')).catch(() => {
    problems.push('the tests/ folder is missing');
    return [] as string[];
  });
  if (!manifest) fail();
  const style = manifest!.style;
  const found = new Map<string, Set<string>>();
  for (const file of testFiles) {
    const match = TEST_FILE.exec(file);
    if (!match) {
      problems.push(`tests/${file}: not a test file (expected NN.in + NN.out, or NN.json)`);
      continue;
    }
    const [, id, extension] = match as unknown as [string, string, string];
    if (!found.has(id)) found.set(id, new Set());
    found.get(id)!.add(extension);
  }
  for (const [id, extensions] of found) {
    if (style === 'stdio' && !(extensions.has('in') && extensions.has('out'))) {
      problems.push(`tests/${id}: a stdio test needs both ${id}.in and ${id}.out`);
    }
    if (style === 'function' && (!extensions.has('json') || extensions.size > 1)) {
      problems.push(`tests/${id}: a function-style test is one ${id}.json file`);
    }
  }
  const testIds = [...found.keys()].sort(compareTestIds);
  if (testIds.length === 0) problems.push('there are no tests');

  const known = new Set(testIds);
  const inSubtask = new Set<string>();
  for (const subtask of manifest!.subtasks) {
    for (const id of subtask.tests) {
      if (!known.has(id)) problems.push(`subtask ${subtask.id}: test "${id}" does not exist`);
      inSubtask.add(id);
    }
  }
  for (const id of testIds) if (!inSubtask.has(id)) problems.push(`test "${id}" belongs to no subtask`);
  for (const id of manifest!.samples) if (!known.has(id)) problems.push(`samples: test "${id}" does not exist`);
  for (const id of Object.keys(manifest!.testLimits ?? {}))
    if (!known.has(id)) problems.push(`testLimits: test "${id}" does not exist`);
  for (const solution of manifest!.solutions) {
    const file = insidePackage(root, solution.file);
    if (!file) problems.push(`solutions: ${solution.file} is outside the package`);
    else if (!(await exists(file))) problems.push(`solutions: ${solution.file} does not exist`);
  }

  let checkerCode: string | undefined;
  if (manifest!.checker.type === 'custom') {
    const file = manifest!.checker.file;
    checkerCode = await readFile(insidePackage(root, file) ?? '/nonexistent', 'utf8').catch(() => {
      problems.push(`the custom checker ${file} is missing`);
      return undefined;
    });
  }

  // Optional: a package without validator.js simply has no input validation.
  let validatorCode: string | undefined;
  const validatorFile = path.join(root, VALIDATOR_FILE);
  if (await exists(validatorFile)) {
    validatorCode = await readFile(validatorFile, 'utf8').catch((error: Error) => {
      problems.push(`${VALIDATOR_FILE}: ${error.message.split('\n')[0]}`);
      return undefined;
    });
  }

  const readTest = async (id: string): Promise<TestCase> => {
    const base = path.join(root, 'tests', id);
    if (style === 'function') return functionTestFrom(id, await readFile(`${base}.json`, 'utf8'));
    const [input, expected] = await Promise.all([readFile(`${base}.in`, 'utf8'), readFile(`${base}.out`, 'utf8')]);
    return { id, input, expected };
  };
  // Every function-style test must parse; a broken one would otherwise surface mid-judging.
  if (style === 'function') {
    for (const id of testIds) {
      if (!found.get(id)!.has('json')) continue;
      await readTest(id).catch((error: Error) =>
        problems.push(error.message.startsWith('tests/') ? error.message : `tests/${id}.json: ${error.message}`),
      );
    }
  }

  if (problems.length > 0) fail();
  const loaded: ProblemPackage = { dir: root, manifest: manifest!, statements, testIds, readTest };
  if (checkerCode !== undefined) loaded.checkerCode = checkerCode;
  if (validatorCode !== undefined) loaded.validatorCode = validatorCode;
  return loaded;
}
