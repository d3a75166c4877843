import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LIST_LIMITS, TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';
import type { PostPlanInput } from '../../../../workflows/model-meeting/model-meeting.contract.js';

export class PostPlanDto implements PostPlanInput {
  @ApiProperty({ type: [String], example: ['Khai mạc', 'Đánh giá kết quả thực hiện nghị quyết tháng trước', 'Sinh hoạt chuyên đề'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIST_LIMITS.agenda)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(TEXT_LIMITS.agendaItem, { each: true })
  agenda: string[];

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.planContent)
  content: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.planContent)
  draftResolution?: string;
}
