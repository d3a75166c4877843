import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { AREA_KINDS, type AreaKind } from '../../../libs/domain/areas.js';
import { TEXT_LIMITS } from '../../../libs/domain/input-bounds.js';
import { IsDisplayName, NormalizeName } from '../common/validators.js';

/** A province, or a district under one of the provinces. */
export class CreateAreaDto {
  @ApiProperty({ example: 'Huyện ủy Mường Khương' })
  @NormalizeName()
  @IsDisplayName(TEXT_LIMITS.name)
  name: string;

  @ApiProperty({ enum: AREA_KINDS, description: 'district: huyện (Ban Thường vụ Huyện ủy); province: tỉnh (Tỉnh ủy)' })
  @IsIn(AREA_KINDS)
  kind: AreaKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Tỉnh mà huyện trực thuộc (bắt buộc với huyện, không dùng với tỉnh)' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

/** The district (or province) a commune is placed under; null takes it out from under any. */
export class PlaceCommitteeDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Huyện hoặc tỉnh mà Đảng bộ xã trực thuộc; null: chưa thuộc đơn vị nào' })
  @IsOptional()
  @IsUUID()
  areaId: string | null;
}
