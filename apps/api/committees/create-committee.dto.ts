import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { TEXT_LIMITS } from '../../../libs/domain/input-bounds.js';
import { IsDisplayName, NormalizeName } from '../common/validators.js';

export class CreateCommitteeDto {
  @ApiProperty({ example: 'Đảng ủy xã Na Hối' })
  @NormalizeName()
  @IsDisplayName(TEXT_LIMITS.name)
  name: string;
}

/** The 2025 case: two or more communes become one committee, under a new name. */
export class MergeCommitteesDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 2, maxItems: 10, description: 'Các Đảng ủy hợp nhất' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  committeeIds: string[];

  @ApiProperty({ example: 'Đảng ủy xã Na Hối' })
  @NormalizeName()
  @IsDisplayName(TEXT_LIMITS.name)
  name: string;
}
