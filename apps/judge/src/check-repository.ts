import type { Prisma, PrismaClient, VersionCheckKind } from '@oj/db';

/** A verification check as a worker takes it. */
export interface CheckToRun {
  id: number;
  problemVersionId: number;
  kind: VersionCheckKind;
  position: number;
}

/** A check that is not finished long after its job was enqueued (or that was never enqueued). */
export interface OverdueCheck {
  id: number;
  kind: VersionCheckKind;
  attempts: number;
}

/** Every read and write of verification checks the judge makes. */
export class CheckRepository {
  private readonly prisma: PrismaClient;

  constructor(prisma: PrismaClient) {
    this.prisma = prisma;
  }

  /** Marks the check as running and returns it, in one statement; null when it is finished or gone. */
  async take(checkId: number): Promise<CheckToRun | null> {
    const [taken] = await this.prisma.versionCheck.updateManyAndReturn({
      where: { id: checkId, status: { not: 'finished' } },
      data: { status: 'running' },
      select: { id: true, problemVersionId: true, kind: true, position: true },
    });
    return taken ?? null;
  }

  /** Stores the check's result unless it is finished already (a second worker's late result is dropped). */
  async finish(checkId: number, result: Prisma.InputJsonValue): Promise<boolean> {
    const { count } = await this.prisma.versionCheck.updateMany({
      where: { id: checkId, status: { not: 'finished' } },
      data: { status: 'finished', result, finishedAt: new Date() },
    });
    return count === 1;
  }

  /** The oldest checks that are not finished and were enqueued before `enqueuedBefore` (or never). */
  findOverdue(enqueuedBefore: Date, take: number): Promise<OverdueCheck[]> {
    return this.prisma.versionCheck.findMany({
      where: {
        status: { not: 'finished' },
        OR: [{ enqueuedAt: null }, { enqueuedAt: { lt: enqueuedBefore } }],
      },
      orderBy: { id: 'asc' },
      take,
      select: { id: true, kind: true, attempts: true },
    });
  }

  /** Records an enqueue (attempts counts it), which restarts the check's deadline. */
  async recordEnqueued(checkId: number, attempts: number): Promise<void> {
    await this.prisma.versionCheck.update({ where: { id: checkId }, data: { attempts, enqueuedAt: new Date() } });
  }
}
