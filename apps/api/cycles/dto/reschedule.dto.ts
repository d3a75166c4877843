import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';
import { IsOffsetDateTime } from '../../common/validators.js';
import type { RescheduleInput } from '../../../../workflows/model-meeting/model-meeting.contract.js';

export class RescheduleDto implements RescheduleInput {
  @ApiProperty({ example: '2026-12-12T08:00:00+07:00' })
  @IsOffsetDateTime()
  meetingAt: string;

  @ApiProperty({ example: 'Trùng lịch thu hoạch' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.reason)
  reason: string;
}
