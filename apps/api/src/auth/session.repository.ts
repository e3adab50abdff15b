import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient, Role } from '@oj/db';
import { PRISMA } from '../infra/database.module.ts';

export interface SessionOwner {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
}

@Injectable()
export class SessionRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async create(data: { tokenHash: string; userId: number; expiresAt: Date }): Promise<void> {
    await this.prisma.session.create({ data });
  }

  /** The user of an unexpired session, or null. */
  async findOwner(tokenHash: string, now: Date): Promise<SessionOwner | null> {
    const session = await this.prisma.session.findUnique({
      where: { tokenHash },
      select: { expiresAt: true, user: { select: { id: true, username: true, role: true, disabled: true } } },
    });
    if (!session || session.expiresAt <= now) return null;
    return session.user;
  }

  async delete(tokenHash: string): Promise<void> {
    await this.prisma.session.deleteMany({ where: { tokenHash } });
  }

  /** Ends every session of the user but the one kept; returns how many ended. */
  async deleteOthers(userId: number, keptTokenHash: string): Promise<number> {
    const { count } = await this.prisma.session.deleteMany({ where: { userId, tokenHash: { not: keptTokenHash } } });
    return count;
  }

  async deleteExpired(now: Date): Promise<number> {
    const { count } = await this.prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
    return count;
  }
}
