import { Module } from '@nestjs/common';
import { ProblemsModule } from '../problems/problems.module.ts';
import { JudgeEnqueuer } from './judge-enqueuer.ts';
import { SubmissionEventsService } from './submission-events.service.ts';
import { SubmissionRepository } from './submission.repository.ts';
import { SubmissionsController } from './submissions.controller.ts';
import { SubmissionsService } from './submissions.service.ts';

@Module({
  imports: [ProblemsModule],
  controllers: [SubmissionsController],
  providers: [SubmissionRepository, SubmissionsService, SubmissionEventsService, JudgeEnqueuer],
  exports: [SubmissionRepository],
})
export class SubmissionsModule {}
