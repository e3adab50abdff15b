// Importing problems exported by Hydro (hydro-dev/Hydro): a zip of one folder per problem, or one problem
// at the zip's root, each with problem.yaml, statements and testdata/ (docs/hydro-format.md). Each Hydro
// problem becomes one of our package folders, with notes for what did not carry over; a problem that
// cannot become a valid package refuses the whole zip, and nothing is left behind.
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { SLUG_PATTERN, type ProblemManifestInput } from '@oj/shared';
import { DEFAULT_ARCHIVE_LIMITS, withUnpackedZip, ArchiveError, type ArchiveLimits } from './archive.ts';
import { HydroPlanError, planHydroTestdata, type HydroConfigSource, type HydroPlan } from './hydro-map.ts';
import { asText, compareHydroNames } from './hydro-rules.ts';
import { loadProblemPackage, PackageError, type ProblemPackage } from './load.ts';

/** One imported problem: the package, and what of the original could not be carried over. */
export interface ImportedProblem {
  problem: ProblemPackage;
  notes: string[];
}

/** Where the files of the original that have no place in our format are kept, inside each package. */
export const HYDRO_ORIGINALS_DIR = 'hydro';

const STATEMENT_FOLDERS = ['', 'statement', 'problem_statement'];
const LANGUAGE_FILE = /^problem(?:_|.)([a-zA-Z_]+)\.(md|pdf)$/;
const TAGS_MAX = 20;
const TAG_LENGTH_MAX = 40;
const TITLE_LENGTH_MAX = 200;

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

async function isFolder(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isDirectory() ?? false;
}

/** Every file under `root`, as sorted `/`-separated paths. */
async function filesUnder(root: string, relative = ''): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(path.join(root, relative), { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await filesUnder(root, child)));
    else if (entry.isFile()) found.push(child);
  }
  return found;
}

/** Our slug: Hydro's pid lowercased with every other character run made a dash, else hydro-<folder>. */
export function hydroSlug(pid: unknown, folderId: string): string {
  const sluggish = (text: string): string =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const fromPid = typeof pid === 'string' || typeof pid === 'number' ? sluggish(String(pid)) : '';
  if (SLUG_PATTERN.test(fromPid)) return fromPid;
  const fromFolder = sluggish(folderId);
  return fromFolder ? `hydro-${fromFolder}` : 'hydro-problem';
}

/** Hydro's difficulty is 1 (easy) to 10 (hard), computed from submissions (lib/difficulty.ts). */
function mapDifficulty(value: unknown, notes: string[]): 'easy' | 'medium' | 'hard' {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    notes.push('no difficulty in problem.yaml: set to medium');
    return 'medium';
  }
  if (value <= 3) return 'easy';
  if (value <= 6) return 'medium';
  return 'hard';
}

/** Hydro's language code of a statement file as ours (zh_TW -> zh-TW), or undefined when ours cannot hold it. */
function ourLanguage(code: string): string | undefined {
  const match = /^([a-zA-Z]{2})(?:_([a-zA-Z]+))?$/.exec(code);
  if (!match) return undefined;
  return match[2] ? `${match[1]!.toLowerCase()}-${match[2]}` : match[1]!.toLowerCase();
}

type FoundStatement =
  | { kind: 'one'; file: string }
  | { kind: 'pdf'; file: string }
  | { kind: 'languages'; files: [code: string, file: string][] };

/** `findOverrideContent`: problem.md, else problem.pdf, else problem_<lang>.md files, in the folder, statement/, problem_statement/. */
async function findStatement(dir: string): Promise<FoundStatement | undefined> {
  for (const folder of STATEMENT_FOLDERS) {
    const names = await readdir(path.join(dir, folder)).catch(() => [] as string[]);
    const at = (name: string): string => (folder ? `${folder}/${name}` : name);
    if (names.includes('problem.md')) return { kind: 'one', file: at('problem.md') };
    if (names.includes('problem.pdf')) return { kind: 'pdf', file: at('problem.pdf') };
    const files = names
      .sort()
      .map((name) => [LANGUAGE_FILE.exec(name), name] as const)
      .filter((pair): pair is [RegExpExecArray, string] => pair[0] !== null)
      .map(([match, name]): [string, string] => [match[1]!, at(name)]);
    if (files.length > 0) return { kind: 'languages', files };
  }
  return undefined;
}

interface Sample {
  input: string;
  output: string;
}

const FENCE = /^(`{3,}|~{3,})[ \t]*(input|output)(\d+)[ \t]*$/;
const HEADING = /^(#{1,6})[ \t]/;
const REMOVED = '\u0000';

/**
 * Hydro's samples are fenced blocks in the statement (```input1 / ```output1). They become our sample
 * tests, so they are taken out of the text (ours shows the samples from the tests), along with headings
 * left with nothing under them.
 */
export function takeSamples(markdown: string): { text: string; samples: Map<number, Partial<Sample>> } {
  const lines = markdown.split('\n');
  const kept: string[] = [];
  /** Per kept line: inside a code block (where "# x" is no heading). */
  const inCode: boolean[] = [];
  const samples = new Map<number, Partial<Sample>>();
  let inFence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const sample = inFence === undefined ? FENCE.exec(line) : null;
    if (sample) {
      const [, fence, kind, number] = sample as unknown as [string, string, 'input' | 'output', string];
      const end = lines.findIndex((other, at) => at > index && other.trim() === fence);
      if (end !== -1) {
        const body = lines.slice(index + 1, end).join('\n');
        const entry = samples.get(Number(number)) ?? {};
        entry[kind] = body.length > 0 ? `${body}\n` : '';
        samples.set(Number(number), entry);
        kept.push(REMOVED);
        inCode.push(false);
        index = end;
        continue;
      }
    }
    const fence = /^(`{3,}|~{3,})/.exec(line)?.[1];
    const wasInFence = inFence !== undefined;
    if (fence !== undefined) {
      if (inFence === undefined) inFence = fence;
      else if (line.trim() === inFence) inFence = undefined;
    }
    kept.push(line);
    inCode.push(wasInFence || fence !== undefined);
  }
  const headingLevel = (index: number): number | undefined =>
    inCode[index] ? undefined : HEADING.exec(kept[index]!)?.[1]!.length;
  if (samples.size === 0) return { text: markdown, samples };
  // A heading whose section holds only removed blocks goes too, innermost first.
  for (let changed = true; changed;) {
    changed = false;
    for (let index = 0; index < kept.length; index++) {
      const level = headingLevel(index);
      if (level === undefined) continue;
      let next = index + 1;
      while (next < kept.length && headingLevel(next) === undefined) next++;
      const body = kept.slice(index + 1, next);
      const nextLevel = next < kept.length ? headingLevel(next)! : 0;
      if (
        body.includes(REMOVED) &&
        body.every((line) => line === REMOVED || line.trim() === '') &&
        nextLevel <= level
      ) {
        kept[index] = REMOVED;
        changed = true;
      }
    }
  }
  const text = `${kept
    .filter((line) => line !== REMOVED)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
  return { text, samples };
}

interface Converted {
  slug: string;
  notes: string[];
}

/** The files of a Hydro problem's testdata/: flat names, one folder level flattened as Hydro's import does. */
async function testdataFiles(dir: string, notes: string[]): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  for (const file of await filesUnder(path.join(dir, 'testdata'))) {
    const parts = file.split('/');
    if (parts.length > 2) {
      notes.push(`testdata/${file}: deeper than one folder, which Hydro does not read either: left out`);
      continue;
    }
    const name = parts.at(-1)!;
    if (byName.has(name)) {
      notes.push(`testdata/${file}: a second file named ${name} once folders are flattened: left out`);
      continue;
    }
    byName.set(name, file);
  }
  return byName;
}

async function readConfig(dir: string, files: Map<string, string>): Promise<HydroConfigSource> {
  for (const name of ['config.yaml', 'config.yml']) {
    const relative = files.get(name);
    if (relative === undefined) continue;
    const text = await readFile(path.join(dir, 'testdata', relative), 'utf8');
    try {
      return { kind: 'yaml', file: name, data: parseYaml(text) as unknown };
    } catch (error) {
      throw new HydroPlanError([`testdata/${name}: not YAML (${(error as Error).message.split('\n')[0]})`]);
    }
  }
  const ini = files.get('config.ini');
  if (ini !== undefined) return { kind: 'ini', text: await readFile(path.join(dir, 'testdata', ini), 'utf8') };
  return { kind: 'none' };
}

async function copyInto(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  await copyFile(from, to);
}

const PROBLEM_YAML_FIELDS = [
  'title',
  'name',
  'pid',
  'tag',
  'difficulty',
  'hidden',
  'content',
  'owner',
  'nSubmit',
  'nAccept',
  'limits',
];

interface Described {
  title: string;
  slug: string;
  difficulty: 'easy' | 'medium' | 'hard';
  tags: string[];
}

/** Title, slug, difficulty and tags from Hydro's problem.yaml. */
function describeProblem(
  meta: Record<string, unknown>,
  folderId: string,
  takenSlugs: Set<string>,
  notes: string[],
  problems: string[],
): Described {
  const rawTitle = meta['title'] ?? meta['name'];
  let title = typeof rawTitle === 'string' ? rawTitle.trim() : '';
  if (typeof rawTitle !== 'string')
    problems.push('problem.yaml: the title is missing or not text (Hydro refuses that too)');
  else if (title === '') problems.push('problem.yaml: the title is empty');
  if (title.length > TITLE_LENGTH_MAX) {
    title = title.slice(0, TITLE_LENGTH_MAX);
    notes.push(`the title was cut to ${TITLE_LENGTH_MAX} characters`);
  }

  const pid = meta['pid'];
  const wanted = hydroSlug(pid, folderId);
  if (pid === undefined) notes.push(`no pid in problem.yaml: the slug is ${wanted}, from the folder name`);
  else if (wanted.startsWith('hydro-'))
    notes.push(`pid ${asText(pid)} makes no slug: the slug is ${wanted}, from the folder name`);
  else if (wanted !== asText(pid)) notes.push(`pid ${asText(pid)} became the slug ${wanted}`);
  let slug = wanted;
  for (let suffix = 2; takenSlugs.has(slug); suffix++) slug = `${wanted}-${suffix}`;
  if (slug !== wanted) notes.push(`the slug ${wanted} is taken by another problem of the zip: this one is ${slug}`);
  takenSlugs.add(slug);

  const difficulty = mapDifficulty(meta['difficulty'], notes);
  const rawTags = Array.isArray(meta['tag'])
    ? (meta['tag'] as unknown[]).map(asText).filter((tag) => tag.trim() !== '')
    : [];
  const tags = [...new Set(rawTags.map((tag) => tag.trim().slice(0, TAG_LENGTH_MAX)))].slice(0, TAGS_MAX);
  if (rawTags.some((tag) => tag.trim().length > TAG_LENGTH_MAX))
    notes.push(`tags longer than ${TAG_LENGTH_MAX} characters were cut`);
  if (rawTags.length > TAGS_MAX) notes.push(`only the first ${TAGS_MAX} tags were kept`);
  if (meta['hidden'] === true) notes.push('the problem was hidden in Hydro');
  for (const field of Object.keys(meta)) {
    if (!PROBLEM_YAML_FIELDS.includes(field))
      notes.push(`problem.yaml: the field ${field} is not read by Hydro's import and was ignored`);
  }
  return { title, slug, difficulty, tags };
}

interface Statements {
  /** Our language code of statement.md's text ("" for problem.md, which has none). */
  main: string;
  /** By our language code, samples taken out. */
  texts: Map<string, string>;
  /** The main statement's samples, by number. */
  samples: [number, Partial<Sample>][];
}

/** The statements of a Hydro problem by our language code, and the samples of the main one. */
async function readStatements(dir: string, meta: Record<string, unknown>, notes: string[]): Promise<Statements> {
  const found = await findStatement(dir);
  const statements = new Map<string, string>();
  if (found?.kind === 'one') statements.set('', await readFile(path.join(dir, found.file), 'utf8'));
  else if (found?.kind === 'pdf')
    notes.push(`the statement is a PDF (${found.file}), which we cannot show: kept under ${HYDRO_ORIGINALS_DIR}/`);
  else if (found?.kind === 'languages') {
    for (const [code, file] of found.files) {
      const ours = ourLanguage(code);
      if (file.endsWith('.pdf'))
        notes.push(`${file}: a PDF statement, which we cannot show: kept under ${HYDRO_ORIGINALS_DIR}/`);
      else if (ours === undefined)
        notes.push(`${file}: the language code ${code} has no equivalent here: kept under ${HYDRO_ORIGINALS_DIR}/`);
      else statements.set(ours, await readFile(path.join(dir, file), 'utf8'));
    }
  }
  if (statements.size === 0) {
    const content = meta['content'];
    statements.set('', typeof content === 'string' ? content : 'No content');
    notes.push(
      typeof content === 'string'
        ? 'the statement is the content field of problem.yaml'
        : 'no statement: it reads "No content", as in Hydro',
    );
  }
  const main =
    ['', 'en'].find((code) => statements.has(code)) ??
    [...statements.keys()].find((code) => code.startsWith('en-')) ??
    (statements.has('zh') ? 'zh' : [...statements.keys()].sort()[0]!);
  if (main === '') notes.push('problem.md has no language: it is the main statement (statement.md)');
  else if (main !== 'en') notes.push(`no English statement: statement.md holds the ${main} one`);

  const texts = new Map<string, string>();
  let samples: [number, Partial<Sample>][] = [];
  for (const [code, text] of statements) {
    const taken = takeSamples(text);
    texts.set(code, taken.text);
    if (code === main) samples = [...taken.samples.entries()].sort(([a], [b]) => a - b);
  }
  for (const [number, sample] of samples) {
    if (sample.input === undefined || sample.output === undefined) {
      notes.push(
        `sample ${number} of the statement has no ${sample.input === undefined ? 'input' : 'output'} block: an empty file here`,
      );
    }
  }
  if (samples.length > 0) {
    notes.push(
      `the statement's ${samples.length} sample(s) became the tests sample1… (in subtask samples, worth 0 points) and were taken out of the statement text`,
    );
  }
  if ([...statements.values()].some((text) => text.includes('file://'))) {
    notes.push(
      'the statement links files as file://…: the files are under additional_file/, but the links were not rewritten',
    );
  }
  return { main, texts, samples };
}

/** The plan of tests, subtasks, limits and checker from testdata/ (and ICPC-style limits of problem.yaml). */
async function planTestdata(
  dir: string,
  meta: Record<string, unknown>,
  testdata: Map<string, string>,
): Promise<HydroPlan> {
  if (testdata.size === 0) throw new HydroPlanError(['testdata/ is missing or empty']);
  let config = await readConfig(dir, testdata);
  const icpc = meta['limits'];
  if (typeof icpc === 'object' && icpc !== null && config.kind !== 'ini') {
    // ICPC-style limits in problem.yaml overwrite the config's, as Hydro's import does.
    const { time_limit: seconds, memory } = icpc as { time_limit?: unknown; memory?: unknown };
    const data = config.kind === 'yaml' && typeof config.data === 'object' && config.data ? config.data : {};
    config = {
      kind: 'yaml',
      file: config.kind === 'yaml' ? config.file : 'config.yaml',
      data: {
        ...data,
        ...(typeof seconds === 'number' && seconds > 0 ? { time: `${seconds * 1000}ms` } : {}),
        ...(typeof memory === 'number' && memory > 0 ? { memory: `${memory}m` } : {}),
      },
    };
  }
  return planHydroTestdata(config, [...testdata.keys()].sort(compareHydroNames));
}

/** Writes our package for the Hydro problem in `dir` into `outRoot/<slug>`; throws HydroPlanError when it cannot. */
async function convertProblem(
  dir: string,
  folderId: string,
  outRoot: string,
  takenSlugs: Set<string>,
): Promise<Converted> {
  const notes: string[] = [];
  const problems: string[] = [];
  let meta: Record<string, unknown> = {};
  try {
    const parsed = parseYaml(await readFile(path.join(dir, 'problem.yaml'), 'utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      meta = parsed as Record<string, unknown>;
    else problems.push('problem.yaml: not a mapping');
  } catch (error) {
    problems.push(`problem.yaml: not YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const described = describeProblem(meta, folderId, takenSlugs, notes, problems);
  const statements = await readStatements(dir, meta, notes);
  const testdata = await testdataFiles(dir, notes);
  const plan = await planTestdata(dir, meta, testdata).catch((error: unknown) => {
    if (!(error instanceof HydroPlanError)) throw error;
    problems.push(...error.problems);
    return undefined;
  });
  if (problems.length > 0 || plan === undefined) throw new HydroPlanError(problems);
  notes.push(...plan.notes);

  const sampleIds = statements.samples.map(([number]) => `sample${number}`);
  if (sampleIds.length === 0) {
    notes.push(
      `the statement has no samples (\`\`\`input1 blocks): test ${plan.tests[0]!.id} is shown as the sample; choose another before publishing if it should stay hidden`,
    );
  }
  const manifest: ProblemManifestInput = {
    ...described,
    style: 'stdio',
    limits: plan.limits,
    checker: plan.checker,
    samples: sampleIds.length > 0 ? sampleIds : [plan.tests[0]!.id],
    subtasks: [...(sampleIds.length > 0 ? [{ id: 'samples', score: 0, tests: sampleIds }] : []), ...plan.subtasks],
    ...(Object.keys(plan.testLimits).length > 0 ? { testLimits: plan.testLimits } : {}),
    solutions: [],
  };
  notes.push(
    'Hydro exports carry no reference solutions: add JavaScript or TypeScript ones to solutions/ before the package can be sound',
  );
  await writePackage(dir, path.join(outRoot, described.slug), { manifest, statements, plan, testdata, notes });
  return { slug: described.slug, notes };
}

/** The package's files: problem.yaml, statements, tests, additional_file/, and the rest of the original under hydro/. */
async function writePackage(
  dir: string,
  out: string,
  parts: {
    manifest: ProblemManifestInput;
    statements: Statements;
    plan: HydroPlan;
    testdata: Map<string, string>;
    notes: string[];
  },
): Promise<void> {
  const { manifest, statements, plan, testdata, notes } = parts;
  await mkdir(path.join(out, 'tests'), { recursive: true });
  // No YAML anchors: a setter edits this file by hand.
  await writeFile(path.join(out, 'problem.yaml'), toYaml(manifest, { aliasDuplicateObjects: false }));
  for (const [code, text] of statements.texts) {
    if (code === statements.main) await writeFile(path.join(out, 'statement.md'), text);
    // Every other language, and the main one too when it is not English (the Chinese page finds it).
    if (code !== '' && code !== 'en' && !(code === statements.main && code.startsWith('en')))
      await writeFile(path.join(out, `statement.${code}.md`), text);
  }
  for (const test of plan.tests) {
    for (const [file, extension] of [
      [test.input, 'in'],
      [test.output, 'out'],
    ] as const) {
      const to = path.join(out, 'tests', `${test.id}.${extension}`);
      if (file === undefined) await writeFile(to, '');
      else await copyFile(path.join(dir, 'testdata', testdata.get(file)!), to);
    }
  }
  for (const [number, sample] of statements.samples) {
    await writeFile(path.join(out, 'tests', `sample${number}.in`), sample.input ?? '');
    await writeFile(path.join(out, 'tests', `sample${number}.out`), sample.output ?? '');
  }
  // additional_file/ as it is; everything else that did not become part of the package, kept aside.
  const used = new Set([...plan.usedFiles].map((name) => `testdata/${testdata.get(name)!}`));
  const kept: string[] = [];
  for (const file of await filesUnder(dir)) {
    if (file.startsWith('additional_file/')) {
      if (file.split('/').length > 2)
        notes.push(`${file}: in a folder of additional_file/, which Hydro does not read: kept anyway`);
      await copyInto(path.join(dir, file), path.join(out, file));
    } else if (!used.has(file)) {
      kept.push(file);
      await copyInto(path.join(dir, file), path.join(out, HYDRO_ORIGINALS_DIR, file));
    }
  }
  const unusedData = kept.filter(
    (file) => file.startsWith('testdata/') && !/^testdata\/config\.(yaml|yml|ini)$/.test(file),
  );
  if (unusedData.length > 0) {
    notes.push(
      `test-data files that are no test (${unusedData.map((file) => file.slice('testdata/'.length)).join(', ')}): kept under ${HYDRO_ORIGINALS_DIR}/testdata/`,
    );
  }
  for (const folder of ['solution', 'std', 'submissions']) {
    if (kept.some((file) => file.startsWith(`${folder}/`))) {
      notes.push(
        `${folder}/ is not imported (${folder === 'solution' ? 'solution posts' : 'submissions, usually not JavaScript'}): kept under ${HYDRO_ORIGINALS_DIR}/${folder}/`,
      );
    }
  }
}

interface HydroFolder {
  dir: string;
  id: string;
}

/** The Hydro problems of an unpacked zip, as Hydro's import finds them, plus notes on what it skips. */
async function findHydroProblems(root: string, zipFile: string): Promise<{ folders: HydroFolder[]; notes: string[] }> {
  const notes: string[] = [];
  if (await isFile(path.join(root, 'problem.yaml'))) {
    return { folders: [{ dir: root, id: path.basename(zipFile).replace(/\.zip$/i, '') }], notes };
  }
  const scan = async (at: string): Promise<HydroFolder[]> => {
    const found: HydroFolder[] = [];
    for (const name of (await readdir(at)).sort(compareHydroNames)) {
      const dir = path.join(at, name);
      if (!(await isFolder(dir))) notes.push(`${name}: a file at the top of the zip: ignored, as Hydro does`);
      else if (await isFile(path.join(dir, 'problem.yaml'))) found.push({ dir, id: name });
      else notes.push(`${name}/: no problem.yaml directly inside: ignored, as Hydro does`);
    }
    return found;
  };
  let folders = await scan(root);
  const tops = await readdir(root);
  if (folders.length === 0 && tops.length === 1 && (await isFolder(path.join(root, tops[0]!)))) {
    notes.length = 0;
    folders = await scan(path.join(root, tops[0]!));
    if (folders.length > 0)
      notes.push(
        `the problems are inside one wrapping folder ${tops[0]}/, which Hydro itself would not import: read anyway`,
      );
  }
  return { folders, notes };
}

/**
 * Converts the Hydro problems of an unpacked zip into `target/<slug>/` (target must not exist), loading
 * each where it stays. All or nothing: one problem that cannot become a valid package makes a PackageError
 * listing every problem's reasons, and nothing is left in `target`.
 */
export async function importUnpackedHydro(
  zipFile: string,
  unpacked: string,
  staging: string,
  target: string,
): Promise<ImportedProblem[]> {
  const { folders, notes: zipNotes } = await findHydroProblems(unpacked, zipFile);
  if (folders.length === 0) {
    throw new ArchiveError(zipFile, [
      'no problem in the zip: neither our problem.yaml (with a slug) nor Hydro problems (a problem.yaml at the root, or folders holding one)',
      ...zipNotes,
    ]);
  }
  const outRoot = path.join(staging, 'out');
  await mkdir(outRoot);
  const problems: string[] = [];
  const converted: Converted[] = [];
  const slugs = new Set<string>();
  for (const folder of folders) {
    try {
      converted.push(await convertProblem(folder.dir, folder.id, outRoot, slugs));
    } catch (error) {
      if (!(error instanceof HydroPlanError)) throw error;
      problems.push(...error.problems.map((problem) => `${folder.id}: ${problem}`));
    }
  }
  if (problems.length > 0) throw new PackageError(zipFile, problems);
  await rename(outRoot, target);
  const imported: ImportedProblem[] = [];
  for (const [index, { slug, notes }] of converted.entries()) {
    try {
      const problem = await loadProblemPackage(path.join(target, slug));
      imported.push({ problem, notes: index === 0 ? [...zipNotes, ...notes] : notes });
    } catch (error) {
      if (!(error instanceof PackageError)) throw error;
      problems.push(...error.problems.map((problem) => `${folders[index]!.id}: ${problem}`));
    }
  }
  if (problems.length > 0) {
    await rm(target, { recursive: true, force: true });
    throw new PackageError(zipFile, problems);
  }
  return imported;
}

/**
 * Imports a zip as Hydro exports it (one folder per problem, or one problem at the root) into one package
 * folder per problem, `outDir/<slug>/` (outDir must not exist yet), with the safe unpacking and limits of
 * every upload. Throws ArchiveError for a zip refused as a zip (or holding no problem), PackageError when a
 * problem cannot become a valid package; both list every reason, and nothing is written then.
 */
export async function importHydroZip(
  zipFile: string,
  outDir: string,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): Promise<ImportedProblem[]> {
  return withUnpackedZip(zipFile, outDir, limits, (unpacked, staging, target) =>
    importUnpackedHydro(zipFile, unpacked, staging, target),
  );
}
