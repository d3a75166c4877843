import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CancelCycleDto {
  @ApiProperty({ example: 'Thời tiết xấu, đường bị sạt lở' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}
