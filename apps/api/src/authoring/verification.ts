// A version's verification, from its checks as the judges stored them: the reference-solution table, whether
// the version is sound and why not, and the time-limit advice. Pure, so its rules are tested without a judge.
import { adviseTimeLimit, describeAdvice, type SolutionTiming } from '@oj/judge-core/package';
import {
  problemManifestSchema,
  storedSolutionCheckSchema,
  storedValidatorCheckSchema,
  type SolutionCheckRow,
  type Verification,
} from '@oj/shared';
import type { CheckRow } from './authoring.repository.ts';

type CheckStatus = Verification['status'];

function overallStatus(checks: Pick<CheckRow, 'status'>[]): CheckStatus {
  if (checks.every((check) => check.status === 'finished')) return 'finished';
  return checks.some((check) => check.status !== 'pending') ? 'running' : 'pending';
}

/** Status and soundness only, for version lists. */
export function verificationSummary(
  manifest: unknown,
  checks: CheckRow[],
): { status: CheckStatus; sound: boolean | null } {
  const { status, sound } = verificationOf(manifest, checks, new Date(0));
  return { status, sound };
}

export function verificationOf(manifest: unknown, checks: CheckRow[], versionCreatedAt: Date): Verification {
  const parsed = problemManifestSchema.safeParse(manifest);
  const solutionsDeclared = parsed.success ? parsed.data.solutions : [];
  const limitMs = parsed.success ? parsed.data.limits.timeMs : 0;
  const reasons: string[] = [];

  const validatorCheck = checks.find((check) => check.kind === 'validator');
  let validator: Verification['validator'] = null;
  if (validatorCheck) {
    const stored = storedValidatorCheckSchema.safeParse(validatorCheck.result);
    validator = {
      status: validatorCheck.status,
      invalidInputs: stored.success ? stored.data.invalidInputs : [],
      error: stored.success ? stored.data.error : null,
    };
    if (validatorCheck.status === 'finished') {
      if (!stored.success) reasons.push('validator.js: its result could not be read');
      else if (stored.data.error !== null) reasons.push(`validator.js: ${stored.data.error}`);
      for (const input of validator.invalidInputs) reasons.push(`test ${input.test}: ${input.reason}`);
    }
  }

  const solutions: SolutionCheckRow[] = solutionsDeclared.map((solution, position) => {
    const check = checks.find((candidate) => candidate.kind === 'solution' && candidate.position === position);
    const stored = check?.status === 'finished' ? storedSolutionCheckSchema.safeParse(check.result) : undefined;
    const result = stored?.success ? stored.data : undefined;
    const ok = result ? result.verdict === solution.expect : null;
    if (check?.status === 'finished' && !result) reasons.push(`${solution.file}: its result could not be read`);
    if (result && !ok) reasons.push(`${solution.file}: expected ${solution.expect}, got ${result.verdict}`);
    return {
      file: solution.file,
      expected: solution.expect,
      status: check?.status ?? 'pending',
      verdict: result?.verdict ?? null,
      ok,
      score: result?.score ?? null,
      timeMs: result?.timeMs ?? null,
      memoryKb: result?.memoryKb ?? null,
      compileMessage: result?.compileMessage ?? null,
      measuredMs: result?.measuredMs ?? null,
      measuredTimedOut: result?.measuredTimedOut ?? null,
      tests: result?.tests ?? [],
    };
  });
  if (!solutionsDeclared.some((solution) => solution.expect === 'AC')) {
    reasons.push('no reference solution expects AC: add one that solves the problem');
  }
  if (checks.length === 0 && solutionsDeclared.length > 0)
    reasons.push('this version was never verified (a built-in problem, checked by oj verify)');

  const status = overallStatus(checks);
  const finished = status === 'finished';
  const sound = finished ? reasons.length === 0 : reasons.length > 0 ? false : null;
  const finishedAt = finished
    ? checks.reduce<Date | null>(
        (latest, check) => (check.finishedAt && (!latest || check.finishedAt > latest) ? check.finishedAt : latest),
        null,
      )
    : null;

  let advice: Verification['advice'] = null;
  if (finished && solutions.length > 0) {
    const timings: SolutionTiming[] = solutions
      .filter((solution) => solution.ok)
      .map((solution) =>
        solution.expected === 'TLE'
          ? {
              file: solution.file,
              expected: 'TLE',
              slowestMs: solution.measuredMs ?? solution.timeMs ?? 0,
              timedOut: solution.measuredTimedOut ?? true,
            }
          : { file: solution.file, expected: solution.expected, slowestMs: solution.timeMs ?? 0, timedOut: false },
      );
    const advised = adviseTimeLimit(limitMs, timings);
    advice = {
      limitMs,
      slowestAcceptedMs: advised.slowestAccepted?.ms ?? null,
      fastestTimeLimitedMs: advised.fastestTimeLimited?.ms ?? null,
      fastestTimeLimitedAtLeast: advised.fastestTimeLimited?.atLeast ?? false,
      suggestedMs: advised.suggestedMs ?? null,
      warnings: advised.warnings,
      summary: describeAdvice(advised),
    };
  }

  return {
    status,
    sound,
    reasons: sound === null ? [] : reasons,
    createdAt: versionCreatedAt.toISOString(),
    finishedAt: finishedAt?.toISOString() ?? null,
    durationMs: finishedAt ? finishedAt.getTime() - versionCreatedAt.getTime() : null,
    validator,
    solutions,
    advice,
  };
}
