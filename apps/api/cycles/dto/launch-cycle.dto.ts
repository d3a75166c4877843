import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MEETING_KINDS, type MeetingKind } from '../../../../libs/domain/cycle.js';
import { IsDurationString, IsOffsetDateTime } from '../../common/validators.js';

/** How long before each deadline the reminders go out; defaults fit a real month, tests pass seconds. */
export class ReminderLeadsDto {
  @ApiPropertyOptional({ example: 'P2D', description: 'Nhắc xác nhận tham dự trước buổi sinh hoạt' })
  @IsOptional()
  @IsDurationString()
  rsvpReminderLead?: string;

  @ApiPropertyOptional({ example: 'P1D', description: 'Hạn đăng kế hoạch trước buổi sinh hoạt (nhắc chi bộ, báo Đảng ủy)' })
  @IsOptional()
  @IsDurationString()
  planDueLead?: string;

  @ApiPropertyOptional({ example: 'P1D', description: 'Nhắc gửi góp ý trước khi hết hạn' })
  @IsOptional()
  @IsDurationString()
  critiqueReminderLead?: string;

  @ApiPropertyOptional({ example: 'P2D', description: 'Nhắc nộp báo cáo trước hạn' })
  @IsOptional()
  @IsDurationString()
  reportReminderLead?: string;
}

export class LaunchCycleDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  committeeId: string;

  @ApiProperty({ example: 'Sinh hoạt chi bộ điểm tháng 12' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: 'Nâng cao chất lượng sinh hoạt chi bộ' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  topic: string;

  @ApiProperty({ enum: MEETING_KINDS })
  @IsIn(MEETING_KINDS)
  kind: MeetingKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  hostCellId?: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  invitedCellIds: string[];

  @ApiProperty({ example: '2026-12-05T08:00:00+07:00' })
  @IsOffsetDateTime()
  meetingAt: string;

  @ApiProperty({ example: 'Nhà văn hóa thôn' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  location: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  rubricId?: string;

  @ApiPropertyOptional({ example: 'P3D', default: 'P3D' })
  @IsOptional()
  @IsDurationString()
  critiqueWindow?: string;

  @ApiPropertyOptional({ example: 'P7D', default: 'P7D' })
  @IsOptional()
  @IsDurationString()
  reportWindow?: string;

  @ApiPropertyOptional({ type: ReminderLeadsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReminderLeadsDto)
  reminders?: ReminderLeadsDto;
}
