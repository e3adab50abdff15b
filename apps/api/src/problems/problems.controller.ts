import { Controller, Get, Inject } from '@nestjs/common';
import {
  problemDetailSchema,
  problemListQuerySchema,
  problemListResponseSchema,
  problemSlugSchema,
  type ProblemDetail,
  type ProblemListQuery,
  type ProblemListResponse,
} from '@oj/shared';
import type { AuthUser } from '../auth/auth-user.ts';
import { OptionalUser } from '../auth/authenticated.decorator.ts';
import { Endpoint } from '../common/endpoint.ts';
import { ValidParam, ValidQuery } from '../common/validation.ts';
import { ProblemsService } from './problems.service.ts';

@Controller('problems')
export class ProblemsController {
  constructor(@Inject(ProblemsService) private readonly service: ProblemsService) {}

  @Get()
  @Endpoint({
    summary: 'List problems',
    description: "Pages of the problems the caller may see, with counts and the caller's solved state.",
    response: problemListResponseSchema,
    tags: ['problems'],
  })
  list(
    @OptionalUser() user: AuthUser | null,
    @ValidQuery(problemListQuerySchema) query: ProblemListQuery,
  ): Promise<ProblemListResponse> {
    return this.service.list(user, query);
  }

  @Get(':slug')
  @Endpoint({
    summary: 'One problem: statements, samples, limits, starter code',
    description: 'Only sample tests are included; hidden test data is never sent.',
    response: problemDetailSchema,
    tags: ['problems'],
  })
  detail(
    @OptionalUser() user: AuthUser | null,
    @ValidParam('slug', problemSlugSchema) slug: string,
  ): Promise<ProblemDetail> {
    return this.service.detail(user, slug);
  }
}
