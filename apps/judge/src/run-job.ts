import { UnrecoverableError, type Job } from 'bullmq';
import type { SandboxRunner } from '@oj/judge-core';
import { runJobSchema } from '@oj/queue';
import type { RunResponse } from '@oj/shared';
import { runCode } from './run-code.ts';
import { ProblemDataError, type ProblemStore } from './store/problem-store.ts';

export interface RunJobDependencies {
  problems: ProblemStore;
  runner: SandboxRunner;
}

/** Processes one custom run; the RunResponse becomes the job's return value, which the API waits for. */
export async function processRunJob(job: Job<unknown>, dependencies: RunJobDependencies): Promise<RunResponse> {
  const parsed = runJobSchema.safeParse(job.data);
  if (!parsed.success) {
    throw new UnrecoverableError(
      `invalid run job payload: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  const run = parsed.data;
  let problem;
  try {
    problem = await dependencies.problems.load(run.problemVersionId);
  } catch (error) {
    if (error instanceof ProblemDataError) throw new UnrecoverableError(error.message);
    throw error;
  }
  return runCode(
    {
      problem,
      language: run.language,
      code: run.code,
      ...(run.input !== undefined ? { input: run.input } : {}),
      sandboxKey: `run-${job.id ?? 'unnamed'}`,
    },
    dependencies.runner,
  );
}
