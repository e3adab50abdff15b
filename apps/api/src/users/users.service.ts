import { Inject, Injectable } from '@nestjs/common';
import type { User } from '@oj/db';
import type { AdminUser, AdminUserListQuery, AdminUserListResponse, AdminUserUpdateRequest } from '@oj/shared';
import type { AuthUser } from '../auth/auth-user.ts';
import { DomainError, notFound } from '../common/errors.ts';
import { UserRepository } from './user.repository.ts';

function toAdminUser(user: User): AdminUser {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
  };
}

@Injectable()
export class UsersService {
  constructor(@Inject(UserRepository) private readonly users: UserRepository) {}

  async list(query: AdminUserListQuery): Promise<AdminUserListResponse> {
    const { users, total } = await this.users.list({
      search: query.search,
      role: query.role,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: users.map(toAdminUser), total, page: query.page, pageSize: query.pageSize };
  }

  async update(admin: AuthUser, userId: number, patch: AdminUserUpdateRequest): Promise<AdminUser> {
    // An admin who demoted or disabled themselves could leave nobody able to undo it.
    if (userId === admin.id && (patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin'))) {
      throw new DomainError('CONFLICT', 'admins cannot demote or disable themselves');
    }
    if (!(await this.users.findById(userId))) throw notFound('user');
    return toAdminUser(await this.users.update(userId, patch));
  }
}
