import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Endpoint } from '../common/endpoint.ts';
import { MetricsService } from './metrics.service.ts';

@Controller('metrics')
export class MetricsController {
  constructor(@Inject(MetricsService) private readonly metrics: MetricsService) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Endpoint({ summary: 'Prometheus metrics (outside /api)', contentType: 'text/plain', tags: ['operations'] })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
