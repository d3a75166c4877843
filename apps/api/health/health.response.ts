import { ApiProperty } from '@nestjs/swagger';
import type { HealthReport } from './health.service.js';

export class HealthResponse implements HealthReport {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status: 'ok' | 'unavailable';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) temporal: 'up' | 'down';
}
