import { Module } from '@nestjs/common';
import { ProblemsModule } from '../problems/problems.module.ts';
import { RunsController } from './runs.controller.ts';
import { RunSlots } from './run-slots.ts';
import { RunsService } from './runs.service.ts';

@Module({ imports: [ProblemsModule], controllers: [RunsController], providers: [RunsService, RunSlots] })
export class RunsModule {}
