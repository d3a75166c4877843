import { ApiProperty } from '@nestjs/swagger';
import { CYCLE_STAGES, INVITATION_STATUSES, RATINGS, TASK_ACTIONS, type CycleStage, type InvitationStatus, type Rating, type TaskAction } from '../../../libs/domain/cycle.js';
import type { CritiqueOutcome } from '../../../libs/persistence/repositories/dashboard.repository.js';
import type { TaskParty } from '../../../libs/persistence/repositories/tasks.repository.js';
import type {
  CellPunctualityView,
  CellRecordView,
  CommitteeDashboardView,
  HostedView,
  LateTaskView,
  OpenActionItemView,
  RatingCounts,
  RatingYearView,
  ResponsibleView,
  StageCountView,
  VisitTallyView,
  VisitView,
  VisitYearView,
  YearMeetingView,
} from './dashboard.mapper.js';

const PARTIES: TaskParty[] = ['committee', 'cell', 'guest'];
const OUTCOMES: CritiqueOutcome[] = ['ON_TIME', 'MISSED', 'PENDING'];

export class StageCountResponse implements StageCountView {
  @ApiProperty({ enum: CYCLE_STAGES }) status: CycleStage;
  @ApiProperty() count: number;
}

export class ResponsibleResponse implements ResponsibleView {
  @ApiProperty({ enum: PARTIES, description: 'Đảng ủy, chi bộ, hay đại biểu cấp trên' }) party: TaskParty;
  @ApiProperty({ example: 'Chi bộ thôn Na Hối Tày', description: 'Tên Đảng ủy, tên chi bộ, hoặc họ tên đại biểu' }) name: string;
}

export class LateTaskResponse implements LateTaskView {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() cycleTitle: string;
  @ApiProperty({ enum: TASK_ACTIONS }) action: TaskAction;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ type: ResponsibleResponse }) responsible: ResponsibleResponse;
  @ApiProperty({ type: String, nullable: true, description: 'Việc đã cam kết (COMPLETE_ACTION_ITEM)' }) actionItemTitle: string | null;
}

export class YearMeetingResponse implements YearMeetingView {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) meetingAt: string;
  @ApiProperty({ enum: CYCLE_STAGES }) status: CycleStage;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) hostCellId: string | null;
  @ApiProperty({ type: String, nullable: true }) hostCellName: string | null;
  @ApiProperty({ enum: RATINGS, nullable: true, description: 'Xếp loại của Đảng ủy, khi đợt đã kết thúc' }) rating: Rating | null;
}

export class RatingCountsResponse implements RatingCounts {
  @ApiProperty() TOT: number;
  @ApiProperty() KHA: number;
  @ApiProperty() TRUNG_BINH: number;
  @ApiProperty() KEM: number;
}

export class RatingYearResponse implements RatingYearView {
  @ApiProperty() year: number;
  @ApiProperty({ type: RatingCountsResponse }) counts: RatingCountsResponse;
}

export class VisitTallyResponse implements VisitTallyView {
  @ApiProperty({ description: 'Được mời dự các buổi sinh hoạt đã tổ chức (không kể đợt đã hủy)' }) invited: number;
  @ApiProperty() attended: number;
  @ApiProperty({ description: 'Gửi nhận xét, góp ý trước khi kết thúc thời gian góp ý' }) onTime: number;
  @ApiProperty({ description: 'Đã dự nhưng không gửi nhận xét, góp ý' }) missed: number;
  @ApiProperty({ description: 'Còn trong thời gian góp ý, chưa gửi' }) pending: number;
  @ApiProperty({ description: 'Đã ghi nội dung áp dụng từ bài học kinh nghiệm' }) adopted: number;
}

export class CellPunctualityResponse extends VisitTallyResponse implements CellPunctualityView {
  @ApiProperty({ format: 'uuid' }) cellId: string;
  @ApiProperty() cellName: string;
}

export class CommitteeDashboardResponse implements CommitteeDashboardView {
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty() committeeName: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ format: 'date-time', description: 'Thời điểm đọc số liệu: việc quá hạn là việc có hạn trước thời điểm này' }) asOf: string;
  @ApiProperty({ type: [StageCountResponse], description: 'Mọi giai đoạn, theo thứ tự của một đợt' }) stages: StageCountResponse[];
  @ApiProperty({ type: [LateTaskResponse], description: 'Việc quá hạn, quá hạn lâu nhất trước' }) late: LateTaskResponse[];
  @ApiProperty({ type: [YearMeetingResponse], description: 'Các buổi sinh hoạt chi bộ điểm trong năm (không kể đợt đã hủy), sớm nhất trước' })
  meetings: YearMeetingResponse[];
  @ApiProperty({ type: RatingCountsResponse, description: 'Xếp loại các buổi sinh hoạt đã kết thúc trong năm' }) ratings: RatingCountsResponse;
  @ApiProperty({ type: [RatingYearResponse], description: 'Xếp loại qua các năm, năm sớm nhất trước' }) ratingsByYear: RatingYearResponse[];
  @ApiProperty({ type: [CellPunctualityResponse], description: 'Từng chi bộ được mời trong năm: dự sinh hoạt, gửi nhận xét đúng hạn hay không' })
  punctuality: CellPunctualityResponse[];
}

export class DashboardCellResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() memberCount: number;
  @ApiProperty() active: boolean;
}

export class HostedResponse implements HostedView {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) meetingAt: string;
  @ApiProperty({ enum: CYCLE_STAGES }) status: CycleStage;
  @ApiProperty({ enum: RATINGS, nullable: true }) rating: Rating | null;
}

export class VisitResponse implements VisitView {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) meetingAt: string;
  @ApiProperty({ type: String, nullable: true }) hostCellName: string | null;
  @ApiProperty({ enum: INVITATION_STATUSES }) rsvp: InvitationStatus;
  @ApiProperty() attended: boolean;
  @ApiProperty({ enum: OUTCOMES, nullable: true, description: 'null khi chi bộ không dự' }) critique: CritiqueOutcome | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty() adopted: boolean;
}

export class VisitYearResponse extends VisitTallyResponse implements VisitYearView {
  @ApiProperty() year: number;
}

export class VisitsResponse {
  @ApiProperty({ type: VisitTallyResponse }) totals: VisitTallyResponse;
  @ApiProperty({ type: [VisitYearResponse], description: 'Theo năm, năm sớm nhất trước' }) years: VisitYearResponse[];
  @ApiProperty({ type: [VisitResponse], description: 'Mới nhất trước' }) items: VisitResponse[];
}

export class OpenActionItemResponse implements OpenActionItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() cycleTitle: string;
  @ApiProperty() title: string;
  @ApiProperty() owner: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) dueDate: string;
  @ApiProperty({ description: 'Đã qua ngày hạn (giờ Việt Nam)' }) overdue: boolean;
}

export class CellRecordResponse implements CellRecordView {
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ type: DashboardCellResponse }) cell: DashboardCellResponse;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: [HostedResponse], description: 'Các buổi chi bộ làm chi bộ điểm (đã tổ chức, không kể đợt đã hủy), sớm nhất trước' }) hosted: HostedResponse[];
  @ApiProperty({ type: VisitsResponse }) visits: VisitsResponse;
  @ApiProperty({ type: [OpenActionItemResponse], description: 'Việc đã cam kết chưa hoàn thành, hạn sớm nhất trước' }) openActionItems: OpenActionItemResponse[];
}
