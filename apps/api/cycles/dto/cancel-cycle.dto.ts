import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';
import type { CancelInput } from '../../../../workflows/model-meeting/model-meeting.contract.js';

export class CancelCycleDto implements CancelInput {
  @ApiProperty({ example: 'Thời tiết xấu, đường bị sạt lở' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.reason)
  reason: string;
}
