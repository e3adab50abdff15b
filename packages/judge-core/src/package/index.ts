// The package layer on its own (`@oj/judge-core/package`): loading, importing and exporting packages,
// without the sandbox, for services that store packages but never run code (the API).
export {
  ArchiveError,
  ByteLimit,
  DEFAULT_ARCHIVE_LIMITS,
  exportPackageZip,
  importPackageZip,
  packageFiles,
  type ArchiveLimits,
  type ImportedPackage,
} from './archive.ts';
export { importHydroZip, type ImportedProblem } from './hydro.ts';
export { importAnyZip, type ImportedZip } from './import.ts';
export { loadProblemPackage, PackageError, type ProblemPackage, type TestCase } from './load.ts';
export { adviseTimeLimit, describeAdvice, type SolutionTiming, type TimeLimitAdvice } from './time-limit.ts';
export { unpackTestsZip } from './tests-zip.ts';
