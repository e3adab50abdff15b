import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { enqueueJudgeJob, enqueueVerifyJob, type JudgeQueue } from '@oj/queue';
import { exportPackageZip, loadProblemPackage, PackageError, type ProblemPackage } from '@oj/judge-core/package';
import {
  MAX_EDITED_FILE_BYTES,
  problemManifestSchema,
  type AuthoredProblem,
  type AuthoredProblemDetail,
  type AuthoredProblemListResponse,
  type AuthorsResponse,
  type PublishRequest,
  type PublishResponse,
  type Rejudge,
  type RejudgeListResponse,
  type VersionDetail,
  type VersionEditRequest,
  type VersionSavedResponse,
  type Verification,
} from '@oj/shared';
import { stringify as toYaml } from 'yaml';
import { mayEditProblem, mayManageAuthors } from '../access/access-policy.ts';
import { hasRole, type AuthUser } from '../auth/auth-user.ts';
import { DomainError, notFound } from '../common/errors.ts';
import { withTimeout } from '../common/timeout.ts';
import { APP_CONFIG } from '../config/config.module.ts';
import type { AppConfig } from '../config/config.ts';
import { ProgressHub } from '../infra/progress-hub.ts';
import { RateLimiter } from '../infra/rate-limiter.ts';
import { JUDGE_QUEUE } from '../infra/queues.module.ts';
import {
  AuthoringRepository,
  type AuthoredProblemRow,
  type RejudgeRow,
  type VersionRow,
} from './authoring.repository.ts';
import { manifestForTests, testIdsOf } from './tests-replacement.ts';
import { verificationOf, verificationSummary } from './verification.ts';

/** BullMQ waits for Redis to come back; a request does not. The reconciler enqueues what this misses. */
const ENQUEUE_TIMEOUT_MS = 3000;

function authorshipOf(problem: AuthoredProblemRow) {
  return { ownerId: problem.ownerId, authorIds: problem.authors.map((author) => author.id) };
}

function textOf(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}

/** Where a zip or an edit ends: a loaded package, stored as the next version of its problem. */
export interface StoredVersion extends VersionSavedResponse {
  tests: number;
}

/** The setters' side of problems: versions made in the browser or from zips, verification, publishing, rejudges, co-authors. */
@Injectable()
export class AuthoringService {
  private readonly logger = new Logger(AuthoringService.name);

  constructor(
    @Inject(AuthoringRepository) private readonly repository: AuthoringRepository,
    @Inject(JUDGE_QUEUE) private readonly queue: JudgeQueue,
    @Inject(ProgressHub) private readonly progress: ProgressHub,
    @Inject(RateLimiter) private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one saved version or uploaded zip of the setter (each is stored, then verified by the judges). */
  async countSave(user: AuthUser): Promise<void> {
    await this.rateLimiter.hit({
      key: `package-save:${user.id}`,
      limit: this.config.rateLimits.packageSavesPerMinute,
      windowSeconds: 60,
      what: 'saved versions',
    });
  }

  async list(user: AuthUser): Promise<AuthoredProblemListResponse> {
    const rows = await this.repository.listEditable(user.id, hasRole(user, 'admin'));
    return { items: rows.map((row) => this.toAuthored(user, row)) };
  }

  async detail(user: AuthUser, slug: string): Promise<AuthoredProblemDetail> {
    const problem = await this.editable(user, slug);
    const versions = await this.repository.listVersions(problem.id);
    return {
      ...this.toAuthored(user, problem),
      versions: versions.map((version) => ({
        number: version.number,
        createdAt: version.createdAt.toISOString(),
        uploadedBy: version.uploadedBy,
        current: version.id === problem.currentVersionId,
        verification: verificationSummary(version.manifest, version.checks),
      })),
    };
  }

  async version(user: AuthUser, slug: string, number: number): Promise<VersionDetail> {
    const { problem, version } = await this.editableVersion(user, slug, number);
    const files = await this.repository.listFiles(version.id);
    return {
      slug: problem.slug,
      number: version.number,
      current: version.id === problem.currentVersionId,
      manifest: version.manifest as Record<string, unknown>,
      files: files
        .filter((file) => file.path !== 'problem.yaml')
        .map((file) => ({
          path: file.path,
          sizeBytes: file.sizeBytes,
          preview: textOf(file.preview),
          text: file.bytes === null ? null : textOf(file.bytes),
        })),
    };
  }

  async file(user: AuthUser, slug: string, number: number, file: string): Promise<Uint8Array> {
    const { version } = await this.editableVersion(user, slug, number);
    const bytes = await this.repository.readFile(version.id, file);
    if (!bytes) throw notFound('file');
    return bytes;
  }

  async verification(user: AuthUser, slug: string, number: number): Promise<Verification> {
    const { version } = await this.editableVersion(user, slug, number);
    return verificationOf(version.manifest, version.checks, version.createdAt);
  }

  /**
   * A new version from `base` with the manifest replaced and the files changed, loaded and validated exactly
   * as an uploaded package is (every reason it is broken in one 400), then stored and verified.
   */
  async saveVersion(user: AuthUser, slug: string, edit: VersionEditRequest): Promise<StoredVersion> {
    await this.countSave(user);
    const existing = await this.repository.findProblem(slug);
    if (edit.base === null && existing) throw new DomainError('CONFLICT', `a problem named ${slug} exists already`);
    if (edit.base !== null && !existing) throw notFound('problem');
    if (existing) this.checkBase(user, existing, edit.base);
    if (edit.manifest['slug'] !== slug) {
      throw new DomainError('VALIDATION_FAILED', `the manifest's slug must be ${slug}`, {
        fields: { 'manifest.slug': `must be ${slug}` },
      });
    }
    const paths = new Set<string>();
    for (const change of edit.files) {
      if (paths.has(change.path)) {
        throw new DomainError('VALIDATION_FAILED', `${change.path} is changed twice`, {
          fields: { files: 'duplicate path' },
        });
      }
      paths.add(change.path);
      if ('content' in change && Buffer.byteLength(change.content) > MAX_EDITED_FILE_BYTES) {
        throw new DomainError(
          'PAYLOAD_TOO_LARGE',
          `${change.path} is larger than ${MAX_EDITED_FILE_BYTES / (1024 * 1024)} MiB: upload big test data as a zip`,
        );
      }
    }

    return this.deriveVersion(user, existing, edit.base, async (dir) => {
      const missing: string[] = [];
      for (const change of edit.files) {
        const target = path.join(dir, ...change.path.split('/'));
        if ('delete' in change) {
          if (
            !(await stat(target).then(
              (found) => found.isFile(),
              () => false,
            ))
          )
            missing.push(change.path);
          else await rm(target);
          continue;
        }
        await mkdir(path.dirname(target), { recursive: true });
        // A file where the path needs a folder (or the reverse) is the package loader's to report.
        await writeFile(target, change.content).catch((error: Error) =>
          missing.push(`${change.path}: ${error.message}`),
        );
      }
      if (missing.length > 0) {
        throw new DomainError('VALIDATION_FAILED', 'some changed files do not fit the package', {
          problems: missing.map((file) => `${file}: no such file to delete, or it cannot be written`),
        });
      }
      return edit.manifest;
    });
  }

  /**
   * A new version from `base` whose tests are the files in `testsDir` (an unpacked zip of tests), the manifest
   * fitted to them (manifestForTests).
   */
  async replaceTests(
    user: AuthUser,
    slug: string,
    base: number,
    testsDir: string,
    files: string[],
  ): Promise<StoredVersion> {
    const existing = await this.repository.findProblem(slug);
    if (!existing) throw notFound('problem');
    this.checkBase(user, existing, base);
    return this.deriveVersion(user, existing, base, async (dir, baseManifest) => {
      await rm(path.join(dir, 'tests'), { recursive: true, force: true });
      await mkdir(path.join(dir, 'tests'));
      for (const file of files) await rename(path.join(testsDir, file), path.join(dir, 'tests', file));
      return manifestForTests(baseManifest ?? {}, testIdsOf(files));
    });
  }

  /** An existing problem takes a new version from its authors, on top of its newest version only. */
  private checkBase(user: AuthUser, existing: AuthoredProblemRow, base: number | null): void {
    if (!mayEditProblem(user, authorshipOf(existing))) {
      throw new DomainError('FORBIDDEN', `you are not an author of ${existing.slug}`);
    }
    if (base !== existing.latestVersion) {
      throw new DomainError(
        'CONFLICT',
        `version ${existing.latestVersion} was saved after version ${base}: reload it and make your change again`,
      );
    }
  }

  /**
   * Writes the files of version `base` (none for a new problem) into a scratch folder, lets `change` edit them
   * and return the manifest, then loads the result exactly as an uploaded package (every reason it is broken in
   * one 400) and stores it.
   */
  private async deriveVersion(
    user: AuthUser,
    existing: AuthoredProblemRow | null,
    base: number | null,
    change: (dir: string, baseManifest: Record<string, unknown> | null) => Promise<Record<string, unknown>>,
  ): Promise<StoredVersion> {
    const scratch = await mkdtemp(path.join(tmpdir(), 'oj-edit-'));
    try {
      const dir = path.join(scratch, 'package');
      await mkdir(dir);
      let baseManifest: Record<string, unknown> | null = null;
      if (existing && base !== null) {
        const version = await this.repository.findVersion(existing.id, base);
        if (!version || (await this.repository.writeFiles(version.id, dir)) === 0) {
          throw new DomainError(
            'CONFLICT',
            `version ${base} was stored before package files were kept: upload the problem as a zip once`,
          );
        }
        baseManifest = version.manifest as Record<string, unknown>;
      }
      const manifest = await change(dir, baseManifest);
      await writeFile(path.join(dir, 'problem.yaml'), toYaml(manifest));
      const pkg = await loadProblemPackage(dir).catch((error: unknown) => {
        if (error instanceof PackageError) {
          throw new DomainError('VALIDATION_FAILED', 'the problem is not valid yet', { problems: error.problems });
        }
        throw error;
      });
      return await this.store(user, pkg, existing);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  /**
   * Stores a loaded package as the next version of its problem and starts its verification. A new slug
   * becomes the caller's private draft; an existing problem takes a version only from its authors and admins;
   * learners see the version at once only while the problem is a draft (a public one waits to be published).
   */
  async store(user: AuthUser, pkg: ProblemPackage, existing: AuthoredProblemRow | null): Promise<StoredVersion> {
    this.checkMayStore(user, [existing]);
    const makeCurrent = existing === null || existing.visibility === 'private';
    const stored = await this.repository.storePackage(pkg, { userId: user.id, create: existing === null, makeCurrent });
    if (stored.created) await this.enqueueChecks(stored.versionId);
    return {
      slug: pkg.manifest.slug,
      versionNumber: stored.versionNumber,
      created: stored.created,
      current: stored.current,
      tests: pkg.testIds.length,
    };
  }

  /** Refuses the whole upload when any problem in it exists and the caller may not edit it. */
  checkMayStore(user: AuthUser, existing: (AuthoredProblemRow | null)[]): void {
    const taken = existing.filter((problem) => problem && !mayEditProblem(user, authorshipOf(problem)));
    if (taken.length > 0) {
      throw new DomainError(
        'FORBIDDEN',
        `${taken.map((problem) => `the problem ${problem!.slug}`).join(', ')} belongs to someone else`,
      );
    }
  }

  async findProblem(slug: string): Promise<AuthoredProblemRow | null> {
    return this.repository.findProblem(slug);
  }

  /** Streams the version as a zip in our package format (exactly the files it was made from); `done` cleans up. */
  async exportZip(
    user: AuthUser,
    slug: string,
    number: number,
  ): Promise<{ stream: Readable; fileName: string; done: () => Promise<void> }> {
    const { version } = await this.editableVersion(user, slug, number);
    const scratch = await mkdtemp(path.join(tmpdir(), 'oj-export-'));
    const done = () => rm(scratch, { recursive: true, force: true });
    try {
      const dir = path.join(scratch, 'package');
      await mkdir(dir);
      if ((await this.repository.writeFiles(version.id, dir)) === 0) {
        throw new DomainError('CONFLICT', `version ${number} was stored before package files were kept`);
      }
      const zipFile = path.join(scratch, 'package.zip');
      await exportPackageZip(dir, zipFile);
      return { stream: createReadStream(zipFile), fileName: `${slug}-v${number}.zip`, done };
    } catch (error) {
      await done();
      throw error;
    }
  }

  async publish(
    user: AuthUser,
    slug: string,
    number: number,
    visibility: PublishRequest['visibility'],
  ): Promise<PublishResponse> {
    const { problem, version } = await this.editableVersion(user, slug, number);
    const verification = verificationOf(version.manifest, version.checks, version.createdAt);
    if (verification.sound !== true) {
      const why = verification.sound === null ? 'its verification is still running' : verification.reasons.join('; ');
      throw new DomainError('CONFLICT', `only a sound version can be published: ${why}`);
    }
    const manifest = problemManifestSchema.parse(version.manifest);
    await this.repository.publish(problem.id, version.id, visibility, {
      title: manifest.title,
      difficulty: manifest.difficulty,
      tags: manifest.tags,
    });
    this.logger.log({ slug, version: number, visibility, by: user.id }, 'published');
    return { slug, versionNumber: number, visibility };
  }

  /** Rejudges every finished submission of the problem on its current version, below learners' submissions. */
  async startRejudge(user: AuthUser, slug: string): Promise<Rejudge> {
    const problem = await this.editable(user, slug);
    if (problem.currentVersionId === null) throw new DomainError('CONFLICT', `${slug} has no current version`);
    // One at a time per problem: a second one would only judge the same submissions again.
    const [latest] = await this.repository.listRejudges(problem.id, { take: 1 });
    if (latest) {
      const running = toRejudge(latest);
      if (running.done < running.total) {
        throw new DomainError(
          'CONFLICT',
          `rejudge ${running.id} is still running (${running.done} of ${running.total} done)`,
        );
      }
    }
    const { id, submissions } = await this.repository.startRejudge(problem.id, problem.currentVersionId, user.id);
    this.logger.log({ slug, rejudgeId: id, submissions: submissions.length, by: user.id }, 'rejudge started');
    for (const submission of submissions) {
      try {
        await this.progress.forget(submission.id);
        await withTimeout(enqueueJudgeJob(this.queue, submission, 'rejudge'), ENQUEUE_TIMEOUT_MS, 'enqueue');
      } catch (error) {
        this.logger.warn(
          { err: error, submissionId: submission.id },
          'rejudge enqueue failed; the reconciler will retry',
        );
      }
    }
    return this.rejudge(user, slug, id);
  }

  async rejudges(user: AuthUser, slug: string): Promise<RejudgeListResponse> {
    const problem = await this.editable(user, slug);
    const rows = await this.repository.listRejudges(problem.id);
    return { items: rows.map(toRejudge) };
  }

  async rejudge(user: AuthUser, slug: string, id: number): Promise<Rejudge> {
    const problem = await this.editable(user, slug);
    const [row] = await this.repository.listRejudges(problem.id, { id });
    if (!row) throw notFound('rejudge');
    return toRejudge(row);
  }

  async setAuthors(user: AuthUser, slug: string, usernames: string[]): Promise<AuthorsResponse> {
    const problem = await this.repository.findProblem(slug);
    if (!problem) throw notFound('problem');
    if (!mayManageAuthors(user, authorshipOf(problem))) {
      throw new DomainError('FORBIDDEN', 'only the owner or an admin chooses the co-authors');
    }
    const wanted = [...new Set(usernames.map((name) => name.toLowerCase()))];
    const users = await this.repository.findUsers(wanted);
    const problems: string[] = [];
    for (const name of wanted) {
      const found = users.find((candidate) => candidate.username === name);
      if (!found) problems.push(`${name}: no such user`);
      else if (found.role === 'learner') problems.push(`${name}: only setters and admins can be co-authors`);
      else if (found.id === problem.ownerId) problems.push(`${name}: the owner is an author already`);
    }
    if (problems.length > 0) {
      throw new DomainError('VALIDATION_FAILED', 'some co-authors cannot be added', {
        problems,
        fields: { usernames: problems[0]! },
      });
    }
    await this.repository.replaceAuthors(
      problem.id,
      users.map((found) => found.id),
    );
    return { owner: problem.ownerName, authors: wanted.sort() };
  }

  private async enqueueChecks(versionId: number): Promise<void> {
    try {
      for (const check of await this.repository.markChecksEnqueued(versionId)) {
        await withTimeout(enqueueVerifyJob(this.queue, check), ENQUEUE_TIMEOUT_MS, 'enqueue');
      }
    } catch (error) {
      this.logger.warn({ err: error, versionId }, 'verification enqueue failed; the reconciler will retry');
    }
  }

  private async editable(user: AuthUser, slug: string): Promise<AuthoredProblemRow> {
    const problem = await this.repository.findProblem(slug);
    // Someone who may not edit it learns nothing of a draft, not even that it exists.
    if (!problem || !mayEditProblem(user, authorshipOf(problem))) throw notFound('problem');
    return problem;
  }

  private async editableVersion(
    user: AuthUser,
    slug: string,
    number: number,
  ): Promise<{ problem: AuthoredProblemRow; version: VersionRow }> {
    const problem = await this.editable(user, slug);
    const version = await this.repository.findVersion(problem.id, number);
    if (!version) throw notFound('version');
    return { problem, version };
  }

  private toAuthored(user: AuthUser, row: AuthoredProblemRow): AuthoredProblem {
    const authorship = authorshipOf(row);
    return {
      slug: row.slug,
      title: row.title,
      visibility: row.visibility === 'private' ? 'draft' : row.visibility,
      owner: row.ownerName,
      authors: row.authors.map((author) => author.username),
      canEdit: mayEditProblem(user, authorship),
      canManageAuthors: mayManageAuthors(user, authorship),
      currentVersion: row.currentVersionNumber,
      latestVersion: row.latestVersion,
    };
  }
}

function toRejudge(row: RejudgeRow): Rejudge {
  const done = row.items.filter(
    (item) =>
      item.judgeGeneration > item.generation ||
      (item.judgeGeneration === item.generation && item.status === 'FINISHED'),
  );
  return {
    id: row.id,
    versionNumber: row.versionNumber,
    createdAt: row.createdAt.toISOString(),
    total: row.items.length,
    done: done.length,
    changed: done
      .filter(
        (item) =>
          item.judgeGeneration === item.generation &&
          (item.verdict !== item.beforeVerdict || item.score !== item.beforeScore),
      )
      .map((item) => ({
        submissionId: item.submissionId,
        username: item.username,
        before: { verdict: item.beforeVerdict, score: item.beforeScore },
        after: { verdict: item.verdict, score: item.score },
      })),
  };
}
