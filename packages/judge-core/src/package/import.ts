// One entry point for every uploaded problem zip: ours (problem.yaml with a slug at the root, or under the
// zip's one top folder) or Hydro's (docs/hydro-format.md). The zip is unpacked once, safely (archive.ts),
// then read as the format it is.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_ARCHIVE_LIMITS, placePackage, withUnpackedZip, type ArchiveLimits } from './archive.ts';
import { importUnpackedHydro, type ImportedProblem } from './hydro.ts';

export interface ImportedZip {
  format: 'oj' | 'hydro';
  /** One for our format; one per problem of a Hydro zip. */
  packages: ImportedProblem[];
}

/** Keys only our manifest has (Hydro's problem.yaml holds pid, title, tag, owner, ...). */
const OUR_KEYS = ['slug', 'style', 'subtasks', 'samples', 'checker'];

/**
 * The folder of an unpacked zip that is one of our packages: the root, or its only entry when that is a
 * folder (zipping a package's folder). A problem.yaml with a slug (or another key only ours has) says so,
 * and one that does not parse at all is taken as ours too, so the loader names what is wrong in our terms.
 * Undefined: not ours.
 */
async function ourPackageRoot(unpacked: string): Promise<string | undefined> {
  const entries = await readdir(unpacked);
  const candidates = [unpacked];
  if (entries.length === 1 && !entries.includes('problem.yaml')) candidates.push(path.join(unpacked, entries[0]!));
  for (const root of candidates) {
    const text = await readFile(path.join(root, 'problem.yaml'), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    try {
      const manifest = parseYaml(text) as unknown;
      if (typeof manifest === 'object' && manifest !== null && OUR_KEYS.some((key) => key in manifest)) return root;
    } catch {
      return root;
    }
  }
  return undefined;
}

/**
 * Imports a problem zip of either format into `outDir` (which must not exist yet):
 * - ours: `outDir` is the package folder, exactly as importPackageZip makes it; no notes.
 * - Hydro's: one package folder per Hydro problem, `outDir/<slug>/`, each with its notes (importHydroZip).
 * Each package is loaded where it stays. Throws ArchiveError or PackageError listing every reason, and then
 * nothing is left at `outDir`.
 */
export async function importAnyZip(
  zipFile: string,
  outDir: string,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): Promise<ImportedZip> {
  return withUnpackedZip(zipFile, outDir, limits, async (unpacked, staging, target) => {
    const ours = await ourPackageRoot(unpacked);
    if (ours !== undefined) {
      return { format: 'oj', packages: [{ problem: await placePackage(zipFile, ours, target), notes: [] }] };
    }
    return { format: 'hydro', packages: await importUnpackedHydro(zipFile, unpacked, staging, target) };
  });
}
