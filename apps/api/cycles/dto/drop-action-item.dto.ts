import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';

export class DropActionItemDto {
  @ApiProperty({ example: 'Đợt sinh hoạt đã hủy; nội dung chuyển sang kế hoạch quý sau' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.reason)
  reason: string;
}
