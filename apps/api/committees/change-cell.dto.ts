import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { TEXT_LIMITS } from '../../../libs/domain/input-bounds.js';
import { IsDisplayName, NormalizeName } from '../common/validators.js';

export class ChangeCellDto {
  @ApiPropertyOptional({ example: 'Chi bộ thôn Na Hối' })
  @IsOptional()
  @NormalizeName()
  @IsDisplayName(TEXT_LIMITS.name)
  name?: string;

  @ApiPropertyOptional({ example: 31, minimum: 1, maximum: 5000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  memberCount?: number;
}

/** A cell dissolved, or merged into another cell of the same committee. */
export class DeactivateCellDto {
  @ApiProperty({ example: 'Sáp nhập thôn Na Hối Tày và Na Hối Nùng theo nghị quyết của Hội đồng nhân dân tỉnh' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.reason)
  reason: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Chi bộ mà chi bộ này sáp nhập vào' })
  @IsOptional()
  @IsUUID()
  mergedIntoCellId?: string;
}

export class MoveCellDto {
  @ApiProperty({ format: 'uuid', description: 'Đảng ủy mới của chi bộ' })
  @IsUUID()
  committeeId: string;
}
