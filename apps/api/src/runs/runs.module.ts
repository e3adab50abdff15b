import { Module } from '@nestjs/common';
import { ProblemsModule } from '../problems/problems.module.ts';
import { RunsController } from './runs.controller.ts';
import { RunsService } from './runs.service.ts';

@Module({ imports: [ProblemsModule], controllers: [RunsController], providers: [RunsService] })
export class RunsModule {}
