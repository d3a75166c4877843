import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { LIST_LIMITS } from '../../../../libs/domain/input-bounds.js';
import type { InviteGuestsInput } from '../../../../workflows/model-meeting/model-meeting.contract.js';

export class InviteGuestsDto implements InviteGuestsInput {
  @ApiProperty({ type: [String], minItems: 1, maxItems: LIST_LIMITS.guests, description: 'Tài khoản đại biểu cấp trên' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIST_LIMITS.guests)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  guestIds: string[];
}
