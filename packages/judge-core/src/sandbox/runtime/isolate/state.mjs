// @ts-check
// The state of the test running in this context, shared by the modules that report it.

/** @typedef {{ name: string, message: string, line: number, column: number }} DescribedError */

export const state = {
  /** The test's stdin (stdio style); empty for function style. */
  stdinText: '',
  /** The most stdout (and serialized return value) a test may produce, in characters. */
  outputLimit: 1 << 20,
  stdout: '',
  stdoutLength: 0,
  stderr: '',
  outputExceeded: false,
  /** @type {DescribedError | null} */
  firstError: null,
  exitCode: 0,
  /** The program ended: it threw, or called process.exit(). */
  exited: false,
  exitCalled: false,
  /** @type {string | null} The encoding set with process.stdin.setEncoding(), or null for Buffer chunks. */
  stdinEncoding: null,
  /** A harness phase is running (process.nextTick queues its callbacks until the phase ends). */
  inPhase: false,
  /** The program used something V8 may run after the test's last phase (see outliving-work.mjs). */
  leavesWork: false,
  /** The test's last phase has run. */
  testOver: false,
};
