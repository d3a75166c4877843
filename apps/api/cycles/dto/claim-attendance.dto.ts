import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { TEXT_LIMITS } from '../../../../libs/domain/input-bounds.js';
import { IsDisplayName, NormalizeName } from '../../common/validators.js';
import type { ClaimAttendanceInput } from '../../../../workflows/model-meeting/model-meeting.contract.js';

/** The cell is the caller's own; it may name who attended for it. */
export class ClaimAttendanceDto implements Omit<ClaimAttendanceInput, 'cellId'> {
  @ApiPropertyOptional({ example: 'Đồng chí Lò Văn Pằng, Bí thư chi bộ' })
  @IsOptional()
  @NormalizeName()
  @IsDisplayName(TEXT_LIMITS.delegate)
  delegate?: string;
}
