import type { TimelineEventName } from '../domain/cycle-events.js';
import type { Language, Template } from './language.js';

/** Each entry of a cycle's timeline as a Party office would log it: who did what, in the active voice. */
const EVENT_LABELS: Record<TimelineEventName, Template> = {
  CYCLE_LAUNCHED: { vi: 'Đảng ủy khởi tạo đợt sinh hoạt chi bộ điểm', en: 'Cycle launched' },
  HOST_CANDIDATES_RANKED: { vi: 'Hệ thống đề xuất các chi bộ có thể làm chi bộ điểm', en: 'Host candidates suggested' },
  HOST_SELECTED: { vi: 'Đảng ủy chọn chi bộ điểm', en: 'Host cell selected' },
  PLAN_POSTED: { vi: 'Chi bộ điểm gửi chương trình, tài liệu sinh hoạt', en: 'Agenda and documents sent' },
  PLAN_REVISED: { vi: 'Chi bộ điểm bổ sung chương trình, tài liệu sinh hoạt', en: 'Agenda and documents revised' },
  RSVP_ACCEPTED: { vi: 'Chi bộ xác nhận tham dự', en: 'Invitation accepted' },
  RSVP_DECLINED: { vi: 'Chi bộ báo không tham dự', en: 'Invitation declined' },
  RESCHEDULED: { vi: 'Đổi lịch sinh hoạt', en: 'Meeting rescheduled' },
  MEETING_RECORDED: { vi: 'Chi bộ điểm ghi nhận buổi sinh hoạt', en: 'Meeting recorded' },
  CRITIQUE_SUBMITTED: { vi: 'Chi bộ gửi nhận xét, góp ý', en: 'Critique submitted' },
  CRITIQUE_CLOSED: { vi: 'Kết thúc thời gian góp ý', en: 'Critique window closed' },
  REPORT_FILED: { vi: 'Chi bộ điểm gửi báo cáo rút kinh nghiệm', en: 'Lessons-learned report sent' },
  REVISION_REQUESTED: { vi: 'Đảng ủy đề nghị hoàn thiện báo cáo rút kinh nghiệm', en: 'Report sent back for revision' },
  CYCLE_CLOSED: { vi: 'Đảng ủy thông qua báo cáo, xếp loại và kết thúc đợt sinh hoạt', en: 'Report accepted, meeting rated, cycle closed' },
  CYCLE_CANCELLED: { vi: 'Đảng ủy hủy đợt sinh hoạt', en: 'Cycle cancelled' },
  RSVP_REMINDER_SENT: { vi: 'Nhắc các chi bộ chưa xác nhận tham dự', en: 'RSVP reminder sent' },
  PLAN_OVERDUE: { vi: 'Quá hạn gửi chương trình, tài liệu: nhắc chi bộ điểm, báo Đảng ủy', en: 'Agenda overdue: host reminded, committee alerted' },
  CRITIQUE_REMINDER_SENT: { vi: 'Nhắc các chi bộ chưa gửi nhận xét, góp ý', en: 'Critique reminder sent' },
  REPORT_REMINDER_SENT: { vi: 'Nhắc chi bộ điểm gửi báo cáo rút kinh nghiệm', en: 'Report reminder sent' },
  REPORT_OVERDUE: { vi: 'Quá hạn gửi báo cáo rút kinh nghiệm: báo Đảng ủy', en: 'Report overdue: committee alerted' },
  LESSONS_ADOPTED: { vi: 'Chi bộ ghi nhận nội dung vận dụng, nhân rộng', en: 'A cell recorded what it will adopt' },
  ACTION_ITEM_DONE: { vi: 'Hoàn thành một việc đã cam kết trong báo cáo rút kinh nghiệm', en: 'Action item done' },
  ACTION_ITEM_DROPPED: { vi: 'Thôi thực hiện một việc đã cam kết trong báo cáo rút kinh nghiệm', en: 'Action item dropped' },
  CYCLE_CANCELLED_WITHOUT_WORKFLOW: {
    vi: 'Đảng ủy hủy đợt sinh hoạt khi hệ thống không xử lý tiếp được đợt này',
    en: 'Cycle cancelled while its workflow did not answer',
  },
  ATTENDANCE_CLAIMED: { vi: 'Chi bộ báo đã dự sinh hoạt (chi bộ điểm chưa ghi nhận)', en: 'A cell said it attended (the host had not recorded it)' },
  GUESTS_INVITED: { vi: 'Đảng ủy mời đại biểu cấp trên', en: 'Upper-level guests invited' },
  HOST_SELECTION_OVERDUE: { vi: 'Quá hạn chọn chi bộ điểm: nhắc Đảng ủy', en: 'Host not picked in time: committee reminded' },
  PLAN_REMINDER_SENT: { vi: 'Nhắc chi bộ điểm gửi chương trình, tài liệu sinh hoạt', en: 'Host reminded to send the agenda and documents' },
  MEETING_RECORD_REMINDER_SENT: { vi: 'Nhắc chi bộ điểm ghi nhận buổi sinh hoạt', en: 'Host reminded to record the meeting' },
  MEETING_RECORD_OVERDUE: { vi: 'Quá hạn ghi nhận buổi sinh hoạt: báo Đảng ủy', en: 'Meeting not recorded in time: committee alerted' },
  REVIEW_OVERDUE: { vi: 'Quá hạn đánh giá báo cáo rút kinh nghiệm: nhắc Đảng ủy', en: 'Report waiting for review too long: committee reminded' },
};

/** An event the product does not know (an entry from a newer version) reads as a plain update, never as its code. */
const UNKNOWN_EVENT: Template = { vi: 'Cập nhật đợt sinh hoạt', en: 'Cycle updated' };

export function eventLabel(event: string, language: Language): string {
  return (event in EVENT_LABELS ? EVENT_LABELS[event as TimelineEventName] : UNKNOWN_EVENT)[language];
}
