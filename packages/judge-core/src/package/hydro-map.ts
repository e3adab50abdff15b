// From a Hydro problem's test-data configuration to our manifest's tests, subtasks, limits and checker,
// with a note for everything that does not carry over exactly (docs/hydro-format.md, "What our importer
// must do"). Pure: the parsed config.yaml and the test-data file names in, the plan out.
import {
  effectiveTestLimits,
  limitsSchema,
  TEST_ID_PATTERN,
  type CheckerSpec,
  type LimitOverride,
  type Subtask,
} from '@oj/shared';
import {
  asText,
  convertHydroIni,
  detectHydroSubtasks,
  normalizeHydroSubtasks,
  parseHydroMemoryMb,
  parseHydroTimeMs,
  type HydroSubtask,
  type NormalizedHydroSubtask,
} from './hydro-rules.ts';

/** One of our tests, made from a Hydro case: the test-data files it reads (none: an empty file). */
export interface PlannedTest {
  id: string;
  input: string | undefined;
  output: string | undefined;
}

export interface HydroPlan {
  limits: { timeMs: number; memoryMb: number };
  checker: CheckerSpec;
  subtasks: Subtask[];
  testLimits: Record<string, LimitOverride>;
  tests: PlannedTest[];
  /** What did not carry over exactly, in words for the setter. */
  notes: string[];
  /** Test-data file names that became tests (the others are kept aside, e.g. a checker's source). */
  usedFiles: Set<string>;
}

/** A Hydro problem that cannot become a valid package; `problems` says why, all at once. */
export class HydroPlanError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('; '));
    this.name = 'HydroPlanError';
    this.problems = problems;
  }
}

/** Where config.yaml came from, for messages. */
export type HydroConfigSource =
  { kind: 'yaml'; file: string; data: unknown } | { kind: 'ini'; text: string } | { kind: 'none' };

const TESTLIB_CHECKERS: Record<string, { checker: CheckerSpec; note?: string }> = {
  wcmp: { checker: { type: 'tokens' } },
  ncmp: { checker: { type: 'tokens' } },
  icmp: { checker: { type: 'tokens' } },
  hcmp: { checker: { type: 'tokens' } },
  fcmp: { checker: { type: 'lines' }, note: 'ours ignores trailing spaces, fcmp compares lines exactly' },
  lcmp: {
    checker: { type: 'tokens' },
    note: 'lcmp compares line by line, tokens ignores line breaks; a custom checker.js would be exact',
  },
  rcmp: { checker: { type: 'float', absolute: 1.5e-6, relative: 0 } },
  acmp: { checker: { type: 'float', absolute: 1.5e-6, relative: 0 } },
  rncmp: { checker: { type: 'float', absolute: 1.5e-5, relative: 0 } },
  dcmp: { checker: { type: 'float', absolute: 1e-6, relative: 1e-6 } },
  rcmp4: { checker: { type: 'float', absolute: 1e-4, relative: 1e-4 } },
  rcmp6: { checker: { type: 'float', absolute: 1e-6, relative: 1e-6 } },
  rcmp9: { checker: { type: 'float', absolute: 1e-9, relative: 1e-9 } },
};

/** Fields of config.yaml we read, or know and say we ignore. */
const IGNORED_FIELDS: Record<string, string> = {
  filename: 'file IO (filename) is not supported: the program reads stdin and writes stdout here; adjust the statement',
  langs: 'the language list (langs) does not apply: we judge only JavaScript and TypeScript',
  time_limit_rate: 'per-language time factors (time_limit_rate) do not apply: we judge only JavaScript and TypeScript',
  memory_limit_rate:
    'per-language memory factors (memory_limit_rate) do not apply: we judge only JavaScript and TypeScript',
  user_extra_files: 'user_extra_files (files compiled with the program, e.g. a grader) are not supported',
  judge_extra_files: 'judge_extra_files (files for the checker) are not supported',
  validator: 'the input validator (validator, used for hacks) is not carried over: write validator.js',
  interactor: 'the interactor is not carried over: we have no interactive problems',
  manager: 'the manager (communication problems) is not carried over',
  num_processes: 'num_processes (communication problems) is not carried over',
  multi_pass: 'multi_pass is not supported',
  answers: 'answers (objective problems) are not carried over',
  redirect: "redirect (another problem's data) is not followed",
  detail: 'detail (what learners see of each test) is ignored',
  subType: 'subType is ignored',
  target: 'target is ignored',
  key: 'key is ignored',
  score: 'the top-level score is ignored (Hydro ignores it too)',
  template: 'template is ignored',
};
const READ_FIELDS = new Set(['type', 'time', 'memory', 'checker_type', 'checker', 'subtasks', 'cases']);

const TIME_BOUNDS = { min: limitsSchema.shape.timeMs.minValue!, max: limitsSchema.shape.timeMs.maxValue! };
const MEMORY_BOUNDS = { min: limitsSchema.shape.memoryMb.minValue!, max: limitsSchema.shape.memoryMb.maxValue! };
const SUBTASK_SCORE_MAX = 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapChecker(config: Record<string, unknown>, notes: string[]): CheckerSpec {
  const type = config['checker_type'] ?? 'default';
  const checker = config['checker'];
  const checkerName = isRecord(checker) ? asText(checker['file']) : checker === undefined ? undefined : asText(checker);
  if (type === 'default') return { type: 'lines' };
  if (type === 'strict') {
    notes.push(
      'checker_type strict became lines, which also ignores trailing spaces and trailing empty lines (a custom checker.js would be exact)',
    );
    return { type: 'lines' };
  }
  if (type === 'testlib' && checkerName !== undefined && !checkerName.includes('.')) {
    const known = TESTLIB_CHECKERS[checkerName];
    if (known) {
      if (known.note) notes.push(`testlib checker ${checkerName} became ${known.checker.type}: ${known.note}`);
      return known.checker;
    }
    notes.push(
      `testlib checker ${checkerName} has no equivalent here: the package uses lines until a custom checker.js replaces it`,
    );
    return { type: 'lines' };
  }
  notes.push(
    `checker_type ${asText(type)}${checkerName ? ` (${checkerName})` : ''} cannot run here (our custom checkers are JavaScript): ` +
      'the package uses lines until a checker.js is written; the original is kept under hydro/testdata/',
  );
  return { type: 'lines' };
}

function clamp(value: number, bounds: { min: number; max: number }): number {
  return Math.min(bounds.max, Math.max(bounds.min, Math.round(value)));
}

/** Our subtask id for a Hydro one: its id as text if that is a valid id not taken yet, else by position. */
function subtaskIdFor(hydroId: unknown, position: number, taken: Set<string>): string {
  const candidates = [String(hydroId), `subtask${position + 1}`];
  for (let suffix = 2; ; suffix++) {
    const id = candidates.find((candidate) => TEST_ID_PATTERN.test(candidate) && !taken.has(candidate));
    if (id !== undefined) {
      taken.add(id);
      return id;
    }
    candidates.push(`subtask${position + 1}-${suffix}`);
  }
}

/** The subtasks in an order where each comes after those it depends on, else those in a cycle. */
function dependencyOrder(subtasks: Subtask[]): { ordered: Subtask[]; cycle: string[] } {
  const placed = new Set<string>();
  const ordered: Subtask[] = [];
  const waiting = [...subtasks];
  while (waiting.length > 0) {
    const ready = waiting.findIndex((subtask) => subtask.dependencies.every((id) => placed.has(id)));
    if (ready === -1) return { ordered, cycle: waiting.map((subtask) => subtask.id) };
    const [next] = waiting.splice(ready, 1);
    placed.add(next!.id);
    ordered.push(next!);
  }
  return { ordered, cycle: [] };
}

/**
 * The subtasks Hydro would judge: config.yaml's (its top-level `cases` replacing them by one sum subtask),
 * or config.ini's, or, when none lists a case, the ones found from the file names.
 */
function hydroSubtasks(source: HydroConfigSource, config: Record<string, unknown>, files: string[], notes: string[]) {
  let listed: HydroSubtask[] = [];
  if (source.kind === 'ini') listed = convertHydroIni(source.text);
  else if (Array.isArray(config['cases']) && config['cases'].length > 0) {
    listed = [{ cases: config['cases'] as HydroSubtask['cases'], type: 'sum' }];
  } else if (Array.isArray(config['subtasks'])) {
    listed = config['subtasks'].map((subtask: unknown) => (isRecord(subtask) ? subtask : {}));
    for (const subtask of listed) if (!Array.isArray(subtask.cases)) subtask.cases = [];
  }
  if (listed.some((subtask) => (subtask.cases ?? []).length > 0)) return listed;
  if (listed.length > 0) {
    notes.push(
      'config.yaml lists subtasks but no case: Hydro then finds the tests from the file names, and so did the import',
    );
  }
  return detectHydroSubtasks(files);
}

/**
 * Plans our tests, subtasks, limits and checker from a Hydro problem's test data. Throws HydroPlanError
 * when it cannot make a valid package (a time Hydro cannot read, a missing file, no test, a cycle of `if`).
 */
export function planHydroTestdata(source: HydroConfigSource, files: string[]): HydroPlan {
  const notes: string[] = [];
  const problems: string[] = [];
  const configName = source.kind === 'yaml' ? source.file : source.kind === 'ini' ? 'config.ini' : 'config.yaml';
  let config: Record<string, unknown> = {};
  if (source.kind === 'yaml') {
    if (isRecord(source.data)) config = source.data;
    else if (source.data !== undefined && source.data !== null) problems.push(`testdata/${configName}: not a mapping`);
  }
  if (source.kind === 'none') notes.push('no testdata/config.yaml: tests found from the file names, as Hydro does');

  const type = config['type'] ?? 'default';
  if (type !== 'default') {
    notes.push(
      `problem type ${asText(type)} cannot be judged here (we judge programs on stdin/stdout against a checker): the tests were imported as they are; the package needs rework before it can be sound`,
    );
  }
  for (const field of Object.keys(config)) {
    if (READ_FIELDS.has(field)) continue;
    notes.push(IGNORED_FIELDS[field] ?? `the config field ${field} is unknown and was ignored`);
  }
  const checker = mapChecker(config, notes);

  let top: { timeMs: number; memoryMb: number } = { timeMs: 1000, memoryMb: 256 };
  let normalized: NormalizedHydroSubtask[] = [];
  try {
    top = {
      timeMs: config['time'] ? parseHydroTimeMs(config['time']) : 1000,
      memoryMb: config['memory'] ? parseHydroMemoryMb(config['memory']) : 256,
    };
    normalized = normalizeHydroSubtasks(
      hydroSubtasks(source, config, files, notes),
      config['time'] || undefined,
      config['memory'] || undefined,
    );
  } catch (error) {
    problems.push(`testdata/${configName}: ${(error as Error).message}`);
  }

  // One test per distinct pair of files, numbered in Hydro's judging order.
  const present = new Set(files);
  const resolve = (name: string | undefined, what: string, where: string): string | undefined => {
    if (name === undefined) return undefined;
    // Hydro first tries a name with a folder as the part after its first "/" ("testdata/1.in").
    const candidates = name.includes('/') ? [name.slice(name.indexOf('/') + 1), name] : [name];
    const found = candidates.find((candidate) => present.has(candidate));
    if (found === undefined)
      problems.push(`testdata/${configName}: ${where}: the ${what} file ${name} is not in testdata/`);
    return found;
  };
  const testsByFiles = new Map<string, PlannedTest & { timeMs: number; memoryMb: number }>();
  const pieces: { hydro: NormalizedHydroSubtask; tests: string[]; scores: number[] }[] = [];
  let unnumbered = 0;
  normalized.forEach((subtask) => {
    const ids: string[] = [];
    subtask.cases.forEach((item, index) => {
      const where = `subtask ${String(subtask.id)}, case ${index + 1}`;
      const input = resolve(item.input, 'input', where);
      const output = resolve(item.output, 'output', where);
      const key = JSON.stringify([input ?? null, output ?? null]);
      let test = testsByFiles.get(key);
      if (test === undefined) {
        test = { id: String(++unnumbered), input, output, timeMs: item.timeMs, memoryMb: item.memoryMb };
        testsByFiles.set(key, test);
      } else if (test.timeMs !== item.timeMs || test.memoryMb !== item.memoryMb) {
        test.timeMs = Math.max(test.timeMs, item.timeMs);
        test.memoryMb = Math.max(test.memoryMb, item.memoryMb);
        notes.push(
          `the case ${input ?? '(no input)'} is in several subtasks with different limits: it runs once here, under the larger (${test.timeMs} ms, ${test.memoryMb} MB)`,
        );
      }
      ids.push(test.id);
      if (item.input === undefined || item.output === undefined) {
        notes.push(`${where} has no ${item.input === undefined ? 'input' : 'output'} file: it is an empty file here`);
      }
    });
    pieces.push({ hydro: subtask, tests: ids, scores: subtask.cases.map((item) => item.score) });
  });
  const width = Math.max(2, String(unnumbered).length);
  const idOf = (number: string): string => number.padStart(width, '0');
  const tests = [...testsByFiles.values()];
  if (tests.length === 0 && problems.length === 0) {
    problems.push(
      source.kind === 'none'
        ? 'no tests: testdata/ holds no input/output pair that Hydro would find by name (e.g. 1.in + 1.out) and there is no config.yaml'
        : `no tests: testdata/${configName} lists no case and no file name pairs up as Hydro would find it`,
    );
  }

  // Subtasks: min as they are, max as min (with a note), sum split into one subtask per case.
  const taken = new Set<string>();
  const idsByHydroId = new Map<string, string[]>();
  const subtasks: Subtask[] = [];
  const rounded = (score: number, what: string): number => {
    const whole = Math.min(SUBTASK_SCORE_MAX, Math.max(0, Math.round(score)));
    if (whole !== score)
      notes.push(
        `${what}: score ${score} became ${whole} (our scores are whole numbers from 0 to ${SUBTASK_SCORE_MAX})`,
      );
    return whole;
  };
  pieces.forEach(({ hydro, tests: ids, scores }, position) => {
    const hydroKey = String(hydro.id);
    if (ids.length === 0) {
      notes.push(`subtask ${hydroKey} has no case and was left out (its ${hydro.score} points with it)`);
      idsByHydroId.set(hydroKey, []);
      return;
    }
    const made: Subtask[] = [];
    if (hydro.type === 'sum' && ids.length > 1) {
      const base = subtaskIdFor(hydro.id, position, taken);
      ids.forEach((id, index) => {
        const pieceId = subtaskIdFor(`${base}-${index + 1}`, position, taken);
        made.push({
          id: pieceId,
          score: rounded(scores[index]!, `subtask ${pieceId}`),
          tests: [idOf(id)],
          dependencies: [],
        });
      });
      notes.push(
        `subtask ${hydroKey} (type sum, ${ids.length} cases) became subtasks ${made[0]!.id} to ${made.at(-1)!.id}, one per case with its points (${scores.join(', ')}): our subtasks score all or nothing`,
      );
    } else {
      const id = subtaskIdFor(hydro.id, position, taken);
      // Hydro's min starts from the subtask score and keeps the lowest case score; max keeps the highest.
      const score =
        hydro.type === 'min'
          ? Math.min(hydro.score, ...scores)
          : hydro.type === 'max'
            ? Math.max(...scores)
            : scores[0]!;
      if (hydro.type === 'max') {
        notes.push(
          `subtask ${hydroKey} is of type max (the best case counts): imported as all or nothing, so all its tests must pass here`,
        );
      }
      if (hydro.type === 'min' && score !== hydro.score) {
        notes.push(`subtask ${hydroKey}: worth ${score}, the lowest score of its cases, as Hydro's min rule gives it`);
      }
      made.push({ id, score: rounded(score, `subtask ${id}`), tests: [...new Set(ids.map(idOf))], dependencies: [] });
    }
    idsByHydroId.set(
      hydroKey,
      made.map((subtask) => subtask.id),
    );
    subtasks.push(...made);
  });

  // Dependencies: Hydro's `if` names subtask ids; a split sum subtask is depended on piece by piece.
  pieces.forEach(({ hydro }) => {
    const mine = idsByHydroId.get(String(hydro.id)) ?? [];
    if (mine.length === 0) return;
    const dependencies: string[] = [];
    for (const wanted of hydro.if) {
      const key = String(wanted);
      const targets = idsByHydroId.get(key);
      if (key === String(hydro.id)) notes.push(`subtask ${key} depends on itself (if): ignored`);
      else if (targets === undefined)
        notes.push(`subtask ${String(hydro.id)} depends on subtask ${key}, which does not exist: ignored`);
      else dependencies.push(...targets);
    }
    for (const subtask of subtasks) if (mine.includes(subtask.id)) subtask.dependencies = [...new Set(dependencies)];
  });
  const { ordered, cycle } = dependencyOrder(subtasks);
  if (cycle.length > 0) {
    problems.push(`subtasks ${cycle.join(', ')} depend on each other in a cycle (if), which a package cannot express`);
  } else if (ordered.some((subtask, index) => subtask !== subtasks[index])) {
    notes.push(
      `subtasks reordered so that each comes after those it depends on: ${ordered.map((subtask) => subtask.id).join(', ')}`,
    );
  }

  if (problems.length > 0) throw new HydroPlanError(problems);

  // Limits: each test's own, clamped to our bounds, then said once per subtask or the problem where they agree.
  const clampedNotes = new Set<string>();
  const planned = tests.map((test) => {
    const timeMs = clamp(test.timeMs, TIME_BOUNDS);
    const memoryMb = clamp(test.memoryMb, MEMORY_BOUNDS);
    if (timeMs !== test.timeMs)
      clampedNotes.add(
        `time limit ${test.timeMs} ms became ${timeMs} ms (ours: ${TIME_BOUNDS.min} to ${TIME_BOUNDS.max} ms)`,
      );
    if (memoryMb !== test.memoryMb)
      clampedNotes.add(
        `memory limit ${test.memoryMb} MB became ${memoryMb} MB (ours: ${MEMORY_BOUNDS.min} to ${MEMORY_BOUNDS.max} MB)`,
      );
    return { id: idOf(test.id), input: test.input, output: test.output, timeMs, memoryMb };
  });
  notes.push(...clampedNotes);
  const wanted = new Map(planned.map((test) => [test.id, test]));
  const common = (values: number[]): number | undefined => (new Set(values).size === 1 ? values[0] : undefined);
  const limits = {
    timeMs: common(planned.map((test) => test.timeMs)) ?? clamp(top.timeMs, TIME_BOUNDS),
    memoryMb: common(planned.map((test) => test.memoryMb)) ?? clamp(top.memoryMb, MEMORY_BOUNDS),
  };
  for (const subtask of ordered) {
    const own: LimitOverride = {};
    const time = common(subtask.tests.map((id) => wanted.get(id)!.timeMs));
    const memory = common(subtask.tests.map((id) => wanted.get(id)!.memoryMb));
    if (time !== undefined && time !== limits.timeMs) own.timeMs = time;
    if (memory !== undefined && memory !== limits.memoryMb) own.memoryMb = memory;
    if (own.timeMs !== undefined || own.memoryMb !== undefined) subtask.limits = own;
  }
  const testLimits: Record<string, LimitOverride> = {};
  const full = { ...limits, outputKb: 1, stackMb: 1 };
  for (const test of planned) {
    const applied = effectiveTestLimits({ limits: full, subtasks: ordered }, test.id);
    const own: LimitOverride = {};
    if (applied.timeMs !== test.timeMs) own.timeMs = test.timeMs;
    if (applied.memoryMb !== test.memoryMb) own.memoryMb = test.memoryMb;
    if (own.timeMs !== undefined || own.memoryMb !== undefined) testLimits[test.id] = own;
  }

  return {
    limits,
    checker,
    subtasks: ordered,
    testLimits,
    tests: planned.map(({ id, input, output }) => ({ id, input, output })),
    notes,
    usedFiles: new Set(
      planned.flatMap((test) => [test.input, test.output]).filter((name): name is string => name !== undefined),
    ),
  };
}
