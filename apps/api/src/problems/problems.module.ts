import { Module } from '@nestjs/common';
import { ProblemPackagesService } from './problem-packages.service.ts';
import { ProblemRepository } from './problem.repository.ts';
import { ProblemsController } from './problems.controller.ts';
import { ProblemsService } from './problems.service.ts';

@Module({
  controllers: [ProblemsController],
  providers: [ProblemRepository, ProblemsService, ProblemPackagesService],
  exports: [ProblemsService],
})
export class ProblemsModule {}
