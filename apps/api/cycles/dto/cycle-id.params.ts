import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CycleIdParams {
  @ApiProperty({ format: 'uuid', description: 'Đợt sinh hoạt' })
  @IsUUID()
  id: string;
}

export class CycleCellParams {
  @ApiProperty({ format: 'uuid', description: 'Đợt sinh hoạt' })
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid', description: 'Chi bộ được mời' })
  @IsUUID()
  cellId: string;
}

export class CycleActionItemParams {
  @ApiProperty({ format: 'uuid', description: 'Đợt sinh hoạt' })
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid', description: 'Việc trong báo cáo rút kinh nghiệm' })
  @IsUUID()
  itemId: string;
}
