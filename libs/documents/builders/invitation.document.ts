import { DomainError } from '../../domain/domain-error.js';
import { vietnamRunningTime, vietnamTime } from '../../wording/vietnam-time.js';
import type { DocumentSource } from '../document-source.js';
import type { PartyDocument } from '../party-document.js';
import {
  cancellation,
  cellName,
  COMMITTEE_SIGNATURE,
  committeeHeader,
  eventDay,
  field,
  meetingKindLabel,
  meetingMonth,
  missing,
  paragraph,
  partyPlace,
} from './document-parts.js';

/**
 * Giấy mời dự sinh hoạt chi bộ điểm: the committee's invitation to one invited cell. The invitations go out
 * once the host is known (at launch, or when the committee picks the host), so that is the paper's day; the
 * time and place are the meeting's as the cycle holds them now (after a reschedule, the new ones).
 */
export function buildInvitation(source: DocumentSource, cellId: string): PartyDocument {
  const { cycle } = source;
  if (!cycle.invitations.some((invitation) => invitation.cellId === cellId)) throw new DomainError('NOT_INVITED');
  const invited = cellName(source, cellId);
  const host = cycle.hostCellId ? cellName(source, cycle.hostCellId) : null;
  const kind = meetingKindLabel(cycle);
  const hostChosenAt = cycle.timeline.filter((entry) => entry.event === 'HOST_SELECTED').at(-1)?.at ?? cycle.createdAt;
  return {
    title: `Giấy mời dự sinh hoạt chi bộ điểm ${meetingMonth(cycle)} – ${invited}`,
    fixedAt: cycle.updatedAt,
    header: committeeHeader(source, 'Số …-GM/ĐU'),
    placeAndDate: { place: partyPlace(source.committeeName).place, day: host ? eventDay(hostChosenAt) : null },
    heading: { kind: 'GIẤY MỜI', subject: `dự sinh hoạt chi bộ điểm ${meetingMonth(cycle)}` },
    blocks: [
      ...cancellation(cycle),
      { kind: 'paragraph', runs: [{ text: 'Kính gửi: ' }, { text: invited, bold: true }], align: 'center' },
      paragraph(`${source.committeeName} trân trọng mời ${invited} cử đồng chí dự sinh hoạt chi bộ điểm${host ? ` tại ${host}` : ''}, cụ thể như sau:`),
      field('Thời gian', vietnamRunningTime(Date.parse(cycle.meetingAt))),
      field('Địa điểm', cycle.location),
      host ? field('Chi bộ điểm', host) : missing('Chi bộ điểm: chưa có (Đảng ủy chưa chọn chi bộ điểm).'),
      ...(kind ? [field('Hình thức', kind)] : []),
      field('Chuyên đề, nội dung', cycle.topic),
      paragraph(`Đề nghị chi bộ xác nhận tham dự và báo tên đồng chí dự trước ${vietnamTime(Date.parse(cycle.deadlines.planDueAt))}.`),
    ],
    signatures: [COMMITTEE_SIGNATURE],
    recipients: ['- Như trên;', ...(host ? [`- ${host} (chi bộ điểm);`] : []), '- Lưu Văn phòng Đảng ủy.'],
  };
}
