import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsIn, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { RESPONSE_STANCES, type ResponseStance } from '../../../../libs/domain/cycle.js';
import { LIST_LIMITS, TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';
import { IsCalendarDate } from '../../common/validators.js';
import type { ActionItemInput, FileReportInput, PointResponseInput } from '../../../../workflows/model-meeting/model-meeting.contract.js';

export class PointResponseDto implements PointResponseInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  pointId: string;

  @ApiProperty({ enum: RESPONSE_STANCES })
  @IsIn(RESPONSE_STANCES)
  stance: ResponseStance;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.responseText)
  text: string;
}

export class ActionItemDto implements ActionItemInput {
  @ApiProperty({ example: 'Hoàn thiện mẫu biên bản sinh hoạt' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.actionTitle)
  title: string;

  @ApiProperty({ example: 'Đồng chí Phó Bí thư' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.actionOwner)
  owner: string;

  @ApiProperty({ example: '2027-01-15', description: 'Từ ngày sinh hoạt đến 5 năm sau đó' })
  @IsCalendarDate()
  dueDate: string;
}

export class FileReportDto implements FileReportInput {
  @ApiProperty({ type: [PointResponseDto] })
  @IsArray()
  @ArrayMaxSize(LIST_LIMITS.responses)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PointResponseDto)
  responses: PointResponseDto[];

  @ApiProperty({ type: [String], minItems: 1, description: 'Bài học kinh nghiệm: ít nhất một' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIST_LIMITS.lessons)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(TEXT_LIMITS.lesson, { each: true })
  lessons: string[];

  @ApiProperty({ type: [ActionItemDto] })
  @IsArray()
  @ArrayMaxSize(LIST_LIMITS.actionItems)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ActionItemDto)
  actionItems: ActionItemDto[];
}
