import { CRITIQUE_STAGES, POINT_KINDS, type Rating } from '../../domain/cycle.js';
import { summariseScores } from '../../domain/rating.js';
import { CRITIQUE_STAGE_LABELS, QUALITY_FLAG_LABELS, RATING_LABELS, type QualityFlag } from '../../wording/labels.js';
import { vietnamDay } from '../../wording/vietnam-time.js';
import type { DocumentCycle, DocumentSource } from '../document-source.js';
import type { Block, PartyDocument } from '../party-document.js';
import {
  actionItemsTable,
  cancellation,
  cellName,
  COMMITTEE_SIGNATURE,
  committeeHeader,
  critiqueAuthor,
  eventDay,
  freeText,
  meetingMonth,
  missing,
  paragraph,
  partyPlace,
  plainList,
  points,
  pointsByStage,
  scoreSheet,
  section,
} from './document-parts.js';

/** The committee's review that accepted the report, with its rating. */
type Rated = NonNullable<DocumentCycle['review']> & { rating: Rating };

/**
 * Thông báo kết luận: the committee's conclusion once it has accepted the report and rated the meeting, dated
 * that day: the rating, the critiques summed up by stage and kind with the points themselves, the lessons to
 * spread, the host's commitments, and what each invited cell has recorded it adopts. Before the rating the
 * paper says there is no conclusion yet, and why.
 */
export function buildConclusion(source: DocumentSource): PartyDocument {
  const { cycle } = source;
  const { report } = cycle;
  const rated = cycle.review?.decision === 'accept' && cycle.review.rating ? { ...cycle.review, rating: cycle.review.rating } : null;
  const host = cycle.hostCellId ? cellName(source, cycle.hostCellId) : null;
  return {
    title: `Thông báo kết luận sinh hoạt chi bộ điểm ${meetingMonth(cycle)}`,
    fixedAt: cycle.updatedAt,
    header: committeeHeader(source, 'Số …-TB/ĐU'),
    placeAndDate: { place: partyPlace(source.committeeName).place, day: eventDay(rated?.reviewedAt) },
    heading: { kind: 'THÔNG BÁO', subject: `kết luận về sinh hoạt chi bộ điểm ${meetingMonth(cycle)}${host ? ` tại ${host}` : ''}` },
    blocks: [
      ...cancellation(cycle),
      ...introduction(source, rated),
      section('I. Xếp loại chất lượng buổi sinh hoạt'),
      ...(rated ? rating(source, rated) : [missing(notRatedYet(cycle))]),
      ...selfAssessment(cycle),
      section('II. Tổng hợp nhận xét, góp ý theo từng khâu'),
      ...critiqueSummary(source),
      section('III. Bài học kinh nghiệm cần nhân rộng'),
      report && report.lessons.length > 0 ? plainList(report.lessons) : missing('Chưa có bài học kinh nghiệm.'),
      section('IV. Việc chi bộ điểm cam kết thực hiện'),
      report && report.actionItems.length > 0 ? actionItemsTable(report.actionItems) : missing('Chưa có việc cần làm.'),
      section('V. Các chi bộ vận dụng, nhân rộng'),
      ...adoptions(source, rated !== null),
    ],
    signatures: [COMMITTEE_SIGNATURE],
    recipients: [...(host ? [`- ${host} (chi bộ điểm);`] : []), '- Các chi bộ được mời;', '- Lưu Văn phòng Đảng ủy.'],
  };
}

function introduction(source: DocumentSource, rated: Rated | null): Block[] {
  const { cycle } = source;
  const { meeting } = cycle;
  if (!meeting) return [missing('Chưa có buổi sinh hoạt: chi bộ điểm chưa ghi nhận buổi sinh hoạt.')];
  const host = cycle.hostCellId ? cellName(source, cycle.hostCellId) : 'Chi bộ điểm';
  const attending = meeting.attendingCellIds.length;
  return [
    paragraph(
      `Ngày ${vietnamDay(Date.parse(meeting.startedAt))}, ${host} tổ chức sinh hoạt chi bộ điểm (chuyên đề, nội dung: ${cycle.topic}) tại ${cycle.location}` +
        (attending > 0 ? `, có đại biểu của ${attending} chi bộ dự.` : '.'),
    ),
    ...(rated
      ? [paragraph(`Trên cơ sở biên bản sinh hoạt, nhận xét, góp ý của các chi bộ, đại biểu và báo cáo rút kinh nghiệm của chi bộ điểm, ${source.committeeName} kết luận như sau:`)]
      : []),
  ];
}

function rating(source: DocumentSource, review: Rated): Block[] {
  return [
    paragraph('Đảng ủy xếp loại chất lượng buổi sinh hoạt: ', { text: RATING_LABELS[review.rating].vi, bold: true }, '.'),
    ...(review.comment ? [paragraph('Ý kiến của Đảng ủy:'), ...freeText(review.comment)] : []),
    ...(review.scores ? scoreSheet(source.cycle.rubric, review.scores, 'Điểm Đảng ủy chấm') : []),
  ];
}

function notRatedYet(cycle: DocumentCycle): string {
  if (cycle.review?.decision === 'revise') {
    return cycle.status === 'REPORTING'
      ? 'Chưa có kết luận: Đảng ủy đã đề nghị chi bộ điểm hoàn thiện báo cáo rút kinh nghiệm.'
      : 'Chưa có kết luận: chi bộ điểm đã gửi báo cáo hoàn thiện, Đảng ủy chưa đánh giá, xếp loại.';
  }
  return 'Chưa có kết luận: Đảng ủy chưa đánh giá, xếp loại buổi sinh hoạt.';
}

/** What the host proposed for itself and what its record shows against a rating of Tốt, beside the committee's rating. */
function selfAssessment(cycle: DocumentCycle): Block[] {
  const { meeting } = cycle;
  if (!meeting) return [];
  const blocks: Block[] = [];
  if (meeting.selfScores) {
    const summary = summariseScores(cycle.rubric, meeting.selfScores);
    blocks.push(
      paragraph(
        `Chi bộ điểm tự chấm ${points(summary.total)}/${points(summary.maxTotal)} điểm` +
          (summary.rating ? `, xếp loại theo thang điểm: ${RATING_LABELS[summary.rating].vi}.` : '; phiếu tự chấm chưa đủ các tiêu chí.'),
      ),
    );
  }
  const flags = meeting.qualityFlags.filter((flag): flag is QualityFlag => Object.hasOwn(QUALITY_FLAG_LABELS, flag)).map((flag) => QUALITY_FLAG_LABELS[flag].vi);
  if (flags.length > 0) blocks.push(paragraph(`Theo biên bản, buổi sinh hoạt còn điểm chưa đạt: ${flags.join('; ')}.`));
  return blocks;
}

/** How many points of each kind each stage drew, then the points themselves by stage and kind. */
function critiqueSummary(source: DocumentSource): Block[] {
  const { critiques } = source.cycle;
  if (critiques.length === 0) return [missing('Chưa có nhận xét, góp ý.')];
  const all = critiques.flatMap((critique) => critique.points);
  const count = (stage: string | null, kind: string) => String(all.filter((point) => (stage === null || point.stage === stage) && point.kind === kind).length);
  return [
    paragraph(`Đảng ủy nhận được ${critiques.length} phiếu nhận xét, góp ý của: ${critiques.map((critique) => critiqueAuthor(source, critique)).join('; ')}.`),
    {
      kind: 'table',
      columns: [
        { title: 'Khâu', widthPercent: 46 },
        { title: 'Ưu điểm', widthPercent: 18 },
        { title: 'Hạn chế', widthPercent: 18 },
        { title: 'Đề xuất', widthPercent: 18 },
      ],
      rows: [
        ...CRITIQUE_STAGES.map((stage) => [CRITIQUE_STAGE_LABELS[stage].vi, ...POINT_KINDS.map((kind) => count(stage, kind))]),
        ['Tổng cộng', ...POINT_KINDS.map((kind) => count(null, kind))],
      ],
    },
    ...pointsByStage(all),
  ];
}

/** Every invited cell and what it recorded it adopts (recorded after the cycle closes). */
function adoptions(source: DocumentSource, rated: boolean): Block[] {
  const { invitations } = source.cycle;
  if (invitations.length === 0) return [missing('Không có chi bộ được mời.')];
  return [
    ...(rated ? [paragraph('Đề nghị các chi bộ được mời vận dụng những bài học kinh nghiệm trên vào sinh hoạt của chi bộ mình.')] : []),
    plainList(
      invitations.map((invitation) => `${cellName(source, invitation.cellId)}: ${invitation.adoption ? `“${invitation.adoption}”` : 'chưa ghi nhận nội dung vận dụng'}`),
    ),
  ];
}
