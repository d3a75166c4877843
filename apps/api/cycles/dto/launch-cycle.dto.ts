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
import { LIST_LIMITS, TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';
import { IsDurationString, IsOffsetDateTime } from '../../common/validators.js';

/** How long before each deadline the reminders go out; defaults fit a real month, tests pass seconds. */
export class ReminderLeadsDto {
  @ApiPropertyOptional({ example: 'P2D', description: 'Nhắc xác nhận tham dự trước buổi sinh hoạt' })
  @IsOptional()
  @IsDurationString()
  rsvpReminderLead?: string;

  @ApiPropertyOptional({ example: 'P1D', description: 'Hạn gửi chương trình, tài liệu sinh hoạt trước buổi sinh hoạt (nhắc chi bộ, báo Đảng ủy)' })
  @IsOptional()
  @IsDurationString()
  planDueLead?: string;

  @ApiPropertyOptional({ example: 'P1D', description: 'Nhắc gửi nhận xét, góp ý trước hạn' })
  @IsOptional()
  @IsDurationString()
  critiqueReminderLead?: string;

  @ApiPropertyOptional({ example: 'P2D', description: 'Nhắc gửi báo cáo rút kinh nghiệm trước hạn' })
  @IsOptional()
  @IsDurationString()
  reportReminderLead?: string;

  @ApiPropertyOptional({ example: 'P3D', description: 'Hạn chọn chi bộ điểm: trước hạn gửi tài liệu bao lâu (quá hạn thì nhắc Đảng ủy)' })
  @IsOptional()
  @IsDurationString()
  hostPickLead?: string;

  @ApiPropertyOptional({ example: 'P1D', description: 'Nhắc chi bộ điểm gửi chương trình, tài liệu trước hạn' })
  @IsOptional()
  @IsDurationString()
  planReminderLead?: string;

  @ApiPropertyOptional({ example: 'PT4H', description: 'Nhắc chi bộ điểm ghi nhận buổi sinh hoạt sau giờ sinh hoạt' })
  @IsOptional()
  @IsDurationString()
  recordReminderDelay?: string;

  @ApiPropertyOptional({ example: 'P1D', description: 'Hạn ghi nhận buổi sinh hoạt sau giờ sinh hoạt (quá hạn thì báo Đảng ủy)' })
  @IsOptional()
  @IsDurationString()
  recordDueDelay?: string;

  @ApiPropertyOptional({ example: 'PT1H', description: 'Giờ bắt đầu ghi nhận được sớm hơn giờ sinh hoạt đã định tối đa bao lâu' })
  @IsOptional()
  @IsDurationString()
  earlyStartTolerance?: string;
}

export class LaunchCycleDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  committeeId: string;

  @ApiProperty({ example: 'Sinh hoạt chi bộ điểm tháng 12' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.title)
  title: string;

  @ApiProperty({ example: 'Nâng cao chất lượng sinh hoạt chi bộ' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.topic)
  topic: string;

  @ApiProperty({ enum: MEETING_KINDS })
  @IsIn(MEETING_KINDS)
  kind: MeetingKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  hostCellId?: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: LIST_LIMITS.invitedCells })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIST_LIMITS.invitedCells)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  invitedCellIds: string[];

  @ApiProperty({ example: '2026-12-05T08:00:00+07:00' })
  @IsOffsetDateTime()
  meetingAt: string;

  @ApiProperty({ example: 'Nhà văn hóa thôn' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.location)
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

  @ApiPropertyOptional({ example: 'P7D', default: 'P7D', description: 'Hạn Đảng ủy đánh giá báo cáo rút kinh nghiệm kể từ khi nhận' })
  @IsOptional()
  @IsDurationString()
  reviewWindow?: string;

  @ApiPropertyOptional({ type: [String], maxItems: LIST_LIMITS.guests, description: 'Đại biểu cấp trên được mời (tài khoản đại biểu)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_LIMITS.guests)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  guestIds?: string[];

  @ApiPropertyOptional({ type: ReminderLeadsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReminderLeadsDto)
  reminders?: ReminderLeadsDto;
}
