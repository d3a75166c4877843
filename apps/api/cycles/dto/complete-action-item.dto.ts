import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';

/** Ticking an item off may say how it was done; nothing else may be sent. */
export class CompleteActionItemDto {
  @ApiPropertyOptional({ example: 'Đã in mẫu biên bản mới, phát cho các đảng viên' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.note)
  note?: string;
}
