import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DocsController } from './docs.controller.ts';
import { OpenApiDocument } from './openapi.ts';

@Module({ imports: [DiscoveryModule], controllers: [DocsController], providers: [OpenApiDocument] })
export class DocsModule {}
