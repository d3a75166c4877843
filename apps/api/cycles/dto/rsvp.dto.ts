import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { RSVP_RESPONSES, type RsvpResponse } from '../../../../libs/domain/cycle.js';
import { TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';

export class RsvpDto {
  @ApiProperty({ enum: RSVP_RESPONSES })
  @IsIn(RSVP_RESPONSES)
  response: RsvpResponse;

  @ApiPropertyOptional({ example: 'Đồng chí Sền A Lò, Bí thư chi bộ' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.delegate)
  delegate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.note)
  note?: string;
}
