import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsOffsetDateTime } from '../common/validators.js';

/** The office's list of people no channel reached: since when (30 days back by default), a page of it. */
// Its own limit and offset rather than PageQuery's by inheritance: a refusal names its field by the label
// listed under this class's name (field-labels.ts), and an inherited property is listed under PageQuery.
export class UnreachedQuery {
  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T00:00:00+07:00', description: 'Chỉ các thông báo từ thời điểm này (mặc định: 30 ngày trước)' })
  @IsOptional()
  @IsOffsetDateTime()
  since?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}
