import { Inject, Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient, Role, User } from '@oj/db';
import { PRISMA } from '../infra/database.module.ts';

export interface UserListFilter {
  search?: string | undefined;
  role?: Role | undefined;
  skip: number;
  take: number;
}

@Injectable()
export class UserRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  create(data: { username: string; passwordHash: string; role?: Role }): Promise<User> {
    return this.prisma.user.create({ data });
  }

  findByUsername(username: string): Promise<User | null> {
    return this.prisma.user.findUnique({ where: { username } });
  }

  findById(id: number): Promise<User | null> {
    return this.prisma.user.findUnique({ where: { id } });
  }

  async list(filter: UserListFilter): Promise<{ users: User[]; total: number }> {
    const where: Prisma.UserWhereInput = {
      ...(filter.search ? { username: { contains: filter.search.toLowerCase() } } : {}),
      ...(filter.role ? { role: filter.role } : {}),
    };
    const [users, total] = await this.prisma.$transaction([
      this.prisma.user.findMany({ where, orderBy: { id: 'asc' }, skip: filter.skip, take: filter.take }),
      this.prisma.user.count({ where }),
    ]);
    return { users, total };
  }

  /**
   * Sets a new password hash and ends every session of the user but `keptSessionTokenHash` (the caller's),
   * in one transaction; returns how many sessions ended.
   */
  updatePassword(id: number, passwordHash: string, keptSessionTokenHash: string): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id }, data: { passwordHash } });
      const { count } = await tx.session.deleteMany({
        where: { userId: id, tokenHash: { not: keptSessionTokenHash } },
      });
      return count;
    });
  }

  /** Changes role and/or disabled; disabling also ends every session of the user, in the same transaction. */
  update(id: number, patch: { role?: Role | undefined; disabled?: boolean | undefined }): Promise<User> {
    return this.prisma.$transaction(async (tx) => {
      const user = await tx.user.update({
        where: { id },
        data: {
          ...(patch.role !== undefined ? { role: patch.role } : {}),
          ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
        },
      });
      if (patch.disabled === true) await tx.session.deleteMany({ where: { userId: id } });
      return user;
    });
  }
}
