import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { RESPONSE_STANCES, type ResponseStance } from '../../../../libs/domain/cycle.js';
import { IsCalendarDate } from '../../common/validators.js';

export class PointResponseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  pointId: string;

  @ApiProperty({ enum: RESPONSE_STANCES })
  @IsIn(RESPONSE_STANCES)
  stance: ResponseStance;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text: string;
}

export class ActionItemDto {
  @ApiProperty({ example: 'Hoàn thiện mẫu biên bản sinh hoạt' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @ApiProperty({ example: 'Đồng chí Phó Bí thư' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  owner: string;

  @ApiProperty({ example: '2027-01-15' })
  @IsCalendarDate()
  dueDate: string;
}

export class FileReportDto {
  @ApiProperty({ type: [PointResponseDto] })
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => PointResponseDto)
  responses: PointResponseDto[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(5000, { each: true })
  lessons: string[];

  @ApiProperty({ type: [ActionItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ActionItemDto)
  actionItems: ActionItemDto[];
}
