import { Controller, Get, Header, Inject, UseGuards } from '@nestjs/common';
import { Endpoint } from '../common/endpoint.ts';
import { MetricsTokenGuard } from './metrics-token.ts';
import { MetricsService } from './metrics.service.ts';

@Controller('metrics')
export class MetricsController {
  constructor(@Inject(MetricsService) private readonly metrics: MetricsService) {}

  @Get()
  @UseGuards(MetricsTokenGuard)
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Endpoint({
    summary: 'Prometheus metrics (outside /api)',
    description:
      'Needs `Authorization: Bearer <METRICS_TOKEN>`: 401 without it or with another token, 404 when METRICS_TOKEN is not set.',
    contentType: 'text/plain',
    tags: ['operations'],
  })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
