import type { ProblemStyle } from '@oj/shared';

export interface SandboxLimits {
  /** CPU time limit for the whole test. */
  timeMs: number;
  memoryMb: number;
  outputKb: number;
  stackMb: number;
}

export interface ExecutionRequest {
  /**
   * Tests with the same key may share one isolate (each still gets a fresh context);
   * different keys never do. Use one key per submission (and per checker).
   */
  sandboxKey: string;
  /** Compiled JavaScript, run as a classic script. */
  code: string;
  /** File name shown in stack traces, e.g. "solution.ts". */
  fileName: string;
  style: ProblemStyle;
  /** For function style: the name of the entry function the code declares. */
  entry?: string;
  /** stdin for stdio style; a JSON array of arguments for function style. */
  input: string;
  limits: SandboxLimits;
  /**
   * When executions wait for a sandbox, lower goes first (equal ones in arrival order); absent counts as 0.
   * The judge passes its job's queue priority, so a user's backlog also yields inside the pool.
   */
  priority?: number;
}

export type ExecutionStatus = 'ok' | 'runtime-error' | 'time-limit' | 'memory-limit' | 'output-limit' | 'system-error';

export interface ExecutionOutcome {
  status: ExecutionStatus;
  /** stdout for stdio style; the return value as JSON for function style ("" unless status is ok). */
  output: string;
  cpuMs: number;
  memoryKb: number;
  /** Why it failed: the error's message, what limit was hit. */
  message?: string;
  /** Where a runtime error was thrown, in the code that was run (before any source map). */
  errorLocation?: { line: number; column: number };
}

/**
 * The wall-clock deadline of a test. Limits are on CPU time; the wall deadline only ends programs
 * that wait without computing (Atomics.wait) and must leave room for a heavily loaded machine.
 */
export function wallDeadlineMs(limits: Pick<SandboxLimits, 'timeMs'>): number {
  return limits.timeMs * 3 + 1000;
}

/** Runs one test of untrusted code. Implementations must never throw for anything the code does. */
export interface SandboxRunner {
  execute(request: ExecutionRequest): Promise<ExecutionOutcome>;
}
