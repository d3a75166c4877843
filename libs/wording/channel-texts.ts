import type { OutgoingNotification } from '../channels/channel.js';
import type { ActionItemNotice, NotificationReason } from '../domain/cycle-events.js';
import { VIETNAM_OFFSET_MS } from '../domain/input-bounds.js';
import { RATING_LABELS } from './labels.js';
import type { NotificationContext } from './notification-texts.js';
import { vietnamDay, vietnamTime } from './vietnam-time.js';

/**
 * The short texts of the paid phone channels (notifications.md): Zalo ZNS template fields and the SMS text.
 * Only what a person must act on, or must know before the meeting, goes by phone; the rest stays in the inbox
 * and the email. The words follow language.md (who, what, when, where and by when).
 */
export const PHONE_TEMPLATE_KINDS = ['invitation', 'change', 'reminder', 'overdue', 'lessons'] as const;
export type PhoneTemplateKind = (typeof PHONE_TEMPLATE_KINDS)[number];

type Reason = NotificationReason | ActionItemNotice;

/** Every reason is listed, so a new one cannot be forgotten: null keeps it to the inbox and the email. */
const KIND_OF: Record<Reason, PhoneTemplateKind | null> = {
  INVITED: 'invitation',
  GUEST_INVITED: 'invitation',
  CHOSEN_AS_HOST: 'invitation',
  RESCHEDULED: 'change',
  RESCHEDULED_RECONFIRM: 'change',
  RESCHEDULED_BY_HOST: 'change',
  CANCELLED: 'change',
  HOST_SELECTION_NEEDED: 'reminder',
  HOST_SELECTION_REMINDER: 'reminder',
  RSVP_REMINDER: 'reminder',
  PLAN_DUE_SOON: 'reminder',
  MEETING_RECORD_REMINDER: 'reminder',
  CRITIQUE_OPEN: 'reminder',
  CRITIQUE_REMINDER: 'reminder',
  ATTENDANCE_NOT_RECORDED: 'reminder',
  REPORT_NEEDED: 'reminder',
  REPORT_REMINDER: 'reminder',
  REVIEW_REMINDER: 'reminder',
  ACTION_ITEM_DUE_SOON: 'reminder',
  // PLAN_REMINDER is sent once the plan's deadline has passed (its inbox title says so).
  PLAN_REMINDER: 'overdue',
  PLAN_OVERDUE_ALERT: 'overdue',
  REPORT_OVERDUE: 'overdue',
  REPORT_OVERDUE_ESCALATION: 'overdue',
  MEETING_RECORD_OVERDUE_ALERT: 'overdue',
  CRITIQUES_MISSING: 'overdue',
  ACTION_ITEM_OVERDUE: 'overdue',
  ACTION_ITEM_OVERDUE_ALERT: 'overdue',
  LESSONS_SHARED: 'lessons',
  PLAN_POSTED: null,
  PLAN_REVISED: null,
  REVIEW_NEEDED: null,
  REVISION_REQUESTED: null,
  RATED: null,
  ATTENDANCE_CLAIMED: null,
};

/** The ZNS template (by kind) a notification goes with, or null when it goes by email and the inbox only. */
export function phoneTemplateKindOf(reason: Reason): PhoneTemplateKind | null {
  return KIND_OF[reason] ?? null;
}

// ── Zalo ZNS ──────────────────────────────────────────────────────────────────────────────────────────

/** Zalo's limit for one template field, as most approved templates have it. */
export const ZNS_PARAM_MAX = 30;

/**
 * The fields of each kind's template, the names to register them under with Zalo (every message of a kind
 * fills every field, so no template receives an empty one):
 * - invitation: ten_dot, chi_bo_diem, gio, ngay, dia_diem, yeu_cau
 * - change: ten_dot, chi_bo_diem, thay_doi, gio, ngay, dia_diem, ly_do, yeu_cau
 * - reminder, overdue: ten_dot, don_vi, viec, han
 * - lessons: ten_dot, chi_bo_diem, xep_loai, yeu_cau
 * gio is HH:mm and ngay dd/mm/yyyy (Vietnam time); han is "HH:mm dd/mm/yyyy"; yeu_cau says what to do and by
 * which day ("Xác nhận trước 09/12/2026": the day only, so 30 characters hold it).
 */
export const ZNS_TEMPLATE_PARAMS: Record<PhoneTemplateKind, readonly string[]> = {
  invitation: ['ten_dot', 'chi_bo_diem', 'gio', 'ngay', 'dia_diem', 'yeu_cau'],
  change: ['ten_dot', 'chi_bo_diem', 'thay_doi', 'gio', 'ngay', 'dia_diem', 'ly_do', 'yeu_cau'],
  reminder: ['ten_dot', 'don_vi', 'viec', 'han'],
  overdue: ['ten_dot', 'don_vi', 'viec', 'han'],
  lessons: ['ten_dot', 'chi_bo_diem', 'xep_loai', 'yeu_cau'],
};

const pad = (value: number) => String(value).padStart(2, '0');

/** "08:00" in Asia/Ho_Chi_Minh. */
function clock(at: Date): string {
  const shifted = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

const day = (at: Date) => vietnamDay(at.getTime());
const deadline = (at: Date | null | undefined) => (at ? `${clock(at)} ${day(at)}` : 'chưa xác định');
const before = (verb: string, at: Date | null | undefined) => (at ? `${verb} trước ${day(at)}` : verb);

/** Cuts a text to `max` characters, at a word where one is near, and marks the cut with "…". */
export function shorten(text: string, max: number, ellipsis = '…'): string {
  const characters = [...text.normalize('NFC').replace(/\s+/g, ' ').trim()];
  if (characters.length <= max) return characters.join('');
  const room = max - [...ellipsis].length;
  const cut = characters.slice(0, room).join('');
  const space = cut.lastIndexOf(' ');
  const endsAWord = characters[room] === ' ';
  // Back to the last whole word unless that throws away more than a third of what fits.
  const kept = endsAWord || space < room * 0.66 ? cut : cut.slice(0, space);
  return `${kept.replace(/[\s,.;:(–-]+$/, '')}${ellipsis}`;
}

/** What the notification's cycle says, and for a notice without one (an action item), what its inbox words say. */
interface Facts {
  cycleTitle: string;
  host: string;
  cycle: NotificationContext | null;
  /** For a notice without a cycle: the item in quotes, and the day in the inbox text. */
  item: string | null;
  itemDue: string | null;
}

function factsOf(notification: OutgoingNotification): Facts {
  const { cycle } = notification;
  if (cycle) return { cycleTitle: cycle.title, host: cycle.hostCellName ?? 'Chi bộ điểm', cycle, item: null, itemDue: null };
  // An action item's notice carries no cycle record (notification-texts.ts actionItemText): its inbox words
  // quote the item first and the cycle second, and end with the due day.
  const quoted = [...notification.body.matchAll(/“([^”]*)”/g)].map((match) => match[1]);
  const host = /^(.+?) chưa hoàn thành /.exec(notification.body)?.[1] ?? 'Chi bộ';
  return {
    cycleTitle: quoted[1] ?? quoted[0] ?? notification.title,
    host,
    cycle: null,
    item: quoted[0] ?? null,
    itemDue: /(\d{2}\/\d{2}\/\d{4})/.exec(notification.body)?.[1] ?? null,
  };
}

/** What is due, and when, for the reminder and overdue kinds. */
function dueOf(reason: Reason, facts: Facts): { unit: string; what: string; due: string } {
  const cycle = facts.cycle;
  const names = cycle?.cellNames?.length ? cycle.cellNames.join(', ') : null;
  switch (reason) {
    case 'HOST_SELECTION_NEEDED':
    case 'HOST_SELECTION_REMINDER':
      return { unit: 'Đảng ủy', what: 'Chọn chi bộ điểm', due: deadline(cycle?.hostDueAt) };
    case 'RSVP_REMINDER':
      return { unit: facts.host, what: 'Xác nhận tham dự', due: deadline(cycle?.planDueAt) };
    case 'PLAN_DUE_SOON':
    case 'PLAN_REMINDER':
    case 'PLAN_OVERDUE_ALERT':
      return { unit: facts.host, what: 'Gửi chương trình, tài liệu', due: deadline(cycle?.planDueAt) };
    case 'MEETING_RECORD_REMINDER':
    case 'MEETING_RECORD_OVERDUE_ALERT':
      // No deadline of its own: the record is due from the meeting on. The alert names the cells behind.
      return {
        unit: reason === 'MEETING_RECORD_OVERDUE_ALERT' ? (names ?? facts.host) : facts.host,
        what: 'Ghi nhận buổi sinh hoạt',
        due: cycle ? deadline(cycle.meetingAt) : 'chưa xác định',
      };
    case 'CRITIQUE_OPEN':
    case 'CRITIQUE_REMINDER':
      return { unit: facts.host, what: 'Gửi nhận xét, góp ý', due: deadline(cycle?.critiqueClosesAt) };
    case 'CRITIQUES_MISSING':
      return { unit: names ?? 'Một số chi bộ', what: 'Gửi nhận xét, góp ý', due: deadline(cycle?.critiqueClosesAt) };
    case 'ATTENDANCE_NOT_RECORDED':
      return { unit: facts.host, what: 'Báo chi bộ đã dự sinh hoạt', due: deadline(cycle?.critiqueClosesAt) };
    case 'REPORT_NEEDED':
    case 'REPORT_REMINDER':
    case 'REPORT_OVERDUE':
      return { unit: facts.host, what: 'Gửi báo cáo rút kinh nghiệm', due: deadline(cycle?.reportDueAt) };
    case 'REPORT_OVERDUE_ESCALATION':
      return { unit: names ?? facts.host, what: 'Gửi báo cáo rút kinh nghiệm', due: deadline(cycle?.reportDueAt) };
    case 'REVIEW_REMINDER':
      return { unit: 'Đảng ủy', what: 'Thông qua, xếp loại báo cáo', due: deadline(cycle?.reviewDueAt) };
    default:
      // The action items: the item by its title, due on its day.
      return { unit: facts.host, what: facts.item ? `Việc “${facts.item}”` : 'Việc đã cam kết', due: facts.itemDue ?? 'chưa xác định' };
  }
}

/**
 * The fields of the notification's ZNS template (ZNS_TEMPLATE_PARAMS), each at most 30 characters; empty when
 * the notification does not go by ZNS.
 */
export function znsTemplateData(notification: OutgoingNotification): Record<string, string> {
  const kind = phoneTemplateKindOf(notification.reason);
  if (!kind) return {};
  const facts = factsOf(notification);
  const cycle = facts.cycle;
  const meeting = cycle ? { gio: clock(cycle.meetingAt), ngay: day(cycle.meetingAt), dia_diem: cycle.location } : { gio: '', ngay: '', dia_diem: '' };
  let data: Record<string, string>;
  switch (kind) {
    case 'invitation': {
      const ask =
        notification.reason === 'INVITED'
          ? before('Xác nhận', cycle?.planDueAt)
          : notification.reason === 'CHOSEN_AS_HOST'
            ? before('Gửi tài liệu', cycle?.planDueAt)
            : 'Không cần xác nhận';
      data = { ten_dot: facts.cycleTitle, chi_bo_diem: facts.host, ...meeting, yeu_cau: ask };
      break;
    }
    case 'change': {
      const change: Record<string, string> = {
        RESCHEDULED: 'Đổi lịch sinh hoạt',
        RESCHEDULED_RECONFIRM: 'Đổi lịch sinh hoạt',
        RESCHEDULED_BY_HOST: 'Chi bộ điểm đổi lịch',
        CANCELLED: 'Hủy đợt sinh hoạt',
      };
      const why = notification.reason === 'CANCELLED' ? cycle?.cancelReason : cycle?.stepNote;
      data = {
        ten_dot: facts.cycleTitle,
        chi_bo_diem: facts.host,
        thay_doi: change[notification.reason] ?? 'Đổi lịch sinh hoạt',
        ...meeting,
        ly_do: why || 'Không nêu',
        yeu_cau: notification.reason === 'RESCHEDULED_RECONFIRM' ? before('Xác nhận lại', cycle?.planDueAt) : 'Không cần trả lời',
      };
      break;
    }
    case 'reminder':
    case 'overdue': {
      const due = dueOf(notification.reason, facts);
      data = { ten_dot: facts.cycleTitle, don_vi: due.unit, viec: due.what, han: due.due };
      break;
    }
    case 'lessons':
      data = {
        ten_dot: facts.cycleTitle,
        chi_bo_diem: facts.host,
        xep_loai: cycle?.rating ? RATING_LABELS[cycle.rating].vi : 'Chưa xếp loại',
        yeu_cau: 'Ghi nhận nội dung vận dụng',
      };
      break;
  }
  return Object.fromEntries(Object.entries(data).map(([name, value]) => [name, shorten(value || 'Không có', ZNS_PARAM_MAX)]));
}

// ── SMS ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * SMS goes without diacritics (IsUnicode "0"). With them a segment holds 70 characters (67 when joined), so
 * two segments hold 134: not enough for who, what, when, where, by when and the link, while without them two
 * hold 306 (153 each) for the price of two. Brandname texts in Vietnam are customarily written so and read
 * without trouble; the inbox, the email and ZNS keep the full spelling.
 */
export const SMS_UNICODE = false;
/** Two joined GSM-7 segments. */
export const SMS_MAX_LENGTH = 306;

/**
 * Characters of the GSM-7 basic alphabet kept as they are (the extension ones, [ ] { } ~ ^ | \ €, count
 * double and some phones show them wrongly, so they are replaced too).
 */
const GSM_BASIC = /[A-Za-z0-9 .,:;!?'"()/+\-%&*#=<>@_$\n]/;

/** Vietnamese text as GSM-7 characters: diacritics dropped (đ → d), typographic marks made plain. */
export function toGsm(text: string): string {
  const plain = text
    .replace(/[đĐ]/g, (letter) => (letter === 'đ' ? 'd' : 'D'))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...');
  return [...plain].map((character) => (GSM_BASIC.test(character) ? character : ' ')).join('').replace(/ {2,}/g, ' ');
}

/** The words of each SMS, with its variable parts cut to `room` characters. */
function smsSentence(notification: OutgoingNotification, room: number): string {
  const facts = factsOf(notification);
  const cycle = facts.cycle;
  const cut = (text: string) => shorten(text, room, '...');
  if (!cycle) return notification.body;
  const title = `“${cut(cycle.title)}”`;
  const host = cut(facts.host);
  const when = vietnamTime(cycle.meetingAt.getTime());
  const where = cut(cycle.location);
  const names = cycle.cellNames?.length ? cut(cycle.cellNames.join(', ')) : null;
  const at = (value: Date | null | undefined) => (value ? vietnamTime(value.getTime()) : 'chưa xác định');
  const note = cycle.stepNote ? ` (lý do: ${cut(cycle.stepNote)})` : '';
  switch (notification.reason as NotificationReason) {
    case 'INVITED':
      return `Đảng ủy trân trọng mời chi bộ cử đồng chí dự sinh hoạt chi bộ điểm ${title} tại ${host}, ${when}, ${where}. Đề nghị xác nhận trước ${at(cycle.planDueAt)}.`;
    case 'GUEST_INVITED':
      return `Đảng ủy trân trọng mời đồng chí dự sinh hoạt chi bộ điểm ${title} tại ${host}, ${when}, ${where}.`;
    case 'CHOSEN_AS_HOST':
      return `Đảng ủy chọn chi bộ làm chi bộ điểm đợt ${title}, ${when}, tại ${where}. Đề nghị gửi chương trình, tài liệu sinh hoạt trước ${at(cycle.planDueAt)}.`;
    case 'RESCHEDULED':
      return `Buổi sinh hoạt chi bộ điểm ${title} tại ${host} chuyển sang ${when}, ${where}${note}.`;
    case 'RESCHEDULED_RECONFIRM':
      return `Buổi sinh hoạt chi bộ điểm ${title} tại ${host} chuyển sang ${when}, ${where}${note}. Đề nghị xác nhận lại trước ${at(cycle.planDueAt)}.`;
    case 'RESCHEDULED_BY_HOST':
      return `${host} đã đổi lịch buổi sinh hoạt ${title} sang ${when}, ${where}${note}.`;
    case 'CANCELLED':
      return `Đảng ủy đã hủy đợt sinh hoạt ${title} (dự kiến ${when}; lý do: ${cut(cycle.cancelReason ?? 'không nêu')}).`;
    case 'HOST_SELECTION_NEEDED':
      return `Đề nghị Đảng ủy chọn chi bộ điểm cho đợt ${title} (dự kiến ${when}, tại ${where}) trước ${at(cycle.hostDueAt)}.`;
    case 'HOST_SELECTION_REMINDER':
      return `Đợt ${title} (dự kiến ${when}) chưa có chi bộ điểm. Đề nghị Đảng ủy chọn chi bộ điểm trước ${at(cycle.hostDueAt)}.`;
    case 'RSVP_REMINDER':
      return `Đề nghị chi bộ xác nhận tham dự sinh hoạt chi bộ điểm ${title} tại ${host}, ${when}, ${where}, trước ${at(cycle.planDueAt)}.`;
    case 'PLAN_DUE_SOON':
      return `Đề nghị ${host} gửi chương trình, tài liệu sinh hoạt đợt ${title} trước ${at(cycle.planDueAt)}.`;
    case 'MEETING_RECORD_REMINDER':
      return `Buổi sinh hoạt ${title} (${when}) chưa được ghi nhận. Đề nghị ${host} ghi nhận thời gian, số đảng viên dự sinh hoạt và biên bản.`;
    case 'CRITIQUE_OPEN':
      return `Buổi sinh hoạt ${title} tại ${host} đã kết thúc. Đề nghị gửi nhận xét, góp ý trước ${at(cycle.critiqueClosesAt)}.`;
    case 'CRITIQUE_REMINDER':
      return `Đề nghị chi bộ gửi nhận xét, góp ý buổi sinh hoạt ${title} tại ${host} trước ${at(cycle.critiqueClosesAt)}.`;
    case 'ATTENDANCE_NOT_RECORDED':
      return `${host} chưa ghi nhận chi bộ dự buổi sinh hoạt ${title}. Nếu chi bộ đã dự, đề nghị báo đã dự trước ${at(cycle.critiqueClosesAt)}.`;
    case 'REPORT_NEEDED':
      return `Đề nghị ${host} tiếp thu, giải trình ý kiến và gửi báo cáo rút kinh nghiệm đợt ${title} trước ${at(cycle.reportDueAt)}.`;
    case 'REPORT_REMINDER':
      return `Đề nghị ${host} gửi báo cáo rút kinh nghiệm đợt ${title} trước ${at(cycle.reportDueAt)}.`;
    case 'REVIEW_REMINDER':
      return `Báo cáo rút kinh nghiệm đợt ${title} của ${host} đang chờ Đảng ủy đánh giá (hạn ${at(cycle.reviewDueAt)}).`;
    case 'PLAN_REMINDER':
      return `${host} chưa gửi chương trình, tài liệu sinh hoạt đợt ${title} (hạn ${at(cycle.planDueAt)}). Đề nghị chi bộ gửi ngay.`;
    case 'PLAN_OVERDUE_ALERT':
      return `${host} chưa gửi chương trình, tài liệu sinh hoạt đợt ${title} (hạn ${at(cycle.planDueAt)}; buổi sinh hoạt ${when}).`;
    case 'REPORT_OVERDUE':
      return `${host} chưa gửi báo cáo rút kinh nghiệm đợt ${title} (hạn ${at(cycle.reportDueAt)}). Đề nghị chi bộ gửi ngay.`;
    case 'REPORT_OVERDUE_ESCALATION':
      return `${names ?? host} chưa gửi báo cáo rút kinh nghiệm đợt ${title} (hạn ${at(cycle.reportDueAt)}).`;
    case 'MEETING_RECORD_OVERDUE_ALERT':
      return `${names ?? host} chưa ghi nhận buổi sinh hoạt ${title} (${when}).`;
    case 'CRITIQUES_MISSING':
      return `Kết thúc thời gian góp ý đợt ${title} (${at(cycle.critiqueClosesAt)}); ${names ?? 'một số chi bộ'} chưa gửi nhận xét, góp ý.`;
    case 'LESSONS_SHARED':
      return `Đảng ủy đã kết thúc đợt ${title}${cycle.rating ? `, xếp loại ${RATING_LABELS[cycle.rating].vi}` : ''}. Đề nghị chi bộ nghiên cứu bài học kinh nghiệm của ${host} và ghi nhận nội dung vận dụng, nhân rộng.`;
    default:
      return notification.body;
  }
}

/**
 * The SMS a person reads: the sentence for its reason, in GSM-7 (SMS_UNICODE), then the link to the page
 * that acts on it, in at most two segments. The names, places and reasons in it are cut shorter until it fits;
 * the link is never cut.
 */
export function smsTextOf(notification: OutgoingNotification): string {
  const link = notification.link;
  const room = SMS_MAX_LENGTH - link.length - 1;
  for (let slot = 60; slot >= 12; slot -= 4) {
    const sentence = capitalised(toGsm(smsSentence(notification, slot)).trim());
    if (sentence.length <= room) return `${sentence} ${link}`;
  }
  return `${shorten(capitalised(toGsm(smsSentence(notification, 12)).trim()), Math.max(room, 20), '...')} ${link}`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
