// The setter's working copy of a problem package: the manifest and the files as the editor holds them, what
// a save sends (only the files that changed, plus deletions), and the rules that keep tests, samples and
// subtasks consistent while the setter edits. Pure: no React, no requests, so it has unit tests.
import {
  FILE_PREVIEW_BYTES,
  LANGUAGE_BY_EXTENSION,
  problemManifestSchema,
  type CheckerSpec,
  type FileChange,
  type FunctionSignature,
  type Language,
  type Limits,
  type ProblemManifest,
  type ProblemStyle,
  type ReferenceSolution,
  type Subtask,
  type VersionDetail,
  type VersionEditRequest,
} from '@oj/shared';

/** The manifest fields the editor works with; any other field of the stored manifest is kept as it is. */
export interface Manifest {
  slug: string;
  title: string;
  titles: Record<string, string>;
  difficulty: ProblemManifest['difficulty'];
  tags: string[];
  style: ProblemStyle;
  function?: FunctionSignature | undefined;
  limits: Limits;
  checker: CheckerSpec;
  samples: string[];
  subtasks: Subtask[];
  solutions: ReferenceSolution[];
  [other: string]: unknown;
}

export interface DraftFile {
  path: string;
  sizeBytes: number;
  /** The first bytes, for the test table. */
  preview: string;
  /** The whole text; null while a large stored file has not been fetched. */
  text: string | null;
}

export interface WorkingCopy {
  /** The version this copy was made from; null for a problem not saved yet. */
  base: number | null;
  manifest: Manifest;
  files: Record<string, DraftFile>;
  /** The base version's files as stored, to tell what changed. */
  stored: Record<string, DraftFile>;
  /** The manifest as stored (JSON), to tell whether it changed. */
  storedManifest: string;
  /** While true, one subtask "all" holds every test; editing the subtasks ends it. */
  subtasksFollowTests: boolean;
}

export const STATEMENT_FILE = 'statement.md';
export const STATEMENT_ZH_FILE = 'statement.zh.md';
export const CHECKER_FILE = 'checker.js';
export const VALIDATOR_FILE = 'validator.js';
export const DEFAULT_SUBTASK_ID = 'all';
const TEST_FILE = /^tests\/([A-Za-z0-9_-]{1,64})\.(in|out|json)$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** The first FILE_PREVIEW_BYTES bytes as text, as the API's previews are. */
export function previewOf(text: string): string {
  const bytes = encoder.encode(text);
  return bytes.length <= FILE_PREVIEW_BYTES ? text : decoder.decode(bytes.subarray(0, FILE_PREVIEW_BYTES));
}

/** Natural order, so that "2" comes before "10" (as the package loader sorts tests). */
export function compareTestIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function languageOfFile(path: string): Language {
  const dot = path.lastIndexOf('.');
  return (dot >= 0 ? LANGUAGE_BY_EXTENSION[path.slice(dot)] : undefined) ?? 'javascript';
}

function draftFile(path: string, text: string): DraftFile {
  return { path, sizeBytes: utf8Bytes(text), preview: previewOf(text), text };
}

/** A stored manifest as the editor's Manifest: the schema's defaults filled in, unknown fields kept. */
export function manifestFromStored(raw: Record<string, unknown>): Manifest {
  const parsed = problemManifestSchema.safeParse(raw);
  const known = parsed.success ? parsed.data : (raw as unknown as ProblemManifest);
  return {
    ...raw,
    ...known,
    titles: known.titles ?? {},
    tags: known.tags ?? [],
    samples: known.samples ?? [],
    subtasks: known.subtasks ?? [],
    solutions: known.solutions ?? [],
  };
}

export function testIdsOf(files: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  for (const path of Object.keys(files)) {
    const match = TEST_FILE.exec(path);
    if (match?.[1]) ids.add(match[1]);
  }
  return [...ids].sort(compareTestIds);
}

export function testFilePaths(style: ProblemStyle, id: string): { input: string; output: string } | { json: string } {
  return style === 'function' ? { json: `tests/${id}.json` } : { input: `tests/${id}.in`, output: `tests/${id}.out` };
}

/** The id after the largest numbered one, as wide as the widest (at least two digits): 01, 02, …, 10. */
export function nextTestId(ids: readonly string[]): string {
  let largest = 0;
  let width = 2;
  for (const id of ids) {
    if (!/^\d+$/.test(id)) continue;
    largest = Math.max(largest, Number(id));
    width = Math.max(width, id.length);
  }
  let next = largest + 1;
  while (ids.includes(String(next).padStart(width, '0'))) next += 1;
  return String(next).padStart(width, '0');
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** The one subtask holding every test (none while there are no tests), keeping a score the setter gave it. */
export function defaultSubtasks(testIds: readonly string[], current: readonly Subtask[] = []): Subtask[] {
  if (testIds.length === 0) return [];
  const score = current.length === 1 && current[0]?.id === DEFAULT_SUBTASK_ID ? current[0].score : 100;
  return [{ id: DEFAULT_SUBTASK_ID, score, tests: [...testIds], dependencies: [] }];
}

/** Whether stored subtasks are just the default (so they keep following the tests). */
export function isDefaultSubtasks(subtasks: readonly Subtask[], testIds: readonly string[]): boolean {
  if (subtasks.length === 0) return testIds.length === 0;
  const [only] = subtasks;
  return (
    subtasks.length === 1 &&
    only?.id === DEFAULT_SUBTASK_ID &&
    only.dependencies.length === 0 &&
    sameMembers(only.tests, testIds)
  );
}

function withFollowedSubtasks(copy: WorkingCopy): WorkingCopy {
  if (!copy.subtasksFollowTests) return copy;
  return {
    ...copy,
    manifest: { ...copy.manifest, subtasks: defaultSubtasks(testIdsOf(copy.files), copy.manifest.subtasks) },
  };
}

export function workingCopyFromVersion(detail: VersionDetail): WorkingCopy {
  const manifest = manifestFromStored(detail.manifest);
  const files: Record<string, DraftFile> = {};
  for (const file of detail.files) files[file.path] = { ...file };
  return {
    base: detail.number,
    manifest,
    files,
    stored: { ...files },
    storedManifest: JSON.stringify(manifest),
    subtasksFollowTests: isDefaultSubtasks(manifest.subtasks, testIdsOf(files)),
  };
}

export interface NewProblem {
  slug: string;
  title: string;
  style: ProblemStyle;
  signature?: FunctionSignature | undefined;
}

export const DEFAULT_LIMITS: Limits = { timeMs: 1000, memoryMb: 256, outputKb: 1024, stackMb: 64 };

export function statementTemplate(style: ProblemStyle, signature?: FunctionSignature): string {
  if (style === 'function') {
    const params = (signature?.params ?? []).map((param) => `- \`${param.name}\` (\`${param.type}\`): …`).join('\n');
    return [
      '## Description',
      '',
      'Describe the task. Math works inline, $1 \\le n \\le 10^5$, and as a block:',
      '',
      '$$\\sum_{i=1}^{n} a_i$$',
      '',
      '## Parameters',
      '',
      params || '- …',
      '',
      '## Returns',
      '',
      `\`${signature?.returns ?? 'unknown'}\`: …`,
      '',
      '## Constraints',
      '',
      '- …',
      '',
    ].join('\n');
  }
  return [
    '## Description',
    '',
    'Describe the task. Math works inline, $1 \\le n \\le 10^5$, and as a block:',
    '',
    '$$\\sum_{i=1}^{n} a_i$$',
    '',
    '## Input format',
    '',
    '…',
    '',
    '## Output format',
    '',
    '…',
    '',
    '## Constraints',
    '',
    '- …',
    '',
  ].join('\n');
}

/** A problem not saved yet: the template's statement, default limits and checker, no tests, no solutions. */
export function newWorkingCopy(problem: NewProblem): WorkingCopy {
  const manifest: Manifest = {
    slug: problem.slug,
    title: problem.title,
    titles: {},
    difficulty: 'easy',
    tags: [],
    style: problem.style,
    ...(problem.style === 'function' && problem.signature ? { function: problem.signature } : {}),
    limits: { ...DEFAULT_LIMITS },
    checker: { type: 'tokens' },
    samples: [],
    subtasks: [],
    solutions: [],
  };
  return {
    base: null,
    manifest,
    files: { [STATEMENT_FILE]: draftFile(STATEMENT_FILE, statementTemplate(problem.style, problem.signature)) },
    stored: {},
    storedManifest: '',
    subtasksFollowTests: true,
  };
}

// ---- edits ------------------------------------------------------------------------------------------------
export function setFile(copy: WorkingCopy, path: string, text: string): WorkingCopy {
  return withFollowedSubtasks({ ...copy, files: { ...copy.files, [path]: draftFile(path, text) } });
}

export function removeFile(copy: WorkingCopy, path: string): WorkingCopy {
  if (!(path in copy.files)) return copy;
  const files = { ...copy.files };
  delete files[path];
  return withFollowedSubtasks({ ...copy, files });
}

/** A large stored file's text, fetched: it becomes known on both sides, so it is not a change. */
export function fileLoaded(copy: WorkingCopy, path: string, text: string): WorkingCopy {
  const loaded = (file: DraftFile | undefined): DraftFile | undefined =>
    file && file.text === null ? { ...file, text } : file;
  const stored = loaded(copy.stored[path]);
  const current = loaded(copy.files[path]);
  return {
    ...copy,
    files: current ? { ...copy.files, [path]: current } : copy.files,
    stored: stored ? { ...copy.stored, [path]: stored } : copy.stored,
  };
}

export function updateManifest(copy: WorkingCopy, patch: Partial<Manifest>): WorkingCopy {
  return { ...copy, manifest: { ...copy.manifest, ...patch } };
}

/** The setter's own subtasks: from now on they no longer follow the tests. */
export function setSubtasks(copy: WorkingCopy, subtasks: Subtask[]): WorkingCopy {
  return { ...copy, subtasksFollowTests: false, manifest: { ...copy.manifest, subtasks } };
}

/** Back to one subtask holding every test, following the tests again. */
export function followTests(copy: WorkingCopy): WorkingCopy {
  return withFollowedSubtasks({ ...copy, subtasksFollowTests: true, manifest: { ...copy.manifest, subtasks: [] } });
}

export type TestContent = { kind: 'stdio'; input: string; output: string } | { kind: 'function'; json: string };

/** The JSON of a function-style test, from the texts of its arguments array and expected value. */
export function functionTestJson(argsText: string, expectedText: string): string {
  const args: unknown = JSON.parse(argsText);
  if (!Array.isArray(args)) throw new Error('the arguments must be a JSON array');
  const expected: unknown = JSON.parse(expectedText);
  return `${JSON.stringify({ args, expected })}\n`;
}

/** The arguments and expected value of a function-style test, pretty-printed; null when it is not readable. */
export function functionTestParts(json: string): { args: string; expected: string } | null {
  try {
    const parsed = JSON.parse(json) as { args?: unknown; expected?: unknown };
    if (!parsed || typeof parsed !== 'object' || !('args' in parsed)) return null;
    return { args: JSON.stringify(parsed.args), expected: JSON.stringify(parsed.expected ?? null) };
  } catch {
    return null;
  }
}

/** Writes one test's files (a new test when `id` is new); a first test becomes the sample. */
export function putTest(copy: WorkingCopy, id: string, content: TestContent): WorkingCopy {
  const isNew = !testIdsOf(copy.files).includes(id);
  const paths = testFilePaths(copy.manifest.style, id);
  let next = copy;
  if ('json' in paths) next = setFile(next, paths.json, content.kind === 'function' ? content.json : '');
  else if (content.kind === 'stdio')
    next = setFile(setFile(next, paths.input, content.input), paths.output, content.output);
  if (isNew && next.manifest.samples.length === 0) next = updateManifest(next, { samples: [id] });
  return next;
}

/** A test file picked from the setter's disk (NN.in, NN.out or NN.json), by name, with its text. */
export interface PickedTestFile {
  name: string;
  text: string;
  sizeBytes: number;
}

const PICKED_TEST_FILE = /^([A-Za-z0-9_-]{1,64})\.(in|out|json)$/;

/**
 * Test files picked from disk become tests/<name> (replacing a file of that name); the first test of a
 * problem without samples becomes its sample. Returns the files refused, each with why.
 */
export function addTestFiles(
  copy: WorkingCopy,
  picked: readonly PickedTestFile[],
  maxBytes: number,
): { copy: WorkingCopy; refused: { name: string; reason: 'name' | 'style' | 'size' }[] } {
  let next = copy;
  const refused: { name: string; reason: 'name' | 'style' | 'size' }[] = [];
  for (const file of [...picked].sort((a, b) => compareTestIds(a.name, b.name))) {
    const match = PICKED_TEST_FILE.exec(file.name);
    if (!match) refused.push({ name: file.name, reason: 'name' });
    else if ((match[2] === 'json') !== (copy.manifest.style === 'function'))
      refused.push({ name: file.name, reason: 'style' });
    else if (file.sizeBytes > maxBytes) refused.push({ name: file.name, reason: 'size' });
    else next = setFile(next, `tests/${file.name}`, file.text);
  }
  if (next.manifest.samples.length === 0) {
    const [first] = testIdsOf(next.files);
    if (first) next = updateManifest(next, { samples: [first] });
  }
  return { copy: next, refused };
}

/** Removes a test's files and every mention of it: samples, subtasks (a subtask left empty goes too). */
export function deleteTest(copy: WorkingCopy, id: string): WorkingCopy {
  let next = copy;
  for (const path of Object.keys(copy.files)) if (TEST_FILE.exec(path)?.[1] === id) next = removeFile(next, path);
  const samples = next.manifest.samples.filter((sample) => sample !== id);
  if (next.subtasksFollowTests) return updateManifest(next, { samples });
  const kept = next.manifest.subtasks
    .map((subtask) => ({ ...subtask, tests: subtask.tests.filter((test) => test !== id) }))
    .filter((subtask) => subtask.tests.length > 0);
  const ids = new Set(kept.map((subtask) => subtask.id));
  const subtasks = kept.map((subtask) => ({
    ...subtask,
    dependencies: subtask.dependencies.filter((dependency) => ids.has(dependency)),
  }));
  return updateManifest(next, { samples, subtasks });
}

export function setSample(copy: WorkingCopy, id: string, sample: boolean): WorkingCopy {
  const others = copy.manifest.samples.filter((entry) => entry !== id);
  const samples = sample ? [...others, id].sort(compareTestIds) : others;
  return updateManifest(copy, { samples });
}

export function subtasksOfTest(manifest: Manifest, id: string): string[] {
  return manifest.subtasks.filter((subtask) => subtask.tests.includes(id)).map((subtask) => subtask.id);
}

/** Adds or replaces a reference solution (renaming moves its file); its code is the file's text. */
export function putSolution(
  copy: WorkingCopy,
  previousFile: string | null,
  solution: ReferenceSolution,
  code: string,
): WorkingCopy {
  let next = copy;
  if (previousFile !== null && previousFile !== solution.file) next = removeFile(next, previousFile);
  next = setFile(next, solution.file, code);
  const others = next.manifest.solutions.filter((entry) => entry.file !== solution.file && entry.file !== previousFile);
  const position =
    previousFile === null ? -1 : copy.manifest.solutions.findIndex((entry) => entry.file === previousFile);
  const solutions = [...others];
  solutions.splice(position === -1 ? solutions.length : position, 0, solution);
  return updateManifest(next, { solutions });
}

export function deleteSolution(copy: WorkingCopy, file: string): WorkingCopy {
  return updateManifest(removeFile(copy, file), {
    solutions: copy.manifest.solutions.filter((entry) => entry.file !== file),
  });
}

// ---- saving -----------------------------------------------------------------------------------------------
/** The manifest as problem.yaml will hold it: no signature for stdio, no empty translated title. */
export function manifestForSave(manifest: Manifest): Record<string, unknown> {
  const result: Record<string, unknown> = { ...manifest };
  if (manifest.style !== 'function') delete result.function;
  const titles = Object.fromEntries(Object.entries(manifest.titles).filter(([, title]) => title.trim() !== ''));
  result.titles = titles;
  return result;
}

/** What changed against the base version: new and edited files with their content, removed files as deletions. */
export function fileChanges(copy: WorkingCopy): FileChange[] {
  const changes: FileChange[] = [];
  for (const [path, file] of Object.entries(copy.files)) {
    const stored = copy.stored[path];
    if (file.text === null) continue; // a large stored file never fetched: unchanged
    if (!stored || stored.text !== file.text) changes.push({ path, content: file.text });
  }
  for (const path of Object.keys(copy.stored)) if (!(path in copy.files)) changes.push({ path, delete: true });
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Whether the manifest differs from the stored one (as problem.yaml would hold it). */
export function manifestChanged(copy: WorkingCopy): boolean {
  if (copy.storedManifest === '') return true;
  const stored = JSON.parse(copy.storedManifest) as Manifest;
  return JSON.stringify(manifestForSave(copy.manifest)) !== JSON.stringify(manifestForSave(stored));
}

export function isDirty(copy: WorkingCopy): boolean {
  return copy.base === null || fileChanges(copy).length > 0 || manifestChanged(copy);
}

/**
 * A reason of a refused save, with the file it names: the API's schema says `files.3.path: ...` (the
 * position in the request); the setter knows the file by its path.
 */
export function explainReason(reason: string, request: VersionEditRequest | null): string {
  return reason.replace(/^files\.(\d+)(\.\w+)?/, (whole, index: string) => {
    const path = request?.files[Number(index)]?.path;
    return path === undefined ? whole : `${path}`;
  });
}

export function saveRequest(copy: WorkingCopy): VersionEditRequest {
  return { base: copy.base, manifest: manifestForSave(copy.manifest), files: fileChanges(copy) };
}

// ---- form fields ------------------------------------------------------------------------------------------
/** "a, b ,c" → ["a", "b", "c"]: the setter's comma-separated lists (tags, a subtask's tests). */
export function splitList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * A number field's value as the manifest holds it. Anything a person typed is kept as a number (even a huge
 * or fractional one), so the API's validation, not the browser, says what is wrong with it.
 */
export function numberField(text: string): number {
  const value = Number(text.trim());
  return Number.isFinite(value) ? value : Number.MAX_VALUE;
}
