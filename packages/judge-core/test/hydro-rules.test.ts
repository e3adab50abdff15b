// Hydro's own rules as hydro-rules.ts re-implements them, checked against the examples docs/hydro-format.md
// records from Hydro's source (units, natural order, test detection by name, score sharing).
import { describe, expect, it } from 'vitest';
import {
  compareHydroNames,
  convertHydroIni,
  detectHydroSubtasks,
  normalizeHydroSubtasks,
  parseHydroMemoryMb,
  parseHydroTimeMs,
  shareHydroScore,
} from '../src/package/hydro-rules.ts';

describe('Hydro time and memory units', () => {
  it.each([
    [1000, 1000],
    [1, 1],
    ['1', 1],
    ['1000', 1000],
    ['1s', 1000],
    ['1.5s', 1500],
    ['1.5', 1500],
    ['1000ms', 1000],
    ['1000m', 1000],
    ['1500MS', 1500],
    ['2500us', 2],
    ['0.0015s', 1],
  ])('time %j is %d ms', (value, ms) => {
    expect(parseHydroTimeMs(value)).toBe(ms);
  });

  it.each(['1 s', '1sec', 'fast', ''.padEnd(3, 'x')])('time %j is refused, as Hydro refuses it', (value) => {
    expect(() => parseHydroTimeMs(value)).toThrow(/not a time Hydro reads/);
  });

  it.each([
    [256, 256],
    ['256', 256],
    ['256m', 256],
    ['256MB', 256],
    ['1g', 1024],
    ['1GB', 1024],
    ['65536k', 64],
    ['512KB', 1],
    ['1.5m', 2],
    ['1000k', 1],
  ])('memory %j is %d MB', (value, mb) => {
    expect(parseHydroMemoryMb(value)).toBe(mb);
  });

  it.each(['256MiB', '256 MB', '1t', 'lots'])('memory %j is refused', (value) => {
    expect(() => parseHydroMemoryMb(value)).toThrow(/not a memory size Hydro reads/);
  });
});

describe("Hydro's natural file order", () => {
  it('compares digit runs as numbers and the rest as text, a prefix first', () => {
    const names = ['10.in', '2.in', 'a10.in', 'a9.in', '1.in', 'b.in', 'a.in', '01.in'];
    // "a.in" is one text run, compared as text with "a" (the first run of "a9.in"): the longer text is later.
    expect(names.sort(compareHydroNames)).toEqual([
      '01.in',
      '1.in',
      '2.in',
      '10.in',
      'a9.in',
      'a10.in',
      'a.in',
      'b.in',
    ]);
    expect(compareHydroNames('a', 'a1')).toBeLessThan(0);
    expect(compareHydroNames('a1', 'a')).toBeGreaterThan(0);
    expect(compareHydroNames('x', 'x')).toBe(0);
  });
});

describe('shareHydroScore (getScore)', () => {
  it('gives floor(total / count) each and the remainder one point each to the last items', () => {
    expect(shareHydroScore(100, 3)).toEqual([33, 33, 34]);
    expect(shareHydroScore(100, 7)).toEqual([14, 14, 14, 14, 14, 15, 15]);
    expect(shareHydroScore(100, 4)).toEqual([25, 25, 25, 25]);
    expect(shareHydroScore(0, 2)).toEqual([0, 0]);
    expect(shareHydroScore(100, 0)).toEqual([]);
  });
});

/** What the detection makes of these files: [subtask, type, [input, output] of each case]. */
function detected(files: string[]) {
  return detectHydroSubtasks(files).map((subtask) => [
    subtask.id,
    subtask.type,
    (subtask.cases ?? []).map((item) => [item.input, item.output]),
  ]);
}

describe("Hydro's test detection by file name (docs/hydro-format.md, 3.1)", () => {
  it.each([
    [['1.in', '1.out'], [[1, 'sum', [['1.in', '1.out']]]]],
    [['1.in', '1.ans'], [[1, 'sum', [['1.in', '1.ans']]]]],
    [['1.in', '1.ans', '1.out'], [[1, 'sum', [['1.in', '1.out']]]]],
    [['1.IN', '1.OUT'], [[1, 'sum', [['1.IN', '1.OUT']]]]],
    [['aplusb10.in', 'aplusb10.out'], [[1, 'sum', [['aplusb10.in', 'aplusb10.out']]]]],
    [['data.1.in', 'data.1.out'], [[1, 'sum', [['data.1.in', 'data.1.out']]]]],
    [['ex_1.in', 'ex_1.out'], [[1, 'sum', [['ex_1.in', 'ex_1.out']]]]],
    [['input1.txt', 'output1.txt'], [[1, 'sum', [['input1.txt', 'output1.txt']]]]],
    [['input1.in', 'output1.out'], [[1, 'sum', [['input1.in', 'output1.out']]]]],
    [['1.in.txt', '1.out.txt'], [[1, 'sum', [['1.in.txt', '1.out.txt']]]]],
    [['1.txt', '1.out'], [[1, 'sum', [['1.txt', '1.out']]]]],
    [['1.in', '1.out.txt'], [[1, 'sum', [['1.in', '1.out.txt']]]]],
    [['subtask1_2.in', 'subtask1_2.out'], [[1, 'min', [['subtask1_2.in', 'subtask1_2.out']]]]],
    [['task1-3.in', 'task1-3.ans'], [[1, 'min', [['task1-3.in', 'task1-3.ans']]]]],
    [['a01_01.in', 'a01_01.out'], [[1, 'min', [['a01_01.in', 'a01_01.out']]]]],
    [['test1-2-3.in', 'test1-2-3.out'], [[2, 'min', [['test1-2-3.in', 'test1-2-3.out']]]]],
    [['0_1.in', '0_1.out'], [[0, 'min', [['0_1.in', '0_1.out']]]]],
    [['01sample-01.in', '01sample-01.out'], [[1, 'sum', [['01sample-01.in', '01sample-01.out']]]]],
    [['1-sample.in', '1-sample.out'], [[1, 'sum', [['1-sample.in', '1-sample.out']]]]],
    [['测试1_2.in', '测试1_2.out'], [[1, 'min', [['测试1_2.in', '测试1_2.out']]]]],
    [['file.in1', 'file.ou1'], [[1, 'sum', [['file.in1', 'file.ou1']]]]],
    [['file.in1', 'file.out1'], [[1, 'sum', [['file.in1', 'file.out1']]]]],
    [['测试1.in', '测试1.out', 'my test1.in', 'my test1.out', 'a.in', 'a.out'], []],
    [['1.in'], []],
  ])('%j', (files, expected) => {
    expect(detected(files)).toEqual(expected);
  });

  it('groups by subtask number, in order, cases in natural order, the first file choosing the type', () => {
    const files = ['2_10.in', '2_10.out', '2_9.in', '2_9.out', '1_1.in', '1_1.out', '10.in', '10.out'];
    expect(detected(files)).toEqual([
      [
        1,
        'min',
        [
          ['1_1.in', '1_1.out'],
          ['10.in', '10.out'],
        ],
      ],
      [
        2,
        'min',
        [
          ['2_9.in', '2_9.out'],
          ['2_10.in', '2_10.out'],
        ],
      ],
    ]);
  });
});

describe('normalizeHydroSubtasks', () => {
  it('shares missing scores (0 counts as missing) out of 100, and a sum subtask over its cases', () => {
    const normalized = normalizeHydroSubtasks([
      { id: 2, type: 'sum', cases: [{ input: 'a' }, { input: 'b', score: 20 }, { input: 'c' }, { input: 'd' }] },
      { id: 1, score: 30, cases: [{ input: 'e' }] },
      { id: 3, score: 0, type: 'max', cases: [{ input: 'f' }, { input: 'g', score: 5 }] },
    ]);
    expect(normalized.map((subtask) => [subtask.id, subtask.type, subtask.score])).toEqual([
      [1, 'min', 30],
      [2, 'sum', 35],
      [3, 'max', 35],
    ]);
    // 35 - 20 given = 15 over three cases; min and max cases carry the whole subtask score unless given.
    expect(normalized.map((subtask) => subtask.cases.map((item) => item.score))).toEqual([
      [30],
      [5, 20, 5, 5],
      [35, 5],
    ]);
  });

  it('takes time and memory from the case, else the subtask, else the top level, else 1000 ms and 256 MB', () => {
    const [first, second] = normalizeHydroSubtasks(
      [
        { time: '2s', cases: [{ input: 'a' }, { input: 'b', time: 300, memory: '1g' }] },
        { memory: 64, cases: [{ input: 'c' }] },
      ],
      '1.5s',
    );
    expect(first!.cases.map((item) => [item.timeMs, item.memoryMb])).toEqual([
      [2000, 256],
      [300, 1024],
    ]);
    expect(second!.cases.map((item) => [item.timeMs, item.memoryMb])).toEqual([[1500, 64]]);
    expect(second!.id).toBe(2);
  });

  it('sorts subtasks and cases by id, those without one keeping their place', () => {
    const normalized = normalizeHydroSubtasks([
      {
        id: 3,
        cases: [
          { id: 2, input: 'x2' },
          { id: 1, input: 'x1' },
        ],
      },
      { id: 1, cases: [{ input: 'y' }] },
    ]);
    expect(normalized.map((subtask) => subtask.id)).toEqual([1, 3]);
    expect(normalized[1]!.cases.map((item) => item.input)).toEqual(['x1', 'x2']);
  });

  it('refuses a time it cannot read', () => {
    expect(() => normalizeHydroSubtasks([{ time: '1 sec', cases: [{ input: 'a' }] }])).toThrow(/1 sec/);
  });
});

describe('convertHydroIni', () => {
  it('makes one subtask per line, time in seconds, memory in KB', () => {
    expect(convertHydroIni('2\n1.in|1.out|1|40|131072\n2.in|2.out|2|60|x\n')).toEqual([
      { cases: [{ input: '1.in', output: '1.out' }], score: 40, time: '1s', memory: '128m' },
      { cases: [{ input: '2.in', output: '2.out' }], score: 60, time: '2s', memory: '256m' },
    ]);
    expect(() => convertHydroIni('3\n1.in|1.out|1|40|1\n')).toThrow(/fewer lines/);
  });
});
