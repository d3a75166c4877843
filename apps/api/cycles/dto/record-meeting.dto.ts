import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { Scores } from '../../../../libs/domain/cycle.js';
import { IsOffsetDateTime, IsScoreSheet } from '../../common/validators.js';

export class AttendanceDto {
  @ApiProperty({ example: 20 })
  @IsInt()
  @Min(0)
  @Max(10000)
  present: number;

  @ApiProperty({ example: 21 })
  @IsInt()
  @Min(1)
  @Max(10000)
  total: number;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  absentWithReason?: number;

  @ApiPropertyOptional({ example: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  absentWithoutReason?: number;
}

export class RecordMeetingDto {
  @ApiProperty({ example: '2026-12-05T08:00:00+07:00' })
  @IsOffsetDateTime()
  startedAt: string;

  @ApiProperty({ example: '2026-12-05T10:00:00+07:00' })
  @IsOffsetDateTime()
  endedAt: string;

  @ApiProperty({ type: AttendanceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AttendanceDto)
  attendance: AttendanceDto;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attendingCellIds: string[];

  @ApiProperty({ description: 'Biên bản' })
  @IsString()
  @MinLength(1)
  @MaxLength(50000)
  minutes: string;

  @ApiPropertyOptional({ description: 'Nghị quyết' })
  @IsOptional()
  @IsString()
  @MaxLength(50000)
  resolution?: string;

  @ApiPropertyOptional({ example: { time: 5, attendance: 5 } })
  @IsOptional()
  @IsScoreSheet()
  selfScores?: Scores;
}
