// A zip of tests alone (NN.in + NN.out pairs, or NN.json for function style), as setters upload new test data
// for an existing problem: unpacked with the same safety as a package zip (archive.ts), and checked to hold
// test files and nothing else.
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  ArchiveError,
  DEFAULT_ARCHIVE_LIMITS,
  ensureAbsent,
  packageFiles,
  stagingBeside,
  unpackZip,
  type ArchiveLimits,
} from './archive.ts';

const TEST_FILE = /^[A-Za-z0-9_-]{1,64}\.(in|out|json)$/;

/**
 * Unpacks a zip of test files into `outDir` (which must not exist yet), flat. The files may sit at the zip's
 * root or in one top folder (a zipped `tests/` folder). Anything that is not a test file is refused, every
 * one named, and nothing is left behind. Returns the file names, sorted.
 */
export async function unpackTestsZip(
  zipFile: string,
  outDir: string,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): Promise<string[]> {
  const target = path.resolve(outDir);
  await ensureAbsent(zipFile, target);
  const staging = await stagingBeside(target);
  try {
    await unpackZip(zipFile, () => Promise.resolve(staging), limits, { stripTopFolder: true });
    const files = await packageFiles(staging);
    const problems = files
      .filter((file) => !TEST_FILE.test(file))
      .map((file) => `${file}: not a test file (expected NN.in + NN.out, or NN.json, at the top of the zip)`);
    if (files.length === 0) problems.push('the zip holds no test files');
    if (problems.length > 0) throw new ArchiveError(zipFile, problems);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(staging, target);
    return files;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
