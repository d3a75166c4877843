import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class AuditQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Chỉ các thay đổi của Đảng ủy này (cán bộ Đảng ủy: luôn là Đảng ủy của mình)' })
  @IsOptional()
  @IsUUID()
  committeeId?: string;

  @ApiPropertyOptional({ description: 'Số thứ tự của mục cuối đã xem: trả về các mục trước đó' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/)
  before?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
