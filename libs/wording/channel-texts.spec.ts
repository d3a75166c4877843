import { describe, expect, it } from '@jest/globals';
import type { OutgoingNotification } from '../channels/channel.js';
import { ACTION_ITEM_NOTICES, NOTIFICATION_REASONS, type ActionItemNotice, type NotificationReason } from '../domain/cycle-events.js';
import {
  phoneTemplateKindOf,
  shorten,
  SMS_MAX_LENGTH,
  smsTextOf,
  toGsm,
  ZNS_PARAM_MAX,
  ZNS_TEMPLATE_PARAMS,
  znsTemplateData,
} from './channel-texts.js';
import { actionItemText, notificationText, type NotificationContext } from './notification-texts.js';

const LINK = 'https://chibodiem.nahoi.vn/dot/3f2b8c1e-7d4a-4e2b-9c1f-0a9b8c7d6e5f/xac-nhan';

/** Times in UTC; Vietnam is UTC+7, so 01:00Z is 08:00 there and 17:30Z the next day's 00:30. */
const context: NotificationContext = {
  title: 'Sinh hoạt chi bộ điểm quý IV',
  meetingAt: new Date('2026-12-11T01:00:00Z'),
  location: 'Nhà văn hóa thôn Na Hối Tày',
  hostCellName: 'Chi bộ thôn Na Hối Tày',
  hostDueAt: new Date('2026-12-01T10:00:00Z'),
  planDueAt: new Date('2026-12-08T17:30:00Z'),
  critiqueClosesAt: new Date('2026-12-14T10:00:00Z'),
  reportDueAt: new Date('2026-12-18T10:00:00Z'),
  reviewDueAt: new Date('2026-12-22T10:00:00Z'),
  cancelReason: 'Mưa lũ, đường lên thôn bị sạt lở',
  rating: 'KHA',
  cellNames: ['Chi bộ thôn Ngải Thầu', 'Chi bộ thôn Cốc Môi'],
  stepNote: 'Trùng lịch tiếp xúc cử tri',
};

function notice(reason: NotificationReason, cycle: NotificationContext = context): OutgoingNotification {
  const text = notificationText(reason, cycle);
  return {
    notificationId: 'n-1',
    deliveryId: 'd-1',
    reason,
    ...text,
    link: LINK,
    recipient: { fullName: 'Lò Văn Pằng', email: null, phone: '84912345678' },
    cycle,
  };
}

function actionNotice(reason: ActionItemNotice): OutgoingNotification {
  const text = actionItemText(reason, {
    cycleTitle: 'Sinh hoạt chi bộ điểm quý IV',
    hostCellName: 'Chi bộ thôn Na Hối Tày',
    title: 'Hoàn thiện mẫu biên bản',
    owner: 'Đồng chí Lò Văn Pằng',
    dueDate: '2027-01-05',
  });
  return { notificationId: 'n-2', deliveryId: 'd-2', reason, ...text, link: LINK, recipient: { fullName: 'Lò Văn Pằng', email: null, phone: null }, cycle: null };
}

const ALL_REASONS = [...NOTIFICATION_REASONS, ...ACTION_ITEM_NOTICES];

describe('which notifications go by phone', () => {
  it.each([
    ['INVITED', 'invitation'],
    ['GUEST_INVITED', 'invitation'],
    ['CHOSEN_AS_HOST', 'invitation'],
    ['RESCHEDULED', 'change'],
    ['RESCHEDULED_RECONFIRM', 'change'],
    ['RESCHEDULED_BY_HOST', 'change'],
    ['CANCELLED', 'change'],
    ['RSVP_REMINDER', 'reminder'],
    ['HOST_SELECTION_REMINDER', 'reminder'],
    ['CRITIQUE_REMINDER', 'reminder'],
    ['REPORT_REMINDER', 'reminder'],
    ['REVIEW_REMINDER', 'reminder'],
    ['MEETING_RECORD_REMINDER', 'reminder'],
    ['PLAN_DUE_SOON', 'reminder'],
    ['CRITIQUE_OPEN', 'reminder'],
    ['REPORT_NEEDED', 'reminder'],
    ['HOST_SELECTION_NEEDED', 'reminder'],
    ['ATTENDANCE_NOT_RECORDED', 'reminder'],
    ['ACTION_ITEM_DUE_SOON', 'reminder'],
    ['PLAN_REMINDER', 'overdue'],
    ['PLAN_OVERDUE_ALERT', 'overdue'],
    ['REPORT_OVERDUE', 'overdue'],
    ['REPORT_OVERDUE_ESCALATION', 'overdue'],
    ['MEETING_RECORD_OVERDUE_ALERT', 'overdue'],
    ['CRITIQUES_MISSING', 'overdue'],
    ['ACTION_ITEM_OVERDUE', 'overdue'],
    ['ACTION_ITEM_OVERDUE_ALERT', 'overdue'],
    ['LESSONS_SHARED', 'lessons'],
  ] as const)('%s goes with the %s template', (reason, kind) => {
    expect(phoneTemplateKindOf(reason)).toBe(kind);
  });

  it.each(['PLAN_POSTED', 'PLAN_REVISED', 'REVIEW_NEEDED', 'REVISION_REQUESTED', 'RATED', 'ATTENDANCE_CLAIMED'] as const)('%s stays in the inbox and the email', (reason) => {
    expect(phoneTemplateKindOf(reason)).toBeNull();
  });
});

describe('ZNS template fields', () => {
  it('an invitation: the cycle, the host, the time in Vietnam, the place and what to do by which day', () => {
    expect(znsTemplateData(notice('INVITED'))).toEqual({
      ten_dot: 'Sinh hoạt chi bộ điểm quý IV',
      chi_bo_diem: 'Chi bộ thôn Na Hối Tày',
      gio: '08:00',
      ngay: '11/12/2026',
      dia_diem: 'Nhà văn hóa thôn Na Hối Tày',
      // 17:30 UTC on 8 December is already 9 December in Vietnam.
      yeu_cau: 'Xác nhận trước 09/12/2026',
    });
    expect(znsTemplateData(notice('CHOSEN_AS_HOST')).yeu_cau).toBe('Gửi tài liệu trước 09/12/2026');
    expect(znsTemplateData(notice('GUEST_INVITED')).yeu_cau).toBe('Không cần xác nhận');
  });

  it('a cancellation gives its reason, a new time why it moved and what to confirm', () => {
    expect(znsTemplateData(notice('CANCELLED'))).toMatchObject({ thay_doi: 'Hủy đợt sinh hoạt', ly_do: 'Mưa lũ, đường lên thôn bị sạt…', yeu_cau: 'Không cần trả lời' });
    expect(znsTemplateData(notice('RESCHEDULED_RECONFIRM'))).toMatchObject({
      thay_doi: 'Đổi lịch sinh hoạt',
      gio: '08:00',
      ngay: '11/12/2026',
      ly_do: 'Trùng lịch tiếp xúc cử tri',
      yeu_cau: 'Xác nhận lại trước 09/12/2026',
    });
    expect(znsTemplateData(notice('RESCHEDULED', { ...context, stepNote: null })).ly_do).toBe('Không nêu');
  });

  it('reminders and escalations name the cell, the task and the deadline with its hour', () => {
    expect(znsTemplateData(notice('CRITIQUE_REMINDER'))).toEqual({
      ten_dot: 'Sinh hoạt chi bộ điểm quý IV',
      don_vi: 'Chi bộ thôn Na Hối Tày',
      viec: 'Gửi nhận xét, góp ý',
      han: '17:00 14/12/2026',
    });
    expect(znsTemplateData(notice('CRITIQUES_MISSING'))).toMatchObject({ don_vi: 'Chi bộ thôn Ngải Thầu, Chi bộ…', han: '17:00 14/12/2026' });
    expect(znsTemplateData(notice('PLAN_REMINDER'))).toMatchObject({ viec: 'Gửi chương trình, tài liệu', han: '00:30 09/12/2026' });
    expect(znsTemplateData(notice('MEETING_RECORD_REMINDER'))).toMatchObject({ don_vi: 'Chi bộ thôn Na Hối Tày', viec: 'Ghi nhận buổi sinh hoạt' });
    expect(znsTemplateData(notice('MEETING_RECORD_OVERDUE_ALERT'))).toMatchObject({ don_vi: 'Chi bộ thôn Ngải Thầu, Chi bộ…' });
    expect(znsTemplateData(notice('HOST_SELECTION_NEEDED'))).toMatchObject({ don_vi: 'Đảng ủy', viec: 'Chọn chi bộ điểm', han: '17:00 01/12/2026' });
  });

  it('an action item, which carries no cycle record, is read from its inbox words', () => {
    expect(znsTemplateData(actionNotice('ACTION_ITEM_OVERDUE_ALERT'))).toEqual({
      ten_dot: 'Sinh hoạt chi bộ điểm quý IV',
      don_vi: 'Chi bộ thôn Na Hối Tày',
      viec: 'Việc “Hoàn thiện mẫu biên bản”',
      han: '05/01/2027',
    });
    expect(znsTemplateData(actionNotice('ACTION_ITEM_DUE_SOON'))).toMatchObject({ viec: 'Việc “Hoàn thiện mẫu biên bản”', han: '05/01/2027' });
  });

  it('lessons shared give the rating', () => {
    expect(znsTemplateData(notice('LESSONS_SHARED'))).toEqual({
      ten_dot: 'Sinh hoạt chi bộ điểm quý IV',
      chi_bo_diem: 'Chi bộ thôn Na Hối Tày',
      xep_loai: 'Khá',
      yeu_cau: 'Ghi nhận nội dung vận dụng',
    });
  });

  it('long names are cut at a word, with “…”, within 30 characters', () => {
    const long = {
      ...context,
      title: 'Sinh hoạt chuyên đề về nâng cao chất lượng sinh hoạt chi bộ năm 2026',
      location: 'Hội trường Ủy ban nhân dân xã Na Hối, huyện Bắc Hà',
    };
    const data = znsTemplateData(notice('INVITED', long));
    expect(data.ten_dot).toBe('Sinh hoạt chuyên đề về nâng…');
    expect(data.dia_diem).toBe('Hội trường Ủy ban nhân dân xã…');
  });

  it.each(ALL_REASONS.filter((reason) => phoneTemplateKindOf(reason)))('%s fills exactly its template’s fields, each short, no code or ISO time', (reason) => {
    const long = { ...context, title: 'X'.repeat(80), location: 'Đường '.repeat(20), hostCellName: 'Chi bộ '.repeat(10), stepNote: 'lý do '.repeat(20) };
    const items = (ACTION_ITEM_NOTICES as readonly string[]).includes(reason)
      ? [actionNotice(reason as ActionItemNotice)]
      : [notice(reason as NotificationReason, long), notice(reason as NotificationReason)];
    for (const item of items) {
      const data = znsTemplateData(item);
      expect(Object.keys(data).sort()).toEqual([...ZNS_TEMPLATE_PARAMS[phoneTemplateKindOf(reason)!]].sort());
      for (const [name, value] of Object.entries(data)) {
        expect(name).toMatch(/^[a-z]+(_[a-z]+)*$/);
        expect([...value].length).toBeGreaterThan(0);
        expect([...value].length).toBeLessThanOrEqual(ZNS_PARAM_MAX);
        expect(value).not.toMatch(/T\d{2}:\d{2}|Z$|[A-Z]{3,}_/);
      }
    }
  });

  it('a notification that stays off the phone has no fields', () => {
    expect(znsTemplateData(notice('RATED'))).toEqual({});
  });
});

describe('SMS text', () => {
  it('an invitation in GSM-7 without diacritics: who, what, when, where, by when, then the link', () => {
    expect(smsTextOf(notice('INVITED'))).toBe(
      'Dang uy tran trong moi chi bo cu dong chi du sinh hoat chi bo diem "Sinh hoat chi bo diem quy IV" tai Chi bo thon Na Hoi Tay, ' +
        '8 gio 00 ngay 11/12/2026, Nha van hoa thon Na Hoi Tay. De nghi xac nhan truoc 0 gio 30 ngay 09/12/2026. ' +
        LINK,
    );
  });

  it('a cancellation gives the reason', () => {
    expect(smsTextOf(notice('CANCELLED'))).toBe(
      `Dang uy da huy dot sinh hoat "Sinh hoat chi bo diem quy IV" (du kien 8 gio 00 ngay 11/12/2026; ly do: Mua lu, duong len thon bi sat lo). ${LINK}`,
    );
  });

  it('an action item keeps its inbox words, plain', () => {
    expect(smsTextOf(actionNotice('ACTION_ITEM_OVERDUE'))).toBe(
      `Da qua han (ngay 05/01/2027) viec "Hoan thien mau bien ban" (Dong chi Lo Van Pang) trong bao cao rut kinh nghiem dot "Sinh hoat chi bo diem quy IV"; Dang uy da duoc bao. ${LINK}`,
    );
  });

  it.each(ALL_REASONS.filter((reason) => phoneTemplateKindOf(reason)))('%s fits two GSM-7 segments with its whole link, even with long names', (reason) => {
    const long = {
      ...context,
      title: 'Sinh hoạt chuyên đề về nâng cao chất lượng sinh hoạt chi bộ trong tình hình mới năm 2026',
      location: 'Hội trường Ủy ban nhân dân xã Na Hối, huyện Bắc Hà, tỉnh Lào Cai',
      hostCellName: 'Chi bộ Trường Phổ thông Dân tộc bán trú Tiểu học và Trung học cơ sở Na Hối',
      cellNames: ['Chi bộ thôn Dì Thàng 1', 'Chi bộ thôn Dì Thàng 2', 'Chi bộ thôn Sín Chải A', 'Chi bộ thôn Sín Chải B', 'Chi bộ thôn Ly Chư Phìn'],
      stepNote: 'Trùng lịch tiếp xúc cử tri của đại biểu Hội đồng nhân dân huyện và tỉnh trên địa bàn xã',
    };
    const item = (ACTION_ITEM_NOTICES as readonly string[]).includes(reason) ? actionNotice(reason as ActionItemNotice) : notice(reason as NotificationReason, long);
    const text = smsTextOf(item);
    expect(text.length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(text.endsWith(` ${LINK}`)).toBe(true);
    // Only the GSM-7 basic alphabet: one character is one of the 153 a joined segment holds.
    expect(text).toMatch(/^[A-Za-z0-9 .,:;!?'"()/+\-%&*#=<>@_$]+$/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|[A-Z]{3,}_/);
  });
});

describe('helpers', () => {
  it('shortens at a word and never above the limit', () => {
    expect(shorten('Chi bộ thôn Na Hối Tày', 30)).toBe('Chi bộ thôn Na Hối Tày');
    expect(shorten('Nhà văn hóa thôn Na Hối Tày, xã Na Hối', 20)).toBe('Nhà văn hóa thôn Na…');
    expect(shorten('Khôngcókhoảngtrắngnàotrongchuỗinày', 10)).toBe('Khôngcókh…');
  });

  it('writes Vietnamese in GSM-7 letters', () => {
    expect(toGsm('Đảng ủy đã hủy “đợt” — Nhà văn hóa…')).toBe('Dang uy da huy "dot" - Nha van hoa...');
  });
});
