import { Module } from '@nestjs/common';
import { ProblemRepository } from './problem.repository.ts';
import { ProblemsController } from './problems.controller.ts';
import { ProblemsService } from './problems.service.ts';

@Module({
  controllers: [ProblemsController],
  providers: [ProblemRepository, ProblemsService],
  exports: [ProblemsService],
})
export class ProblemsModule {}
