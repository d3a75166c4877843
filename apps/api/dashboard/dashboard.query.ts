import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The year a committee's dashboard shows (its meetings, ratings and punctuality); the current one by default. */
export class DashboardQuery {
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100, example: 2026, description: 'Năm (theo lịch Việt Nam); mặc định là năm hiện tại' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
