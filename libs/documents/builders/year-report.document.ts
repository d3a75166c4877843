import { RATINGS, type Rating } from '../../domain/cycle.js';
import { RATING_LABELS } from '../../wording/labels.js';
import { vietnamDay } from '../../wording/vietnam-time.js';
import { vietnamCalendarDayOf } from '../party-date.js';
import type { Block, PartyDocument } from '../party-document.js';
import { COMMITTEE_SIGNATURE, missing, paragraph, partyPlace, section } from './document-parts.js';

/**
 * What the report is built from: the API's year report (apps/api/year-report/year-report.mapper.ts) as a
 * structural type, so that libs does not depend on apps.
 */
export interface ReportVisits {
  invited: number;
  attended: number;
  declined: number;
  onTime: number;
  missed: number;
  pending: number;
  adopted: number;
}

export interface ReportActionItems {
  committed: number;
  done: number;
  dropped: number;
  open: number;
  overdue: number;
}

export interface ReportSource {
  committeeName: string;
  year: number;
  quarter: number | null;
  from: string;
  to: string;
  asOf: string;
  totals: {
    planned: number;
    held: number;
    cancelled: number;
    rated: number;
    ratings: Record<Rating, number>;
    hostCells: number;
    visitingCells: number;
    visits: ReportVisits;
    actionItems: ReportActionItems;
  };
  meetings: {
    title: string;
    meetingAt: string;
    held: boolean;
    hostCellName: string | null;
    rating: Rating | null;
    visitors: ReportVisits;
    actionItems: ReportActionItems;
  }[];
  cells: { cellName: string; active: boolean; hosted: number; hostedRatings: Record<Rating, number>; visits: ReportVisits; actionItems: ReportActionItems }[];
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "năm 2026", "quý I năm 2026": the period as a Party paper and the pages name it. */
export function reportPeriod(year: number, quarter: number | null): string {
  return quarter === null ? `năm ${year}` : `quý ${ROMAN[quarter - 1]} năm ${year}`;
}

/** "Báo cáo kết quả sinh hoạt chi bộ điểm quý I năm 2026": the paper's name, and the saved files'. */
export function reportTitle(year: number, quarter: number | null): string {
  return `Báo cáo kết quả sinh hoạt chi bộ điểm ${reportPeriod(year, quarter)}`;
}

/** "Tốt 2, Khá 1": the ratings given, best first; a rating no meeting got is left out. */
export function ratingsInWords(counts: Record<Rating, number>): string {
  const given = RATINGS.filter((rating) => counts[rating] > 0).map((rating) => `${RATING_LABELS[rating].vi} ${counts[rating]}`);
  return given.length > 0 ? given.join(', ') : 'chưa có buổi nào được xếp loại';
}

/** "3/4 (75%)": a part of a whole, and its share when there is a whole. */
export function share(part: number, whole: number): string {
  return whole === 0 ? '0' : `${part}/${whole} (${Math.round((part * 100) / whole)}%)`;
}

const lastDayOf = (report: ReportSource) => vietnamDay(Date.parse(report.to) - 1);

/**
 * Báo cáo kết quả sinh hoạt chi bộ điểm: the commune committee's report on a year (or a quarter) of model meetings,
 * dated the day it is asked for: how many meetings were held and where, how the committee rated them, how the
 * cells took part as visitors (attended, sent their critiques in time, recorded what they adopt from the lessons),
 * and what the host cells committed to and have done. Figures only: the assessment is the committee's to write
 * in Word before signing; the paper says as of when the figures were read.
 */
export function buildYearReport(report: ReportSource): PartyDocument {
  const place = partyPlace(report.committeeName);
  const period = reportPeriod(report.year, report.quarter);
  const { totals } = report;
  return {
    title: reportTitle(report.year, report.quarter),
    fixedAt: report.asOf,
    header: { upperBody: place.partyBody, issuer: place.committee, number: 'Số …-BC/ĐU' },
    placeAndDate: { place: place.place, day: vietnamCalendarDayOf(report.asOf) },
    heading: { kind: 'BÁO CÁO', subject: `kết quả sinh hoạt chi bộ điểm ${period}` },
    blocks: [
      paragraph(
        `Trong ${period} (từ ngày ${vietnamDay(Date.parse(report.from))} đến ngày ${lastDayOf(report)}), ` +
          (totals.held > 0
            ? `${report.committeeName} chỉ đạo tổ chức ${totals.held} buổi sinh hoạt chi bộ điểm tại ${totals.hostCells} chi bộ`
            : 'chưa có buổi sinh hoạt chi bộ điểm nào được tổ chức') +
          (totals.planned > totals.held ? `; ${totals.planned - totals.held} buổi chưa tổ chức` : '') +
          (totals.cancelled > 0 ? `; ${totals.cancelled} đợt đã hủy` : '') +
          `. Số liệu tính đến ngày ${vietnamDay(Date.parse(report.asOf))}, cụ thể như sau:`,
      ),
      section('I. Các buổi sinh hoạt chi bộ điểm và xếp loại chất lượng'),
      ...meetings(report),
      section('II. Các chi bộ dự sinh hoạt, nhận xét, góp ý và vận dụng bài học kinh nghiệm'),
      ...cells(report),
      section('III. Việc chi bộ điểm cam kết thực hiện'),
      ...actionItems(report),
    ],
    signatures: [COMMITTEE_SIGNATURE],
    recipients: ['- Cấp ủy cấp trên (b/c);', '- Các chi bộ trực thuộc;', '- Lưu Văn phòng Đảng ủy.'],
  };
}

function meetings(report: ReportSource): Block[] {
  const held = report.meetings.filter((meeting) => meeting.held);
  if (held.length === 0) return [missing(`Chưa có buổi sinh hoạt chi bộ điểm nào được tổ chức trong ${reportPeriod(report.year, report.quarter)}.`)];
  const { totals } = report;
  const unrated = totals.held - totals.rated;
  return [
    paragraph(
      totals.rated === 0
        ? 'Đảng ủy chưa xếp loại buổi nào.'
        : `Đảng ủy đã xếp loại ${totals.rated}/${totals.held} buổi: ${ratingsInWords(totals.ratings)}` + (unrated > 0 ? `; ${unrated} buổi chưa xếp loại.` : '.'),
    ),
    {
      kind: 'table',
      columns: [
        { title: 'TT', widthPercent: 7 },
        { title: 'Ngày sinh hoạt', widthPercent: 17 },
        { title: 'Chi bộ điểm', widthPercent: 32 },
        { title: 'Xếp loại', widthPercent: 15 },
        { title: 'Chi bộ dự / được mời', widthPercent: 14 },
        { title: 'Nhận xét, góp ý đúng hạn', widthPercent: 15 },
      ],
      rows: held.map((meeting, index) => [
        String(index + 1),
        vietnamDay(Date.parse(meeting.meetingAt)),
        meeting.hostCellName ?? 'Chi bộ chưa rõ tên',
        meeting.rating ? RATING_LABELS[meeting.rating].vi : 'Chưa xếp loại',
        `${meeting.visitors.attended}/${meeting.visitors.invited}`,
        `${meeting.visitors.onTime}/${meeting.visitors.attended}`,
      ]),
    },
  ];
}

/** "2 (Tốt 1)", "1 (chưa xếp loại)", "0": how often a cell hosted, and how the committee rated it. */
function hostedWords(cell: ReportSource['cells'][number]): string {
  if (cell.hosted === 0) return '0';
  const rated = RATINGS.some((rating) => cell.hostedRatings[rating] > 0);
  return `${cell.hosted} (${rated ? ratingsInWords(cell.hostedRatings) : 'chưa xếp loại'})`;
}

function cells(report: ReportSource): Block[] {
  const { visits } = report.totals;
  if (report.cells.length === 0) return [missing('Đảng bộ chưa có chi bộ trực thuộc.')];
  return [
    paragraph(
      `Các chi bộ được mời ${visits.invited} lượt, dự ${share(visits.attended, visits.invited)}, từ chối ${visits.declined} lượt. ` +
        `Sau các buổi đã dự, chi bộ gửi nhận xét, góp ý đúng hạn ${share(visits.onTime, visits.attended)}, không gửi ${visits.missed} lượt` +
        (visits.pending > 0 ? `, còn ${visits.pending} lượt đang trong thời gian góp ý` : '') +
        `; ${visits.adopted} lượt chi bộ đã ghi nội dung vận dụng bài học kinh nghiệm.`,
    ),
    {
      kind: 'table',
      columns: [
        { title: 'TT', widthPercent: 6 },
        { title: 'Chi bộ', widthPercent: 25 },
        { title: 'Làm chi bộ điểm', widthPercent: 12 },
        { title: 'Được mời', widthPercent: 9 },
        { title: 'Dự', widthPercent: 7 },
        { title: 'Từ chối', widthPercent: 9 },
        { title: 'Góp ý đúng hạn', widthPercent: 10 },
        { title: 'Không gửi', widthPercent: 11 },
        { title: 'Vận dụng', widthPercent: 11 },
      ],
      rows: report.cells.map((cell, index) => [
        String(index + 1),
        cell.active ? cell.cellName : `${cell.cellName} (đã giải thể)`,
        hostedWords(cell),
        String(cell.visits.invited),
        String(cell.visits.attended),
        String(cell.visits.declined),
        String(cell.visits.onTime),
        String(cell.visits.missed),
        String(cell.visits.adopted),
      ]),
    },
  ];
}

function actionItems(report: ReportSource): Block[] {
  const committed = report.cells.filter((cell) => cell.actionItems.committed > 0);
  if (committed.length === 0) return [missing('Chưa có việc chi bộ điểm cam kết thực hiện sau các buổi sinh hoạt trong kỳ.')];
  const items = report.totals.actionItems;
  return [
    paragraph(
      `Các chi bộ điểm cam kết ${items.committed} việc: đã hoàn thành ${items.done}, chưa hoàn thành ${items.open}` +
        (items.overdue > 0 ? ` (quá hạn ${items.overdue})` : '') +
        (items.dropped > 0 ? `, Đảng ủy đã bỏ ${items.dropped}` : '') +
        '.',
    ),
    {
      kind: 'table',
      columns: [
        { title: 'TT', widthPercent: 7 },
        { title: 'Chi bộ điểm', widthPercent: 37 },
        { title: 'Đã cam kết', widthPercent: 14 },
        { title: 'Đã hoàn thành', widthPercent: 14 },
        { title: 'Chưa hoàn thành', widthPercent: 14 },
        { title: 'Quá hạn', widthPercent: 14 },
      ],
      rows: committed.map((cell, index) => [
        String(index + 1),
        cell.cellName,
        String(cell.actionItems.committed),
        String(cell.actionItems.done),
        String(cell.actionItems.open),
        String(cell.actionItems.overdue),
      ]),
    },
  ];
}
