// Request and response shapes of the HTTP API (JSON under /api), shared by the API and the web app.
import { z } from 'zod';
import { submissionStatusSchema } from './progress.ts';
import { functionSignatureSchema, languageSchema, limitsSchema, problemStyleSchema, SLUG_PATTERN } from './manifest.ts';
import { judgedTestResultSchema, skippedTestResultSchema } from './result.ts';
import { verdictSchema } from './verdict.ts';

export const MAX_CODE_BYTES = 64 * 1024;

const encoder = new TextEncoder();
/** Size in UTF-8 bytes; TextEncoder works in browsers and Node alike. */
function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
export const MAX_CUSTOM_INPUT_BYTES = 1024 * 1024;

export const roleSchema = z.enum(['learner', 'setter', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** Roles are ordered: an admin may do whatever a setter may, a setter whatever a learner may. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return roleSchema.options.indexOf(role) >= roleSchema.options.indexOf(minimum);
}

// ---- shared fields of queries and forms ------------------------------------------------------------
// eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * Text a person types into a search box or a sign-in form: trimmed, at most `maxLength` characters, and no
 * control characters (PostgreSQL refuses NUL in text, and none of them belongs in a name or a search).
 */
export function queryTextSchema(maxLength: number) {
  return z
    .string()
    .trim()
    .max(maxLength, `at most ${maxLength} characters`)
    .refine((text) => !CONTROL_CHARACTER.test(text), 'must not contain control characters (such as NUL)');
}

/** The last page a list query may ask for: far beyond any real list, and well inside PostgreSQL's integers. */
export const MAX_PAGE = 10_000;
export const MAX_PAGE_SIZE = 100;
export const pageQuerySchema = z.coerce
  .number()
  .int('a whole number')
  .min(1, 'at least 1')
  .max(MAX_PAGE, `at most ${MAX_PAGE}`)
  .default(1);
export const pageSizeQuerySchema = z.coerce
  .number()
  .int('a whole number')
  .min(1, 'at least 1')
  .max(MAX_PAGE_SIZE, `at most ${MAX_PAGE_SIZE}`)
  .default(20);

// ---- auth ----------------------------------------------------------------------------------------
export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'at least 3 characters')
  .max(32, 'at most 32 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
export const passwordSchema = z.string().min(8, 'at least 8 characters').max(200, 'at most 200 characters');

export const registerRequestSchema = z.strictObject({ username: usernameSchema, password: passwordSchema });
export type RegisterRequest = z.infer<typeof registerRequestSchema>;
export const loginRequestSchema = z.strictObject({
  username: queryTextSchema(32).min(1, 'required'),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const userSummarySchema = z.object({ id: z.number().int(), username: z.string(), role: roleSchema });
export type UserSummary = z.infer<typeof userSummarySchema>;
/** `GET /api/auth/me`; also returned by register and login. `csrfToken` must be echoed in the X-CSRF-Token header of every unsafe request. */
export const meResponseSchema = z.object({ user: userSummarySchema.nullable(), csrfToken: z.string() });
export type MeResponse = z.infer<typeof meResponseSchema>;
/** `POST /api/auth/password`: needs the current password; ends every other session of the user. */
export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1, 'required').max(200, 'at most 200 characters'),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
/** Answer of `POST /api/auth/password` and `POST /api/auth/logout-others`: the caller's session stays. */
export const endedSessionsResponseSchema = z.object({ endedSessions: z.number().int().min(0) });
export type EndedSessionsResponse = z.infer<typeof endedSessionsResponseSchema>;

// ---- problems -------------------------------------------------------------------------------------
export const difficultySchema = z.enum(['easy', 'medium', 'hard']);
export type Difficulty = z.infer<typeof difficultySchema>;
/**
 * Who sees a problem: `private` (a draft: its authors and staff), `public` (everyone), `contest` (published for
 * contests only: learners see it through a running contest that includes it, as they do a private one).
 */
export const problemVisibilitySchema = z.enum(['private', 'public', 'contest']);
export type ProblemVisibility = z.infer<typeof problemVisibilitySchema>;
export const solvedStateSchema = z.enum(['solved', 'attempted']).nullable();

export const problemListQuerySchema = z.strictObject({
  page: pageQuerySchema,
  pageSize: pageSizeQuerySchema,
  search: queryTextSchema(100).optional(),
  tag: queryTextSchema(40).optional(),
  difficulty: difficultySchema.optional(),
});
export type ProblemListQuery = z.infer<typeof problemListQuerySchema>;

export const problemSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  titles: z.record(z.string(), z.string()),
  difficulty: difficultySchema,
  tags: z.array(z.string()),
  style: problemStyleSchema,
  /** The caller's state; null when signed out or never tried. */
  solved: solvedStateSchema,
  acceptedCount: z.number().int(),
  submissionCount: z.number().int(),
});
export type ProblemSummary = z.infer<typeof problemSummarySchema>;

export const problemListResponseSchema = z.object({
  items: z.array(problemSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  tags: z.array(z.string()),
});
export type ProblemListResponse = z.infer<typeof problemListResponseSchema>;

export const sampleSchema = z.object({ id: z.string(), input: z.string(), expected: z.string() });
export type Sample = z.infer<typeof sampleSchema>;

export const problemDetailSchema = problemSummarySchema.extend({
  version: z.number().int(),
  /** Markdown by locale; `en` always present. */
  statements: z.record(z.string(), z.string()),
  limits: limitsSchema,
  checker: z.string(),
  function: functionSignatureSchema.nullable(),
  samples: z.array(sampleSchema),
  starterCode: z.object({ javascript: z.string(), typescript: z.string() }),
  testCount: z.number().int(),
  /** Tests whose CPU time is worth charting (the larger, hidden ones), by test id. */
  performanceTests: z.array(z.string()),
});
export type ProblemDetail = z.infer<typeof problemDetailSchema>;

export const problemSlugSchema = z.string().regex(SLUG_PATTERN).max(100);

// ---- submissions ----------------------------------------------------------------------------------
export const createSubmissionRequestSchema = z.strictObject({
  problem: problemSlugSchema,
  language: languageSchema,
  code: z
    .string()
    .min(1, 'the code is empty')
    .refine((code) => utf8Length(code) <= MAX_CODE_BYTES, `at most ${MAX_CODE_BYTES / 1024} KB`),
  contest: z.string().regex(SLUG_PATTERN).optional(),
});
export type CreateSubmissionRequest = z.infer<typeof createSubmissionRequestSchema>;
export const createSubmissionResponseSchema = z.object({ id: z.number().int() });

const submissionTestPlace = { ordinal: z.number().int(), sample: z.boolean() };
export const submissionTestSchema = z.union([
  skippedTestResultSchema.extend(submissionTestPlace),
  judgedTestResultSchema.extend(submissionTestPlace),
]);
export type SubmissionTest = z.infer<typeof submissionTestSchema>;

export const submissionSummarySchema = z.object({
  id: z.number().int(),
  problem: z.object({ slug: z.string(), title: z.string() }),
  user: z.object({ id: z.number().int(), username: z.string() }),
  language: languageSchema,
  status: submissionStatusSchema,
  verdict: verdictSchema.nullable(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  timeMs: z.number().int().nullable(),
  memoryKb: z.number().int().nullable(),
  createdAt: z.string(),
  judgedAt: z.string().nullable(),
});
export type SubmissionSummary = z.infer<typeof submissionSummarySchema>;

export const submissionDetailSchema = submissionSummarySchema.extend({
  /** Present for the owner, setters and admins only. */
  code: z.string().nullable(),
  compileMessage: z.string().nullable(),
  /** Tests judged so far; messages of hidden tests are withheld from learners. */
  tests: z.array(submissionTestSchema),
  testCount: z.number().int(),
});
export type SubmissionDetail = z.infer<typeof submissionDetailSchema>;

export const submissionListQuerySchema = z.strictObject({
  user: queryTextSchema(32).optional(),
  problem: problemSlugSchema.optional(),
  verdict: verdictSchema.optional(),
  mine: z.enum(['true', 'false']).optional(),
  page: pageQuerySchema,
  pageSize: pageSizeQuerySchema,
});
export type SubmissionListQuery = z.infer<typeof submissionListQuerySchema>;
export const submissionListResponseSchema = z.object({
  items: z.array(submissionSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SubmissionListResponse = z.infer<typeof submissionListResponseSchema>;

// ---- custom runs ------------------------------------------------------------------------------------
export const runRequestSchema = z.strictObject({
  problem: problemSlugSchema,
  language: languageSchema,
  code: createSubmissionRequestSchema.shape.code,
  /** Custom stdin (stdio) or a JSON array of arguments (function style); omitted: run the samples. */
  input: z
    .string()
    .refine((input) => utf8Length(input) <= MAX_CUSTOM_INPUT_BYTES, 'at most 1 MB')
    .optional(),
});
export type RunRequestBody = z.infer<typeof runRequestSchema>;

export const runTestResultSchema = z.object({
  id: z.string(),
  verdict: verdictSchema.nullable(),
  timeMs: z.number().int(),
  memoryKb: z.number().int(),
  message: z.string().optional(),
  input: z.string(),
  /** What the program printed (stdio) or returned as JSON (function style), truncated. */
  output: z.string(),
  /** Null for custom input: there is nothing to compare against. */
  expected: z.string().nullable(),
});
export const runResponseSchema = z.object({
  verdict: verdictSchema.nullable(),
  compileMessage: z.string().optional(),
  tests: z.array(runTestResultSchema),
});
export type RunResponse = z.infer<typeof runResponseSchema>;

// ---- admin -----------------------------------------------------------------------------------------
/** `GET /api/admin/users` (admins only). */
export const adminUserListQuerySchema = z.strictObject({
  search: queryTextSchema(32).optional(),
  role: roleSchema.optional(),
  page: pageQuerySchema,
  pageSize: pageSizeQuerySchema,
});
export type AdminUserListQuery = z.infer<typeof adminUserListQuerySchema>;
export const adminUserSchema = userSummarySchema.extend({ disabled: z.boolean(), createdAt: z.string() });
export type AdminUser = z.infer<typeof adminUserSchema>;
export const adminUserListResponseSchema = z.object({
  items: z.array(adminUserSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminUserListResponse = z.infer<typeof adminUserListResponseSchema>;
/** `PATCH /api/admin/users/:id` -> AdminUser. Disabling a user ends their sessions. */
export const adminUserUpdateRequestSchema = z
  .strictObject({ role: roleSchema.optional(), disabled: z.boolean().optional() })
  .refine((patch) => patch.role !== undefined || patch.disabled !== undefined, 'nothing to change');
export type AdminUserUpdateRequest = z.infer<typeof adminUserUpdateRequestSchema>;

// ---- errors ---------------------------------------------------------------------------------------------
/** Every error response: a stable code, a message for people, and the fields that were wrong. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    /** Every reason a refused upload (a problem package) was refused for. */
    problems: z.array(z.string()).optional(),
    correlationId: z.string().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
