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
    solutions: z.array(referenceSolutionSchema).min(1),
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
  });
export type ProblemManifest = z.infer<typeof problemManifestSchema>;
export type ProblemManifestInput = z.input<typeof problemManifestSchema>;
