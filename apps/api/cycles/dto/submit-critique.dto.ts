import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import {
  CRITIQUE_STAGES,
  POINT_KINDS,
  RATINGS,
  type CritiqueStage,
  type PointKind,
  type Rating,
  type Scores,
} from '../../../../libs/domain/cycle.js';
import { LIST_LIMITS, TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';
import { IsScoreSheet } from '../../common/validators.js';
import type { CritiquePointInput, SubmitCritiqueInput } from '../../../../workflows/model-meeting/model-meeting.contract.js';

export class CritiquePointDto implements CritiquePointInput {
  @ApiProperty({ enum: CRITIQUE_STAGES })
  @IsIn(CRITIQUE_STAGES)
  stage: CritiqueStage;

  @ApiProperty({ enum: POINT_KINDS })
  @IsIn(POINT_KINDS)
  kind: PointKind;

  @ApiProperty({ example: 'Biên bản ghi chép đầy đủ ý kiến của đảng viên' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.pointText)
  text: string;
}

export class SubmitCritiqueDto implements SubmitCritiqueInput {
  @ApiProperty({ type: [CritiquePointDto], minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIST_LIMITS.points)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CritiquePointDto)
  points: CritiquePointDto[];

  @ApiPropertyOptional({ example: { time: 5, attendance: 5, preparation: 8.5 }, description: 'Điểm theo phiếu chấm của đợt (lẻ đến nửa điểm)' })
  @IsOptional()
  @IsScoreSheet()
  scores?: Scores;

  @ApiPropertyOptional({ enum: RATINGS })
  @IsOptional()
  @IsIn(RATINGS)
  rating?: Rating;
}
