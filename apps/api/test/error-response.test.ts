import { NotFoundException } from '@nestjs/common';
import { Prisma } from '@oj/db';
import { describe, expect, test } from 'vitest';
import { toErrorResponse } from '../src/common/error-response.ts';
import { DomainError } from '../src/common/errors.ts';

describe('the error mapping', () => {
  test('a domain error keeps its code, message, fields and headers', () => {
    const error = new DomainError('RATE_LIMITED', 'slow down', {
      headers: { 'Retry-After': '7' },
      internalMessage: 'user 3',
    });
    expect(toErrorResponse(error, 'id-1')).toEqual({
      status: 429,
      body: { error: { code: 'RATE_LIMITED', message: 'slow down' } },
      headers: { 'Retry-After': '7' },
      unexpected: false,
    });
    const validation = toErrorResponse(
      new DomainError('VALIDATION_FAILED', 'bad', { fields: { code: 'too short' } }),
      'id-2',
    );
    expect(validation.body.error.fields).toEqual({ code: 'too short' });
  });

  test('a unique constraint violation is 409', () => {
    const error = new Prisma.PrismaClientKnownRequestError('Unique constraint failed on the fields: (`username`)', {
      code: 'P2002',
      clientVersion: 'test',
    });
    expect(toErrorResponse(error, 'id')).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
  });

  test("Nest's not found is 404", () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /api/x'), 'id')).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
  });

  test('anything else is a 500 naming only the correlation id', () => {
    const response = toErrorResponse(
      new Error('connection to 10.0.0.5 refused at Socket.connect (net.js:1)'),
      'corr-42',
    );
    expect(response).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'something went wrong on our side', correlationId: 'corr-42' } },
      headers: {},
      unexpected: true,
    });
  });

  test('body parser errors: bad JSON is 400, too large is 413', () => {
    expect(
      toErrorResponse(Object.assign(new Error('x'), { status: 400, type: 'entity.parse.failed' }), 'id').status,
    ).toBe(400);
    expect(toErrorResponse(Object.assign(new Error('x'), { status: 413, type: 'entity.too.large' }), 'id').status).toBe(
      413,
    );
  });
});
