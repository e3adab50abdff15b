import { Module } from '@nestjs/common';
import { AdminUsersController } from './admin-users.controller.ts';
import { UserRepository } from './user.repository.ts';
import { UsersService } from './users.service.ts';

@Module({
  controllers: [AdminUsersController],
  providers: [UserRepository, UsersService],
  exports: [UserRepository],
})
export class UsersModule {}
