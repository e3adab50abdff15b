import { Controller, Get, Inject, Patch } from '@nestjs/common';
import {
  adminUserListQuerySchema,
  adminUserListResponseSchema,
  adminUserSchema,
  adminUserUpdateRequestSchema,
  type AdminUser,
  type AdminUserListQuery,
  type AdminUserListResponse,
  type AdminUserUpdateRequest,
} from '@oj/shared';
import type { AuthUser } from '../auth/auth-user.ts';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator.ts';
import { Endpoint } from '../common/endpoint.ts';
import { idParamSchema } from '../common/params.ts';
import { ValidBody, ValidParam, ValidQuery } from '../common/validation.ts';
import { UsersService } from './users.service.ts';

@Controller('admin/users')
@Authenticated({ role: 'admin' })
export class AdminUsersController {
  constructor(@Inject(UsersService) private readonly service: UsersService) {}

  @Get()
  @Endpoint({ summary: 'List users (admins)', response: adminUserListResponseSchema, tags: ['admin'] })
  list(@ValidQuery(adminUserListQuerySchema) query: AdminUserListQuery): Promise<AdminUserListResponse> {
    return this.service.list(query);
  }

  @Patch(':id')
  @Endpoint({
    summary: "Change a user's role or disable them (admins)",
    description: 'Disabling a user ends their sessions at once.',
    response: adminUserSchema,
    tags: ['admin'],
  })
  update(
    @CurrentUser() admin: AuthUser,
    @ValidParam('id', idParamSchema) id: number,
    @ValidBody(adminUserUpdateRequestSchema) patch: AdminUserUpdateRequest,
  ): Promise<AdminUser> {
    return this.service.update(admin, id, patch);
  }
}
