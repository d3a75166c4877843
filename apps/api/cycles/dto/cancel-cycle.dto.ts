import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';

export class CancelCycleDto {
  @ApiProperty({ example: 'Thời tiết xấu, đường bị sạt lở' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.reason)
  reason: string;
}
