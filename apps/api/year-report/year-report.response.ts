import { ApiProperty } from '@nestjs/swagger';
import { CYCLE_STAGES, RATINGS, type CycleStage, type Rating } from '../../../libs/domain/cycle.js';
import { RatingCountsResponse } from '../dashboard/dashboard.response.js';
import {
  QUARTERS,
  type ActionItemCountsView,
  type Quarter,
  type ReportCellView,
  type ReportMeetingView,
  type ReportTotalsView,
  type VisitCountsView,
  type YearReportView,
} from './year-report.mapper.js';

export class VisitCountsResponse implements VisitCountsView {
  @ApiProperty({ description: 'Lượt chi bộ được mời dự các buổi sinh hoạt đã tổ chức' }) invited: number;
  @ApiProperty({ description: 'Lượt chi bộ dự sinh hoạt' }) attended: number;
  @ApiProperty({ description: 'Lượt chi bộ từ chối dự' }) declined: number;
  @ApiProperty({ description: 'Gửi nhận xét, góp ý trước khi kết thúc thời gian góp ý' }) onTime: number;
  @ApiProperty({ description: 'Đã dự nhưng không gửi nhận xét, góp ý' }) missed: number;
  @ApiProperty({ description: 'Còn trong thời gian góp ý, chưa gửi' }) pending: number;
  @ApiProperty({ description: 'Đã ghi nội dung vận dụng bài học kinh nghiệm' }) adopted: number;
}

export class ActionItemCountsResponse implements ActionItemCountsView {
  @ApiProperty({ description: 'Việc chi bộ điểm cam kết thực hiện' }) committed: number;
  @ApiProperty() done: number;
  @ApiProperty({ description: 'Đảng ủy đã bỏ' }) dropped: number;
  @ApiProperty({ description: 'Chưa hoàn thành' }) open: number;
  @ApiProperty({ description: 'Chưa hoàn thành, đã qua ngày hạn (giờ Việt Nam)' }) overdue: number;
}

export class ReportMeetingResponse implements ReportMeetingView {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) meetingAt: string;
  @ApiProperty({ enum: CYCLE_STAGES }) status: CycleStage;
  @ApiProperty({ description: 'Chi bộ điểm đã ghi nhận buổi sinh hoạt' }) held: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) hostCellId: string | null;
  @ApiProperty({ type: String, nullable: true }) hostCellName: string | null;
  @ApiProperty({ enum: RATINGS, nullable: true, description: 'Xếp loại của Đảng ủy, khi đợt đã kết thúc' }) rating: Rating | null;
  @ApiProperty({ type: VisitCountsResponse, description: 'Các chi bộ được mời' }) visitors: VisitCountsResponse;
  @ApiProperty({ type: ActionItemCountsResponse }) actionItems: ActionItemCountsResponse;
}

export class ReportCellResponse implements ReportCellView {
  @ApiProperty({ format: 'uuid' }) cellId: string;
  @ApiProperty() cellName: string;
  @ApiProperty() memberCount: number;
  @ApiProperty({ description: 'false: chi bộ đã giải thể (chỉ có mặt khi có số liệu trong kỳ)' }) active: boolean;
  @ApiProperty({ description: 'Số buổi làm chi bộ điểm đã tổ chức trong kỳ' }) hosted: number;
  @ApiProperty({ type: RatingCountsResponse, description: 'Xếp loại các buổi đó' }) hostedRatings: RatingCountsResponse;
  @ApiProperty({ type: VisitCountsResponse, description: 'Là chi bộ được mời' }) visits: VisitCountsResponse;
  @ApiProperty({ type: ActionItemCountsResponse, description: 'Là chi bộ điểm: việc đã cam kết sau các buổi đó' }) actionItems: ActionItemCountsResponse;
}

export class ReportTotalsResponse implements ReportTotalsView {
  @ApiProperty({ description: 'Buổi sinh hoạt chi bộ điểm trong kỳ (không kể đợt đã hủy), đã hoặc chưa tổ chức' }) planned: number;
  @ApiProperty() held: number;
  @ApiProperty() cancelled: number;
  @ApiProperty() rated: number;
  @ApiProperty({ type: RatingCountsResponse }) ratings: RatingCountsResponse;
  @ApiProperty({ description: 'Số chi bộ đã làm chi bộ điểm' }) hostCells: number;
  @ApiProperty({ description: 'Số chi bộ đã dự ít nhất một buổi' }) visitingCells: number;
  @ApiProperty({ type: VisitCountsResponse }) visits: VisitCountsResponse;
  @ApiProperty({ type: ActionItemCountsResponse }) actionItems: ActionItemCountsResponse;
}

export class YearReportResponse implements YearReportView {
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty() committeeName: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: QUARTERS, nullable: true, description: 'null: cả năm' }) quarter: Quarter | null;
  @ApiProperty({ format: 'date-time', description: 'Đầu kỳ (0 giờ ngày đầu kỳ, giờ Việt Nam)' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'Hết kỳ (0 giờ ngày sau kỳ, giờ Việt Nam)' }) to: string;
  @ApiProperty({ format: 'date-time', description: 'Thời điểm đọc số liệu' }) asOf: string;
  @ApiProperty({ type: ReportTotalsResponse, description: 'Toàn Đảng bộ xã' }) totals: ReportTotalsResponse;
  @ApiProperty({ type: [ReportMeetingResponse], description: 'Các buổi sinh hoạt chi bộ điểm trong kỳ (không kể đợt đã hủy), sớm nhất trước' }) meetings: ReportMeetingResponse[];
  @ApiProperty({ type: [ReportCellResponse], description: 'Mọi chi bộ trực thuộc, theo tên' }) cells: ReportCellResponse[];
}
