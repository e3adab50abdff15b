import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { toErrorResponse } from './error-response.ts';
import { DomainError } from './errors.ts';

/** Sends the response for an error and logs it: unexpected errors with their stack, expected ones briefly. */
export function sendError(error: unknown, request: Request, response: Response): void {
  const requestId: unknown = request.id;
  const correlationId = typeof requestId === 'string' || typeof requestId === 'number' ? String(requestId) : 'unknown';
  const { status, body, headers, unexpected } = toErrorResponse(error, correlationId);
  if (unexpected) {
    request.log?.error({ err: error, correlationId }, 'unexpected error');
  } else if (error instanceof DomainError && error.internalMessage !== undefined) {
    request.log?.warn({ code: body.error.code, status, detail: error.internalMessage }, body.error.message);
  } else {
    request.log?.debug({ code: body.error.code, status }, body.error.message);
  }
  if (response.headersSent) {
    // A stream (Server-Sent Events) already started: all that is left is to end it.
    response.end();
    return;
  }
  response.set(headers).status(status).json(body);
}

@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(error, http.getRequest<Request>(), http.getResponse<Response>());
  }
}

/** The same mapping for errors raised by Express middleware that runs before Nest's router (body parsing). */
export function expressErrorHandler(error: unknown, request: Request, response: Response, _next: NextFunction): void {
  sendError(error, request, response);
}
