import { ApiProperty } from '@nestjs/swagger';
import { RATINGS } from '../../../libs/domain/cycle.js';
import type { CellView, CommitteeView } from './committee.mapper.js';

export class CommitteeResponse implements CommitteeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class CellListItemResponse implements Omit<CellView, 'committeeId'> {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() memberCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Lần gần nhất làm chi bộ điểm' }) lastHostedAt: string | null;
  @ApiProperty({ type: String, enum: RATINGS, nullable: true }) lastRating: string | null;
}

export class CellResponse extends CellListItemResponse implements CellView {
  @ApiProperty({ format: 'uuid' }) committeeId: string;
}
