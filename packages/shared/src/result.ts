import { z } from 'zod';
import { verdictSchema } from './verdict.ts';

/** A test that ran and got one of the verdicts; `status` is absent in results stored before skipping existed. */
export const judgedTestResultSchema = z.object({
  id: z.string(),
  status: z.literal('judged').optional(),
  verdict: verdictSchema,
  timeMs: z.number().int().min(0),
  memoryKb: z.number().int().min(0),
  message: z.string().optional(),
  /** Partial credit from a custom checker, 0..1; 1 for AC, 0 otherwise unless the checker says so. */
  scoreFraction: z.number().min(0).max(1).optional(),
});
export type JudgedTestResult = z.infer<typeof judgedTestResultSchema>;

/**
 * A test that was not run because its outcome could no longer change the score or the verdict (its
 * min-rule subtask had already failed). SKIP is not a verdict: its verdict is null and its time and
 * memory 0 (not measured); tell it by `status`.
 */
export const skippedTestResultSchema = z.object({
  id: z.string(),
  status: z.literal('skipped'),
  verdict: z.null(),
  timeMs: z.literal(0),
  memoryKb: z.literal(0),
  message: z.undefined().optional(),
  scoreFraction: z.undefined().optional(),
});
export type SkippedTestResult = z.infer<typeof skippedTestResultSchema>;

export const testResultSchema = z.union([skippedTestResultSchema, judgedTestResultSchema]);
export type TestResult = z.infer<typeof testResultSchema>;

export function isSkippedTest(test: TestResult): test is SkippedTestResult {
  return test.status === 'skipped';
}

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
