import { z } from 'zod';
import { verdictSchema } from './verdict.ts';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TEST_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const problemStyleSchema = z.enum(['stdio', 'function']);
export type ProblemStyle = z.infer<typeof problemStyleSchema>;

export const languageSchema = z.enum(['javascript', 'typescript']);
export type Language = z.infer<typeof languageSchema>;

export const LANGUAGE_BY_EXTENSION: Record<string, Language> = {
  '.js': 'javascript',
  '.cjs': 'javascript',
  '.mjs': 'javascript',
  '.ts': 'typescript',
};

export const limitsSchema = z.strictObject({
  timeMs: z.number().int().min(50).max(20_000),
  memoryMb: z.number().int().min(16).max(2048),
  outputKb: z.number().int().min(1).max(65_536).default(1024),
  stackMb: z.number().int().min(1).max(1024).default(64),
});
export type Limits = z.infer<typeof limitsSchema>;

/**
 * Time and memory that differ for some tests (a subtask of bigger inputs, one slow test), within the same
 * bounds as the problem's limits. A field left out keeps the limit that applies otherwise.
 */
export const limitOverrideSchema = z.strictObject({
  timeMs: limitsSchema.shape.timeMs.optional(),
  memoryMb: limitsSchema.shape.memoryMb.optional(),
});
export type LimitOverride = z.infer<typeof limitOverrideSchema>;

/** A TypeScript-like type used to render starter code for function-style problems. */
const typeName = z.string().min(1).max(200);

export const functionSignatureSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z_$][\w$]*$/, 'must be a JavaScript identifier'),
  params: z.array(z.strictObject({ name: z.string().regex(/^[A-Za-z_$][\w$]*$/), type: typeName })).max(16),
  returns: typeName,
});
export type FunctionSignature = z.infer<typeof functionSignatureSchema>;

export const checkerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('lines') }),
  z.strictObject({ type: z.literal('tokens') }),
  z.strictObject({
    type: z.literal('float'),
    absolute: z.number().min(0).default(1e-6),
    relative: z.number().min(0).default(1e-6),
  }),
  z.strictObject({ type: z.literal('unordered') }),
  z.strictObject({ type: z.literal('custom'), file: z.string().default('checker.js') }),
]);
export type CheckerSpec = z.infer<typeof checkerSchema>;

export const subtaskSchema = z.strictObject({
  id: z.string().regex(TEST_ID_PATTERN),
  score: z.number().int().min(0).max(1000),
  /** Test ids (file stems under tests/). */
  tests: z.array(z.string().regex(TEST_ID_PATTERN)).min(1),
  /** Subtasks that must be fully accepted for this one to score. */
  dependencies: z.array(z.string().regex(TEST_ID_PATTERN)).default([]),
  /** Limits for the tests of this subtask, unless a test has its own (testLimits). */
  limits: limitOverrideSchema.optional(),
});
export type Subtask = z.infer<typeof subtaskSchema>;

export const referenceSolutionSchema = z.strictObject({
  file: z.string().min(1),
  expect: verdictSchema,
});
export type ReferenceSolution = z.infer<typeof referenceSolutionSchema>;

export const problemManifestSchema = z
  .strictObject({
    slug: z.string().regex(SLUG_PATTERN, 'lowercase letters, digits and single dashes'),
    title: z.string().min(1).max(200),
    /** Optional translated titles, e.g. { zh: '子集' }. */
    titles: z.record(z.string(), z.string().min(1).max(200)).default({}),
    difficulty: z.enum(['easy', 'medium', 'hard']),
    tags: z.array(z.string().min(1).max(40)).max(20).default([]),
    style: problemStyleSchema,
    function: functionSignatureSchema.optional(),
    limits: limitsSchema,
    checker: checkerSchema,
    samples: z.array(z.string().regex(TEST_ID_PATTERN)).min(1),
    subtasks: z.array(subtaskSchema).min(1),
    /** Limits of single tests, by test id: they win over their subtasks' limits and the problem's. */
    testLimits: z.record(z.string().regex(TEST_ID_PATTERN), limitOverrideSchema).optional(),
    /**
     * May be empty (an imported Hydro problem has none), but such a package is never sound: nothing shows
     * that its tests accept a right answer.
     */
    solutions: z.array(referenceSolutionSchema).default([]),
  })
  .superRefine((manifest, ctx) => {
    if (manifest.style === 'function' && !manifest.function) {
      ctx.addIssue({
        code: 'custom',
        path: ['function'],
        message: 'function-style problems need a function signature',
      });
    }
    if (manifest.style === 'stdio' && manifest.function) {
      ctx.addIssue({
        code: 'custom',
        path: ['function'],
        message: 'only function-style problems have a function signature',
      });
    }
    const ids = new Set(manifest.subtasks.map((subtask) => subtask.id));
    if (ids.size !== manifest.subtasks.length) {
      ctx.addIssue({ code: 'custom', path: ['subtasks'], message: 'subtask ids must be unique' });
    }
    manifest.subtasks.forEach((subtask, index) => {
      for (const dependency of subtask.dependencies) {
        const position = manifest.subtasks.findIndex((other) => other.id === dependency);
        if (position === -1 || position >= index) {
          ctx.addIssue({
            code: 'custom',
            path: ['subtasks', index, 'dependencies'],
            message: `dependency "${dependency}" must name an earlier subtask`,
          });
        }
      }
    });
    for (const conflict of limitConflicts(manifest)) {
      ctx.addIssue({
        code: 'custom',
        path: ['subtasks', conflict.subtaskIndex, 'limits', conflict.field],
        message:
          `test "${conflict.testId}" is in subtasks ${conflict.subtasks.join(' and ')}, whose ${LIMIT_FIELD_NAMES[conflict.field]} ` +
          `limits differ (${conflict.values.join(' and ')}): give the test its own in testLimits, or make them agree`,
      });
    }
  });
export type ProblemManifest = z.infer<typeof problemManifestSchema>;
export type ProblemManifestInput = z.input<typeof problemManifestSchema>;

type LimitField = keyof LimitOverride;
const LIMIT_FIELDS: readonly LimitField[] = ['timeMs', 'memoryMb'];
const LIMIT_FIELD_NAMES: Record<LimitField, string> = { timeMs: 'time', memoryMb: 'memory' };
const LIMIT_UNITS: Record<LimitField, string> = { timeMs: 'ms', memoryMb: 'MB' };

type LimitSources = Pick<ProblemManifest, 'limits' | 'subtasks' | 'testLimits'>;

interface LimitConflict {
  testId: string;
  field: LimitField;
  /** The first subtask (by position) whose override disagrees with an earlier one. */
  subtaskIndex: number;
  subtasks: string[];
  values: string[];
}

/**
 * Tests that two subtasks give different limits (for the same field) and that have no limit of their own
 * for it: which one applies would be a guess, so the manifest is refused instead.
 */
function limitConflicts(manifest: LimitSources): LimitConflict[] {
  const conflicts: LimitConflict[] = [];
  const testIds = new Set(manifest.subtasks.flatMap((subtask) => subtask.tests));
  for (const testId of testIds) {
    for (const field of LIMIT_FIELDS) {
      if (manifest.testLimits?.[testId]?.[field] !== undefined) continue;
      const setting = manifest.subtasks
        .map((subtask, index) => ({ subtask, index, value: subtask.limits?.[field] }))
        .filter((entry) => entry.subtask.tests.includes(testId) && entry.value !== undefined);
      const differing = setting.find((entry) => entry.value !== setting[0]!.value);
      if (differing === undefined) continue;
      conflicts.push({
        testId,
        field,
        subtaskIndex: differing.index,
        subtasks: [setting[0]!.subtask.id, differing.subtask.id],
        values: [setting[0]!, differing].map((entry) => `${entry.value} ${LIMIT_UNITS[field]}`),
      });
    }
  }
  return conflicts;
}

/**
 * The limits a test runs under, field by field: its own entry in testLimits, else the override of a
 * subtask that holds it (the schema refuses two subtasks that disagree), else the problem's limits.
 * Output and stack limits are the problem's for every test. No test (a learner's own input): the problem's.
 */
export function effectiveTestLimits(manifest: LimitSources, testId: string | undefined): Limits {
  if (testId === undefined) return manifest.limits;
  const own = manifest.testLimits?.[testId];
  const containing = manifest.subtasks.filter((subtask) => subtask.tests.includes(testId));
  const pick = (field: LimitField): number =>
    own?.[field] ??
    containing.find((subtask) => subtask.limits?.[field] !== undefined)?.limits?.[field] ??
    manifest.limits[field];
  return { ...manifest.limits, timeMs: pick('timeMs'), memoryMb: pick('memoryMb') };
}
