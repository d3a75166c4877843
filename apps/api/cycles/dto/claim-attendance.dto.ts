import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';
import { IsDisplayName, NormalizeName } from '../../common/validators.js';

/** The cell is the caller's own; it may name who attended for it. */
export class ClaimAttendanceDto {
  @ApiPropertyOptional({ example: 'Đồng chí Lò Văn Pằng, Bí thư chi bộ' })
  @IsOptional()
  @NormalizeName()
  @IsDisplayName(TEXT_LIMITS.delegate)
  delegate?: string;
}
