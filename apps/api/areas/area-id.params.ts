import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class AreaIdParams {
  @ApiProperty({ format: 'uuid', description: 'Huyện hoặc tỉnh' })
  @IsUUID()
  areaId: string;
}
