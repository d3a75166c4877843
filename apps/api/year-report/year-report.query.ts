import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QUARTERS, type Quarter } from './year-report.mapper.js';

/** The period a report covers: a calendar year (Vietnam's), or one quarter of it. */
export class YearReportQuery {
  @ApiProperty({ minimum: 2000, maximum: 2100, example: 2026, description: 'Năm báo cáo (theo lịch Việt Nam)' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ enum: QUARTERS, example: 1, description: 'Quý của năm (1: tháng 1 đến tháng 3, …); bỏ trống: cả năm' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: Quarter;
}
