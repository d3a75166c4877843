import { ApiProperty } from '@nestjs/swagger';
import { RATINGS } from '../../../libs/domain/cycle.js';
import type { CellView, CommitteeView, DeactivatedCellView, MergedCommitteeView } from './committee.mapper.js';

export class CommitteeResponse implements CommitteeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Đảng ủy mà Đảng ủy này đã hợp nhất vào' }) mergedIntoId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Huyện (hoặc tỉnh) mà Đảng bộ xã trực thuộc' }) areaId: string | null;
}

export class MergeMovedResponse {
  @ApiProperty() cells: number;
  @ApiProperty() people: number;
  @ApiProperty() cycles: number;
  @ApiProperty() rubrics: number;
}

export class MergedCommitteeResponse implements MergedCommitteeView {
  @ApiProperty({ type: CommitteeResponse }) committee: CommitteeResponse;
  @ApiProperty({ type: MergeMovedResponse, description: 'Số chi bộ, người, đợt sinh hoạt, phiếu chấm điểm đã chuyển sang' }) moved: MergeMovedResponse;
}

export class CellListItemResponse implements Omit<CellView, 'committeeId'> {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() memberCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Lần gần nhất làm chi bộ điểm' }) lastHostedAt: string | null;
  @ApiProperty({ type: String, enum: RATINGS, nullable: true }) lastRating: string | null;
  @ApiProperty({ description: 'Sai khi chi bộ đã giải thể hoặc sáp nhập' }) active: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Chi bộ mà chi bộ này đã sáp nhập vào' }) mergedIntoCellId: string | null;
}

export class CellResponse extends CellListItemResponse implements CellView {
  @ApiProperty({ format: 'uuid' }) committeeId: string;
}

export class CellOpenCycleResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'PREPARATION' }) status: string;
  @ApiProperty({ enum: ['host', 'invited'], description: 'Chi bộ là chi bộ điểm hay chi bộ được mời' }) part: 'host' | 'invited';
}

export class DeactivatedCellResponse implements DeactivatedCellView {
  @ApiProperty({ type: CellResponse }) cell: CellResponse;
  @ApiProperty({ type: [CellOpenCycleResponse], description: 'Các đợt sinh hoạt chưa kết thúc mà chi bộ tham gia: Đảng ủy quyết định' })
  openCycles: CellOpenCycleResponse[];
}
