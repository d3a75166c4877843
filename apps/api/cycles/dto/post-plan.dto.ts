import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class PostPlanDto {
  @ApiProperty({ type: [String], example: ['Khai mạc', 'Đánh giá kết quả thực hiện nghị quyết tháng trước', 'Sinh hoạt chuyên đề'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(500, { each: true })
  agenda: string[];

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  content: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  draftResolution?: string;
}
