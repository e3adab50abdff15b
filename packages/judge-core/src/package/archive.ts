// Problem packages as zip files: the one reader that every upload and `oj import` goes through, with the
// limits that keep a hostile zip (a bomb, a zip slip, a symlink) from doing harm, and the one writer of
// `oj export` and the web app's export, which writes the same bytes for the same package every time.
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as yauzl from 'yauzl';
import * as yazl from 'yazl';
import { loadProblemPackage, PackageError, type ProblemPackage } from './load.ts';

export interface ArchiveLimits {
  /** Size of the zip file itself. */
  maxCompressedBytes: number;
  /** Sum of every entry's size once unpacked. */
  maxUncompressedBytes: number;
  /** Files and folders in the zip. */
  maxEntries: number;
  /** Unpacked size over packed size, for entries big enough to matter (see ratioFloorBytes). */
  maxCompressionRatio: number;
  /** Entries smaller than this unpacked are not held to the ratio (a 2 KB file of one repeated line is fine). */
  ratioFloorBytes: number;
}

const MIB = 1024 * 1024;

/**
 * Room for a problem with 50 MB of test data, and nothing near what would hurt a server. Real test data
 * compresses far less than 200:1 (the most repetitive inputs we ship, n = 10^6 small numbers, are about 4:1);
 * a zip bomb is over 1000:1.
 */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxCompressedBytes: 64 * MIB,
  maxUncompressedBytes: 256 * MIB,
  maxEntries: 10_000,
  maxCompressionRatio: 200,
  ratioFloorBytes: MIB,
};

/** A zip that is refused; `problems` lists every reason found. */
export class ArchiveError extends Error {
  readonly problems: string[];
  constructor(source: string, problems: string[]) {
    super(`${source}: the zip is refused:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ArchiveError';
    this.problems = problems;
  }
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
/** Made by Unix: the top 16 bits of the external attributes are the file's mode. */
const UNIX_HOST = 3;
const ENCRYPTED_FLAG = 0x1;

/** Why a name cannot become a path inside the package, or undefined when it can. */
function unsafeName(name: string): string | undefined {
  if (name.length === 0) return 'an entry has no name';
  if (name.includes('\0')) return `${JSON.stringify(name)}: a NUL in the name`;
  if (name.includes('\\')) return `${JSON.stringify(name)}: a backslash in the name`;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return `${JSON.stringify(name)}: an absolute path`;
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((part) => part === '..')) return `${JSON.stringify(name)}: a path out of the package (..)`;
  if (parts.some((part) => part === '' || part === '.')) return `${JSON.stringify(name)}: an empty or "." path part`;
  return undefined;
}

/**
 * The entry's name as the zip means it: UTF-8 when flagged so (or given in Info-ZIP's Unicode path field),
 * CP437 otherwise. Decoded here rather than by yauzl, which stops at the first bad name: every bad name is
 * reported, in our words. Backslashes are kept, to be refused.
 */
function nameOf(entry: yauzl.Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
}

function kindOf(entry: yauzl.Entry, name: string): 'file' | 'folder' | 'symlink' | 'other' {
  const isFolderName = name.endsWith('/');
  if (entry.versionMadeBy >> 8 === UNIX_HOST) {
    const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK) return 'symlink';
    if (type === S_IFDIR) return 'folder';
    if (type !== 0 && type !== S_IFREG) return 'other';
  }
  return isFolderName ? 'folder' : 'file';
}

interface NamedEntry {
  entry: yauzl.Entry;
  name: string;
}

interface PlannedEntry {
  entry: yauzl.Entry;
  name: string;
  /** Path inside the folder unpacked into: the name, or with the zip's single top folder taken off. */
  target: string;
}

async function openZip(zipFile: string, limits: ArchiveLimits): Promise<yauzl.ZipFile> {
  const size = (await stat(zipFile)).size;
  if (size > limits.maxCompressedBytes) {
    throw new ArchiveError(zipFile, [
      `the zip is ${formatBytes(size)}, more than the ${formatBytes(limits.maxCompressedBytes)} allowed`,
    ]);
  }
  try {
    // validateEntrySizes: an entry that unpacks to more than its header says is an error while reading it,
    // so a header that lies about the size cannot get past the limits below.
    return await yauzl.openPromise(zipFile, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    throw new ArchiveError(zipFile, [`not a zip file (${(error as Error).message})`]);
  }
}

/** Reads and checks the central directory: nothing is unpacked until every entry passed. */
async function planExtraction(zipFile: string, zip: yauzl.ZipFile, limits: ArchiveLimits): Promise<NamedEntry[]> {
  if (zip.entryCount > limits.maxEntries) {
    throw new ArchiveError(zipFile, [
      `the zip has ${zip.entryCount} entries, more than the ${limits.maxEntries} allowed`,
    ]);
  }
  const problems: string[] = [];
  const files: NamedEntry[] = [];
  let uncompressed = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = nameOf(entry);
      const nameProblem = unsafeName(name);
      if (nameProblem) {
        problems.push(nameProblem);
        continue;
      }
      const kind = kindOf(entry, name);
      if (kind === 'symlink') problems.push(`${name}: a symbolic link`);
      else if (kind === 'other') problems.push(`${name}: not a regular file or folder`);
      else if ((entry.generalPurposeBitFlag & ENCRYPTED_FLAG) !== 0) problems.push(`${name}: encrypted`);
      else if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        problems.push(`${name}: compression method ${entry.compressionMethod} (only stored and deflate)`);
      } else if (kind === 'file') {
        uncompressed += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.uncompressedSize >= limits.ratioFloorBytes && ratio > limits.maxCompressionRatio) {
          problems.push(
            `${name}: compressed ${Math.round(ratio)}:1, more than the ${limits.maxCompressionRatio}:1 a real test file reaches`,
          );
        }
        files.push({ entry, name });
      }
      if (uncompressed > limits.maxUncompressedBytes) {
        problems.push(`the files unpack to more than the ${formatBytes(limits.maxUncompressedBytes)} allowed`);
        break;
      }
    }
  } catch (error) {
    problems.push(`the zip is damaged (${(error as Error).message})`);
  }
  if (problems.length > 0) throw new ArchiveError(zipFile, problems);

  const seen = new Set<string>();
  for (const { name } of files) {
    if (seen.has(name)) problems.push(`${name}: in the zip twice`);
    seen.add(name);
  }
  if (problems.length > 0) throw new ArchiveError(zipFile, problems);
  return files;
}

/**
 * A zip made by zipping a package's folder holds everything under one folder (`subsets/problem.yaml`);
 * then that folder is the package. Otherwise the zip's root is.
 */
function withoutTopFolder(files: NamedEntry[]): PlannedEntry[] {
  const atRoot = files.some(({ name }) => name === 'problem.yaml');
  const tops = new Set(files.map(({ name }) => name.split('/')[0]));
  const [onlyTop = ''] = tops;
  const strip = !atRoot && tops.size === 1 && files.every(({ name }) => name.includes('/'));
  return files.map(({ entry, name }) => ({ entry, name, target: strip ? name.slice(onlyTop.length + 1) : name }));
}

/**
 * Passes bytes through and fails with `exceeded()` once more than the budget has gone by. One budget can
 * be shared by several streams (every entry of a zip against the whole zip's limit).
 */
export class ByteLimit extends Transform {
  readonly #budget: { remaining: number };
  readonly #exceeded: () => Error;
  constructor(budget: { remaining: number }, exceeded: () => Error) {
    super();
    this.#budget = budget;
    this.#exceeded = exceeded;
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#budget.remaining -= chunk.length;
    if (this.#budget.remaining < 0) callback(this.#exceeded());
    else callback(null, chunk);
  }
}

async function extract(
  zipFile: string,
  zip: yauzl.ZipFile,
  planned: PlannedEntry[],
  into: string,
  limits: ArchiveLimits,
): Promise<void> {
  const budget = { remaining: limits.maxUncompressedBytes };
  for (const { entry, name, target } of planned) {
    const destination = path.join(into, ...target.split('/'));
    try {
      // Fails when a file of the zip has the name of another's folder ("tests" and "tests/01.in").
      await mkdir(path.dirname(destination), { recursive: true });
      const stream = await zip.openReadStreamPromise(entry);
      // Streamed to disk: a 10 MB test never sits whole in memory.
      await pipeline(
        stream,
        new ByteLimit(budget, () => new Error(`${name}: the files unpack to more than allowed`)),
        createWriteStream(destination, { flags: 'wx', mode: 0o644 }),
      );
    } catch (error) {
      throw new ArchiveError(zipFile, [`${name}: ${(error as Error).message}`]);
    }
  }
}

/**
 * The one safe unpacking of a zip, for every importer of the package layer: checks every entry against
 * `limits` and the rules above (names, links, sizes, ratio), and only then asks `destination` for the
 * (empty) folder to stream the files into, so a refused zip creates nothing. With `stripTopFolder`, a zip
 * whose files all sit under one top folder (and that has no problem.yaml at its root) is unpacked as if
 * that folder were the root, as zipping a package's folder makes it. Throws ArchiveError, listing every
 * reason. Returns the folder it unpacked into.
 */
export async function unpackZip(
  zipFile: string,
  destination: () => Promise<string>,
  limits: ArchiveLimits,
  options: { stripTopFolder: boolean },
): Promise<string> {
  const zip = await openZip(zipFile, limits);
  try {
    const files = await planExtraction(zipFile, zip, limits);
    const planned = options.stripTopFolder
      ? withoutTopFolder(files)
      : files.map((file) => ({ ...file, target: file.name }));
    const into = await destination();
    await extract(zipFile, zip, planned, into, limits);
    return into;
  } finally {
    zip.close();
  }
}

/**
 * Unpacks a zip as it is (no folder stripped) into a staging folder beside `outDir` (which must not exist
 * yet), and hands `use` the unpacked folder, the staging folder and the resolved `outDir`; the staging folder
 * is removed afterwards, whatever happens. For importers that read the zip's layout before placing packages.
 */
export async function withUnpackedZip<T>(
  zipFile: string,
  outDir: string,
  limits: ArchiveLimits,
  use: (unpacked: string, staging: string, target: string) => Promise<T>,
): Promise<T> {
  const target = path.resolve(outDir);
  await ensureAbsent(zipFile, outDir);
  let staging: string | undefined;
  try {
    const unpacked = await unpackZip(
      zipFile,
      async () => {
        staging = await stagingBeside(target);
        await mkdir(path.join(staging, 'zip'));
        return path.join(staging, 'zip');
      },
      limits,
      { stripTopFolder: false },
    );
    return await use(unpacked, staging!, target);
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}

/** Refuses an output folder that exists already, before any work. */
export async function ensureAbsent(zipFile: string, outDir: string): Promise<void> {
  if (
    await stat(path.resolve(outDir)).then(
      () => true,
      () => false,
    )
  ) {
    throw new ArchiveError(zipFile, [`${outDir} exists already: name a folder that does not`]);
  }
}

/** A new temporary folder beside `target` (same file system, so moving out of it is a rename). */
export async function stagingBeside(target: string): Promise<string> {
  await mkdir(path.dirname(target), { recursive: true });
  return mkdtemp(path.join(path.dirname(target), `.${path.basename(target)}-import-`));
}

/**
 * Moves an unpacked package folder to `target` and loads it there (a package's reads are bound to its
 * folder), taking it away again if it does not load: a PackageError then names the zip.
 */
export async function placePackage(zipFile: string, unpacked: string, target: string): Promise<ProblemPackage> {
  await rename(unpacked, target);
  return loadProblemPackage(target).catch(async (error: unknown) => {
    await rm(target, { recursive: true, force: true });
    if (error instanceof PackageError) throw new PackageError(zipFile, error.problems);
    throw error;
  });
}

export interface ImportedPackage {
  dir: string;
  problem: ProblemPackage;
}

/**
 * Unpacks a package zip into `outDir` (which must not exist yet) and loads it as `oj judge` would. The zip
 * is unpacked into a temporary folder beside `outDir`, and moved into place only once it has loaded, so a
 * refused zip leaves nothing behind. Throws ArchiveError for a zip that is refused as a zip, PackageError
 * for a package that is broken; both list every reason.
 */
export async function importPackageZip(
  zipFile: string,
  outDir: string,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): Promise<ImportedPackage> {
  const target = path.resolve(outDir);
  await ensureAbsent(zipFile, outDir);
  let staging: string | undefined;
  try {
    const unpacked = await unpackZip(zipFile, async () => (staging = await stagingBeside(target)), limits, {
      stripTopFolder: true,
    });
    return { dir: target, problem: await placePackage(zipFile, unpacked, target) };
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}

/** A fixed time for every entry, so the same package always makes the same zip. */
const EXPORT_MTIME = new Date(Date.UTC(2000, 0, 1));

/** Every regular file of the package folder, as sorted `/`-separated paths; dotfiles are not part of it. */
export async function packageFiles(root: string, relative = ''): Promise<string[]> {
  const files: string[] = [];
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await packageFiles(root, child)));
    else if (entry.isFile()) files.push(child);
  }
  return files;
}

/**
 * Writes the package folder `dir` as a zip: every file under its own path (no top folder), in sorted
 * order, with a fixed time and mode, so exporting the same package twice gives the same bytes, and
 * importing the zip gives back the same files byte for byte. The package is loaded first: a broken one is
 * not exported.
 */
export async function exportPackageZip(dir: string, zipFile: string): Promise<{ files: string[] }> {
  const root = path.resolve(dir);
  await loadProblemPackage(root);
  const files = await packageFiles(root);
  const zip = new yazl.ZipFile();
  // Streamed from disk, file by file.
  for (const file of files)
    zip.addFile(path.join(root, ...file.split('/')), file, { mtime: EXPORT_MTIME, mode: 0o100644, compress: true });
  zip.end();
  await mkdir(path.dirname(path.resolve(zipFile)), { recursive: true });
  await pipeline(zip.outputStream, createWriteStream(zipFile));
  return { files };
}

function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${Math.round((bytes / MIB) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
