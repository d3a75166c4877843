import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageQuery } from '../common/page.query.js';
import { IsOffsetDateTime } from '../common/validators.js';

/** The office's list of people no channel reached: since when (30 days back by default), a page of it. */
export class UnreachedQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T00:00:00+07:00', description: 'Chỉ các thông báo từ thời điểm này (mặc định: 30 ngày trước)' })
  @IsOptional()
  @IsOffsetDateTime()
  since?: string;
}
