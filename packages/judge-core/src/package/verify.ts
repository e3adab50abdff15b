import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { LANGUAGE_BY_EXTENSION, type JudgeResult, type Verdict } from '@oj/shared';
import { judgeSubmission } from '../judge.ts';
import type { SandboxRunner } from '../sandbox/runner.ts';
import type { ProblemPackage } from './load.ts';
import { validateTests, type TestValidation } from './validate.ts';

export interface SolutionCheck {
  file: string;
  expected: Verdict;
  actual: Verdict;
  ok: boolean;
  result: JudgeResult;
}

/** Judges each reference solution of a package; the package is sound when every one gets its expected verdict. */
export async function verifyPackage(
  problem: ProblemPackage,
  runner: SandboxRunner,
  options: { concurrency: number; onSolution?: (check: SolutionCheck) => void },
): Promise<SolutionCheck[]> {
  const checks: SolutionCheck[] = [];
  for (const solution of problem.manifest.solutions) {
    const language = LANGUAGE_BY_EXTENSION[path.extname(solution.file)];
    const source = await readFile(path.join(problem.dir, solution.file), 'utf8');
    const result = language
      ? await judgeSubmission(
          {
            problem,
            source,
            language,
            sandboxKey: `verify:${problem.manifest.slug}:${solution.file}:${Math.random()}`,
          },
          { runner, concurrency: options.concurrency },
        )
      : ({
          verdict: 'CE',
          score: 0,
          maxScore: 0,
          tests: [],
          subtasks: [],
          timeMs: 0,
          memoryKb: 0,
          compileMessage: `unknown language of ${solution.file}`,
        } satisfies JudgeResult);
    const check = {
      file: solution.file,
      expected: solution.expect,
      actual: result.verdict,
      ok: result.verdict === solution.expect,
      result,
    };
    checks.push(check);
    options.onSolution?.(check);
  }
  return checks;
}

export interface PackageVerification {
  /** One entry per test input that the package's validator.js rejected or failed on (empty when all are valid or there is no validator). */
  invalidInputs: Exclude<TestValidation, { status: 'valid' }>[];
  /** The reference solutions' checks; empty when an input was invalid, since verdicts on wrong tests mean nothing. */
  solutions: SolutionCheck[];
  sound: boolean;
}

/**
 * Validates every test input first (validator.js), then judges the reference solutions.
 * Throws a PackageError when the validator cannot be loaded.
 */
export async function verifyPackageFully(
  problem: ProblemPackage,
  runner: SandboxRunner,
  options: { concurrency: number; onSolution?: (check: SolutionCheck) => void },
): Promise<PackageVerification> {
  const validations = await validateTests(problem, runner, { concurrency: options.concurrency });
  const invalidInputs = validations.filter((validation) => validation.status !== 'valid');
  if (invalidInputs.length > 0) return { invalidInputs, solutions: [], sound: false };
  const solutions = await verifyPackage(problem, runner, options);
  return { invalidInputs, solutions, sound: solutions.every((check) => check.ok) };
}
