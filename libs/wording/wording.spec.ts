import { describe, expect, it } from '@jest/globals';
import { ACTION_ITEM_NOTICES, CYCLE_EVENT_NAMES, NOTIFICATION_REASONS } from '../domain/cycle-events.js';
import { CYCLE_STAGES, RATINGS } from '../domain/cycle.js';
import { ERROR_CODES } from '../domain/error-codes.js';
import { rankHostCandidates } from '../domain/host-ranking.js';
import { errorMessage, reasonParamsOf, TRANSPORT_PROBLEMS, transportMessage } from './error-messages.js';
import {
  CRITIQUE_STAGE_LABELS,
  INVITATION_STATUS_LABELS,
  MEETING_KIND_LABELS,
  POINT_KIND_LABELS,
  QUALITY_FLAG_LABELS,
  RATING_LABELS,
  REVIEW_DECISION_LABELS,
  ROLE_LABELS,
  RSVP_LABELS,
  STAGE_LABELS,
  STANCE_LABELS,
  TASK_LABELS,
} from './labels.js';
import type { Language } from './language.js';
import { actionItemText, notificationText, type NotificationContext } from './notification-texts.js';
import { eventLabel } from './timeline-labels.js';
import { dueInWords, vietnamPageTime } from './vietnam-time.js';

/**
 * A walk over every sentence the product writes for a person, in both languages, with params as the code
 * sends them (ISO times, ids, stage and rating codes): none of those may reach a sentence (language.md).
 */

const UUID = '3f2b8c1e-7d4a-4e2b-9c1f-0a9b8c7d6e5f';
/** 23:30 UTC on 10 December is 6:30 on 11 December in Asia/Ho_Chi_Minh: the turn of a day. */
const LATE_UTC = '2026-12-10T23:30:00.000Z';

/** Every param any refusal takes, as the workflow and the services send it. */
const RAW_PARAMS: Record<string, string | number> = {
  stage: 'REPORTING',
  meetingAt: LATE_UTC,
  earliest: LATE_UTC,
  limit: 10,
  pointId: UUID,
  pointText: 'Phần điều hành còn dài, chưa tập trung vào trọng tâm của buổi sinh hoạt chuyên đề về phát triển đảng viên',
  position: 2,
  count: 3,
  cellId: UUID,
  rating: 'TOT',
  band: 'KHA',
  criteria: '“Thời gian, thời lượng sinh hoạt”',
  criterion: 'Công tác chuẩn bị',
  max: 10,
  step: 0.5,
  hours: 12,
  field: 'attendance.present',
  from: '2026-12-11',
  to: '2029-12-31',
  retryAfterSeconds: 30,
  title: 'Sinh hoạt chi bộ điểm quý IV',
  columns: 'Chi bộ, Số đảng viên',
};

const SCREAMING_CODE = /\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/;
const MACHINE_VALUES: [string, RegExp][] = [
  ['an ISO time', /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/],
  ['an ISO date', /\b\d{4}-\d{2}-\d{2}\b/],
  ['UTC', /\bUTC\b|\bGMT\b/],
  ['a UUID', /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i],
  ['a stage code', new RegExp(`\\b(?:${CYCLE_STAGES.join('|')})\\b`)],
  ['a rating code', new RegExp(`\\b(?:${RATINGS.join('|')})\\b`)],
  ['a code', SCREAMING_CODE],
  ['an English field path', /\b[a-z]+(?:\.[a-z]+)+\b|\b[a-z]+[A-Z][A-Za-z]*\b/],
  ['an unfilled placeholder', /\{\w+\}|undefined|null|NaN|\[object/],
];
/** What language.md rules out in Vietnamese: the customer-service register, programmer words, the wrong terms. */
const NOT_IN_VIETNAMESE: [string, RegExp][] = [
  ['"Vui lòng"', /vui lòng/i],
  ['a programmer word', /\btrường\b(?! (?:tiểu học|học))|chuỗi ký tự|đối tượng|mã Unicode|lồng nhau|vai trò|ở tương lai/i],
  ['a term the Party office does not use', /chi bộ tổ chức|đăng kế hoạch|chấp nhận báo cáo|số liệu dự họp|thuộc Đảng bộ này|hết giai đoạn góp ý/i],
  ['«» instead of “”', /[«»]/],
  ['the newer tone marks (the product writes ủy, hủy, hóa)', /uỷ|huỷ|hoá|thuỵ|quỳ(?=\s)/i],
  ['an English word', /\b(?:please|the|is|not|step|cycle|field)\b/i],
];

function problemsOf(text: string, language: Language): string[] {
  const found = MACHINE_VALUES.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
  if (language === 'vi') found.push(...NOT_IN_VIETNAMESE.filter(([, pattern]) => pattern.test(text)).map(([what]) => what));
  return found;
}

function expectClean(text: string, language: Language, { sentence = true } = {}) {
  expect({ text, problems: problemsOf(text, language) }).toEqual({ text, problems: [] });
  if (sentence) expect(text).toMatch(/^[“"(]?\p{Lu}/u);
  expect(text.trim()).toBe(text);
  expect(text).not.toMatch(/ {2}| [,.;:]/);
}

const LANGUAGES: Language[] = ['vi', 'en'];

describe('the walk itself', () => {
  it('catches each thing it looks for', () => {
    const planted = [
      'Chưa đến giờ sinh hoạt (2026-12-11T01:00:00.000Z).',
      'Đợt sinh hoạt đang ở bước REPORTING.',
      `Ý kiến ${UUID} chưa được trả lời.`,
      'Xếp loại TOT, KHA.',
      'attendance.present là bắt buộc.',
      'Vui lòng thử lại.',
      'Thời gian sinh hoạt phải ở tương lai.',
      'Ý kiến «Phần điều hành».',
      'Đảng uỷ đã huỷ đợt sinh hoạt.',
      'Ghi nhận SHORT_MEETING.',
    ];
    for (const text of planted) expect(problemsOf(text, 'vi')).not.toEqual([]);
    expect(problemsOf('Tài liệu gửi Trường Tiểu học Na Hối.', 'vi')).toEqual([]);
  });
});

describe('refusals', () => {
  const variants = ERROR_CODES.flatMap((code) => [
    { code, params: RAW_PARAMS },
    { code, params: {} },
    ...reasonParamsOf(code).map((reason) => ({ code, params: { ...RAW_PARAMS, ...reason } })),
  ]);

  it.each(LANGUAGES)('every refusal, with every reason it gives, reads without a machine value (%s)', (language) => {
    for (const { code, params } of variants) expectClean(errorMessage(code, language, params), language);
  });

  it.each(CYCLE_STAGES)('WRONG_STAGE names the stage %s by its label, in both languages', (stage) => {
    for (const language of LANGUAGES) {
      const message = errorMessage('WRONG_STAGE', language, { stage });
      expectClean(message, language);
      const label = STAGE_LABELS[stage][language];
      expect(message.toLowerCase()).toContain(label.toLowerCase());
    }
  });

  it('a time is given in Asia/Ho_Chi_Minh as people write it, on the right side of midnight', () => {
    expect(errorMessage('MEETING_NOT_YET', 'vi', { meetingAt: LATE_UTC })).toBe(
      'Chưa đến giờ sinh hoạt (6 giờ 30 ngày 11/12/2026); chỉ ghi nhận buổi sinh hoạt từ thời điểm đó.',
    );
    expect(errorMessage('MEETING_NOT_YET', 'en', { meetingAt: LATE_UTC })).toContain('06:30, 11/12/2026 (Vietnam time)');
    // One minute before the turn of the day there, it is still the 10th.
    expect(errorMessage('MEETING_NOT_YET', 'vi', { meetingAt: '2026-12-10T16:59:00Z' })).toContain('23 giờ 59 ngày 10/12/2026');
    expect(errorMessage('MEETING_NOT_YET', 'vi', { meetingAt: '2026-12-10T17:00:00Z' })).toContain('0 giờ 00 ngày 11/12/2026');
  });

  it('a critique point is quoted by the start of its text, never by its id', () => {
    const message = errorMessage('MISSING_RESPONSES', 'vi', { count: 2, pointId: UUID, pointText: RAW_PARAMS.pointText });
    expect(message).toBe(
      'Còn 2 ý kiến hạn chế, đề xuất chưa được tiếp thu hoặc giải trình (như ý kiến “Phần điều hành còn dài, chưa tập trung vào trọng tâm của…”); đề nghị chi bộ trả lời từng ý kiến.',
    );
    expect(errorMessage('DUPLICATE_RESPONSE', 'vi', { pointId: UUID, pointText: 'Biên bản ghi chưa đủ ý kiến' })).toBe(
      'Ý kiến “Biên bản ghi chưa đủ ý kiến” được trả lời hơn một lần; mỗi ý kiến chỉ trả lời một lần.',
    );
    expect(errorMessage('UNKNOWN_CRITIQUE_POINT', 'vi', { pointId: UUID, position: 3 })).toBe(
      'Ý kiến trả lời thứ 3 không ứng với ý kiến nào trong các nhận xét, góp ý của đợt sinh hoạt này.',
    );
  });

  it('ratings are named by their labels', () => {
    expect(errorMessage('RATING_REQUIRED', 'vi')).toBe(
      'Khi thông qua báo cáo rút kinh nghiệm, đề nghị Đảng ủy xếp loại buổi sinh hoạt: Tốt, Khá, Trung bình, Kém.',
    );
    expect(errorMessage('RATING_NOT_ALLOWED', 'vi', { rating: 'TOT', reason: 'DISAGREES_WITH_SCORES', band: 'KHA' })).toBe(
      'Không thể xếp loại Tốt: tổng điểm trên phiếu chấm điểm ứng với xếp loại Khá.',
    );
    expect(errorMessage('RATING_NOT_ALLOWED', 'vi', { rating: 'TOT', reason: 'SHORT_MEETING' })).toBe('Không thể xếp loại Tốt: thời gian sinh hoạt chưa đủ.');
  });

  it.each(LANGUAGES)('the refusals of a request that cannot be read (%s)', (language) => {
    for (const problem of TRANSPORT_PROBLEMS) expectClean(transportMessage(problem, language), language);
  });
});

describe('labels', () => {
  const tables = {
    STAGE_LABELS,
    RATING_LABELS,
    QUALITY_FLAG_LABELS,
    CRITIQUE_STAGE_LABELS,
    POINT_KIND_LABELS,
    STANCE_LABELS,
    REVIEW_DECISION_LABELS,
    RSVP_LABELS,
    INVITATION_STATUS_LABELS,
    MEETING_KIND_LABELS,
    ROLE_LABELS,
    TASK_LABELS,
  };

  it.each(Object.entries(tables))('%s: every value has a label in both languages, never its code', (_, table) => {
    for (const [code, label] of Object.entries(table)) {
      for (const language of LANGUAGES) {
        expect(label[language]).not.toBe(code);
        expectClean(label[language], language, { sentence: false });
      }
    }
  });
});

describe('timeline', () => {
  it.each([...CYCLE_EVENT_NAMES, 'LESSONS_ADOPTED', 'ACTION_ITEM_DONE', 'ACTION_ITEM_DROPPED', 'CYCLE_CANCELLED_WITHOUT_WORKFLOW', 'SOME_FUTURE_EVENT'])(
    '%s reads as a sentence in both languages',
    (event) => {
      for (const language of LANGUAGES) expectClean(eventLabel(event, language), language);
    },
  );
});

describe('notifications', () => {
  const context: NotificationContext = {
    title: 'Sinh hoạt chi bộ điểm quý IV',
    meetingAt: new Date(LATE_UTC),
    location: 'Nhà văn hóa thôn Na Hối Tày',
    hostCellName: 'Chi bộ thôn Na Hối Tày',
    hostDueAt: new Date('2026-12-05T23:30:00Z'),
    planDueAt: new Date('2026-12-09T23:30:00Z'),
    critiqueClosesAt: new Date('2026-12-13T23:30:00Z'),
    reportDueAt: new Date('2026-12-20T23:30:00Z'),
    reviewDueAt: new Date('2026-12-27T23:30:00Z'),
    cancelReason: 'Mưa lũ, đường lên thôn bị sạt lở',
    rating: 'KHA',
    cellNames: ['Chi bộ thôn Ngải Thầu', 'Chi bộ thôn Cốc Môi'],
    stepNote: 'Trùng lịch tiếp xúc cử tri của huyện',
  };

  it.each(NOTIFICATION_REASONS)('%s: a title and a sentence a person can act on, with no machine value', (reason) => {
    const text = notificationText(reason, context);
    expectClean(text.title, 'vi');
    expectClean(text.body, 'vi');
    expect(text.body).toContain('“Sinh hoạt chi bộ điểm quý IV”');
    // Every time it names is a time in Vietnam: the day after the UTC date of these late-evening deadlines.
    for (const day of text.body.matchAll(/ngày (\d{2})\/12\/2026/g)) expect(['06', '10', '11', '14', '21', '28']).toContain(day[1]);
  });

  it('an invitation says who invites, where, when, and by when to answer (language.md)', () => {
    expect(notificationText('INVITED', context).body).toBe(
      'Đảng ủy trân trọng mời chi bộ cử đồng chí dự sinh hoạt chi bộ điểm “Sinh hoạt chi bộ điểm quý IV” tại Chi bộ thôn Na Hối Tày, 6 giờ 30 ngày 11/12/2026 (Thứ Sáu), Nhà văn hóa thôn Na Hối Tày. Đề nghị chi bộ xác nhận tham dự và báo tên đồng chí dự trước 6 giờ 30 ngày 10/12/2026.',
    );
  });

  it('a cancellation gives the reason; escalations name the cells; a new time gives why it moved', () => {
    expect(notificationText('CANCELLED', context).body).toContain('lý do: Mưa lũ, đường lên thôn bị sạt lở');
    expect(notificationText('CRITIQUES_MISSING', context).body).toContain('Chi bộ thôn Ngải Thầu, Chi bộ thôn Cốc Môi chưa gửi nhận xét, góp ý');
    expect(notificationText('REPORT_OVERDUE_ESCALATION', { ...context, cellNames: [] }).body).toMatch(/^Chi bộ thôn Na Hối Tày chưa gửi báo cáo rút kinh nghiệm/);
    expect(notificationText('RESCHEDULED', context).body).toContain('(lý do: Trùng lịch tiếp xúc cử tri của huyện)');
  });

  it('a notification without a host yet or without a deadline still reads as a sentence', () => {
    const bare = { ...context, hostCellName: null, hostDueAt: null, planDueAt: null, cancelReason: null, cellNames: [], stepNote: null, rating: null };
    for (const reason of NOTIFICATION_REASONS) {
      const text = notificationText(reason, bare);
      expectClean(text.body, 'vi');
    }
  });

  it.each(ACTION_ITEM_NOTICES)('%s names the item, its owner and its day', (notice) => {
    const text = actionItemText(notice, {
      cycleTitle: 'Sinh hoạt chi bộ điểm quý IV',
      hostCellName: 'Chi bộ thôn Na Hối Tày',
      title: 'Hoàn thiện mẫu biên bản sinh hoạt',
      owner: 'Đồng chí Lò Văn Pằng',
      dueDate: '2027-01-05',
    });
    expectClean(text.title, 'vi');
    expectClean(text.body, 'vi');
    expect(text.body).toContain('05/01/2027');
  });
});

describe('host candidates', () => {
  it('each reason for a candidate reads without a code, a day as people write it', () => {
    const ranked = rankHostCandidates(
      [
        { cellId: UUID, name: 'Chi bộ thôn Cốc Môi', memberCount: 12, lastHostedAt: new Date('2025-06-30T17:30:00Z'), lastRating: 'TRUNG_BINH', hasSecretary: false, isPreviousHost: false },
        { cellId: UUID.replace('3f', '4f'), name: 'Chi bộ thôn Km6', memberCount: 9, lastHostedAt: null, lastRating: null, hasSecretary: true, isPreviousHost: false },
        { cellId: UUID.replace('3f', '5f'), name: 'Chi bộ thôn Km3', memberCount: 14, lastHostedAt: new Date('2026-11-01T01:00:00Z'), lastRating: 'TOT', hasSecretary: true, isPreviousHost: true },
      ],
      new Date('2026-12-06T03:00:00Z'),
    );
    const reasons = ranked.flatMap((candidate) => candidate.reasons);
    expect(reasons.length).toBeGreaterThan(5);
    for (const reason of reasons) expectClean(reason, 'vi');
    // 17:30 UTC on 30 June is already 1 July in Vietnam.
    expect(reasons.join(' ')).toContain('01/07/2025');
    expect(reasons.join(' ')).toContain('Trung bình');
  });
});

describe('times on the pages', () => {
  it('a moment as web.md writes it, on the right side of midnight in Vietnam', () => {
    expect(vietnamPageTime(Date.parse('2026-12-04T17:00:00Z'))).toBe('Thứ Bảy, 05/12/2026, 00:00');
    expect(vietnamPageTime(Date.parse('2026-12-05T01:00:00Z'))).toBe('Thứ Bảy, 05/12/2026, 08:00');
  });

  it('a deadline counted in calendar days in Vietnam: còn, hạn hôm nay, quá hạn', () => {
    const now = Date.parse('2026-12-05T16:30:00Z'); // 23:30 on 5 December in Vietnam
    expect(dueInWords(Date.parse('2026-12-05T17:30:00Z'), now, 'vi')).toEqual({ words: 'còn 1 ngày', late: false });
    expect(dueInWords(Date.parse('2026-12-05T16:45:00Z'), now, 'vi')).toEqual({ words: 'hạn hôm nay', late: false });
    expect(dueInWords(Date.parse('2026-12-05T10:00:00Z'), now, 'vi')).toEqual({ words: 'quá hạn (hôm nay)', late: true });
    expect(dueInWords(Date.parse('2026-12-04T16:59:00Z'), now, 'vi')).toEqual({ words: 'quá hạn 1 ngày', late: true });
    expect(dueInWords(Date.parse('2026-12-08T01:00:00Z'), now, 'en')).toEqual({ words: '3 days left', late: false });
  });
});
