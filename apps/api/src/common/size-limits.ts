import type { PipeTransform } from '@nestjs/common';
import { DomainError } from './errors.ts';

/**
 * Refuses a body whose named string fields are larger than allowed with 413, before validation would call
 * it a 400: too large is a different problem from malformed.
 */
export class FieldSizePipe implements PipeTransform<unknown, unknown> {
  constructor(private readonly maxBytesByField: Record<string, number>) {}

  transform(body: unknown): unknown {
    if (typeof body !== 'object' || body === null) return body;
    for (const [field, maxBytes] of Object.entries(this.maxBytesByField)) {
      const value = (body as Record<string, unknown>)[field];
      if (typeof value === 'string' && Buffer.byteLength(value, 'utf8') > maxBytes) {
        throw new DomainError('PAYLOAD_TOO_LARGE', `${field} is larger than ${Math.floor(maxBytes / 1024)} KB`, {
          fields: { [field]: `at most ${Math.floor(maxBytes / 1024)} KB` },
        });
      }
    }
    return body;
  }
}
