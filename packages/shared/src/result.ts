import { z } from 'zod';
import { verdictSchema } from './verdict.ts';

export const testResultSchema = z.object({
  id: z.string(),
  verdict: verdictSchema,
  timeMs: z.number().int().min(0),
  memoryKb: z.number().int().min(0),
  message: z.string().optional(),
  /** Partial credit from a custom checker, 0..1; 1 for AC, 0 otherwise unless the checker says so. */
  scoreFraction: z.number().min(0).max(1).optional(),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const subtaskResultSchema = z.object({
  id: z.string(),
  score: z.number().min(0),
  maxScore: z.number().min(0),
  verdict: verdictSchema,
});
export type SubtaskResult = z.infer<typeof subtaskResultSchema>;

/** The contract of `oj judge --json` and of a finished submission. */
export const judgeResultSchema = z.object({
  verdict: verdictSchema,
  score: z.number().min(0),
  maxScore: z.number().min(0),
  tests: z.array(testResultSchema),
  subtasks: z.array(subtaskResultSchema),
  compileMessage: z.string().optional(),
  timeMs: z.number().int().min(0),
  memoryKb: z.number().int().min(0),
});
export type JudgeResult = z.infer<typeof judgeResultSchema>;
