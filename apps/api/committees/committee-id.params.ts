import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CommitteeIdParams {
  @ApiProperty({ format: 'uuid', description: 'Đảng ủy' })
  @IsUUID()
  committeeId: string;
}
