import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { RATINGS, REVIEW_DECISIONS, type Rating, type ReviewDecision } from '../../../../libs/domain/cycle.js';

export class ReviewDto {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS)
  decision: ReviewDecision;

  @ApiPropertyOptional({ enum: RATINGS, description: 'Bắt buộc khi chấp nhận (accept)' })
  @IsOptional()
  @IsIn(RATINGS)
  rating?: Rating;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}
