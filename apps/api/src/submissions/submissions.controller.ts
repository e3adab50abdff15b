import { Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import {
  MAX_CODE_BYTES,
  createSubmissionRequestSchema,
  createSubmissionResponseSchema,
  submissionDetailSchema,
  submissionListQuerySchema,
  submissionListResponseSchema,
  type CreateSubmissionRequest,
  type SubmissionDetail,
  type SubmissionListQuery,
  type SubmissionListResponse,
} from '@oj/shared';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.ts';
import { Authenticated, CurrentUser, OptionalUser } from '../auth/authenticated.decorator.ts';
import { Endpoint } from '../common/endpoint.ts';
import { idParamSchema } from '../common/params.ts';
import { ValidBody, ValidParam, ValidQuery } from '../common/validation.ts';
import { SubmissionEventsService } from './submission-events.service.ts';
import { SubmissionsService } from './submissions.service.ts';

@Controller('submissions')
export class SubmissionsController {
  constructor(
    @Inject(SubmissionsService) private readonly service: SubmissionsService,
    @Inject(SubmissionEventsService) private readonly progressEvents: SubmissionEventsService,
  ) {}

  @Post()
  @Authenticated()
  @Endpoint({
    summary: 'Submit code for judging',
    description:
      'Stored as PENDING and queued; follow it with GET /api/submissions/:id/events. Code over 64 KB gets 413.',
    response: createSubmissionResponseSchema,
    status: 201,
    tags: ['submissions'],
  })
  create(
    @CurrentUser() user: AuthUser,
    @ValidBody(createSubmissionRequestSchema, { maxBytes: { code: MAX_CODE_BYTES } }) body: CreateSubmissionRequest,
  ): Promise<{ id: number }> {
    return this.service.create(user, body);
  }

  @Get()
  @Endpoint({ summary: 'List submissions', response: submissionListResponseSchema, tags: ['submissions'] })
  list(
    @OptionalUser() user: AuthUser | null,
    @ValidQuery(submissionListQuerySchema) query: SubmissionListQuery,
  ): Promise<SubmissionListResponse> {
    return this.service.list(user, query);
  }

  @Get(':id')
  @Endpoint({
    summary: 'One submission with its per-test results',
    description: "Code only for its owner, setters and admins; hidden tests' messages only for setters and admins.",
    response: submissionDetailSchema,
    tags: ['submissions'],
  })
  get(@OptionalUser() user: AuthUser | null, @ValidParam('id', idParamSchema) id: number): Promise<SubmissionDetail> {
    return this.service.get(user, id);
  }

  @Get(':id/events')
  @Endpoint({
    summary: "A submission's judging progress as Server-Sent Events",
    description:
      'Events `judging`, `test` (one per finished test) and `final`, each with a JSON progress event as data; the stream ends after `final`.',
    contentType: 'text/event-stream',
    tags: ['submissions'],
  })
  events(
    @OptionalUser() user: AuthUser | null,
    @ValidParam('id', idParamSchema) id: number,
    @Res() response: Response,
  ): Promise<void> {
    return this.progressEvents.stream(user, id, response);
  }

  @Post(':id/rejudge')
  @HttpCode(202)
  @Authenticated({ role: 'setter' })
  @Endpoint({
    summary: 'Judge a submission again (setters, admins)',
    response: createSubmissionResponseSchema,
    status: 202,
    tags: ['submissions'],
  })
  rejudge(@CurrentUser() user: AuthUser, @ValidParam('id', idParamSchema) id: number): Promise<{ id: number }> {
    return this.service.rejudge(user, id);
  }
}
