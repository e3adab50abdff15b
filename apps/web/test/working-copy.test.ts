import { describe, expect, it } from 'vitest';
import {
  FILE_PREVIEW_BYTES,
  MAX_VERSION_EDIT_BYTES as SHARED_MAX_VERSION_EDIT_BYTES,
  type VersionDetail,
} from '@oj/shared';
import {
  MAX_PACKAGE_UPLOAD_BYTES,
  MAX_PROXIED_BODY_BYTES,
  MAX_VERSION_EDIT_BYTES,
  PROXY_BUFFER_BYTES,
  maxProxiedBodyBytes,
} from '@/lib/http-policy';
import {
  addTestFiles,
  deleteSolution,
  deleteTest,
  explainReason,
  fileChanges,
  fileLoaded,
  followTests,
  functionTestJson,
  functionTestParts,
  isDirty,
  newWorkingCopy,
  nextTestId,
  numberField,
  previewOf,
  putSolution,
  putTest,
  removeFile,
  saveRequest,
  setFile,
  setSample,
  setSubtasks,
  splitList,
  testIdsOf,
  updateManifest,
  workingCopyFromVersion,
} from '@/lib/working-copy';

const stdio = (input: string, output: string) => ({ kind: 'stdio', input, output }) as const;

function storedVersion(overrides: Partial<VersionDetail> = {}): VersionDetail {
  const file = (path: string, text: string | null, size = text?.length ?? 100_000) => ({
    path,
    sizeBytes: size,
    preview: (text ?? 'x'.repeat(FILE_PREVIEW_BYTES)).slice(0, FILE_PREVIEW_BYTES),
    text,
  });
  return {
    slug: 'add',
    number: 3,
    current: true,
    manifest: {
      slug: 'add',
      title: 'Add',
      titles: {},
      difficulty: 'easy',
      tags: [],
      style: 'stdio',
      limits: { timeMs: 1000, memoryMb: 256, outputKb: 1024, stackMb: 64 },
      checker: { type: 'tokens' },
      samples: ['01'],
      subtasks: [{ id: 'all', score: 100, tests: ['01', '02'], dependencies: [] }],
      solutions: [{ file: 'solutions/ac.js', expect: 'AC' }],
    },
    files: [
      file('solutions/ac.js', 'console.log(3)'),
      file('statement.md', 'Add two numbers.'),
      file('tests/01.in', '1 2\n'),
      file('tests/01.out', '3\n'),
      file('tests/02.in', null),
      file('tests/02.out', '5\n'),
    ],
    ...overrides,
  };
}

describe('a new problem', () => {
  it('starts from the template: statement skeleton, default limits, tokens checker, no tests', () => {
    const copy = newWorkingCopy({ slug: 'add', title: 'Add', style: 'stdio' });
    expect(copy.base).toBeNull();
    expect(copy.manifest.limits).toEqual({ timeMs: 1000, memoryMb: 256, outputKb: 1024, stackMb: 64 });
    expect(copy.manifest.checker).toEqual({ type: 'tokens' });
    expect(testIdsOf(copy.files)).toEqual([]);
    expect(copy.manifest.subtasks).toEqual([]);
    expect(copy.files['statement.md']?.text).toContain('## Input format');
    expect(copy.manifest.function).toBeUndefined();
    // Nothing is stored yet, so the first save sends base null and every file.
    expect(isDirty(copy)).toBe(true);
    expect(saveRequest(copy)).toMatchObject({ base: null, files: [{ path: 'statement.md' }] });
  });

  it('of function style carries its signature into the manifest and the statement', () => {
    const signature = { name: 'add', params: [{ name: 'a', type: 'number' }], returns: 'number' };
    const copy = newWorkingCopy({ slug: 'add', title: 'Add', style: 'function', signature });
    expect(copy.manifest.function).toEqual(signature);
    expect(copy.files['statement.md']?.text).toContain('`a` (`number`)');
  });
});

describe('the default subtask', () => {
  it('follows the tests as they are added and deleted, and the first test becomes the sample', () => {
    let copy = newWorkingCopy({ slug: 'add', title: 'Add', style: 'stdio' });
    copy = putTest(copy, '01', stdio('1 2\n', '3\n'));
    copy = putTest(copy, '02', stdio('2 2\n', '4\n'));
    expect(copy.manifest.samples).toEqual(['01']);
    expect(copy.manifest.subtasks).toEqual([{ id: 'all', score: 100, tests: ['01', '02'], dependencies: [] }]);
    copy = deleteTest(copy, '01');
    expect(copy.manifest.samples).toEqual([]);
    expect(copy.manifest.subtasks[0]?.tests).toEqual(['02']);
    expect(Object.keys(copy.files).sort()).toEqual(['statement.md', 'tests/02.in', 'tests/02.out']);
  });

  it('stops following once the setter edits the subtasks, and follows again when asked', () => {
    let copy = putTest(newWorkingCopy({ slug: 'add', title: 'Add', style: 'stdio' }), '01', stdio('1', '1'));
    copy = setSubtasks(copy, [{ id: 'small', score: 100, tests: ['01'], dependencies: [] }]);
    copy = putTest(copy, '02', stdio('2', '2'));
    expect(copy.manifest.subtasks).toEqual([{ id: 'small', score: 100, tests: ['01'], dependencies: [] }]);
    copy = followTests(copy);
    expect(copy.manifest.subtasks).toEqual([{ id: 'all', score: 100, tests: ['01', '02'], dependencies: [] }]);
  });

  it("of a stored version keeps following only when it is exactly one 'all' with every test", () => {
    expect(workingCopyFromVersion(storedVersion()).subtasksFollowTests).toBe(true);
    const own = storedVersion();
    own.manifest.subtasks = [{ id: 'all', score: 100, tests: ['01'], dependencies: [] }];
    expect(workingCopyFromVersion(own).subtasksFollowTests).toBe(false);
  });

  it('deleting a test the setter placed drops it from their subtasks, and a subtask left empty with its dependants', () => {
    let copy = workingCopyFromVersion(storedVersion());
    copy = setSubtasks(copy, [
      { id: 'a', score: 50, tests: ['01'], dependencies: [] },
      { id: 'b', score: 50, tests: ['02'], dependencies: ['a'] },
    ]);
    copy = deleteTest(copy, '01');
    expect(copy.manifest.subtasks).toEqual([{ id: 'b', score: 50, tests: ['02'], dependencies: [] }]);
  });
});

describe('the changes of a save', () => {
  it('are only the edited and new files and the deletions, sorted, with the manifest', () => {
    let copy = workingCopyFromVersion(storedVersion());
    expect(isDirty(copy)).toBe(false);
    expect(fileChanges(copy)).toEqual([]);
    copy = setFile(copy, 'statement.md', 'Add two integers.');
    copy = putTest(copy, nextTestId(testIdsOf(copy.files)), stdio('5 5\n', '10\n'));
    copy = removeFile(copy, 'tests/01.out');
    copy = setFile(copy, 'solutions/ac.js', 'console.log(3)'); // the same text: no change
    expect(fileChanges(copy)).toEqual([
      { path: 'statement.md', content: 'Add two integers.' },
      { path: 'tests/01.out', delete: true },
      { path: 'tests/03.in', content: '5 5\n' },
      { path: 'tests/03.out', content: '10\n' },
    ]);
    const request = saveRequest(copy);
    expect(request.base).toBe(3);
    expect(request.manifest.subtasks).toEqual([{ id: 'all', score: 100, tests: ['01', '02', '03'], dependencies: [] }]);
  });

  it('leave out a large file never fetched, and one fetched but not edited', () => {
    let copy = workingCopyFromVersion(storedVersion());
    expect(copy.files['tests/02.in']?.text).toBeNull();
    copy = fileLoaded(copy, 'tests/02.in', '2 3\n');
    expect(fileChanges(copy)).toEqual([]);
    copy = putTest(copy, '02', stdio('2 4\n', '6\n'));
    expect(fileChanges(copy)).toEqual([
      { path: 'tests/02.in', content: '2 4\n' },
      { path: 'tests/02.out', content: '6\n' },
    ]);
  });

  it('count a manifest edit alone as a change, and drop the signature of a stdio problem', () => {
    let copy = workingCopyFromVersion(storedVersion());
    copy = updateManifest(copy, { limits: { ...copy.manifest.limits, timeMs: 2000 } });
    expect(isDirty(copy)).toBe(true);
    copy = updateManifest(copy, { function: { name: 'f', params: [], returns: 'number' }, titles: { zh: ' ' } });
    const manifest = saveRequest(copy).manifest;
    expect(manifest).not.toHaveProperty('function');
    expect(manifest.titles).toEqual({});
  });

  it('keep manifest fields the editor does not know', () => {
    const version = storedVersion();
    version.manifest = { ...version.manifest, testLimits: { '01': { timeMs: 2000 } } };
    expect(saveRequest(workingCopyFromVersion(version)).manifest.testLimits).toEqual({ '01': { timeMs: 2000 } });
  });
});

describe('tests and solutions', () => {
  it('number new tests after the largest, as wide as the widest', () => {
    expect(nextTestId([])).toBe('01');
    expect(nextTestId(['01', '02', '09'])).toBe('10');
    expect(nextTestId(['001', 'big'])).toBe('002');
    expect(nextTestId(['sample'])).toBe('01');
  });

  it('of function style are one JSON file of args and expected', () => {
    expect(functionTestJson('[1, 2]', '3')).toBe('{"args":[1,2],"expected":3}\n');
    expect(() => functionTestJson('{"a":1}', '3')).toThrow(/array/);
    expect(() => functionTestJson('[1', '3')).toThrow();
    expect(functionTestParts('{"args":[[1,2]],"expected":[3]}')).toEqual({ args: '[[1,2]]', expected: '[3]' });
    expect(functionTestParts('not json')).toBeNull();
    let copy = newWorkingCopy({ slug: 'f', title: 'F', style: 'function' });
    copy = putTest(copy, '01', { kind: 'function', json: functionTestJson('[1]', '1') });
    expect(Object.keys(copy.files)).toContain('tests/01.json');
  });

  it('mark samples in test order', () => {
    let copy = workingCopyFromVersion(storedVersion());
    copy = setSample(copy, '02', true);
    copy = setSample(copy, '01', false);
    copy = setSample(copy, '01', true);
    expect(copy.manifest.samples).toEqual(['01', '02']);
  });

  it('rename a solution by moving its file, in its place in the list; deleting removes file and entry', () => {
    let copy = workingCopyFromVersion(storedVersion());
    copy = putSolution(copy, null, { file: 'solutions/wa.js', expect: 'WA' }, 'console.log(0)');
    copy = putSolution(copy, 'solutions/ac.js', { file: 'solutions/ac.ts', expect: 'AC' }, 'console.log(3)');
    expect(copy.manifest.solutions.map((solution) => solution.file)).toEqual(['solutions/ac.ts', 'solutions/wa.js']);
    expect(fileChanges(copy).map((change) => change.path)).toEqual([
      'solutions/ac.js',
      'solutions/ac.ts',
      'solutions/wa.js',
    ]);
    copy = deleteSolution(copy, 'solutions/wa.js');
    expect(copy.manifest.solutions).toEqual([{ file: 'solutions/ac.ts', expect: 'AC' }]);
    expect(copy.files['solutions/wa.js']).toBeUndefined();
  });
});

describe('form fields', () => {
  it('split comma lists and keep every typed number for the API to judge', () => {
    expect(splitList(' math, dp ,,greedy ')).toEqual(['math', 'dp', 'greedy']);
    expect(numberField('1500')).toBe(1500);
    expect(numberField('1e30')).toBe(1e30);
    expect(numberField('Infinity')).toBe(Number.MAX_VALUE);
    expect(numberField('abc')).toBe(Number.MAX_VALUE);
  });

  it('preview the first bytes of a file', () => {
    expect(previewOf('short')).toBe('short');
    expect(new TextEncoder().encode(previewOf('é'.repeat(400))).length).toBeLessThanOrEqual(FILE_PREVIEW_BYTES);
  });
});

describe('the proxy body limits', () => {
  it('let a version save through up to the shared MAX_VERSION_EDIT_BYTES, and keep the other limits', () => {
    expect(MAX_VERSION_EDIT_BYTES).toBe(SHARED_MAX_VERSION_EDIT_BYTES);
    expect(maxProxiedBodyBytes('POST', '/api/setter/problems/add-two/versions')).toBe(MAX_VERSION_EDIT_BYTES);
    expect(maxProxiedBodyBytes('POST', '/api/problems/packages')).toBe(MAX_PACKAGE_UPLOAD_BYTES);
    for (const [method, path] of [
      ['PUT', '/api/setter/problems/add-two/versions'],
      ['POST', '/api/setter/problems/add-two/versions/3/publish'],
      ['POST', '/api/setter/problems/a/b/versions'],
      ['POST', '/api/setter/problems//versions'],
      ['POST', '/api/submissions'],
      ['POST', '/api/setter/problems/add-two/versions/'],
    ] as const)
      expect(maxProxiedBodyBytes(method, path)).toBe(MAX_PROXIED_BODY_BYTES);
    expect(PROXY_BUFFER_BYTES).toBeGreaterThanOrEqual(MAX_VERSION_EDIT_BYTES);
  });

  it('let a zip of tests through up to the package-upload limit, and no other setter path or method', () => {
    expect(maxProxiedBodyBytes('POST', '/api/setter/problems/add-two/tests')).toBe(MAX_PACKAGE_UPLOAD_BYTES);
    expect(maxProxiedBodyBytes('POST', '/api/setter/problems/e2e-sum-x1/tests')).toBe(MAX_PACKAGE_UPLOAD_BYTES);
    for (const [method, path] of [
      ['GET', '/api/setter/problems/add-two/tests'],
      ['PUT', '/api/setter/problems/add-two/tests'],
      ['POST', '/api/setter/problems/../tests'],
      ['POST', '/api/setter/problems/./tests'],
      ['POST', '/api/setter/problems/%2E%2E/tests'],
      ['POST', '/api/setter/problems/a/b/tests'],
      ['POST', '/api/setter/problems//tests'],
      ['POST', '/api/setter/problems/add-two/tests/'],
      ['POST', '/api/setter/problems/add-two/tests/01'],
      ['POST', '/api/setter/problems/add-two/tests?base=2'],
      ['POST', '/api/setter/problems/tests'],
      ['POST', '/api/setter/problems/add-two/rejudges'],
      ['POST', '/api/setter/problems/add-two/authors'],
      ['POST', '/api/problems/add-two/tests'],
    ] as const)
      expect(maxProxiedBodyBytes(method, path), `${method} ${path}`).toBe(MAX_PROXIED_BODY_BYTES);
    expect(PROXY_BUFFER_BYTES).toBeGreaterThanOrEqual(MAX_PACKAGE_UPLOAD_BYTES);
  });
});

describe('the reasons of a refused save', () => {
  it('name the file where the API names its position in the request', () => {
    const request = { base: 1, manifest: {}, files: [{ path: 'solutions/../x.js', content: '' }] };
    expect(explainReason('files.0.path: a relative path', request)).toBe('solutions/../x.js: a relative path');
    expect(explainReason('files.7.path: a relative path', request)).toBe('files.7.path: a relative path');
    expect(explainReason('problem.yaml: limits.timeMs: too big', request)).toBe('problem.yaml: limits.timeMs: too big');
  });
});

describe('test files picked from disk', () => {
  it('become tests of their names, the first a sample; a wrong name, style or size is refused', () => {
    const picked = (name: string, text = 'x') => ({ name, text, sizeBytes: text.length });
    const { copy, refused } = addTestFiles(
      newWorkingCopy({ slug: 'add', title: 'Add', style: 'stdio' }),
      [
        picked('02.in', '2'),
        picked('02.out', '4'),
        picked('01.in', '1'),
        picked('01.out', '2'),
        picked('x.txt'),
        picked('03.json'),
        picked('04.in', 'x'.repeat(11)),
      ],
      10,
    );
    expect(testIdsOf(copy.files)).toEqual(['01', '02']);
    expect(copy.manifest.samples).toEqual(['01']);
    expect(copy.manifest.subtasks[0]?.tests).toEqual(['01', '02']);
    expect(refused).toEqual([
      { name: '03.json', reason: 'style' },
      { name: '04.in', reason: 'size' },
      { name: 'x.txt', reason: 'name' },
    ]);
  });
});
