import { ApiProperty } from '@nestjs/swagger';
import { AREA_KINDS, type AreaKind } from '../../../libs/domain/areas.js';
import type { AreaDashboardView, CommuneFiguresView, HeadlineFigures } from './area-dashboard.mapper.js';
import { RatingCountsResponse, VisitTallyResponse } from './dashboard.response.js';

export class HeadlineFiguresResponse implements HeadlineFigures {
  @ApiProperty({ description: 'Số đợt chưa kết thúc (từ chọn chi bộ điểm đến đánh giá, xếp loại)' }) openCycles: number;
  @ApiProperty({ description: 'Số việc đang quá hạn' }) late: number;
  @ApiProperty({ description: 'Số buổi sinh hoạt chi bộ điểm trong năm (không kể đợt đã hủy)' }) meetings: number;
  @ApiProperty({ type: RatingCountsResponse, description: 'Xếp loại các buổi đã kết thúc trong năm' }) ratings: RatingCountsResponse;
  @ApiProperty({ type: VisitTallyResponse, description: 'Các chi bộ được mời trong năm: dự sinh hoạt, gửi nhận xét đúng hạn hay không (cộng mọi chi bộ)' })
  critiques: VisitTallyResponse;
}

export class CommuneFiguresResponse extends HeadlineFiguresResponse implements CommuneFiguresView {
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty() committeeName: string;
  @ApiProperty({ type: String, nullable: true, description: 'Huyện mà Đảng bộ xã trực thuộc; null khi trực thuộc thẳng tỉnh' }) districtName: string | null;
}

export class AreaTotalsResponse extends HeadlineFiguresResponse {
  @ApiProperty({ description: 'Số Đảng bộ xã' }) communes: number;
}

export class AreaDashboardResponse implements AreaDashboardView {
  @ApiProperty({ format: 'uuid' }) areaId: string;
  @ApiProperty() areaName: string;
  @ApiProperty({ enum: AREA_KINDS }) kind: AreaKind;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: [CommuneFiguresResponse], description: 'Từng Đảng bộ xã trực thuộc (trực tiếp hoặc qua huyện), theo huyện rồi theo tên' })
  communes: CommuneFiguresResponse[];
  @ApiProperty({ type: AreaTotalsResponse }) totals: AreaTotalsResponse;
}
