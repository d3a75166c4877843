import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { RATINGS, REVIEW_DECISIONS, type Rating, type ReviewDecision, type Scores } from '../../../../libs/domain/cycle.js';
import { TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';
import { IsScoreSheet } from '../../common/validators.js';
import type { ReviewInput } from '../../../../workflows/model-meeting/model-meeting.contract.js';

export class ReviewDto implements ReviewInput {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS)
  decision: ReviewDecision;

  @ApiPropertyOptional({ enum: RATINGS, description: 'Bắt buộc khi thông qua (accept)' })
  @IsOptional()
  @IsIn(RATINGS)
  rating?: Rating;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.comment)
  comment?: string;

  @ApiPropertyOptional({
    example: { time: 5, attendance: 5, preparation: 9.5 },
    description: 'Phiếu chấm của Đảng ủy; khi có, xếp loại phải khớp với tổng điểm',
  })
  @IsOptional()
  @IsScoreSheet()
  scores?: Scores;
}
