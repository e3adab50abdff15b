import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersModule } from '../users/users.module.ts';
import { AccountLoginThrottle } from './account-login-throttle.ts';
import { AuthController } from './auth.controller.ts';
import { AuthGuard } from './auth.guard.ts';
import { AuthService } from './auth.service.ts';
import { CsrfGuard } from './csrf.ts';
import { SessionRepository } from './session.repository.ts';

@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    AccountLoginThrottle,
    SessionRepository,
    // Global guards run in this order: CSRF first, then the caller and the route's @Authenticated.
    { provide: APP_GUARD, useClass: CsrfGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
