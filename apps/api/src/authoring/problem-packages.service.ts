import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import {
  ArchiveError,
  ByteLimit,
  DEFAULT_ARCHIVE_LIMITS,
  importAnyZip,
  PackageError,
  unpackTestsZip,
} from '@oj/judge-core/package';
import type { PackageImportResponse, VersionSavedResponse } from '@oj/shared';
import type { AuthUser } from '../auth/auth-user.ts';
import { DomainError } from '../common/errors.ts';
import { AuthoringService } from './authoring.service.ts';

/** The largest package zip the API takes (the archive layer's own limit, so both say the same). */
export const MAX_PACKAGE_ZIP_BYTES = DEFAULT_ARCHIVE_LIMITS.maxCompressedBytes;

function tooLarge(): DomainError {
  return new DomainError(
    'PAYLOAD_TOO_LARGE',
    `a package zip may be at most ${MAX_PACKAGE_ZIP_BYTES / (1024 * 1024)} MiB`,
  );
}

export interface PackageUpload {
  body: Readable;
  contentType: string | undefined;
  contentLength: number | undefined;
}

function checkZipUpload(upload: PackageUpload): void {
  const type = upload.contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/zip' && type !== 'application/x-zip-compressed') {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'send the zip with Content-Type: application/zip');
  }
  if (upload.contentLength !== undefined && upload.contentLength > MAX_PACKAGE_ZIP_BYTES) throw tooLarge();
}

/** Streams the request body into `scratch`/upload.zip under the size cap; never whole in memory. */
async function receiveZip(upload: PackageUpload, scratch: string): Promise<string> {
  const zipFile = path.join(scratch, 'upload.zip');
  await pipeline(
    upload.body,
    new ByteLimit({ remaining: MAX_PACKAGE_ZIP_BYTES }, tooLarge),
    createWriteStream(zipFile),
  ).catch((error: unknown) => {
    throw error instanceof DomainError
      ? error
      : new DomainError('VALIDATION_FAILED', 'the upload was cut off before its end');
  });
  return zipFile;
}

function refused(error: unknown, what: string): never {
  if (error instanceof ArchiveError || error instanceof PackageError) {
    throw new DomainError('VALIDATION_FAILED', what, { problems: error.problems, internalMessage: error.message });
  }
  throw error;
}

/** Setters' problem packages: a zip in, a new immutable version of its problem out. */
@Injectable()
export class ProblemPackagesService {
  constructor(@Inject(AuthoringService) private readonly authoring: AuthoringService) {}

  /**
   * Streams the zip to a temporary file (never whole in memory), unpacks it with the archive layer's limits,
   * loads the package (ours, or every problem of a Hydro export) and stores each as AuthoringService.store does
   * (drafts, authors, verification), with the notes of what a foreign package could not carry over.
   */
  async upload(user: AuthUser, upload: PackageUpload): Promise<PackageImportResponse> {
    checkZipUpload(upload);
    await this.authoring.countSave(user);

    const scratch = await mkdtemp(path.join(tmpdir(), 'oj-upload-'));
    try {
      const zipFile = await receiveZip(upload, scratch);
      const imported = await importAnyZip(zipFile, path.join(scratch, 'packages')).catch((error: unknown) =>
        refused(error, 'the package is refused'),
      );
      // Every problem of the zip is checked before any is stored: one the uploader may not change stops them all.
      const existing = await Promise.all(
        imported.packages.map(({ problem }) => this.authoring.findProblem(problem.manifest.slug)),
      );
      this.authoring.checkMayStore(user, existing);
      const problems: PackageImportResponse['problems'] = [];
      for (const [index, { problem, notes }] of imported.packages.entries()) {
        problems.push({ ...(await this.authoring.store(user, problem, existing[index] ?? null)), notes });
      }
      return { format: imported.format, problems };
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  /** A zip of tests alone replaces the tests of version `base` of the problem (see AuthoringService.replaceTests). */
  async uploadTests(user: AuthUser, slug: string, base: number, upload: PackageUpload): Promise<VersionSavedResponse> {
    checkZipUpload(upload);
    await this.authoring.countSave(user);
    const scratch = await mkdtemp(path.join(tmpdir(), 'oj-upload-'));
    try {
      const zipFile = await receiveZip(upload, scratch);
      const testsDir = path.join(scratch, 'tests');
      const files = await unpackTestsZip(zipFile, testsDir).catch((error: unknown) =>
        refused(error, 'the tests zip is refused'),
      );
      const { tests: _tests, ...saved } = await this.authoring.replaceTests(user, slug, base, testsDir, files);
      return saved;
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
}
