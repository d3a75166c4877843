import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class UserIdParams {
  @ApiProperty({ format: 'uuid', description: 'Tài khoản' })
  @IsUUID()
  userId: string;
}

export class CommitteeCellParams {
  @ApiProperty({ format: 'uuid', description: 'Đảng ủy' })
  @IsUUID()
  committeeId: string;

  @ApiProperty({ format: 'uuid', description: 'Chi bộ trực thuộc' })
  @IsUUID()
  cellId: string;
}
