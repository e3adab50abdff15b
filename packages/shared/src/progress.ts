import { z } from 'zod';
import { testResultSchema } from './result.ts';
import { verdictSchema } from './verdict.ts';

/** Where a submission is in its lifecycle (docs/architecture.md). */
export const submissionStatusSchema = z.enum(['PENDING', 'JUDGING', 'FINISHED']);
export type SubmissionStatus = z.infer<typeof submissionStatusSchema>;

export const progressEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('judging'), submissionId: z.number().int(), total: z.number().int() }),
  z.object({
    type: z.literal('test'),
    submissionId: z.number().int(),
    /** Position of the test in judging order, from 0. */
    ordinal: z.number().int(),
    finished: z.number().int(),
    total: z.number().int(),
    test: testResultSchema,
  }),
  z.object({
    type: z.literal('final'),
    submissionId: z.number().int(),
    verdict: verdictSchema,
    score: z.number(),
    maxScore: z.number(),
  }),
]);
export type ProgressEvent = z.infer<typeof progressEventSchema>;
