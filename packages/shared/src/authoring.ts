// Request and response shapes of the setters' API (/api/setter/...): editing problems as versions of their
// package, the reference-solution table, publishing, rejudging and co-authors.
import { z } from 'zod';
import { usernameSchema } from './api.ts';
import { verdictSchema } from './verdict.ts';

/** The largest file the browser editor sends inline (a test, a solution, a statement). */
export const MAX_EDITED_FILE_BYTES = 2 * 1024 * 1024;
/** The largest edit request, JSON-escaped (bigger test data goes in a zip). */
export const MAX_VERSION_EDIT_BYTES = 8 * 1024 * 1024;
/** Files up to this size come with their whole text in a version's file list; larger ones are fetched one by one. */
export const INLINE_FILE_BYTES = 64 * 1024;
/** How many leading bytes of each file the version's file list shows. */
export const FILE_PREVIEW_BYTES = 256;

/**
 * A path inside a package: `/`-separated parts of letters, digits, `.`, `_` and `-`, none of them `.` or
 * `..`; problem.yaml is not one (the manifest is its own field).
 */
export const packageFilePathSchema = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (value) => value.split('/').every((part) => /^[A-Za-z0-9._-]{1,100}$/.test(part) && part !== '.' && part !== '..'),
    'a relative path of letters, digits, ".", "_" and "-" parts, without "." or ".." parts',
  )
  .refine((value) => value !== 'problem.yaml', 'problem.yaml is the manifest field, not a file');

export const fileChangeSchema = z.union([
  z.strictObject({ path: packageFilePathSchema, content: z.string() }),
  z.strictObject({ path: packageFilePathSchema, delete: z.literal(true) }),
]);
export type FileChange = z.infer<typeof fileChangeSchema>;

/**
 * `POST /api/setter/problems/:slug/versions`: a new version made from `base` (a version number; null for a new
 * problem) with the manifest replaced and the files changed. The result must be a valid package, else 400 with
 * every reason in error.problems. `base` must be the newest version: another author's newer save is 409.
 */
export const versionEditRequestSchema = z.strictObject({
  base: z.number().int().positive().nullable(),
  /** problem.yaml as JSON, validated by the package loader (its slug must be the route's). */
  manifest: z.record(z.string(), z.unknown()),
  files: z.array(fileChangeSchema).max(2000),
});
export type VersionEditRequest = z.infer<typeof versionEditRequestSchema>;

export const versionSavedResponseSchema = z.object({
  slug: z.string(),
  versionNumber: z.number().int().positive(),
  /** False when the result is identical to a stored version: nothing new was made. */
  created: z.boolean(),
  /** Whether learners now see this version (a draft's newest version; a public problem's waits to be published). */
  current: z.boolean(),
});
export type VersionSavedResponse = z.infer<typeof versionSavedResponseSchema>;

/** What an uploaded zip became: one problem for our format, one or more for a Hydro export. */
export const packageImportResponseSchema = z.object({
  format: z.enum(['oj', 'hydro']),
  problems: z.array(
    versionSavedResponseSchema.extend({
      tests: z.number().int().nonnegative(),
      /** What of a foreign package could not be carried over. */
      notes: z.array(z.string()),
    }),
  ),
});
export type PackageImportResponse = z.infer<typeof packageImportResponseSchema>;

// ---- the reference-solution table -------------------------------------------------------------------------
export const checkStatusSchema = z.enum(['pending', 'running', 'finished']);

export const solutionTestCellSchema = z.object({
  id: z.string(),
  verdict: verdictSchema.nullable(),
  timeMs: z.number().int(),
  memoryKb: z.number().int(),
});

export const solutionCheckSchema = z.object({
  file: z.string(),
  expected: verdictSchema,
  status: checkStatusSchema,
  /** Null until finished. */
  verdict: verdictSchema.nullable(),
  ok: z.boolean().nullable(),
  score: z.number().nullable(),
  timeMs: z.number().int().nullable(),
  memoryKb: z.number().int().nullable(),
  compileMessage: z.string().nullable(),
  /** For a solution that must get TLE: its slowest test measured again with 3x the limit (null: not measured). */
  measuredMs: z.number().int().nullable(),
  /** It ran out of even that time. */
  measuredTimedOut: z.boolean().nullable(),
  tests: z.array(solutionTestCellSchema),
});
export type SolutionCheckRow = z.infer<typeof solutionCheckSchema>;

export const inputCheckSchema = z.object({
  test: z.string(),
  status: z.enum(['rejected', 'failed']),
  reason: z.string(),
});

export const timeLimitAdviceSchema = z.object({
  limitMs: z.number().int(),
  slowestAcceptedMs: z.number().int().nullable(),
  fastestTimeLimitedMs: z.number().int().nullable(),
  /** The TLE solution was cut off even at 3x: its real time is more. */
  fastestTimeLimitedAtLeast: z.boolean(),
  suggestedMs: z.number().int().nullable(),
  warnings: z.array(z.string()),
  /** One line, as `oj verify` prints it. */
  summary: z.string(),
});
export type TimeLimitAdviceView = z.infer<typeof timeLimitAdviceSchema>;

/**
 * `GET /api/setter/problems/:slug/versions/:n/verification`. Every saved version is verified through the judge
 * queue (below learners' submissions): the validator on every input, then every reference solution on every
 * test. The version is sound when the validator accepts every input and each solution gets its expected verdict.
 */
export const verificationSchema = z.object({
  status: checkStatusSchema,
  /** Null while checks are outstanding. */
  sound: z.boolean().nullable(),
  /** Why the version is not sound, one reason per line (empty while pending and when sound). */
  reasons: z.array(z.string()),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** From the version's save to its last check's end. */
  durationMs: z.number().int().nullable(),
  validator: z
    .object({ status: checkStatusSchema, invalidInputs: z.array(inputCheckSchema), error: z.string().nullable() })
    .nullable(),
  solutions: z.array(solutionCheckSchema),
  /** Once every solution is finished. */
  advice: timeLimitAdviceSchema.nullable(),
});
export type Verification = z.infer<typeof verificationSchema>;

// ---- problems and versions, as their authors see them ------------------------------------------------------
export const authoredVersionSchema = z.object({
  number: z.number().int().positive(),
  createdAt: z.string(),
  uploadedBy: z.string().nullable(),
  /** The version learners see. */
  current: z.boolean(),
  verification: z.object({ status: checkStatusSchema, sound: z.boolean().nullable() }),
});

export const authoredProblemSchema = z.object({
  slug: z.string(),
  title: z.string(),
  /**
   * `draft`: never published, seen only by its authors and staff; `public`: everyone; `contest`: published for
   * contests only (learners see it through a running contest that includes it).
   */
  visibility: z.enum(['draft', 'public', 'contest']),
  owner: z.string().nullable(),
  authors: z.array(z.string()),
  /** Whether the caller may edit (owner, co-author, admin) and manage authors (owner, admin). */
  canEdit: z.boolean(),
  canManageAuthors: z.boolean(),
  currentVersion: z.number().int().nullable(),
  latestVersion: z.number().int(),
});
export type AuthoredProblem = z.infer<typeof authoredProblemSchema>;

/** `GET /api/setter/problems`: the problems the caller may edit (all, for admins), newest change first. */
export const authoredProblemListResponseSchema = z.object({ items: z.array(authoredProblemSchema) });
export type AuthoredProblemListResponse = z.infer<typeof authoredProblemListResponseSchema>;

/** `GET /api/setter/problems/:slug`. */
export const authoredProblemDetailSchema = authoredProblemSchema.extend({
  versions: z.array(authoredVersionSchema),
});
export type AuthoredProblemDetail = z.infer<typeof authoredProblemDetailSchema>;

export const packageFileSchema = z.object({
  path: z.string(),
  sizeBytes: z.number().int(),
  /** The first FILE_PREVIEW_BYTES bytes as text (invalid UTF-8 shown as U+FFFD). */
  preview: z.string(),
  /** The whole text for files up to INLINE_FILE_BYTES; null for larger ones (GET .../file?path=). */
  text: z.string().nullable(),
});
export type PackageFile = z.infer<typeof packageFileSchema>;

/** `GET /api/setter/problems/:slug/versions/:n`: the whole package, as its files. */
export const versionDetailSchema = z.object({
  slug: z.string(),
  number: z.number().int().positive(),
  current: z.boolean(),
  /** problem.yaml as stored, parsed (with the schema's defaults filled in). */
  manifest: z.record(z.string(), z.unknown()),
  /** Every file but problem.yaml, sorted by path: statements, tests, solutions, checker, validator, others. */
  files: z.array(packageFileSchema),
});
export type VersionDetail = z.infer<typeof versionDetailSchema>;

/**
 * `POST /api/setter/problems/:slug/versions/:n/publish`: only a sound version; it becomes current, and the
 * problem public (the default) or contest-only. An empty body means public.
 */
export const publishRequestSchema = z
  .strictObject({ visibility: z.enum(['public', 'contest']).default('public') })
  .default({ visibility: 'public' });
export type PublishRequest = z.infer<typeof publishRequestSchema>;
export const publishResponseSchema = z.object({
  slug: z.string(),
  versionNumber: z.number().int(),
  visibility: z.enum(['public', 'contest']),
});
export type PublishResponse = z.infer<typeof publishResponseSchema>;

// ---- rejudges ---------------------------------------------------------------------------------------------
/** `POST /api/setter/problems/:slug/rejudges`: every finished submission of the problem, on its current version. */
export const rejudgeSchema = z.object({
  id: z.number().int(),
  versionNumber: z.number().int(),
  createdAt: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  /** Submissions whose verdict or score changed, with both results. */
  changed: z.array(
    z.object({
      submissionId: z.number().int(),
      username: z.string(),
      before: z.object({ verdict: verdictSchema.nullable(), score: z.number().nullable() }),
      after: z.object({ verdict: verdictSchema.nullable(), score: z.number().nullable() }),
    }),
  ),
});
export type Rejudge = z.infer<typeof rejudgeSchema>;
export const rejudgeListResponseSchema = z.object({ items: z.array(rejudgeSchema) });
export type RejudgeListResponse = z.infer<typeof rejudgeListResponseSchema>;

// ---- co-authors -------------------------------------------------------------------------------------------
/** `PUT /api/setter/problems/:slug/authors` (owner or admin): the co-authors, replacing the list. */
export const authorsRequestSchema = z.strictObject({ usernames: z.array(usernameSchema).max(20) });
export type AuthorsRequest = z.infer<typeof authorsRequestSchema>;
export const authorsResponseSchema = z.object({ owner: z.string().nullable(), authors: z.array(z.string()) });
export type AuthorsResponse = z.infer<typeof authorsResponseSchema>;

// ---- what the judges store for each check (VersionCheck.result), read back by the API -----------------------
export const storedSolutionCheckSchema = z.object({
  verdict: verdictSchema,
  score: z.number(),
  maxScore: z.number(),
  timeMs: z.number().int(),
  memoryKb: z.number().int(),
  compileMessage: z.string().nullable(),
  tests: z.array(solutionTestCellSchema),
  measuredMs: z.number().int().nullable(),
  measuredTimedOut: z.boolean().nullable(),
});
export type StoredSolutionCheck = z.infer<typeof storedSolutionCheckSchema>;

export const storedValidatorCheckSchema = z.object({
  invalidInputs: z.array(inputCheckSchema),
  /** The validator could not be loaded, or the check failed for good. */
  error: z.string().nullable(),
});
export type StoredValidatorCheck = z.infer<typeof storedValidatorCheckSchema>;
