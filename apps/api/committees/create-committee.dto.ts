import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateCommitteeDto {
  @ApiProperty({ example: 'Đảng ủy xã Na Hối' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}
