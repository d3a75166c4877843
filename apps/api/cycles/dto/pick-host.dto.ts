import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class PickHostDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cellId: string;
}
