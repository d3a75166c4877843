import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { RSVP_RESPONSES, type RsvpResponse } from '../../../../libs/domain/cycle.js';
import { TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';
import { IsDisplayName, NormalizeName } from '../../common/validators.js';
import type { RsvpInput } from '../../../../workflows/model-meeting/model-meeting.contract.js';

export class RsvpDto implements Omit<RsvpInput, 'cellId'> {
  @ApiProperty({ enum: RSVP_RESPONSES })
  @IsIn(RSVP_RESPONSES)
  response: RsvpResponse;

  @ApiPropertyOptional({ example: 'Đồng chí Thào Seo Lềnh, Bí thư chi bộ' })
  @IsOptional()
  @NormalizeName()
  @IsDisplayName(TEXT_LIMITS.delegate)
  delegate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.note)
  note?: string;
}
