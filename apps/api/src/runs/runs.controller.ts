import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import {
  MAX_CODE_BYTES,
  MAX_CUSTOM_INPUT_BYTES,
  runRequestSchema,
  runResponseSchema,
  type RunRequestBody,
  type RunResponse,
} from '@oj/shared';
import type { AuthUser } from '../auth/auth-user.ts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator.ts';
import { Endpoint } from '../common/endpoint.ts';
import { ValidBody } from '../common/validation.ts';
import { RunsService } from './runs.service.ts';

@Controller('runs')
export class RunsController {
  constructor(@Inject(RunsService) private readonly service: RunsService) {}

  @Post()
  @HttpCode(200)
  @Authenticated()
  @Endpoint({
    summary: 'Run code on the samples or on custom input',
    description:
      'Judged like a submission but not stored; answers when a judge worker has run it, or 503 when none answers in time.',
    response: runResponseSchema,
    tags: ['runs'],
  })
  run(
    @CurrentUser() user: AuthUser,
    @ValidBody(runRequestSchema, { maxBytes: { code: MAX_CODE_BYTES, input: MAX_CUSTOM_INPUT_BYTES } })
    body: RunRequestBody,
  ): Promise<RunResponse> {
    return this.service.run(user, body);
  }
}
