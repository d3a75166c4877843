import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';

export class RecordAdoptionDto {
  @ApiProperty({ example: 'Áp dụng mẫu biên bản mới và gửi tài liệu trước 1 ngày cho đảng viên' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.lesson)
  text: string;
}
