import type { RunOutcome, RunRequest } from './runner.ts';

/** Messages between the pool (parent) and a sandbox process (child), over Node's IPC channel. */
export type ParentMessage = { type: 'run'; id: number; request: RunRequest };
export type ChildMessage = { type: 'ready' } | { type: 'result'; id: number; outcome: RunOutcome };
