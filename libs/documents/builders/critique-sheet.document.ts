import { DomainError } from '../../domain/domain-error.js';
import { RATING_LABELS } from '../../wording/labels.js';
import { vietnamRunningTime } from '../../wording/vietnam-time.js';
import type { DocumentSource } from '../document-source.js';
import type { PartyDocument, Signature } from '../party-document.js';
import {
  cancellation,
  cellHeader,
  cellName,
  cellSignature,
  committeeHeader,
  eventDay,
  field,
  meetingMonth,
  missing,
  paragraph,
  partyPlace,
  pointsByStage,
  scoreSheet,
  section,
  toCommittee,
} from './document-parts.js';

/**
 * Phiếu nhận xét, góp ý: one critique, by a visiting cell or by an upper-level guest, dated the day it was sent:
 * its points by stage and kind, its score sheet against the cycle's rubric with the total and band, and the
 * rating it proposes. A guest is no cell: the guest's sheet carries the header of the committee that holds
 * the meeting, as the form handed to guests at a meeting does.
 */
export function buildCritiqueSheet(source: DocumentSource, critiqueId: string): PartyDocument {
  const { cycle } = source;
  const critique = cycle.critiques.find((candidate) => candidate.id === critiqueId);
  if (!critique) throw new DomainError('NOT_FOUND');
  const host = cycle.hostCellId ? cellName(source, cycle.hostCellId) : 'chi bộ điểm';
  const cell = critique.cellId ? cellName(source, critique.cellId) : null;
  const guest = critique.guestName ?? null;
  const author = cell ?? (guest ? `Đồng chí ${guest}` : 'Đại biểu cấp trên');
  const guestSignature: Signature = { role: 'NGƯỜI NHẬN XÉT, GÓP Ý', ...(guest ? { name: guest } : {}) };
  return {
    title: `Phiếu nhận xét, góp ý sinh hoạt chi bộ điểm ${meetingMonth(cycle)} – ${author}`,
    fixedAt: cycle.updatedAt,
    header: critique.cellId ? cellHeader(source, critique.cellId) : committeeHeader(source),
    placeAndDate: { place: partyPlace(source.committeeName).place, day: eventDay(critique.submittedAt) },
    heading: { kind: 'PHIẾU NHẬN XÉT, GÓP Ý', subject: `buổi sinh hoạt chi bộ điểm ${meetingMonth(cycle)} tại ${host}` },
    blocks: [
      ...cancellation(cycle),
      cell ? field('Chi bộ nhận xét, góp ý', cell) : field('Đại biểu cấp trên nhận xét, góp ý', guest ? `đồng chí ${guest}` : 'chưa rõ tên'),
      field('Buổi sinh hoạt', `${vietnamRunningTime(Date.parse(cycle.meeting?.startedAt ?? cycle.meetingAt))}, tại ${cycle.location}`),
      section('I. Nhận xét, góp ý theo từng khâu'),
      ...(critique.points.length > 0 ? pointsByStage(critique.points) : [missing('Không có ý kiến nhận xét, góp ý.')]),
      section('II. Chấm điểm theo phiếu chấm chất lượng sinh hoạt'),
      ...(critique.scores ? scoreSheet(cycle.rubric, critique.scores, 'Điểm chấm') : [missing(cell ? 'Chi bộ không chấm điểm.' : 'Đại biểu không chấm điểm.')]),
      section('III. Đề xuất xếp loại'),
      critique.rating ? paragraph('Đề xuất xếp loại chất lượng buổi sinh hoạt: ', { text: RATING_LABELS[critique.rating].vi, bold: true }, '.') : missing('Không đề xuất xếp loại.'),
    ],
    signatures: [critique.cellId ? cellSignature(source, critique.cellId) : guestSignature],
    recipients: cell ? [toCommittee(source), `- ${host};`, '- Lưu chi bộ.'] : [`- ${source.committeeName};`, `- ${host}.`],
  };
}
