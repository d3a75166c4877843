import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { TEXT_LIMITS } from '../../../libs/domain/input-bounds.js';
import { IsDisplayName, NormalizeName } from '../common/validators.js';

export class CreateCellDto {
  @ApiProperty({ example: 'Chi bộ thôn Na Hối Tày' })
  @NormalizeName()
  @IsDisplayName(TEXT_LIMITS.name)
  name: string;

  @ApiProperty({ example: 24, minimum: 1, maximum: 5000 })
  @IsInt()
  @Min(1)
  @Max(5000)
  memberCount: number;
}
