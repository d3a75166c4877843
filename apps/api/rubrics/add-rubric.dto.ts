import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MEETING_KINDS, type MeetingKind, type RubricCriterion } from '../../../libs/domain/cycle.js';
import { TEXT_LIMITS } from '../../../libs/domain/input-bounds.js';
import { IsDisplayName, NormalizeName } from '../common/validators.js';

/** The point steps provincial sheets use: whole, half and quarter points. */
export const POINT_STEPS = [1, 0.5, 0.25] as const;

export class RubricCriterionDto implements RubricCriterion {
  @ApiProperty({ example: 'speaking', description: 'Mã tiêu chí: chữ thường không dấu, số, gạch' })
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/)
  id: string;

  @ApiProperty({ example: 'Đảng viên tham gia phát biểu, thảo luận' })
  @NormalizeName()
  @IsDisplayName(TEXT_LIMITS.name)
  label: string;

  @ApiProperty({ example: 10, minimum: 0.25, maximum: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.25)
  @Max(100)
  maxPoints: number;

  @ApiPropertyOptional({ description: 'Xếp loại Tốt cần đủ điểm tiêu chí này' })
  @IsOptional()
  @IsBoolean()
  requiredForTop?: boolean;
}

/** A committee's own version of a score sheet, usually made from a template. */
export class AddRubricDto {
  @ApiProperty({ example: 'Phiếu chấm điểm sinh hoạt chi bộ của Đảng bộ xã Na Hối' })
  @NormalizeName()
  @IsDisplayName(TEXT_LIMITS.name)
  name: string;

  @ApiPropertyOptional({ enum: MEETING_KINDS, description: 'Chỉ dùng cho sinh hoạt thường kỳ, hoặc chỉ cho chuyên đề; bỏ trống: cả hai' })
  @IsOptional()
  @IsIn(MEETING_KINDS)
  kind?: MeetingKind;

  @ApiProperty({ enum: POINT_STEPS, example: 0.5, description: 'Bước điểm: điểm chấm là bội số của bước này' })
  @IsIn(POINT_STEPS)
  pointStep: number;

  @ApiProperty({ type: [RubricCriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ArrayUnique((criterion: RubricCriterionDto) => criterion?.id)
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionDto)
  criteria: RubricCriterionDto[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Phiếu mẫu hoặc phiên bản trước mà phiếu này dựa vào' })
  @IsOptional()
  @IsUUID()
  basedOnRubricId?: string;
}
