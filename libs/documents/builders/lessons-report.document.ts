import { CRITIQUE_STAGES } from '../../domain/cycle.js';
import { CRITIQUE_STAGE_LABELS, POINT_KIND_LABELS, STANCE_LABELS } from '../../wording/labels.js';
import { vietnamDay } from '../../wording/vietnam-time.js';
import type { DocumentCycle, DocumentSource } from '../document-source.js';
import type { Block, PartyDocument, Run } from '../party-document.js';
import {
  actionItemsTable,
  cancellation,
  cellHeader,
  cellName,
  cellSignature,
  critiqueAuthor,
  eventDay,
  meetingMonth,
  missing,
  paragraph,
  partyPlace,
  plainList,
  section,
  subheading,
  toCommittee,
} from './document-parts.js';

type FiledReport = NonNullable<DocumentCycle['report']>;

/**
 * Báo cáo rút kinh nghiệm: the host's answer to each weakness and suggestion (strengths need none), its
 * lessons and its commitments, as last filed and dated the day it was filed; a report the committee sent
 * back says so, and each part not filed yet says "chưa có".
 */
export function buildLessonsReport(source: DocumentSource): PartyDocument {
  const { cycle } = source;
  const { report } = cycle;
  return {
    title: `Báo cáo rút kinh nghiệm sinh hoạt chi bộ điểm ${meetingMonth(cycle)}`,
    fixedAt: cycle.updatedAt,
    header: cellHeader(source, cycle.hostCellId, 'Số …-BC/CB'),
    placeAndDate: { place: partyPlace(source.committeeName).place, day: eventDay(report?.filedAt) },
    heading: { kind: 'BÁO CÁO', subject: `rút kinh nghiệm sinh hoạt chi bộ điểm ${meetingMonth(cycle)}` },
    blocks: [
      ...cancellation(cycle),
      ...(report ? introduction(source, report) : [missing('Chưa có báo cáo rút kinh nghiệm: chi bộ điểm chưa gửi báo cáo.')]),
      section('I. Tiếp thu, giải trình ý kiến nhận xét, góp ý'),
      ...(report ? answers(source, report) : [missing('Chưa có ý kiến tiếp thu, giải trình của chi bộ điểm.')]),
      section('II. Bài học kinh nghiệm'),
      report && report.lessons.length > 0 ? plainList(report.lessons) : missing('Chưa có bài học kinh nghiệm.'),
      section('III. Việc cần làm'),
      report && report.actionItems.length > 0 ? actionItemsTable(report.actionItems) : missing('Chưa có việc cần làm.'),
    ],
    signatures: [cellSignature(source, cycle.hostCellId)],
    recipients: [toCommittee(source), '- Các chi bộ được mời;', '- Lưu chi bộ.'],
  };
}

function introduction(source: DocumentSource, report: FiledReport): Block[] {
  const { cycle } = source;
  const host = cycle.hostCellId ? cellName(source, cycle.hostCellId) : 'Chi bộ điểm';
  const authors = cycle.critiques.map((critique) => critiqueAuthor(source, critique));
  const review = cycle.review?.decision === 'revise' ? cycle.review : null;
  // A review asking for revision is the latest one: the report shown answers it once refiled, or is the one sent back.
  const sentBack = review !== null && cycle.status === 'REPORTING';
  const comment = review?.comment ? `: “${review.comment}”` : '';
  return [
    ...(sentBack ? [missing(`Đảng ủy đã đề nghị hoàn thiện báo cáo này${comment}; chi bộ điểm chưa gửi báo cáo hoàn thiện.`)] : []),
    ...(report.revision > 0 ? [paragraph(`Báo cáo hoàn thiện lần ${report.revision} theo ý kiến của Đảng ủy${sentBack ? '' : comment}.`)] : []),
    paragraph(`Ngày ${vietnamDay(Date.parse(cycle.meeting?.startedAt ?? cycle.meetingAt))}, ${host} tổ chức sinh hoạt chi bộ điểm (chuyên đề, nội dung: ${cycle.topic}).`),
    authors.length > 0 ? paragraph(`Sau buổi sinh hoạt, chi bộ nhận được nhận xét, góp ý của: ${authors.join('; ')}.`) : paragraph('Sau buổi sinh hoạt, chi bộ không nhận được nhận xét, góp ý nào.'),
    paragraph('Chi bộ báo cáo kết quả tiếp thu, giải trình và rút kinh nghiệm như sau:'),
  ];
}

/** Each weakness and suggestion by stage, quoted with who raised it, and the host's stance and answer under it. */
function answers(source: DocumentSource, report: FiledReport): Block[] {
  const responses = new Map(report.responses.map((response) => [response.pointId, response]));
  const raised = source.cycle.critiques.flatMap((critique) =>
    critique.points.filter((point) => point.kind !== 'strength').map((point) => ({ point, author: critiqueAuthor(source, critique) })),
  );
  if (raised.length === 0) return [paragraph('Các ý kiến nhận xét, góp ý không nêu hạn chế, đề xuất nào cần tiếp thu, giải trình.')];
  const stages = CRITIQUE_STAGES.filter((stage) => raised.some(({ point }) => point.stage === stage));
  return stages.flatMap((stage, index) => [
    subheading(`${index + 1}. ${CRITIQUE_STAGE_LABELS[stage].vi}`),
    {
      kind: 'list' as const,
      items: raised
        .filter(({ point }) => point.stage === stage)
        .map(({ point, author }): Run[] => {
          const response = responses.get(point.id);
          return [
            { text: `${POINT_KIND_LABELS[point.kind].vi} (${author}): “${point.text}” – ` },
            ...(response
              ? [{ text: `${STANCE_LABELS[response.stance].vi}: `, bold: true }, { text: response.text }]
              : [{ text: 'Chưa có ý kiến tiếp thu, giải trình.', italic: true }]),
          ];
        }),
    },
  ]);
}
