import { ApiProperty } from '@nestjs/swagger';
import { TEXT_LIMITS } from '../../../libs/domain/input-bounds.js';
import { IsDisplayName, NormalizeName } from '../common/validators.js';

export class CreateCommitteeDto {
  @ApiProperty({ example: 'Đảng ủy xã Na Hối' })
  @NormalizeName()
  @IsDisplayName(TEXT_LIMITS.name)
  name: string;
}
