// Package zips: the round trip of every built-in problem, and each kind of hostile or broken zip refused
// with its reason and nothing left behind.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveError, DEFAULT_ARCHIVE_LIMITS, exportPackageZip, importPackageZip } from '../src/package/archive.ts';
import { BUILT_IN_PROBLEMS_DIR, PackageError } from '../src/package/load.ts';
import { buildZip, type RawEntry } from './support/zip.ts';

const REPOSITORY_ROOT = path.resolve(BUILT_IN_PROBLEMS_DIR, '..');
const GIB = 1024 * 1024 * 1024;
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'oj-archive-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Every file under `root` with its bytes, by `/`-separated path. */
async function tree(root: string, relative = ''): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [name, bytes] of await tree(root, child)) files.set(name, bytes);
    else files.set(child, await readFile(path.join(root, child)));
  }
  return files;
}

/**
 * Every file under `root` with the SHA-256 of its bytes: comparing these is as strict as comparing the
 * bytes, and fast (a deep equality of 6 MB buffers takes most of a minute on a busy machine).
 */
async function digests(root: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const [name, bytes] of await tree(root)) hashes.set(name, createHash('sha256').update(bytes).digest('hex'));
  return hashes;
}

/** The files of a built-in package as zip entries, optionally under a top folder. */
async function packageEntries(problem: string, top = ''): Promise<RawEntry[]> {
  const files = await tree(path.join(BUILT_IN_PROBLEMS_DIR, problem));
  return [...files].map(([name, data]) => ({ name: `${top}${name}`, data }));
}

async function writeZip(name: string, entries: RawEntry[]): Promise<string> {
  const file = path.join(scratch, name);
  await writeFile(file, buildZip(entries));
  return file;
}

/** Imports and expects a refusal; checks that neither the folder nor a staging folder was left. */
async function refusal(zipFile: string, limits = DEFAULT_ARCHIVE_LIMITS): Promise<string[]> {
  const outDir = path.join(scratch, `out-${path.basename(zipFile)}`);
  const error = await importPackageZip(zipFile, outDir, limits).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error instanceof ArchiveError || error instanceof PackageError, String(error)).toBe(true);
  const left = (await readdir(scratch)).filter((name) => name.includes(path.basename(outDir)));
  expect(left).toEqual([]);
  return (error as ArchiveError | PackageError).problems;
}

describe('a package zip', () => {
  const builtIns = ['subsets', 'spicy-rabbit-head', 'broken-stairs', 'blocked-queens', 'deep-tree-depth'];

  it.each(builtIns)(
    'of %s comes back byte for byte, and the same package always makes the same zip',
    async (problem) => {
      const source = path.join(BUILT_IN_PROBLEMS_DIR, problem);
      const first = path.join(scratch, `${problem}-1.zip`);
      const second = path.join(scratch, `${problem}-2.zip`);
      await exportPackageZip(source, first);
      await exportPackageZip(source, second);
      expect((await readFile(first)).equals(await readFile(second))).toBe(true);

      const imported = path.join(scratch, `${problem}-imported`);
      const { problem: loaded } = await importPackageZip(first, imported);
      expect(loaded.manifest.slug).toBe(problem);
      expect(await digests(imported)).toEqual(await digests(source));

      // And the imported folder exports to the very same zip.
      const third = path.join(scratch, `${problem}-3.zip`);
      await exportPackageZip(imported, third);
      expect((await readFile(third)).equals(await readFile(first))).toBe(true);
    },
  );

  it('made by zipping the folder itself (one top folder) imports as the package', async () => {
    const zip = await writeZip('top-folder.zip', [
      { name: 'subsets/' },
      ...(await packageEntries('subsets', 'subsets/')),
    ]);
    const out = path.join(scratch, 'top-folder-out');
    await importPackageZip(zip, out);
    expect(await digests(out)).toEqual(await digests(path.join(BUILT_IN_PROBLEMS_DIR, 'subsets')));
  });

  it('is not exported when the package is broken', async () => {
    await expect(
      exportPackageZip(path.join(scratch, 'no-such-package'), path.join(scratch, 'never.zip')),
    ).rejects.toThrow(PackageError);
    expect((await readdir(scratch)).includes('never.zip')).toBe(false);
  });
});

describe('a zip is refused, naming the reason, with nothing written', () => {
  it('when it is not a zip', async () => {
    const file = path.join(scratch, 'notes.zip');
    await writeFile(file, 'just some text\n');
    expect((await refusal(file)).join()).toMatch(/not a zip file/);
  });

  it('when the output folder exists already', async () => {
    const zip = await writeZip('exists.zip', await packageEntries('subsets'));
    const out = path.join(scratch, 'already-there');
    await writeFile(path.join(scratch, 'already-there'), 'x');
    await expect(importPackageZip(zip, out)).rejects.toThrow(/exists already/);
    expect(await readFile(out, 'utf8')).toBe('x');
  });

  it.each([
    ['../evil.txt', /out of the package/],
    ['tests/../../evil.txt', /out of the package/],
    ['/etc/cron.d/evil', /absolute path/],
    ['C:/evil.txt', /absolute path/],
    ['tests\\..\\..\\evil.txt', /backslash/],
    ['tests//01.in', /empty or "\." path part/],
    ['./problem.yaml', /empty or "\." path part/],
    ['tests/01.in\u0000.txt', /a NUL in the name/],
  ])('for a name like %j (zip slip)', async (name, reason) => {
    const zip = await writeZip(`slip-${Buffer.from(name).toString('hex')}.zip`, [
      ...(await packageEntries('subsets')),
      { name, data: Buffer.from('pwned') },
    ]);
    expect((await refusal(zip)).join('\n')).toMatch(reason);
    expect((await readdir(path.dirname(scratch))).includes('evil.txt')).toBe(false);
  });

  it('for a symbolic link, even one pointing inside', async () => {
    const zip = await writeZip('symlink.zip', [
      ...(await packageEntries('subsets')),
      { name: 'tests/99.json', data: Buffer.from('/etc/passwd'), stored: true, mode: 0o120777 },
    ]);
    expect(await refusal(zip)).toEqual(['tests/99.json: a symbolic link']);
  });

  it('for an encrypted entry or an unknown compression method', async () => {
    const encrypted = await writeZip('encrypted.zip', [
      ...(await packageEntries('subsets')),
      { name: 'x.txt', data: Buffer.from('x'), flags: 0x801 },
    ]);
    expect(await refusal(encrypted)).toEqual(['x.txt: encrypted']);
    const bzip = await writeZip('bzip2.zip', [
      ...(await packageEntries('subsets')),
      { name: 'x.txt', data: Buffer.from('x'), method: 12 },
    ]);
    expect((await refusal(bzip)).join()).toMatch(/compression method 12/);
  });

  it('for a file named like the folder of another', async () => {
    const zip = await writeZip('file-and-folder.zip', [
      { name: 'tests', data: Buffer.from('not a folder') },
      ...(await packageEntries('subsets')),
    ]);
    expect((await refusal(zip)).join('\n')).toMatch(/^tests\/01\.json: /);
  });

  it('for a file that is in it twice', async () => {
    const entries = await packageEntries('subsets');
    const zip = await writeZip('twice.zip', [...entries, entries.find((entry) => entry.name === 'statement.md')!]);
    expect(await refusal(zip)).toEqual(['statement.md: in the zip twice']);
  });

  it('for a 2 GiB file of zeros (a zip bomb), from its header, before anything is unpacked', async () => {
    const zip = await writeZip('bomb.zip', [
      ...(await packageEntries('subsets')),
      { name: 'tests/99.in', data: Buffer.alloc(4 * 1024 * 1024), declaredSize: 2 * GIB - 1 },
    ]);
    const before = process.memoryUsage().rss;
    const problems = await refusal(zip);
    expect(problems.join('\n')).toMatch(/unpack to more than the 256 MiB allowed/);
    expect(problems.join('\n')).toMatch(/tests\/99\.in: compressed \d+:1/);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('for a header that lies small about a big file: unpacking stops at the declared size', async () => {
    const zip = await writeZip('liar.zip', [
      ...(await packageEntries('subsets')),
      { name: 'tests/99.json', data: Buffer.alloc(32 * 1024 * 1024, 0x20), declaredSize: 100 },
    ]);
    expect((await refusal(zip)).join('\n')).toMatch(/tests\/99\.json: .*too many bytes|tests\/99\.json: .*size/i);
  });

  it('for 200,000 tiny entries, from the count alone', async () => {
    const entries: RawEntry[] = Array.from({ length: 200_000 }, (_, index) => ({
      name: `t/${index}`,
      data: Buffer.from('x'),
      stored: true,
    }));
    const zip = await writeZip('many.zip', entries);
    expect(await refusal(zip)).toEqual(['the zip has 200000 entries, more than the 10000 allowed']);
  });

  it('when the zip itself is larger than allowed', async () => {
    const zip = await writeZip('large.zip', await packageEntries('subsets'));
    const problems = await refusal(zip, { ...DEFAULT_ARCHIVE_LIMITS, maxCompressedBytes: 1000 });
    expect(problems.join()).toMatch(/more than the 1000 bytes allowed/);
  });

  it('when the package inside is broken, listing every problem of it', async () => {
    const entries = (await packageEntries('subsets')).filter(
      (entry) => entry.name !== 'statement.md' && entry.name !== 'tests/03.json',
    );
    const zip = await writeZip('broken.zip', [...entries, { name: 'tests/notes.txt', data: Buffer.from('todo') }]);
    const problems = await refusal(zip);
    expect(problems).toContain('statement.md is missing');
    expect(problems).toContain('tests/notes.txt: not a test file (expected NN.in + NN.out, or NN.json)');
    expect(problems).toContain('subtask all: test "03" does not exist');
  });

  it('names that are not UTF-8 are read as the zip says (CP437) and then judged like any name', async () => {
    const entries = await packageEntries('subsets');
    // 0x81 is "ü" in CP437; without the UTF-8 flag yauzl decodes the name as CP437.
    const zip = await writeZip('cp437.zip', [
      ...entries,
      { name: 'tests/\u00fc.in', data: Buffer.from('1'), flags: 0 },
    ]);
    expect((await refusal(zip)).join('\n')).toMatch(/not a test file/);
  });
});

describe('oj import and oj export', () => {
  function oj(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [
          '--disable-warning=ExperimentalWarning',
          path.join(REPOSITORY_ROOT, 'packages/judge-core/src/cli/main.ts'),
          ...args,
        ],
        {
          cwd: scratch,
          env: { ...process.env, INIT_CWD: scratch },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('export a package and import it into a new folder, printing what it made', async () => {
    const exported = await oj('export', path.join(BUILT_IN_PROBLEMS_DIR, 'spicy-rabbit-head'), 'rabbit.zip');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^wrote rabbit\.zip: \d+ files\n$/);

    const imported = await oj('import', 'rabbit.zip', 'rabbit', '--json');
    expect(imported.code).toBe(0);
    const printed = JSON.parse(imported.stdout) as { format: string; packages: Record<string, unknown>[] };
    expect(printed.format).toBe('oj');
    expect(printed.packages).toHaveLength(1);
    const summary = printed.packages[0]!;
    expect(summary).toMatchObject({ slug: 'spicy-rabbit-head', style: 'stdio', limits: { timeMs: 1000 }, notes: [] });
    expect(summary['tests']).toBeGreaterThan(5);
    expect(await digests(path.join(scratch, 'rabbit'))).toEqual(
      await digests(path.join(BUILT_IN_PROBLEMS_DIR, 'spicy-rabbit-head')),
    );

    const text = await oj('import', 'rabbit.zip', 'rabbit-again');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^imported spicy-rabbit-head \(.+\) into rabbit-again\n {2}style stdio, checker \w+, \d+ tests/,
    );
  });

  it('exit 2 on a refused zip with every reason on stderr, and leave the folder untouched', async () => {
    await writeZip('cli-slip.zip', [
      { name: '../evil.txt', data: Buffer.from('x') },
      { name: '/abs', data: Buffer.from('x') },
    ]);
    const result = await oj('import', 'cli-slip.zip', 'cli-out');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/out of the package/);
    expect(result.stderr).toMatch(/absolute path/);
    expect((await readdir(scratch)).filter((name) => name.includes('cli-out'))).toEqual([]);
  });

  it('exit 2 with the usage when an argument is missing', async () => {
    const result = await oj('import', 'only-one.zip');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/import needs <zipFile> and <outDir>/);
  });
});
