import type { AreaKind } from '../domain/areas.js';
import type { CritiqueStage, CycleStage, InvitationStatus, MeetingKind, PointKind, Rating, ResponseStance, ReviewDecision, RsvpResponse, TaskAction } from '../domain/cycle.js';
import type { Role } from '../domain/roles.js';
import type { Language, Template } from './language.js';

/**
 * The words a person reads for each value the API stores as a code: the one place a stage, a rating or a
 * quality flag becomes "Báo cáo rút kinh nghiệm", "Tốt", "thời gian sinh hoạt chưa đủ" (language.md). Error
 * messages, notifications, timeline labels, validation messages, pages and documents all read them here.
 */
export const STAGE_LABELS: Record<CycleStage, Template> = {
  HOST_SELECTION: { vi: 'Lựa chọn chi bộ điểm', en: 'Choosing the host cell' },
  PREPARATION: { vi: 'Chuẩn bị sinh hoạt', en: 'Preparation' },
  SCHEDULED: { vi: 'Chờ tổ chức sinh hoạt', en: 'Waiting for the meeting' },
  CRITIQUE: { vi: 'Nhận xét, góp ý', en: 'Critique' },
  REPORTING: { vi: 'Báo cáo rút kinh nghiệm', en: 'Lessons-learned report' },
  REVIEW: { vi: 'Đảng ủy đánh giá, xếp loại', en: 'Review and rating' },
  CLOSED: { vi: 'Đã kết thúc', en: 'Closed' },
  CANCELLED: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** The ratings are the Party's own terms; English text uses them as names, as domain.md does. */
export const RATING_LABELS: Record<Rating, Template> = {
  TOT: { vi: 'Tốt', en: 'Tốt' },
  KHA: { vi: 'Khá', en: 'Khá' },
  TRUNG_BINH: { vi: 'Trung bình', en: 'Trung bình' },
  KEM: { vi: 'Kém', en: 'Kém' },
};

/** What the meeting record shows against a rating of Tốt (the record's quality flags). */
export const QUALITY_FLAG_LABELS: Record<'SHORT_MEETING' | 'LOW_ATTENDANCE' | 'UNEXCUSED_ABSENCE', Template> = {
  SHORT_MEETING: { vi: 'thời gian sinh hoạt chưa đủ', en: 'the meeting was too short' },
  LOW_ATTENDANCE: { vi: 'số đảng viên dự sinh hoạt chưa đủ 90%', en: 'fewer than 90% of the members attended' },
  UNEXCUSED_ABSENCE: { vi: 'có đảng viên vắng mặt không có lý do', en: 'a member was absent without a reason' },
};
export type QualityFlag = keyof typeof QUALITY_FLAG_LABELS;

/** The stages of a meeting a critique point is about: "từng khâu, từng việc". */
export const CRITIQUE_STAGE_LABELS: Record<CritiqueStage, Template> = {
  preparation: { vi: 'Công tác chuẩn bị', en: 'Preparation' },
  procedure: { vi: 'Trình tự, thủ tục sinh hoạt', en: 'Procedure' },
  content: { vi: 'Nội dung sinh hoạt', en: 'Content' },
  chairing: { vi: 'Điều hành của đồng chí chủ trì', en: 'Chairing' },
  minutes: { vi: 'Biên bản, nghị quyết', en: 'Minutes and resolution' },
  tasks: { vi: 'Phân công nhiệm vụ', en: 'Task assignment' },
};

export const POINT_KIND_LABELS: Record<PointKind, Template> = {
  strength: { vi: 'Ưu điểm', en: 'Strength' },
  weakness: { vi: 'Hạn chế', en: 'Weakness' },
  suggestion: { vi: 'Đề xuất', en: 'Suggestion' },
};

/** The host's answer to a point. */
export const STANCE_LABELS: Record<ResponseStance, Template> = {
  accept: { vi: 'Tiếp thu', en: 'Accepted' },
  partly: { vi: 'Tiếp thu một phần', en: 'Partly accepted' },
  disagree: { vi: 'Giải trình, bảo lưu', en: 'Explained, kept' },
};

export const REVIEW_DECISION_LABELS: Record<ReviewDecision, Template> = {
  accept: { vi: 'Thông qua báo cáo', en: 'Accept the report' },
  revise: { vi: 'Đề nghị hoàn thiện báo cáo', en: 'Send the report back for revision' },
};

export const RSVP_LABELS: Record<RsvpResponse, Template> = {
  accept: { vi: 'Tham dự', en: 'Attend' },
  decline: { vi: 'Không tham dự', en: 'Decline' },
};

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, Template> = {
  PENDING: { vi: 'Chưa xác nhận', en: 'Not answered' },
  ACCEPTED: { vi: 'Xác nhận tham dự', en: 'Attending' },
  DECLINED: { vi: 'Báo không tham dự', en: 'Not attending' },
};

export const MEETING_KIND_LABELS: Record<MeetingKind, Template> = {
  regular: { vi: 'Sinh hoạt thường kỳ', en: 'Regular meeting' },
  thematic: { vi: 'Sinh hoạt chuyên đề', en: 'Thematic meeting' },
};

/** The upper levels over communes. */
export const AREA_KIND_LABELS: Record<AreaKind, Template> = {
  district: { vi: 'Huyện', en: 'District' },
  province: { vi: 'Tỉnh', en: 'Province' },
};

export const ROLE_LABELS: Record<Role, Template> = {
  admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  committee: { vi: 'Cán bộ Đảng ủy', en: 'Committee staff' },
  secretary: { vi: 'Bí thư chi bộ', en: 'Cell secretary' },
  guest: { vi: 'Đại biểu cấp trên', en: 'Upper-level guest' },
  overseer: { vi: 'Cán bộ cấp trên (huyện, tỉnh)', en: 'Upper-level staff (district, province)' },
};

/** Each task of "Việc của tôi", as the person reads it. */
export const TASK_LABELS: Record<TaskAction, Template> = {
  SELECT_HOST: { vi: 'Chọn chi bộ điểm', en: 'Choose the host cell' },
  SUBMIT_PLAN: { vi: 'Gửi chương trình, tài liệu sinh hoạt', en: 'Send the agenda and documents' },
  RSVP: { vi: 'Xác nhận tham dự', en: 'Answer the invitation' },
  RECORD_MEETING: { vi: 'Ghi nhận buổi sinh hoạt', en: 'Record the meeting' },
  SUBMIT_CRITIQUE: { vi: 'Gửi nhận xét, góp ý', en: 'Send the critique' },
  SUBMIT_REPORT: { vi: 'Gửi báo cáo rút kinh nghiệm', en: 'Send the lessons-learned report' },
  REVIEW_REPORT: { vi: 'Đánh giá, xếp loại', en: 'Review and rate' },
  COMPLETE_ACTION_ITEM: { vi: 'Thực hiện việc đã cam kết', en: 'Do the committed action item' },
};

export function labelOf<Code extends string>(labels: Record<Code, Template>, code: Code, language: Language): string {
  return labels[code][language];
}
