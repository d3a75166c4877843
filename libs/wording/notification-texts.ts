import type { ActionItemNotice, NotificationReason } from '../domain/cycle-events.js';
import type { Rating } from '../domain/cycle.js';
import { RATING_LABELS } from './labels.js';
import { vietnamCalendarDay, vietnamTime, vietnamWeekday } from './vietnam-time.js';

/** What a notification can tell about its cycle, read from the cycle's record when the notification is written. */
export interface NotificationContext {
  title: string;
  meetingAt: Date;
  location: string;
  hostCellName: string | null;
  hostDueAt?: Date | null;
  planDueAt: Date | null;
  critiqueClosesAt: Date | null;
  reportDueAt: Date | null;
  reviewDueAt: Date | null;
  cancelReason: string | null;
  rating?: Rating | null;
  /** The cells the notification is about (those missing a critique, say), by name. */
  cellNames?: string[];
  /** What the person who took the step wrote with it: why the meeting moved, what the report still needs. */
  stepNote?: string | null;
}

const at = (value: Date | null | undefined) => (value ? vietnamTime(value.getTime()) : 'chưa xác định');

/** "8 giờ 00 ngày 11/12/2026 (Thứ Năm)": a meeting's time as an invitation gives it. */
const meetingTime = (value: Date) => `${vietnamTime(value.getTime())} (${vietnamWeekday(value.getTime())})`;

/**
 * What a person reads in the in-app inbox, in Vietnamese as a Party office writes it (language.md): who, what,
 * when, where and by when, in one or two sentences; reminders and escalations name the cell and the deadline,
 * a cancellation its reason. The inbox keeps the reason code for other languages.
 */
export function notificationText(reason: NotificationReason, cycle: NotificationContext): { title: string; body: string } {
  const text = textOf(reason, cycle);
  // A sentence that opens with the host's name opens with a capital even before a host is known.
  return { title: text.title, body: text.body.charAt(0).toUpperCase() + text.body.slice(1) };
}

function textOf(reason: NotificationReason, cycle: NotificationContext): { title: string; body: string } {
  const of = `“${cycle.title}”`;
  const host = cycle.hostCellName ?? 'chi bộ điểm';
  const when = meetingTime(cycle.meetingAt);
  const where = cycle.location;
  const names = (cycle.cellNames ?? []).join(', ');
  const note = cycle.stepNote ? ` (lý do: ${cycle.stepNote})` : '';
  switch (reason) {
    case 'HOST_SELECTION_NEEDED':
      return {
        title: 'Chọn chi bộ điểm',
        body: `Đề nghị Đảng ủy chọn chi bộ điểm cho đợt sinh hoạt ${of}, dự kiến ${when}, tại ${where}, trước ${at(cycle.hostDueAt)}.`,
      };
    case 'HOST_SELECTION_REMINDER':
      return {
        title: 'Nhắc chọn chi bộ điểm',
        body: `Đợt sinh hoạt ${of} (dự kiến ${when}) chưa có chi bộ điểm. Đề nghị Đảng ủy chọn chi bộ điểm trước ${at(cycle.hostDueAt)} để chi bộ kịp chuẩn bị.`,
      };
    case 'INVITED':
      return {
        title: 'Giấy mời dự sinh hoạt chi bộ điểm',
        body: `Đảng ủy trân trọng mời chi bộ cử đồng chí dự sinh hoạt chi bộ điểm ${of} tại ${host}, ${when}, ${where}. Đề nghị chi bộ xác nhận tham dự và báo tên đồng chí dự trước ${at(cycle.planDueAt)}.`,
      };
    case 'GUEST_INVITED':
      return {
        title: 'Giấy mời dự sinh hoạt chi bộ điểm',
        body: `Đảng ủy trân trọng mời đồng chí dự sinh hoạt chi bộ điểm ${of} tại ${host}, ${when}, ${where}.`,
      };
    case 'CHOSEN_AS_HOST':
      return {
        title: 'Chi bộ được chọn làm chi bộ điểm',
        body: `Đảng ủy chọn chi bộ làm chi bộ điểm của đợt ${of}, ${when}, tại ${where}. Đề nghị chi bộ gửi chương trình, tài liệu sinh hoạt và dự thảo nghị quyết trước ${at(cycle.planDueAt)}.`,
      };
    case 'PLAN_POSTED':
      return {
        title: 'Chương trình, tài liệu sinh hoạt',
        body: `${host} đã gửi chương trình, tài liệu sinh hoạt của đợt ${of} (${when}, tại ${where}). Đề nghị chi bộ nghiên cứu trước buổi sinh hoạt.`,
      };
    case 'PLAN_REVISED':
      return {
        title: 'Bổ sung chương trình, tài liệu sinh hoạt',
        body: `${host} đã bổ sung chương trình, tài liệu sinh hoạt của đợt ${of} (${when}, tại ${where}).`,
      };
    case 'PLAN_DUE_SOON':
      return {
        title: 'Nhắc gửi chương trình, tài liệu sinh hoạt',
        body: `Đề nghị ${host} gửi chương trình, tài liệu sinh hoạt của đợt ${of} trước ${at(cycle.planDueAt)}; tài liệu cần gửi các chi bộ trước buổi sinh hoạt (${when}) ít nhất 1 ngày.`,
      };
    case 'PLAN_REMINDER':
      return {
        title: 'Quá hạn gửi chương trình, tài liệu sinh hoạt',
        body: `${host} chưa gửi chương trình, tài liệu sinh hoạt của đợt ${of} (hạn ${at(cycle.planDueAt)}). Đề nghị chi bộ gửi ngay; Đảng ủy đã được báo.`,
      };
    case 'PLAN_OVERDUE_ALERT':
      return {
        title: 'Chi bộ điểm chưa gửi chương trình, tài liệu',
        body: `${host} chưa gửi chương trình, tài liệu sinh hoạt của đợt ${of} (hạn ${at(cycle.planDueAt)}; buổi sinh hoạt ${when}).`,
      };
    case 'RESCHEDULED':
      return { title: 'Đổi lịch sinh hoạt chi bộ điểm', body: `Buổi sinh hoạt chi bộ điểm ${of} tại ${host} chuyển sang ${when}, ${where}${note}.` };
    case 'RESCHEDULED_RECONFIRM':
      return {
        title: 'Đổi lịch: đề nghị xác nhận lại',
        body: `Buổi sinh hoạt chi bộ điểm ${of} tại ${host} chuyển sang ${when}, ${where}${note}. Đề nghị chi bộ xác nhận lại việc tham dự và đồng chí dự trước ${at(cycle.planDueAt)}.`,
      };
    case 'RESCHEDULED_BY_HOST':
      return { title: 'Chi bộ điểm đổi lịch sinh hoạt', body: `${host} đã đổi lịch buổi sinh hoạt ${of} sang ${when}, ${where}${note}.` };
    case 'MEETING_RECORD_REMINDER':
      return {
        title: 'Nhắc ghi nhận buổi sinh hoạt',
        body: `Buổi sinh hoạt ${of} (${when}) chưa được ghi nhận. Đề nghị ${host} ghi nhận thời gian, số đảng viên dự sinh hoạt và biên bản.`,
      };
    case 'MEETING_RECORD_OVERDUE_ALERT':
      return { title: 'Chưa ghi nhận buổi sinh hoạt chi bộ điểm', body: `${names || host} chưa ghi nhận buổi sinh hoạt ${of} (${when}).` };
    case 'CRITIQUE_OPEN':
      return {
        title: 'Gửi nhận xét, góp ý buổi sinh hoạt',
        body: `Buổi sinh hoạt ${of} tại ${host} đã kết thúc. Đề nghị gửi nhận xét, góp ý từng khâu, từng việc trước ${at(cycle.critiqueClosesAt)}.`,
      };
    case 'ATTENDANCE_NOT_RECORDED':
      return {
        title: 'Chi bộ chưa được ghi nhận dự sinh hoạt',
        body: `${host} chưa ghi nhận chi bộ dự buổi sinh hoạt ${of}. Nếu chi bộ đã dự, đề nghị báo đã dự trước ${at(cycle.critiqueClosesAt)} để gửi nhận xét, góp ý.`,
      };
    case 'ATTENDANCE_CLAIMED':
      return {
        title: 'Chi bộ báo đã dự sinh hoạt',
        body: `${names || 'Chi bộ'} báo đã dự buổi sinh hoạt ${of} tại ${host} nhưng chưa được ghi nhận; chi bộ được gửi nhận xét, góp ý trước ${at(cycle.critiqueClosesAt)}.`,
      };
    case 'CRITIQUE_REMINDER':
      return { title: 'Nhắc gửi nhận xét, góp ý', body: `Đề nghị chi bộ gửi nhận xét, góp ý buổi sinh hoạt ${of} tại ${host} trước ${at(cycle.critiqueClosesAt)}.` };
    case 'CRITIQUES_MISSING':
      return { title: 'Chi bộ chưa gửi nhận xét, góp ý', body: `Kết thúc thời gian góp ý đợt ${of} (${at(cycle.critiqueClosesAt)}); ${names || 'một số chi bộ'} chưa gửi nhận xét, góp ý.` };
    case 'REPORT_NEEDED':
      return {
        title: 'Báo cáo rút kinh nghiệm',
        body: `Kết thúc thời gian góp ý đợt ${of}. Đề nghị ${host} tiếp thu, giải trình từng ý kiến và gửi báo cáo rút kinh nghiệm trước ${at(cycle.reportDueAt)}.`,
      };
    case 'REPORT_REMINDER':
      return { title: 'Nhắc gửi báo cáo rút kinh nghiệm', body: `Đề nghị ${host} gửi báo cáo rút kinh nghiệm đợt ${of} trước ${at(cycle.reportDueAt)}.` };
    case 'REPORT_OVERDUE':
      return {
        title: 'Quá hạn gửi báo cáo rút kinh nghiệm',
        body: `${host} chưa gửi báo cáo rút kinh nghiệm đợt ${of} (hạn ${at(cycle.reportDueAt)}). Đề nghị chi bộ gửi ngay; Đảng ủy đã được báo.`,
      };
    case 'REPORT_OVERDUE_ESCALATION':
      return { title: 'Chi bộ điểm quá hạn gửi báo cáo', body: `${names || host} chưa gửi báo cáo rút kinh nghiệm đợt ${of} (hạn ${at(cycle.reportDueAt)}).` };
    case 'REVIEW_NEEDED':
      return {
        title: 'Báo cáo rút kinh nghiệm chờ Đảng ủy đánh giá',
        body: `${host} đã gửi báo cáo rút kinh nghiệm đợt ${of}. Đề nghị Đảng ủy thông qua báo cáo và xếp loại, hoặc đề nghị hoàn thiện, trước ${at(cycle.reviewDueAt)}.`,
      };
    case 'REVIEW_REMINDER':
      return {
        title: 'Nhắc đánh giá báo cáo rút kinh nghiệm',
        body: `Báo cáo rút kinh nghiệm đợt ${of} của ${host} đang chờ Đảng ủy đánh giá (hạn ${at(cycle.reviewDueAt)}).`,
      };
    case 'REVISION_REQUESTED':
      return {
        title: 'Hoàn thiện báo cáo rút kinh nghiệm',
        body: `Đảng ủy đề nghị ${host} hoàn thiện báo cáo rút kinh nghiệm đợt ${of}${cycle.stepNote ? ` (${cycle.stepNote})` : ''} và gửi lại trước ${at(cycle.reportDueAt)}.`,
      };
    case 'LESSONS_SHARED':
      return {
        title: 'Bài học kinh nghiệm từ chi bộ điểm',
        body: `Đảng ủy đã kết thúc đợt ${of}${cycle.rating ? `, xếp loại ${RATING_LABELS[cycle.rating].vi}` : ''}. Đề nghị chi bộ nghiên cứu bài học kinh nghiệm của ${host} và ghi nhận nội dung vận dụng, nhân rộng.`,
      };
    case 'RATED':
      return {
        title: 'Kết quả xếp loại buổi sinh hoạt chi bộ điểm',
        body: `Đảng ủy đã thông qua báo cáo rút kinh nghiệm và xếp loại buổi sinh hoạt ${of} của ${host}: ${cycle.rating ? RATING_LABELS[cycle.rating].vi : 'chưa xếp loại'}.`,
      };
    case 'CANCELLED':
      return { title: 'Hủy đợt sinh hoạt chi bộ điểm', body: `Đảng ủy đã hủy đợt sinh hoạt ${of} (dự kiến ${when}; lý do: ${cycle.cancelReason ?? 'không nêu'}).` };
    case 'RSVP_REMINDER':
      return {
        title: 'Nhắc xác nhận tham dự',
        body: `Đề nghị chi bộ xác nhận tham dự sinh hoạt chi bộ điểm ${of} tại ${host}, ${when}, ${where}, trước ${at(cycle.planDueAt)}.`,
      };
  }
}

/** Reminders of one action item from a lessons-learned report: the item, its owner and its due day. */
export function actionItemText(
  notice: ActionItemNotice,
  item: { cycleTitle: string; hostCellName: string; title: string; owner: string; dueDate: string },
): { title: string; body: string } {
  const what = `việc “${item.title}” (${item.owner}) trong báo cáo rút kinh nghiệm đợt “${item.cycleTitle}”`;
  const due = vietnamCalendarDay(item.dueDate);
  switch (notice) {
    case 'ACTION_ITEM_DUE_SOON':
      return { title: 'Nhắc thực hiện việc đã cam kết', body: `Đề nghị chi bộ hoàn thành ${what} trước ngày ${due}.` };
    case 'ACTION_ITEM_OVERDUE':
      return { title: 'Quá hạn thực hiện việc đã cam kết', body: `Đã quá hạn (ngày ${due}) ${what}; Đảng ủy đã được báo.` };
    case 'ACTION_ITEM_OVERDUE_ALERT':
      return { title: 'Chi bộ quá hạn thực hiện việc đã cam kết', body: `${item.hostCellName} chưa hoàn thành ${what}, hạn ngày ${due}.` };
  }
}
