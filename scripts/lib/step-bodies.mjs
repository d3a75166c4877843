// Valid request bodies for each step of a model-meeting cycle, as the HTTP API accepts them today
// (apps/api/cycles/dto/*.ts; the contract is ../shared/docs/api.md). Each builder takes the facts of its
// step (ids, times) and, optionally, other words; left out, the words are the bench's, so the bench's two
// sides (through the API, and the floor straight to Temporal) send the same bytes. Types: step-bodies.d.mts.
// Used by the bench, the demo (npm run demo) and cycle-driver.mjs.

/** @typedef {import('./step-bodies.mjs').Moment} Moment */
/** @typedef {import('./step-bodies.mjs').CritiquePoint} CritiquePoint */
/** @typedef {import('./step-bodies.mjs').PointResponse} PointResponse */

const MINUTE = 60_000;

/** @param {Moment} at */
const iso = (at) => (typeof at === 'string' ? at : new Date(at).toISOString());

/** @type {typeof import('./step-bodies.mjs').EARLY_START_TOLERANCE} */
export const EARLY_START_TOLERANCE = 'PT3H';

/** @type {typeof import('./step-bodies.mjs').launchBody} */
export const launchBody = ({
  committeeId,
  hostCellId,
  invitedCellIds,
  meetingAt,
  title = 'Sinh hoạt chi bộ điểm quý IV',
  topic = 'Nâng cao chất lượng sinh hoạt chi bộ, phát huy vai trò hạt nhân chính trị ở thôn bản',
  kind = 'regular',
  location = 'Nhà văn hóa thôn Na Hối Tày',
  critiqueWindow,
  reportWindow,
  reviewWindow,
  rubricId,
  guestIds,
  reminders = {},
  earlyStartTolerance = EARLY_START_TOLERANCE,
}) => ({
  committeeId,
  title,
  topic,
  kind,
  ...(hostCellId === undefined ? {} : { hostCellId }),
  invitedCellIds,
  meetingAt: iso(meetingAt),
  location,
  ...(critiqueWindow === undefined ? {} : { critiqueWindow }),
  ...(reportWindow === undefined ? {} : { reportWindow }),
  ...(reviewWindow === undefined ? {} : { reviewWindow }),
  ...(rubricId === undefined ? {} : { rubricId }),
  ...(guestIds === undefined ? {} : { guestIds }),
  ...reminderLeads({ ...(earlyStartTolerance === null ? {} : { earlyStartTolerance }), ...reminders }),
});

/** @param {Record<string, string>} leads */
const reminderLeads = (leads) => (Object.keys(leads).length === 0 ? {} : { reminders: leads });

/** @type {typeof import('./step-bodies.mjs').pickHostBody} */
export const pickHostBody = (cellId) => ({ cellId });

/** @type {typeof import('./step-bodies.mjs').planBody} */
export const planBody = ({
  agenda = ['Khai mạc, giới thiệu đại biểu', 'Đánh giá kết quả thực hiện nghị quyết tháng', 'Sinh hoạt chuyên đề', 'Thông qua nghị quyết'],
  content = 'Chuyên đề: phát triển đảng viên ở thôn bản vùng cao; phân công đảng viên phụ trách hộ.',
  draftResolution = 'Dự thảo nghị quyết tháng: tập trung phát triển đảng viên mới, giữ vững an ninh trật tự.',
} = {}) => ({ agenda, content, draftResolution });

/** @type {typeof import('./step-bodies.mjs').acceptInvitationBody} */
export const acceptInvitationBody = ({ index = 0, delegate = `Đồng chí Thào Seo Lềnh (chi bộ ${index + 1})` } = {}) => ({ response: 'accept', delegate });

/** @type {typeof import('./step-bodies.mjs').declineInvitationBody} */
export const declineInvitationBody = ({ note = 'Trùng lịch họp thôn' } = {}) => ({ response: 'decline', note });

/** @type {typeof import('./step-bodies.mjs').meetingBody} */
export const meetingBody = ({
  attendingCellIds,
  durationMinutes = 95,
  endedMinutesAgo = 5,
  now = Date.now(),
  attendance = { present: 20, total: 21, absentWithReason: 1 },
  minutes = 'Biên bản buổi sinh hoạt: chi bộ đã thảo luận, thống nhất nghị quyết tháng; 12 đảng viên phát biểu.',
  resolution = 'Nghị quyết: tập trung phát triển đảng viên mới.',
  selfScores = { time: 5, attendance: 5 },
  combined,
}) => {
  const endedAt = now - endedMinutesAgo * MINUTE;
  return {
    startedAt: iso(endedAt - durationMinutes * MINUTE),
    endedAt: iso(endedAt),
    attendance,
    attendingCellIds,
    minutes,
    resolution,
    ...(selfScores === null ? {} : { selfScores }),
    ...(combined === undefined ? {} : { combined }),
  };
};

/** @type {typeof import('./step-bodies.mjs').critiqueBody} */
export const critiqueBody = ({
  index = 0,
  points = /** @type {CritiquePoint[]} */ ([
    { stage: 'preparation', kind: 'strength', text: `Tài liệu gửi trước đầy đủ, đúng hạn (ý kiến chi bộ ${index + 1})` },
    { stage: 'chairing', kind: 'weakness', text: `Phần điều hành còn dài, cần gọn hơn (ý kiến chi bộ ${index + 1})` },
  ]),
  scores = { time: 5, attendance: 5, preparation: 9 },
} = {}) => ({ points, ...(scores === null ? {} : { scores }) });

/** @type {typeof import('./step-bodies.mjs').vietnamDayFromToday} */
export const vietnamDayFromToday = (days) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** @type {typeof import('./step-bodies.mjs').reportBody} */
export const reportBody = ({
  pointIds = [],
  responses = pointIds.map((pointId) => /** @type {PointResponse} */ ({ pointId, stance: 'accept', text: 'Tiếp thu, rút gọn phần điều hành' })),
  lessons = ['Chuẩn bị kỹ nội dung trước buổi sinh hoạt', 'Phân công cụ thể từng đảng viên'],
  actionItems = [{ title: 'Hoàn thiện mẫu biên bản', owner: 'Bí thư chi bộ', dueDate: vietnamDayFromToday(30) }],
} = {}) => ({ responses, lessons, actionItems });

/** @type {typeof import('./step-bodies.mjs').acceptReviewBody} */
export const acceptReviewBody = ({ rating = 'TOT', comment = 'Buổi sinh hoạt đạt yêu cầu', scores } = {}) => ({
  decision: 'accept',
  rating,
  comment,
  ...(scores === undefined ? {} : { scores }),
});

/** @type {typeof import('./step-bodies.mjs').reviseReviewBody} */
export const reviseReviewBody = ({ comment = 'Đề nghị bổ sung bài học về phân công nhiệm vụ' } = {}) => ({ decision: 'revise', comment });

/** @type {typeof import('./step-bodies.mjs').cancelBody} */
export const cancelBody = (reason) => ({ reason });
