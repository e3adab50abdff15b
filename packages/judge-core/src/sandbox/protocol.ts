import type { ExecutionOutcome, ExecutionRequest } from './runner.ts';

/** Messages between the pool (parent) and a sandbox process (child), over Node's IPC channel. */
export type ParentMessage = { type: 'execute'; id: number; request: ExecutionRequest };
export type ChildMessage =
  | { type: 'ready' }
  /** `retiring`: the child exits right after this result and must not be given another test. */
  | { type: 'result'; id: number; outcome: ExecutionOutcome; retiring?: boolean };
