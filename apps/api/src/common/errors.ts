import { ERROR_STATUS, type ErrorCode } from '@oj/shared';

export interface DomainErrorOptions {
  /** Per-field reasons, for validation failures. */
  fields?: Record<string, string>;
  /** Every reason a whole upload was refused for (a problem package). */
  problems?: string[];
  /** Response headers that go with the error (Retry-After for 429). */
  headers?: Record<string, string>;
  /** What went wrong, for the logs only. */
  internalMessage?: string;
}

/**
 * An expected failure: its code picks the status (ERROR_STATUS) and its message is safe to show to users.
 * Services throw these; the global exception filter turns them into apiErrorSchema responses.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly problems: string[] | undefined;
  readonly headers: Record<string, string>;
  readonly internalMessage: string | undefined;

  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields;
    this.problems = options.problems;
    this.headers = options.headers ?? {};
    this.internalMessage = options.internalMessage;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found`);
}
