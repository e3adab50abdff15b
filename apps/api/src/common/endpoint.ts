import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

/** What a route does and answers, for the OpenAPI document (its inputs come from the validating decorators). */
export interface EndpointDescription {
  summary: string;
  description?: string;
  /** The success response's body; absent: no body. */
  response?: z.ZodType;
  /** The success status when it is not 200. */
  status?: number;
  /** The success response is not JSON (text/event-stream, text/plain). */
  contentType?: string;
  tags?: string[];
}

export const ENDPOINT_DESCRIPTION = 'oj:endpoint';

export const Endpoint = (description: EndpointDescription) => SetMetadata(ENDPOINT_DESCRIPTION, description);
