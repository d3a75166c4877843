import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreateCellDto {
  @ApiProperty({ example: 'Chi bộ thôn Na Hối Tày' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 24, minimum: 1, maximum: 5000 })
  @IsInt()
  @Min(1)
  @Max(5000)
  memberCount: number;
}
