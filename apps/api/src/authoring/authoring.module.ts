import { Module } from '@nestjs/common';
import { AuthoringController, PackageUploadController } from './authoring.controller.ts';
import { AuthoringRepository } from './authoring.repository.ts';
import { AuthoringService } from './authoring.service.ts';
import { ProblemPackagesService } from './problem-packages.service.ts';

/** Problem setters: versions from the browser or zips, verification, publishing, rejudges, co-authors. */
@Module({
  controllers: [PackageUploadController, AuthoringController],
  providers: [AuthoringRepository, AuthoringService, ProblemPackagesService],
})
export class AuthoringModule {}
