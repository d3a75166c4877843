import { vietnamRunningTime } from '../../wording/vietnam-time.js';
import type { DocumentSource } from '../document-source.js';
import type { Block, PartyDocument } from '../party-document.js';
import {
  cancellation,
  cellHeader,
  cellName,
  cellSignature,
  eventDay,
  field,
  meetingKindLabel,
  meetingMonth,
  missing,
  paragraph,
  partyPlace,
  plainList,
  scoreSheet,
  section,
  subheading,
  textOr,
  toCommittee,
} from './document-parts.js';

/** Where the minutes book names the chair and the minute-taker: the cycle does not hold them, the hand writes them. */
const BY_HAND = '……………………………………';

/**
 * Biên bản sinh hoạt chi bộ điểm: the meeting as the host recorded it, dated the meeting's day. The chair and
 * the minute-taker are not in the cycle: their lines are left to fill by hand, never guessed.
 */
export function buildMinutes(source: DocumentSource): PartyDocument {
  const { cycle } = source;
  const { meeting } = cycle;
  return {
    title: `Biên bản sinh hoạt chi bộ điểm ${meetingMonth(cycle)}`,
    fixedAt: cycle.updatedAt,
    header: cellHeader(source, cycle.hostCellId, 'Số …-BB/CB'),
    placeAndDate: { place: partyPlace(source.committeeName).place, day: eventDay(meeting?.startedAt) },
    heading: { kind: 'BIÊN BẢN', subject: `sinh hoạt chi bộ điểm ${meetingMonth(cycle)}` },
    blocks: [...cancellation(cycle), ...(meeting ? meetingBlocks(source, meeting) : [missing('Chưa có biên bản: chi bộ điểm chưa ghi nhận buổi sinh hoạt.')])],
    signatures: [{ role: 'THƯ KÝ' }, cellSignature(source, cycle.hostCellId)],
    recipients: [toCommittee(source), '- Lưu chi bộ.'],
  };
}

function meetingBlocks(source: DocumentSource, meeting: NonNullable<DocumentSource['cycle']['meeting']>): Block[] {
  const { cycle } = source;
  const host = cycle.hostCellId ? cellName(source, cycle.hostCellId) : 'Chi bộ điểm';
  const kind = meeting.combined ? 'Sinh hoạt chuyên đề kết hợp sinh hoạt thường kỳ' : meetingKindLabel(cycle);
  const { attendance } = meeting;
  const delegates = meeting.attendingCellIds.map((cellId) => {
    const delegate = cycle.invitations.find((invitation) => invitation.cellId === cellId)?.delegate;
    return `${cellName(source, cellId)} – ${delegate ? `đồng chí dự: ${delegate}` : 'chưa báo tên đồng chí dự'}`;
  });
  return [
    paragraph(`Hôm nay, vào lúc ${vietnamRunningTime(Date.parse(meeting.startedAt))}, tại ${cycle.location}, ${host} tổ chức sinh hoạt chi bộ điểm.`),
    section('I. Thành phần'),
    field('Chủ trì', BY_HAND),
    field('Thư ký', BY_HAND),
    paragraph(
      `Tổng số đảng viên của chi bộ: ${attendance.total}` +
        (attendance.exempted !== undefined ? `; miễn sinh hoạt: ${attendance.exempted}` : '') +
        `; có mặt: ${attendance.present}; vắng có lý do: ${attendance.absentWithReason}; vắng không có lý do: ${attendance.absentWithoutReason}.`,
    ),
    subheading('Đại biểu các chi bộ dự sinh hoạt'),
    delegates.length > 0 ? plainList(delegates) : paragraph('Không có chi bộ nào được ghi nhận dự sinh hoạt.'),
    ...(cycle.guests.length > 0 ? [subheading('Đại biểu cấp trên được mời'), plainList(cycle.guests.map((guest) => `Đồng chí ${guest.fullName}`))] : []),
    section('II. Nội dung sinh hoạt'),
    ...(kind ? [field('Hình thức', kind)] : []),
    field('Chuyên đề, nội dung', cycle.topic),
    subheading('Chương trình sinh hoạt'),
    cycle.plan && cycle.plan.agenda.length > 0 ? plainList(cycle.plan.agenda) : missing('Chưa có chương trình sinh hoạt.'),
    subheading('Diễn biến buổi sinh hoạt'),
    ...textOr(meeting.minutes, 'Chưa có nội dung biên bản.'),
    section('III. Nghị quyết'),
    ...textOr(meeting.resolution, 'Chưa có nghị quyết.'),
    section('IV. Chi bộ tự chấm điểm chất lượng sinh hoạt'),
    ...(meeting.selfScores ? scoreSheet(cycle.rubric, meeting.selfScores, 'Điểm chi bộ tự chấm') : [missing('Chi bộ chưa tự chấm điểm.')]),
    paragraph(`Buổi sinh hoạt kết thúc vào lúc ${vietnamRunningTime(Date.parse(meeting.endedAt))}; thời lượng ${meeting.durationMinutes} phút.`),
  ];
}
