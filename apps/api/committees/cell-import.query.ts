import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class CellImportQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'false: chỉ xem trước từng dòng; true: ghi (chỉ khi không còn dòng lỗi)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  commit?: 'true' | 'false';
}
