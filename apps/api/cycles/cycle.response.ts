import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CRITIQUE_STAGES,
  CYCLE_STAGES,
  INVITATION_STATUSES,
  MEETING_KINDS,
  POINT_KINDS,
  RATINGS,
  RESPONSE_STANCES,
  REVIEW_DECISIONS,
  type CritiqueStage,
  type CycleStage,
  type InvitationStatus,
  type PinnedRubric,
  type PointKind,
  type Rating,
  type ResponseStance,
  type ReviewDecision,
  type RubricCriterion,
  type Scores,
} from '../../../libs/domain/cycle.js';
import type { ActionItem, Attendance, CritiquePoint, CyclePlan, CycleReport, MeetingRecord, ReportResponse } from '../../../libs/domain/cycle-records.js';
import type { HostCandidate } from '../../../libs/domain/host-ranking.js';
import type { ActionItemView, CritiqueView, CycleSummary, CycleView, ReviewView } from './cycle.mapper.js';

/**
 * What the cycle endpoints answer, as the OpenAPI document publishes it. Each class implements the view its
 * mapper (cycle.mapper.ts) builds, so a field renamed there fails to compile here. Fields a visitor does not
 * see (who posted, recorded, filed, reviewed) are marked not required.
 */

const SCORES = { type: 'object', additionalProperties: { type: 'number' }, description: 'Mã tiêu chí → số điểm (lẻ đến nửa điểm)' } as const;
const NULLABLE_SCORES = { ...SCORES, nullable: true } as const;

export class RubricCriterionResponse implements RubricCriterion {
  @ApiProperty() id: string;
  @ApiProperty() label: string;
  @ApiProperty() maxPoints: number;
  @ApiPropertyOptional({ description: 'Xếp loại Tốt cần đủ điểm tiêu chí này' }) requiredForTop?: boolean;
}

export class PinnedRubricResponse implements PinnedRubric {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: [RubricCriterionResponse] }) criteria: RubricCriterionResponse[];
  @ApiPropertyOptional({ example: 0.5 }) pointStep?: number;
}

export class PlanResponse implements CyclePlan {
  @ApiProperty({ type: [String] }) agenda: string[];
  @ApiProperty() content: string;
  @ApiProperty({ type: String, nullable: true }) draftResolution: string | null;
  @ApiProperty({ format: 'date-time' }) postedAt: string;
  @ApiProperty({ format: 'uuid', required: false, description: 'Không gửi cho chi bộ dự và đại biểu' }) postedBy: string;
  @ApiPropertyOptional({ description: 'Gửi sau hạn' }) late?: boolean;
}

export class InvitationResponse {
  @ApiProperty({ format: 'uuid' }) cellId: string;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty({ type: String, nullable: true }) delegate: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Chỉ chi bộ đó và Đảng ủy thấy' }) note: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondedAt: string | null;
  @ApiProperty() attended: boolean;
  @ApiProperty({ type: String, nullable: true }) adoption: string | null;
}

export class AttendanceResponse implements Attendance {
  @ApiProperty() present: number;
  @ApiProperty() total: number;
  @ApiProperty() absentWithReason: number;
  @ApiProperty() absentWithoutReason: number;
  @ApiPropertyOptional() exempted?: number;
}

export class MeetingResponse implements MeetingRecord {
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) endedAt: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ type: AttendanceResponse }) attendance: AttendanceResponse;
  @ApiProperty({ type: [String], format: 'uuid' }) attendingCellIds: string[];
  @ApiProperty() minutes: string;
  @ApiProperty({ type: String, nullable: true }) resolution: string | null;
  @ApiProperty(NULLABLE_SCORES) selfScores: Scores | null;
  @ApiProperty({ type: Number, nullable: true }) selfScoreTotal: number | null;
  @ApiProperty({ enum: RATINGS, nullable: true }) selfRating: Rating | null;
  @ApiProperty({ type: [String], description: 'Nhận xét chất lượng: buổi sinh hoạt ngắn, vắng nhiều, vắng không lý do' }) qualityFlags: string[];
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ format: 'uuid', required: false, description: 'Không gửi cho chi bộ dự và đại biểu' }) recordedBy: string;
  @ApiPropertyOptional({ description: 'Sinh hoạt chuyên đề kết hợp sinh hoạt thường kỳ' }) combined?: boolean;
}

export class GuestResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Chỉ người đó và Đảng ủy thấy' }) userId: string | null;
  @ApiProperty() fullName: string;
}

export class CritiquePointResponse implements CritiquePoint {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CRITIQUE_STAGES }) stage: CritiqueStage;
  @ApiProperty({ enum: POINT_KINDS }) kind: PointKind;
  @ApiProperty() text: string;
}

export class CritiqueResponse implements CritiqueView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Chi bộ gửi nhận xét, góp ý; null với nhận xét, góp ý của đại biểu' }) cellId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) guestId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) guestName?: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: [CritiquePointResponse] }) points: CritiquePointResponse[];
  @ApiProperty(NULLABLE_SCORES) scores: Scores | null;
  @ApiProperty({ type: Number, nullable: true }) scoreTotal: number | null;
  @ApiProperty({ enum: RATINGS, nullable: true }) rating: Rating | null;
}

export class PointAnswerResponse implements ReportResponse {
  @ApiProperty({ format: 'uuid' }) pointId: string;
  @ApiProperty({ enum: RESPONSE_STANCES }) stance: ResponseStance;
  @ApiProperty() text: string;
}

export class ReportedActionItemResponse implements ActionItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() owner: string;
  @ApiProperty({ format: 'date', example: '2027-01-31' }) dueDate: string;
}

export class FiledReportResponse implements CycleReport {
  @ApiProperty({ type: [PointAnswerResponse] }) responses: PointAnswerResponse[];
  @ApiProperty({ type: [String] }) lessons: string[];
  @ApiProperty({ type: [ReportedActionItemResponse] }) actionItems: ReportedActionItemResponse[];
  @ApiProperty({ description: 'Lần gửi (1, rồi tăng mỗi lần hoàn thiện)' }) revision: number;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty({ format: 'uuid', required: false, description: 'Không gửi cho chi bộ dự và đại biểu' }) filedBy: string;
  @ApiProperty({ description: 'Gửi sau hạn' }) late: boolean;
}

export class ReviewResponse implements ReviewView {
  @ApiProperty({ enum: REVIEW_DECISIONS }) decision: ReviewDecision;
  @ApiProperty({ enum: RATINGS, nullable: true }) rating: Rating | null;
  @ApiPropertyOptional({ example: 'Tốt', description: 'Xếp loại bằng lời, theo ngôn ngữ của yêu cầu; chỉ có khi đã xếp loại' }) ratingLabel?: string;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;
  @ApiProperty({ format: 'uuid', required: false, description: 'Không gửi cho chi bộ dự và đại biểu' }) reviewedBy: string;
  @ApiPropertyOptional(SCORES) scores?: Scores;
}

export class ActionItemResponse implements ActionItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() owner: string;
  @ApiProperty({ format: 'date', example: '2027-01-31' }) dueDate: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) doneAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) droppedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) dropReason: string | null;
}

export class CarriedOverActionItemResponse extends ActionItemResponse {
  @ApiProperty({ format: 'uuid', description: 'Đợt sinh hoạt đã nêu việc này' }) cycleId: string;
}

export class DeadlinesResponse {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) hostDueAt: string | null;
  @ApiProperty({ format: 'date-time' }) planDueAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recordDueAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) critiqueClosesAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reportDueAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewDueAt: string | null;
}

export class TimelineEntryResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: 'CRITIQUE_SUBMITTED' }) event: string;
  @ApiProperty({ example: 'Chi bộ gửi nhận xét, góp ý' }) label: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null với chi bộ dự và đại biểu' }) actorId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cellId: string | null;
}

export class CycleResponse implements CycleView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty() title: string;
  @ApiProperty() topic: string;
  @ApiProperty({ enum: MEETING_KINDS }) kind: string;
  @ApiProperty({ enum: CYCLE_STAGES }) status: CycleStage;
  @ApiProperty({ example: 'Báo cáo rút kinh nghiệm', description: 'Giai đoạn bằng lời, theo ngôn ngữ của yêu cầu' }) statusLabel: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) hostCellId: string | null;
  @ApiProperty({ format: 'date-time' }) meetingAt: string;
  @ApiProperty() location: string;
  @ApiProperty({ format: 'uuid' }) rubricId: string;
  @ApiProperty({ type: PinnedRubricResponse }) rubric: PinnedRubricResponse;
  @ApiProperty({ type: PlanResponse, nullable: true }) plan: PlanResponse | null;
  @ApiProperty({ type: [InvitationResponse] }) invitations: InvitationResponse[];
  @ApiProperty({ type: MeetingResponse, nullable: true }) meeting: MeetingResponse | null;
  @ApiProperty({ type: [GuestResponse] }) guests: GuestResponse[];
  @ApiProperty({ type: [CritiqueResponse] }) critiques: CritiqueResponse[];
  @ApiProperty({ description: 'Chi bộ dự chưa gửi nhận xét, góp ý thì chưa thấy nhận xét, góp ý của chi bộ khác' }) critiquesHidden: boolean;
  @ApiProperty({ type: FiledReportResponse, nullable: true }) report: FiledReportResponse | null;
  @ApiProperty({ type: [ActionItemResponse] }) actionItems: ActionItemResponse[];
  @ApiProperty({ type: [CarriedOverActionItemResponse] }) carriedOverActionItems: CarriedOverActionItemResponse[];
  @ApiProperty({ type: ReviewResponse, nullable: true }) review: ReviewResponse | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ type: DeadlinesResponse }) deadlines: DeadlinesResponse;
  @ApiProperty({ type: [TimelineEntryResponse] }) timeline: TimelineEntryResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CycleSummaryResponse implements CycleSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: MEETING_KINDS }) kind: string;
  @ApiProperty({ enum: CYCLE_STAGES }) status: CycleStage;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) hostCellId: string | null;
  @ApiProperty({ format: 'date-time' }) meetingAt: string;
  @ApiProperty() location: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CyclePageResponse {
  @ApiProperty({ type: [CycleSummaryResponse] }) items: CycleSummaryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Gửi lại trong cursor để lấy trang sau; null khi hết' }) nextCursor: string | null;
}

export class HostCandidateResponse implements HostCandidate {
  @ApiProperty({ format: 'uuid' }) cellId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Điểm xếp hạng; cao hơn xếp trước' }) score: number;
  @ApiProperty({ type: [String], description: 'Lý do, bằng lời' }) reasons: string[];
  @ApiProperty({ description: 'Chi bộ đã có tài khoản bí thư' }) hasSecretary: boolean;
}
