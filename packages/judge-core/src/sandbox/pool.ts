import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage } from './protocol.ts';
import { wallDeadlineMs, type ExecutionOutcome, type ExecutionRequest, type SandboxRunner } from './runner.ts';

const CHILD_SCRIPT = fileURLToPath(new URL('./child.ts', import.meta.url));
const CHILD_NODE_FLAGS = [
  '--no-node-snapshot',
  '--single-threaded-gc',
  '--max-semi-space-size=16',
  '--disable-warning=ExperimentalWarning',
];
/** Slack the parent grants beyond the child's own wall deadline before it kills the child. */
const KILL_GRACE_MS = 1500;
const STARTUP_TIMEOUT_MS = 20_000;

export interface SandboxPoolOptions {
  /** How many sandbox processes may run tests at once; defaults to the number of cores. */
  size?: number;
}

interface PendingExecution {
  request: ExecutionRequest;
  resolve: (outcome: ExecutionOutcome) => void;
}

interface SandboxProcessEvents {
  onExit: (process: SandboxProcess) => void;
  onIdle: () => void;
}

/** One sandbox process. Its stack size is fixed at spawn, so processes are matched to requests by it. */
class SandboxProcess {
  readonly stackMb: number;
  readonly child: ChildProcess;
  readonly started: Promise<boolean>;
  private assigned: PendingExecution | undefined;
  private current: { id: number; execution: PendingExecution; killTimer: NodeJS.Timeout } | undefined;
  exited = false;
  /** Being killed or ending itself: it must not be handed another test. */
  private dying = false;
  private stderrTail = '';
  private nextId = 1;
  private readonly events: SandboxProcessEvents;

  constructor(stackMb: number, events: SandboxProcessEvents) {
    this.stackMb = stackMb;
    this.events = events;
    // Recursion depth inside the isolate follows the real stack of isolated-vm's threads, which
    // takes its size from RLIMIT_STACK when the process starts.
    this.child = spawn(
      '/bin/sh',
      ['-c', `ulimit -s ${stackMb * 1024} && exec "$0" "$@"`, process.execPath, ...CHILD_NODE_FLAGS, CHILD_SCRIPT],
      { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' },
    );
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-4000);
    });
    this.started = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve(false);
      }, STARTUP_TIMEOUT_MS);
      this.child.once('message', (message: ChildMessage) => {
        clearTimeout(timer);
        resolve(message.type === 'ready');
      });
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    this.child.on('message', (message: ChildMessage) => {
      if (message.type !== 'result' || this.current?.id !== message.id) return;
      if (message.retiring) this.dying = true;
      this.complete(message.outcome);
    });
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      if (this.current) this.complete(this.deathOutcome(code, signal));
      this.events.onExit(this);
    });
    this.child.on('error', () => {
      /* reported through 'exit' */
    });
  }

  get idle(): boolean {
    return this.assigned === undefined && !this.exited && !this.dying;
  }

  /** Takes the execution now; it starts once the process has booted, or fails as a system error if it cannot. */
  assign(execution: PendingExecution, onStartFailure: () => void): void {
    this.assigned = execution;
    void this.started.then((ok) => {
      if (ok && !this.exited) {
        this.begin(execution);
        return;
      }
      this.assigned = undefined;
      execution.resolve({
        status: 'system-error',
        output: '',
        cpuMs: 0,
        memoryKb: 0,
        message: 'a sandbox process failed to start',
      });
      onStartFailure();
    });
  }

  private begin(execution: PendingExecution): void {
    const id = this.nextId++;
    const deadlineMs = wallDeadlineMs(execution.request.limits) + KILL_GRACE_MS;
    const killTimer = setTimeout(() => {
      if (this.current?.id !== id) return;
      this.dying = true;
      this.complete({
        status: 'time-limit',
        output: '',
        cpuMs: execution.request.limits.timeMs,
        memoryKb: 0,
        message: `the sandbox was killed after ${deadlineMs} ms`,
      });
      this.child.kill('SIGKILL');
    }, deadlineMs);
    this.current = { id, execution, killTimer };
    const message: ParentMessage = { type: 'execute', id, request: execution.request };
    this.child.send(message, (error) => {
      if (error && this.current?.id === id) {
        this.dying = true;
        this.complete({
          status: 'system-error',
          output: '',
          cpuMs: 0,
          memoryKb: 0,
          message: `sandbox unreachable: ${error.message}`,
        });
        this.child.kill('SIGKILL');
      }
    });
  }

  kill(): void {
    this.dying = true;
    this.child.kill('SIGKILL');
  }

  private complete(outcome: ExecutionOutcome): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.killTimer);
    this.current = undefined;
    this.assigned = undefined;
    current.execution.resolve(outcome);
    if (!this.exited && !this.dying) this.events.onIdle();
  }

  private deathOutcome(code: number | null, signal: NodeJS.Signals | null): ExecutionOutcome {
    const limits = this.current!.execution.request.limits;
    if (/out of memory|heap limit|Allocation failed|Invalid array length/i.test(this.stderrTail)) {
      return {
        status: 'memory-limit',
        output: '',
        cpuMs: 0,
        memoryKb: limits.memoryMb * 1024,
        message: `memory exceeded ${limits.memoryMb} MB`,
      };
    }
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    return {
      status: 'runtime-error',
      output: '',
      cpuMs: 0,
      memoryKb: 0,
      message: `the program crashed the sandbox (${how})`,
    };
  }
}

/**
 * Runs tests in a pool of sandbox processes, one test per process at a time. A process that dies
 * or hangs is replaced; its death becomes the test's outcome, never an exception.
 */
export class SandboxPool implements SandboxRunner {
  readonly size: number;
  private readonly processes = new Set<SandboxProcess>();
  private readonly queue: PendingExecution[] = [];
  private closed = false;

  constructor(options: SandboxPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
  }

  execute(request: ExecutionRequest): Promise<ExecutionOutcome> {
    if (this.closed) {
      return Promise.resolve({
        status: 'system-error',
        output: '',
        cpuMs: 0,
        memoryKb: 0,
        message: 'the sandbox pool is closed',
      });
    }
    return new Promise<ExecutionOutcome>((resolve) => {
      const priority = request.priority ?? 0;
      const behind = this.queue.findIndex((waiting) => (waiting.request.priority ?? 0) > priority);
      this.queue.splice(behind === -1 ? this.queue.length : behind, 0, { request, resolve });
      this.dispatch();
    });
  }

  /** Starts `count` processes for the given stack size ahead of the first test. */
  async warm(stackMb = 64, count = this.size): Promise<void> {
    const started: Promise<boolean>[] = [];
    while (this.processes.size < Math.min(count, this.size)) started.push(this.spawn(stackMb).started);
    await Promise.all(started);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) {
      pending.resolve({
        status: 'system-error',
        output: '',
        cpuMs: 0,
        memoryKb: 0,
        message: 'the sandbox pool was closed',
      });
    }
    const exits = [...this.processes].map(
      (sandbox) =>
        new Promise<void>((resolve) => (sandbox.exited ? resolve() : sandbox.child.once('exit', () => resolve()))),
    );
    for (const sandbox of this.processes) sandbox.kill();
    await Promise.all(exits);
  }

  private spawn(stackMb: number): SandboxProcess {
    const sandbox = new SandboxProcess(stackMb, {
      onExit: (dead) => {
        this.processes.delete(dead);
        if (!this.closed) this.dispatch();
      },
      onIdle: () => this.dispatch(),
    });
    this.processes.add(sandbox);
    return sandbox;
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      const next = this.queue[0]!;
      const stackMb = next.request.limits.stackMb;
      let sandbox = [...this.processes].find((candidate) => candidate.idle && candidate.stackMb === stackMb);
      if (!sandbox) {
        if (this.processes.size >= this.size) {
          const unsuitable = [...this.processes].find((candidate) => candidate.idle);
          if (!unsuitable) return;
          unsuitable.kill();
          this.processes.delete(unsuitable);
        }
        sandbox = this.spawn(stackMb);
      }
      this.queue.shift();
      const starting = sandbox;
      starting.assign(next, () => {
        starting.kill();
        this.processes.delete(starting);
      });
    }
  }
}
