import { vietnamRunningTime } from '../../wording/vietnam-time.js';
import type { DocumentSource } from '../document-source.js';
import type { PartyDocument } from '../party-document.js';
import {
  cancellation,
  cellHeader,
  cellSignature,
  eventDay,
  field,
  meetingKindLabel,
  meetingMonth,
  missing,
  partyPlace,
  plainList,
  section,
  textOr,
  toCommittee,
} from './document-parts.js';

/**
 * Chương trình sinh hoạt chi bộ điểm: the host's agenda, material and draft resolution as it sent them (the
 * latest version), dated the day it sent them; each part not sent yet says "chưa có".
 */
export function buildPlan(source: DocumentSource): PartyDocument {
  const { cycle } = source;
  const { plan } = cycle;
  const kind = meetingKindLabel(cycle);
  return {
    title: `Chương trình sinh hoạt chi bộ điểm ${meetingMonth(cycle)}`,
    fixedAt: cycle.updatedAt,
    header: cellHeader(source, cycle.hostCellId, 'Số …-CTr/CB'),
    placeAndDate: { place: partyPlace(source.committeeName).place, day: eventDay(plan?.postedAt) },
    heading: { kind: 'CHƯƠNG TRÌNH', subject: `sinh hoạt chi bộ điểm ${meetingMonth(cycle)}` },
    blocks: [
      ...cancellation(cycle),
      ...(cycle.hostCellId ? [] : [missing('Chưa có chi bộ điểm: Đảng ủy chưa chọn chi bộ điểm.')]),
      field('Thời gian', vietnamRunningTime(Date.parse(cycle.meetingAt))),
      field('Địa điểm', cycle.location),
      ...(kind ? [field('Hình thức', kind)] : []),
      field('Chuyên đề, nội dung', cycle.topic),
      section('I. Chương trình sinh hoạt'),
      plan && plan.agenda.length > 0 ? plainList(plan.agenda) : missing('Chưa có chương trình sinh hoạt: chi bộ điểm chưa gửi chương trình, tài liệu sinh hoạt.'),
      section('II. Tài liệu sinh hoạt'),
      ...textOr(plan?.content, 'Chưa có tài liệu sinh hoạt.'),
      section('III. Dự thảo nghị quyết'),
      ...textOr(plan?.draftResolution, 'Chưa có dự thảo nghị quyết.'),
    ],
    signatures: [cellSignature(source, cycle.hostCellId)],
    recipients: [toCommittee(source), '- Các chi bộ được mời;', '- Lưu chi bộ.'],
  };
}
