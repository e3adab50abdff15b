// A zip of tests alone: unpacked flat, from its root or one top folder; anything else is refused by name.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ArchiveError } from '../src/package/archive.ts';
import { unpackTestsZip } from '../src/package/tests-zip.ts';
import { buildZip, type RawEntry } from './support/zip.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'oj-tests-zip-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

let count = 0;
async function zipOf(entries: RawEntry[]): Promise<string> {
  const file = path.join(scratch, `tests-${++count}.zip`);
  await writeFile(file, buildZip(entries));
  return file;
}

const file = (name: string, text: string): RawEntry => ({ name, data: Buffer.from(text) });

describe('a zip of tests', () => {
  test('at the root is unpacked flat, byte for byte', async () => {
    const zip = await zipOf([file('2.in', '1 2\n'), file('2.out', '3\n'), file('10.in', '5 5'), file('10.out', '10')]);
    const out = path.join(scratch, 'root');
    expect(await unpackTestsZip(zip, out)).toEqual(['10.in', '10.out', '2.in', '2.out']);
    expect(await readFile(path.join(out, '2.in'), 'utf8')).toBe('1 2\n');
  });

  test('in one top folder (a zipped tests/ folder) is unpacked as if that folder were the root', async () => {
    const zip = await zipOf([file('tests/01.json', '{"args":[1],"expected":1}')]);
    const out = path.join(scratch, 'folder');
    expect(await unpackTestsZip(zip, out)).toEqual(['01.json']);
    expect((await readdir(out)).sort()).toEqual(['01.json']);
  });

  test('with anything but test files is refused, each named, leaving nothing behind', async () => {
    const zip = await zipOf([
      file('01.in', '1'),
      file('readme.txt', 'hi'),
      file('deep/02.in', '2'),
      file('03.ans', '3'),
    ]);
    const out = path.join(scratch, 'refused');
    const error = await unpackTestsZip(zip, out).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).problems).toEqual([
      '03.ans: not a test file (expected NN.in + NN.out, or NN.json, at the top of the zip)',
      'deep/02.in: not a test file (expected NN.in + NN.out, or NN.json, at the top of the zip)',
      'readme.txt: not a test file (expected NN.in + NN.out, or NN.json, at the top of the zip)',
    ]);
    expect(await readdir(scratch)).not.toContain('refused');
    expect((await readdir(scratch)).filter((name) => name.startsWith('.refused'))).toEqual([]);
  });

  test('that is empty, or not a zip, or unsafe, is refused', async () => {
    await expect(unpackTestsZip(await zipOf([]), path.join(scratch, 'empty'))).rejects.toThrow(ArchiveError);
    const notZip = path.join(scratch, 'not.zip');
    await writeFile(notZip, 'plain text');
    await expect(unpackTestsZip(notZip, path.join(scratch, 'not'))).rejects.toThrow(ArchiveError);
    const slip = await zipOf([file('../01.in', 'x')]);
    await expect(unpackTestsZip(slip, path.join(scratch, 'slip'))).rejects.toThrow(ArchiveError);
  });
});
