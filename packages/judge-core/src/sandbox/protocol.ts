import type { RunOutcome, RunRequest } from './runner.ts';

/** Messages between the pool (parent) and a sandbox process (child), over Node's IPC channel. */
export type ParentMessage = { type: 'run'; id: number; request: RunRequest };
export type ChildMessage =
  | { type: 'ready' }
  /** `retiring`: the child exits right after this result and must not be given another test. */
  | { type: 'result'; id: number; outcome: RunOutcome; retiring?: boolean };
