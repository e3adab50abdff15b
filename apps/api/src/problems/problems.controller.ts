import { Controller, Get, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import {
  packageUploadResponseSchema,
  problemDetailSchema,
  problemListQuerySchema,
  problemListResponseSchema,
  problemSlugSchema,
  type PackageUploadResponse,
  type ProblemDetail,
  type ProblemListQuery,
  type ProblemListResponse,
} from '@oj/shared';
import type { AuthUser } from '../auth/auth-user.ts';
import { Authenticated, CurrentUser, OptionalUser } from '../auth/authenticated.decorator.ts';
import { Endpoint } from '../common/endpoint.ts';
import { ValidParam, ValidQuery } from '../common/validation.ts';
import { MAX_PACKAGE_ZIP_BYTES, ProblemPackagesService } from './problem-packages.service.ts';
import { ProblemsService } from './problems.service.ts';

@Controller('problems')
export class ProblemsController {
  constructor(
    @Inject(ProblemsService) private readonly service: ProblemsService,
    @Inject(ProblemPackagesService) private readonly packages: ProblemPackagesService,
  ) {}

  @Post('packages')
  @Authenticated({ role: 'setter' })
  @Endpoint({
    summary: 'Upload a problem package zip (setters, admins)',
    description:
      `The body is the zip itself (Content-Type: application/zip, at most ${MAX_PACKAGE_ZIP_BYTES / (1024 * 1024)} MiB), ` +
      'in the oj package format, as `oj export` writes it. A new slug becomes a private draft of the uploader; ' +
      'an existing problem takes a new version from its owner or an admin. A refused zip or broken package is 400 with every reason in error.problems, and changes nothing.',
    response: packageUploadResponseSchema,
    status: 201,
    tags: ['problems'],
  })
  uploadPackage(@CurrentUser() user: AuthUser, @Req() request: Request): Promise<PackageUploadResponse> {
    const length = Number(request.headers['content-length']);
    return this.packages.upload(user, {
      body: request,
      contentType: request.headers['content-type'],
      contentLength: Number.isFinite(length) ? length : undefined,
    });
  }

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
