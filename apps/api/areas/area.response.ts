import { ApiProperty } from '@nestjs/swagger';
import { AREA_KINDS, type AreaKind } from '../../../libs/domain/areas.js';
import type { AreaView } from './area.mapper.js';

export class AreaResponse implements AreaView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Huyện ủy Mường Khương' }) name: string;
  @ApiProperty({ enum: AREA_KINDS }) kind: AreaKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Tỉnh mà huyện trực thuộc' }) parentId: string | null;
}
