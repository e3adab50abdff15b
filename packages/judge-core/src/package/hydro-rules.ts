// Hydro's rules for test data, re-implemented from what docs/hydro-format.md records of Hydro's source
// (hydro-dev/Hydro at 409af92): its time and memory units, its natural file order, its detection of tests
// by file name, and how it shares out scores and limits over subtasks and cases. Pure: names and values
// in, plain data out, so each rule has a table test.

/** A value read from YAML as text for a name or a message: objects as JSON, not "[object Object]". */
export function asText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** `parseTimeMS` (framework/utils/lib/common.ts): a bare number or whole-number string is ms, else `<n>[m|u]s`. */
export function parseHydroTimeMs(value: unknown): number {
  if (typeof value === 'number') return value;
  const text = asText(value);
  if (Number.isSafeInteger(Number(text))) return Number(text);
  const match = /^([0-9]+(?:\.[0-9]*)?)([mu]?)s?$/i.exec(text);
  if (!match) throw new Error(`time "${text}" is not a time Hydro reads (e.g. 1000, "1s", "1000ms")`);
  const perUnit = { '': 1000, m: 1, u: 0.001 }[match[2]!.toLowerCase() as '' | 'm' | 'u'];
  return Math.floor(Number.parseFloat(match[1]!) * perUnit);
}

/** `parseMemoryMB`: a bare number or whole-number string is MB, else `<n><k|m|g>[b]`, rounded up to MB. */
export function parseHydroMemoryMb(value: unknown): number {
  if (typeof value === 'number') return value;
  const text = asText(value);
  if (Number.isSafeInteger(Number(text))) return Number(text);
  const match = /^([0-9]+(?:\.[0-9]*)?)([kmg])b?$/i.exec(text);
  if (!match) throw new Error(`memory "${text}" is not a memory size Hydro reads (e.g. 256, "256m", "1g")`);
  const perUnit = { k: 1 / 1024, m: 1, g: 1024 }[match[2]!.toLowerCase() as 'k' | 'm' | 'g'];
  return Math.ceil(Number.parseFloat(match[1]!) * perUnit);
}

/**
 * Hydro's `sortFiles` order: names cut into runs of digits and of non-digits, digit runs compared as
 * numbers, other runs (and equal numbers written differently, "01" and "1") as text, a prefix first.
 */
export function compareHydroNames(a: string, b: string): number {
  const runsA = a.match(/\D+|\d+/g) ?? [];
  const runsB = b.match(/\D+|\d+/g) ?? [];
  for (let index = 0; index < Math.min(runsA.length, runsB.length); index++) {
    const runA = runsA[index]!;
    const runB = runsB[index]!;
    const difference = Number(runA) - Number(runB);
    if (!Number.isNaN(difference) && difference !== 0) return difference;
    if (runA !== runB) return runA > runB ? 1 : -1;
  }
  return runsA.length - runsB.length;
}

export type HydroSubtaskType = 'min' | 'max' | 'sum';

/** A case as config.yaml (or the file-name detection) gives it; every field may be missing. */
export interface HydroCase {
  id?: unknown;
  input?: unknown;
  output?: unknown;
  time?: unknown;
  memory?: unknown;
  score?: unknown;
}

export interface HydroSubtask {
  id?: unknown;
  type?: unknown;
  score?: unknown;
  time?: unknown;
  memory?: unknown;
  if?: unknown;
  cases?: HydroCase[];
}

interface DetectionRule {
  pattern: RegExp;
  outputs(match: RegExpExecArray): string[];
  caseId(match: RegExpExecArray): number;
  subtask(match: RegExpExecArray): number;
  type(match: RegExpExecArray): HydroSubtaskType;
}

const inputToOutput = (name: string): string => name.replace(/input/g, 'output').replace(/INPUT/g, 'OUTPUT');

/** The four rules of `readSubtasksFromFiles` (docs/hydro-format.md, 3.1), in Hydro's order. */
const DETECTION_RULES: DetectionRule[] = [
  {
    // <prefix><sub>[-_]<n>.<ext> or <prefix><n>.<ext>
    // Hydro's own pattern, kept as is (its lazy prefix decides which digits are the subtask); names are short.
    pattern: /^(([\w.-]*?)(?:(\d*)[-_])?(\d+))\.(in|IN|txt|TXT|in\.txt|IN\.TXT)$/,
    outputs: (match) => {
      const base = match[1]!;
      const names = ['out', 'ans']
        .flatMap((extension) => [
          extension,
          extension.toUpperCase(),
          `${extension}.txt`,
          `${extension.toUpperCase()}.TXT`,
        ])
        .flatMap((extension) => [`${base}.${extension}`, inputToOutput(`${base}.${extension}`)]);
      if (base.includes('input')) names.push(inputToOutput(`${base}.txt`));
      return names;
    },
    caseId: (match) => Number(match[4]),
    subtask: (match) => Number(match[3] || 1),
    type: (match) => (match[3] ? 'min' : 'sum'),
  },
  {
    // <name>.in<n>
    pattern: /^(\D*)\.(in|IN)(\d+)$/,
    outputs: (match) =>
      [
        `${match[1]}.${match[2] === 'in' ? 'ou' : 'OU'}${match[3]}`,
        `${match[1]}.${match[2] === 'in' ? 'out' : 'OUT'}${match[3]}`,
      ].flatMap((name) => [name, inputToOutput(name)]),
    // Hydro reads the case id from the wrong group (the text "in"): NaN, so these keep their file order.
    caseId: () => Number.NaN,
    subtask: () => 1,
    type: () => 'sum',
  },
  {
    // <name><sub>[-_]<n>.in, for names rule 1 refuses (spaces, non-ASCII letters before the digits)
    pattern: /^(\D*)([0-9]+)([-_])([0-9]+)\.(in|IN)$/,
    outputs: (match) =>
      ['out', 'ans', 'OUT', 'ANS'].map((extension) => `${match[1]}${match[2]}${match[3]}${match[4]}.${extension}`),
    caseId: (match) => Number(match[4]),
    subtask: (match) => Number(match[2]),
    type: () => 'min',
  },
  {
    // <n>[-_]<anything>.in
    pattern: /^(([0-9]+)[-_].*)\.(in|IN)$/,
    outputs: (match) => ['out', 'ans', 'OUT', 'ANS'].map((extension) => `${match[1]}.${extension}`),
    caseId: (match) => Number(match[2]),
    subtask: () => 1,
    type: () => 'sum',
  },
];

/**
 * Hydro's automatic detection of tests from the names of the test-data files (`readSubtasksFromFiles`):
 * each file is tried against the four rules in order, a rule applying only when one of its output names
 * exists; cases group into subtasks by their subtask number, each subtask of the type preferred by the
 * file that created it, its cases in Hydro's natural order of input names. `files` are taken in the order
 * given (Hydro takes the folder's order; the importer passes them in natural order).
 */
export function detectHydroSubtasks(files: readonly string[]): HydroSubtask[] {
  const present = new Set(files);
  const subtasks = new Map<number, HydroSubtask & { cases: HydroCase[] }>();
  for (const file of files) {
    for (const rule of DETECTION_RULES) {
      const match = rule.pattern.exec(file);
      if (!match) continue;
      const output = rule.outputs(match).find((name) => name !== file && present.has(name));
      if (output === undefined) continue;
      const number = rule.subtask(match);
      const subtask = subtasks.get(number) ?? { id: number, type: rule.type(match), cases: [] };
      subtasks.set(number, subtask);
      if (!subtask.cases.some((known) => known.input === file && known.output === output)) {
        subtask.cases.push({ id: rule.caseId(match), input: file, output });
      }
      break;
    }
  }
  for (const subtask of subtasks.values()) {
    subtask.cases.sort((a, b) => compareHydroNames(String(a.input), String(b.input)));
  }
  // Hydro returns them in the order of its object's keys, which for integer keys is ascending.
  return [...subtasks.entries()].sort(([a], [b]) => a - b).map(([, subtask]) => subtask);
}

/** `getScore`: `total` over `count` items, floor(total / count) each, the remainder one point each to the last items. */
export function shareHydroScore(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  const plain = count - (total % count);
  return Array.from({ length: count }, (_, index) => (index >= plain ? base + 1 : base));
}

export interface NormalizedHydroCase {
  input: string | undefined;
  output: string | undefined;
  score: number;
  timeMs: number;
  memoryMb: number;
}

export interface NormalizedHydroSubtask {
  /** Its own id if it has one, else its position (from 1) after sorting. */
  id: unknown;
  /** Missing in config.yaml means min. */
  type: HydroSubtaskType;
  score: number;
  if: unknown[];
  timeMs: number;
  memoryMb: number;
  cases: NormalizedHydroCase[];
}

const byHydroId = (a: { id?: unknown }, b: { id?: unknown }): number => Number(a.id) - Number(b.id);
const fileName = (value: unknown): string | undefined =>
  value === undefined || value === null || value === '' ? undefined : asText(value);

/**
 * `normalizeSubtasks`: subtasks sorted by id, cases by id (a missing id keeps its place: NaN compares
 * equal); missing or zero scores shared out of 100 over subtasks and of the subtask's score over the
 * cases of a sum subtask (the cases of a min or max subtask each carry the whole subtask score); the time
 * and memory of a case are its own, else its subtask's, else the problem's. Throws on a time or memory
 * Hydro cannot read, as its judge does.
 */
export function normalizeHydroSubtasks(
  subtasks: readonly HydroSubtask[],
  time: unknown = '1000ms',
  memory: unknown = '256m',
): NormalizedHydroSubtask[] {
  const sorted = [...subtasks].sort(byHydroId);
  const given = (score: unknown): number => Number(score) || 0;
  const subtaskShares = shareHydroScore(
    Math.max(100 - sorted.reduce((sum, subtask) => sum + given(subtask.score), 0), 0),
    sorted.filter((subtask) => !given(subtask.score)).length,
  );
  return sorted.map((subtask, position) => {
    const cases = [...(subtask.cases ?? [])].sort(byHydroId);
    const score = given(subtask.score) || subtaskShares.shift()!;
    const caseShares = shareHydroScore(
      Math.max(score - cases.reduce((sum, item) => sum + given(item.score), 0), 0),
      cases.filter((item) => !given(item.score)).length,
    );
    const subtaskTime = subtask.time || time;
    const subtaskMemory = subtask.memory || memory;
    const type: HydroSubtaskType = subtask.type === 'max' || subtask.type === 'sum' ? subtask.type : 'min';
    return {
      id: subtask.id ?? position + 1,
      type,
      score,
      if: Array.isArray(subtask.if) ? (subtask.if as unknown[]) : [],
      timeMs: parseHydroTimeMs(subtaskTime),
      memoryMb: parseHydroMemoryMb(subtaskMemory),
      cases: cases.map((item) => ({
        input: fileName(item.input),
        output: fileName(item.output),
        // Hydro tests the type as written: only an explicit "sum" shares the score out.
        score: given(item.score) || (subtask.type === 'sum' ? caseShares.shift()! : score),
        timeMs: parseHydroTimeMs(item.time || subtaskTime),
        memoryMb: parseHydroMemoryMb(item.memory || subtaskMemory),
      })),
    };
  });
}

/** `convertIniConfig`: the legacy config.ini, one subtask of one case per line. */
export function convertHydroIni(text: string): HydroSubtask[] {
  const lines = text.split('\n');
  const count = Number.parseInt(lines[0] ?? '', 10);
  const subtasks: HydroSubtask[] = [];
  for (let index = 1; index <= count; index++) {
    if (!lines[index]?.trim()) throw new Error('config.ini: fewer lines than the count on its first line');
    const [input, output, time, score, memory] = lines[index]!.split('|');
    const memoryKb = Number.parseInt(memory ?? '', 10);
    subtasks.push({
      cases: [{ input, output }],
      score: Number.parseInt(score ?? '', 10),
      time: `${time}s`,
      memory: Number.isNaN(memoryKb) ? '256m' : `${Math.floor(memoryKb / 1024)}m`,
    });
  }
  return subtasks;
}
