import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { PickHostInput } from '../../../../workflows/model-meeting/model-meeting.contract.js';

export class PickHostDto implements PickHostInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cellId: string;
}
