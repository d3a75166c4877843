import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
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
import { LIST_LIMITS, MAX_MEMBERS, TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';
import { IsOffsetDateTime, IsScoreSheet } from '../../common/validators.js';
import type { AttendanceInput, RecordMeetingInput } from '../../../../workflows/model-meeting/model-meeting.contract.js';

export class AttendanceDto implements AttendanceInput {
  @ApiProperty({ example: 20 })
  @IsInt()
  @Min(0)
  @Max(MAX_MEMBERS)
  present: number;

  @ApiProperty({ example: 21 })
  @IsInt()
  @Min(1)
  @Max(MAX_MEMBERS)
  total: number;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MEMBERS)
  absentWithReason?: number;

  @ApiPropertyOptional({ example: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MEMBERS)
  absentWithoutReason?: number;

  @ApiPropertyOptional({ example: 2, description: 'Đảng viên được miễn sinh hoạt: không tính vào số phải có mặt' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MEMBERS)
  exempted?: number;
}

export class RecordMeetingDto implements RecordMeetingInput {
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
  @ArrayMaxSize(LIST_LIMITS.invitedCells)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attendingCellIds: string[];

  @ApiProperty({ description: 'Biên bản' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.record)
  minutes: string;

  @ApiPropertyOptional({ description: 'Nghị quyết' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.record)
  resolution?: string;

  @ApiPropertyOptional({ example: { time: 5, attendance: 5 } })
  @IsOptional()
  @IsScoreSheet()
  selfScores?: Scores;

  @ApiPropertyOptional({ description: 'Sinh hoạt chuyên đề kết hợp sinh hoạt thường kỳ: thời lượng tối thiểu 120 phút (không kết hợp: 90 phút)' })
  @IsOptional()
  @IsBoolean()
  combined?: boolean;
}
