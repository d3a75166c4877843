import { ApiProperty } from '@nestjs/swagger';
import type { RubricView } from './rubrics.service.js';

export class RubricCriterionViewResponse {
  @ApiProperty() id: string;
  @ApiProperty() label: string;
  @ApiProperty() maxPoints: number;
  @ApiProperty({ description: 'Xếp loại Tốt cần đủ điểm tiêu chí này' }) requiredForTop: boolean;
}

export class RubricResponse implements RubricView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() version: number;
  @ApiProperty() isTemplate: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) committeeId: string | null;
  @ApiProperty({ example: 0.5 }) pointStep: number;
  @ApiProperty({ type: String, enum: ['regular', 'thematic'], nullable: true, description: 'Loại sinh hoạt dùng phiếu này; null: cả hai' }) kind: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Phiếu mà phiên bản này dựa vào' }) basedOnId: string | null;
  @ApiProperty({ type: [RubricCriterionViewResponse] }) criteria: RubricCriterionViewResponse[];
}
