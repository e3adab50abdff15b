import { HttpException } from '@nestjs/common';
import type { ApiError } from '@oj/shared';
import { ERROR_STATUS, type ErrorCode } from '@oj/shared';
import { expectedDatabaseError } from '../infra/database-errors.ts';
import { DomainError } from './errors.ts';

export interface ErrorResponse {
  status: number;
  body: ApiError;
  headers: Record<string, string>;
  /** An unexpected error: log it with its stack. Expected ones are logged briefly or not at all. */
  unexpected: boolean;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function expected(code: ErrorCode, message: string, extra: Partial<ErrorResponse> = {}): ErrorResponse {
  return { status: ERROR_STATUS[code], body: { error: { code, message } }, headers: {}, unexpected: false, ...extra };
}

/** Errors of Express's body parser (the `http-errors` shape): an HTTP status and a `type`. */
function bodyParserError(error: unknown): { status: number; type: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, type } = error as { status?: unknown; type?: unknown };
  if (typeof status === 'number' && typeof type === 'string' && type.startsWith('entity.')) return { status, type };
  if (typeof status === 'number' && type === 'charset.unsupported') return { status, type };
  return undefined;
}

/**
 * The one mapping from anything thrown to what the client sees: domain errors by their code, a few framework
 * and database errors by kind, and everything else as a 500 that names only a correlation id.
 */
export function toErrorResponse(error: unknown, correlationId: string): ErrorResponse {
  if (error instanceof DomainError) {
    const body: ApiError = { error: { code: error.code, message: error.message } };
    if (error.fields) body.error.fields = error.fields;
    if (error.problems) body.error.problems = error.problems;
    return { status: error.status, body, headers: error.headers, unexpected: false };
  }
  const databaseError = expectedDatabaseError(error);
  if (databaseError) return expected(databaseError.code, databaseError.message);
  const parserError = bodyParserError(error);
  if (parserError) {
    if (parserError.type === 'entity.parse.failed')
      return expected('MALFORMED_JSON', 'the request body is not valid JSON');
    if (parserError.type === 'entity.too.large') return expected('PAYLOAD_TOO_LARGE', 'the request body is too large');
    const code = CODE_BY_STATUS[parserError.status] ?? 'VALIDATION_FAILED';
    return expected(code, 'the request body could not be read');
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = CODE_BY_STATUS[status];
    // Nest's own exceptions (unknown route, ...) carry messages written for clients.
    if (code) return { ...expected(code, status === 404 ? 'not found' : error.message), status };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'something went wrong on our side', correlationId } },
    headers: {},
    unexpected: true,
  };
}
