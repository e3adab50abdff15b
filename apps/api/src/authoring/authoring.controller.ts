import { pipeline } from 'node:stream/promises';
import { Controller, Get, Inject, Post, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  authoredProblemDetailSchema,
  authoredProblemListResponseSchema,
  authorsRequestSchema,
  authorsResponseSchema,
  packageFilePathSchema,
  packageImportResponseSchema,
  problemSlugSchema,
  publishRequestSchema,
  publishResponseSchema,
  rejudgeListResponseSchema,
  rejudgeSchema,
  verificationSchema,
  versionDetailSchema,
  versionEditRequestSchema,
  versionSavedResponseSchema,
  type AuthoredProblemDetail,
  type AuthoredProblemListResponse,
  type AuthorsRequest,
  type AuthorsResponse,
  type PackageImportResponse,
  type PublishRequest,
  type PublishResponse,
  type Rejudge,
  type RejudgeListResponse,
  type Verification,
  type VersionDetail,
  type VersionEditRequest,
  type VersionSavedResponse,
} from '@oj/shared';
import { z } from 'zod';
import type { AuthUser } from '../auth/auth-user.ts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator.ts';
import { Endpoint } from '../common/endpoint.ts';
import { idParamSchema } from '../common/params.ts';
import { ValidBody, ValidParam, ValidQuery } from '../common/validation.ts';
import { AuthoringService } from './authoring.service.ts';
import { MAX_PACKAGE_ZIP_BYTES, ProblemPackagesService } from './problem-packages.service.ts';

const fileQuerySchema = z.strictObject({ path: packageFilePathSchema.or(z.literal('problem.yaml')) });
const testsQuerySchema = z.strictObject({ base: idParamSchema });

function uploadOf(request: Request) {
  const length = Number(request.headers['content-length']);
  return {
    body: request,
    contentType: request.headers['content-type'],
    contentLength: Number.isFinite(length) ? length : undefined,
  };
}

/** The zip upload keeps its place among the problem routes. */
@Controller('problems')
export class PackageUploadController {
  constructor(@Inject(ProblemPackagesService) private readonly packages: ProblemPackagesService) {}

  @Post('packages')
  @Authenticated({ role: 'setter' })
  @Endpoint({
    summary: 'Upload a problem package zip (setters, admins)',
    description:
      `The body is the zip itself (Content-Type: application/zip, at most ${MAX_PACKAGE_ZIP_BYTES / (1024 * 1024)} MiB), ` +
      'in the oj package format, as `oj export` writes it. A new slug becomes a private draft of the uploader; ' +
      'an existing problem takes a new version from its authors or an admin, and the version is verified through the judge queue. ' +
      'A refused zip or broken package is 400 with every reason in error.problems, and changes nothing.',
    response: packageImportResponseSchema,
    status: 201,
    tags: ['setters'],
  })
  uploadPackage(@CurrentUser() user: AuthUser, @Req() request: Request): Promise<PackageImportResponse> {
    return this.packages.upload(user, uploadOf(request));
  }
}

/** Problems as their authors work on them: every route needs a setter who may edit the problem (or an admin). */
@Controller('setter/problems')
@Authenticated({ role: 'setter' })
export class AuthoringController {
  constructor(
    @Inject(AuthoringService) private readonly service: AuthoringService,
    @Inject(ProblemPackagesService) private readonly packages: ProblemPackagesService,
  ) {}

  @Get()
  @Endpoint({
    summary: 'The problems the caller may edit (all, for admins)',
    response: authoredProblemListResponseSchema,
    tags: ['setters'],
  })
  list(@CurrentUser() user: AuthUser): Promise<AuthoredProblemListResponse> {
    return this.service.list(user);
  }

  @Get(':slug')
  @Endpoint({
    summary: 'One problem with its versions',
    description: 'A problem the caller may not edit is 404, drafts included.',
    response: authoredProblemDetailSchema,
    tags: ['setters'],
  })
  detail(
    @CurrentUser() user: AuthUser,
    @ValidParam('slug', problemSlugSchema) slug: string,
  ): Promise<AuthoredProblemDetail> {
    return this.service.detail(user, slug);
  }

  @Post(':slug/versions')
  @Endpoint({
    summary: 'Save a new version: the manifest and the changed files (base: null creates the problem)',
    description:
      'The result is loaded exactly as an uploaded package: every reason it is broken comes in error.problems (400). ' +
      'base must be the newest version (409 otherwise). The new version is verified through the judge queue.',
    response: versionSavedResponseSchema,
    status: 201,
    tags: ['setters'],
  })
  async save(
    @CurrentUser() user: AuthUser,
    @ValidParam('slug', problemSlugSchema) slug: string,
    @ValidBody(versionEditRequestSchema) edit: VersionEditRequest,
  ): Promise<VersionSavedResponse> {
    const { tests: _tests, ...saved } = await this.service.saveVersion(user, slug, edit);
    return saved;
  }

  @Post(':slug/tests')
  @Endpoint({
    summary: 'Replace the tests of version `base` with a zip of tests (NN.in + NN.out, or NN.json)',
    description:
      `The body is the zip itself (Content-Type: application/zip, at most ${MAX_PACKAGE_ZIP_BYTES / (1024 * 1024)} MiB). ` +
      'A lone subtask then holds every test; samples that still exist stay (else the first test is the sample). ' +
      'base must be the newest version (409 otherwise); anything in the zip that is not a test file is 400, each named.',
    response: versionSavedResponseSchema,
    status: 201,
    tags: ['setters'],
  })
  uploadTests(
    @CurrentUser() user: AuthUser,
    @ValidParam('slug', problemSlugSchema) slug: string,
    @ValidQuery(testsQuerySchema) query: z.infer<typeof testsQuerySchema>,
    @Req() request: Request,
  ): Promise<VersionSavedResponse> {
    return this.packages.uploadTests(user, slug, query.base, uploadOf(request));
  }

  @Get(':slug/versions/:number')
  @Endpoint({ summary: 'A version: its manifest and files', response: versionDetailSchema, tags: ['setters'] })
  version(
    @CurrentUser() user: AuthUser,
    @ValidParam('slug', problemSlugSchema) slug: string,
    @ValidParam('number', idParamSchema) number: number,
  ): Promise<VersionDetail> {
    return this.service.version(user, slug, number);
  }

  @Get(':slug/versions/:number/file')
  @Endpoint({
    summary: 'One file of a version, as it is (?path=tests/07.in)',
    contentType: 'application/octet-stream',
    tags: ['setters'],
  })
  async file(
    @CurrentUser() user: AuthUser,
    @ValidParam('slug', problemSlugSchema) slug: string,
    @ValidParam('number', idParamSchema) number: number,
    @ValidQuery(fileQuerySchema) query: z.infer<typeof fileQuerySchema>,
    @Res() response: Response,
  ): Promise<void> {
    const bytes = await this.service.file(user, slug, number, query.path);
    // Never rendered by the browser as a page: setter-supplied bytes stay data.
    response
      .status(200)
      .type('application/octet-stream')
      .setHeader('Content-Disposition', 'attachment')
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(Buffer.from(bytes));
  }

  @Get(':slug/versions/:number/verification')
  @Endpoint({
    summary: 'The reference-solution table of a version, and whether it is sound',
    response: verificationSchema,
    tags: ['setters'],
  })
  verification(
    @CurrentUser() user: AuthUser,
    @ValidParam('slug', problemSlugSchema) slug: string,
    @ValidParam('number', idParamSchema) number: number,
  ): Promise<Verification> {
    return this.service.verification(user, slug, number);
  }

  @Get(':slug/versions/:number/export')
  @Endpoint({
    summary: 'A version as a zip in the oj package format (importing it back gives the same files)',
    contentType: 'application/zip',
    tags: ['setters'],
  })
  async exportZip(
    @CurrentUser() user: AuthUser,
    @ValidParam('slug', problemSlugSchema) slug: string,
    @ValidParam('number', idParamSchema) number: number,
    @Res() response: Response,
  ): Promise<void> {
    const zip = await this.service.exportZip(user, slug, number);
    try {
      response
        .status(200)
        .type('application/zip')
        .setHeader('Content-Disposition', `attachment; filename="${zip.fileName}"`);
      await pipeline(zip.stream, response);
    } finally {
      await zip.done();
    }
  }

  @Post(':slug/versions/:number/publish')
  @Endpoint({
    summary: 'Publish a sound version: it becomes current, and the problem public or contest-only',
    description: 'A version that is not sound (or still being verified) is 409 with the reasons.',
    response: publishResponseSchema,
    status: 201,
    tags: ['setters'],
  })
  publish(
    @CurrentUser() user: AuthUser,
    @ValidParam('slug', problemSlugSchema) slug: string,
    @ValidParam('number', idParamSchema) number: number,
    @ValidBody(publishRequestSchema) body: PublishRequest,
  ): Promise<PublishResponse> {
    return this.service.publish(user, slug, number, body.visibility);
  }

  @Post(':slug/rejudges')
  @Endpoint({
    summary: 'Rejudge every finished submission of the problem on its current version',
    description: "Queued below every learner's submission; poll the rejudge for its progress and the changed verdicts.",
    response: rejudgeSchema,
    status: 201,
    tags: ['setters'],
  })
  startRejudge(@CurrentUser() user: AuthUser, @ValidParam('slug', problemSlugSchema) slug: string): Promise<Rejudge> {
    return this.service.startRejudge(user, slug);
  }

  @Get(':slug/rejudges')
  @Endpoint({ summary: "The problem's last rejudges", response: rejudgeListResponseSchema, tags: ['setters'] })
  rejudges(
    @CurrentUser() user: AuthUser,
    @ValidParam('slug', problemSlugSchema) slug: string,
  ): Promise<RejudgeListResponse> {
    return this.service.rejudges(user, slug);
  }

  @Get(':slug/rejudges/:id')
  @Endpoint({ summary: 'A rejudge: progress and changed verdicts', response: rejudgeSchema, tags: ['setters'] })
  rejudge(
    @CurrentUser() user: AuthUser,
    @ValidParam('slug', problemSlugSchema) slug: string,
    @ValidParam('id', idParamSchema) id: number,
  ): Promise<Rejudge> {
    return this.service.rejudge(user, slug, id);
  }

  @Put(':slug/authors')
  @Endpoint({
    summary: 'Choose the co-authors (the owner or an admin)',
    response: authorsResponseSchema,
    tags: ['setters'],
  })
  setAuthors(
    @CurrentUser() user: AuthUser,
    @ValidParam('slug', problemSlugSchema) slug: string,
    @ValidBody(authorsRequestSchema) body: AuthorsRequest,
  ): Promise<AuthorsResponse> {
    return this.service.setAuthors(user, slug, body.usernames);
  }
}
