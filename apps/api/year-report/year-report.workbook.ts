import ExcelJS from 'exceljs';
import { RATINGS } from '../../../libs/domain/cycle.js';
import { reportPeriod, reportTitle } from '../../../libs/documents/builders/year-report.document.js';
import { vietnamDate } from '../../../libs/domain/input-bounds.js';
import { RATING_LABELS, STAGE_LABELS } from '../../../libs/wording/labels.js';
import { vietnamPageTime } from '../../../libs/wording/vietnam-time.js';
import type { YearReportView } from './year-report.mapper.js';

/** The sheets' names, as the tabs show them. */
export const SHEETS = { totals: 'Tổng hợp', meetings: 'Các buổi sinh hoạt', cells: 'Các chi bộ' } as const;

type Value = string | number | Date | null;

interface Column {
  header: string;
  /** In characters, as Excel counts a column's width. */
  width: number;
  /** An Excel number format: whole numbers, shares, days. */
  format?: string;
}

const COUNT = '#,##0';
const PERCENT = '0%';
const DAY = 'dd/mm/yyyy';

/** A share as a number Excel formats as a percentage; empty when there is nothing to share. */
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** A meeting's day as a date cell: Vietnam's calendar day, written as UTC midnight, which is how Excel keeps a day. */
function dayCell(iso: string): Date {
  return new Date(`${vietnamDate(Date.parse(iso))}T00:00:00.000Z`);
}

/**
 * One table on one sheet: the header row in bold on a light fill, frozen, with a filter; the columns' widths
 * and number formats; the report's name and period in the printed page's header, the sheet landscape and one
 * page wide, so that a printout says what it is.
 */
function addTable(workbook: ExcelJS.Workbook, name: string, title: string, columns: Column[], rows: Value[][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddHeader: `&C&B${title.replace(/&/g, '&&')}`, oddFooter: '&CTrang &P/&N' },
  });
  sheet.columns = columns.map((column) => ({ width: column.width, ...(column.format ? { style: { numFmt: column.format } } : {}) }));
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDE7DA' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const row of rows) sheet.addRow(row).alignment = { vertical: 'top', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/**
 * The year (or quarter) report as an Excel workbook, a sheet per table: the commune's totals, the meetings, every
 * cell. Figures are numbers (not text) so that an office can add and chart them; days are dates; shares are
 * percentages. Headers are Vietnamese as the office writes them; no id or code.
 */
export async function yearReportWorkbook(report: YearReportView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.committeeName;
  workbook.title = reportTitle(report.year, report.quarter);
  workbook.created = new Date(report.asOf);
  workbook.modified = new Date(report.asOf);
  const title = `${report.committeeName} – ${reportTitle(report.year, report.quarter)}`;
  const { totals } = report;
  const { visits, actionItems } = totals;

  // The second column holds text, days, counts and shares: each figure carries its own format.
  const figures: [string, Value, string?][] = [
    ['Đảng ủy', report.committeeName],
    ['Kỳ báo cáo', capitalised(reportPeriod(report.year, report.quarter))],
    ['Từ ngày', dayCell(report.from), DAY],
    ['Đến ngày', dayCell(new Date(Date.parse(report.to) - 1).toISOString()), DAY],
    ['Số liệu tính đến', vietnamPageTime(Date.parse(report.asOf))],
    ['Buổi sinh hoạt chi bộ điểm đã tổ chức', totals.held, COUNT],
    ['Buổi chưa tổ chức (đã lên lịch trong kỳ)', totals.planned - totals.held, COUNT],
    ['Đợt đã hủy', totals.cancelled, COUNT],
    ['Số chi bộ đã làm chi bộ điểm', totals.hostCells, COUNT],
    ['Buổi đã xếp loại', totals.rated, COUNT],
    ...RATINGS.map((rating): [string, Value, string] => [`Xếp loại ${RATING_LABELS[rating].vi}`, totals.ratings[rating], COUNT]),
    ['Buổi chưa xếp loại', totals.held - totals.rated, COUNT],
    ['Lượt chi bộ được mời', visits.invited, COUNT],
    ['Lượt chi bộ dự sinh hoạt', visits.attended, COUNT],
    ['Tỷ lệ dự sinh hoạt', ratio(visits.attended, visits.invited), PERCENT],
    ['Lượt chi bộ từ chối dự', visits.declined, COUNT],
    ['Số chi bộ đã dự ít nhất một buổi', totals.visitingCells, COUNT],
    ['Lượt gửi nhận xét, góp ý đúng hạn', visits.onTime, COUNT],
    ['Tỷ lệ gửi nhận xét, góp ý đúng hạn (trên số lượt dự)', ratio(visits.onTime, visits.attended), PERCENT],
    ['Lượt không gửi nhận xét, góp ý', visits.missed, COUNT],
    ['Lượt chưa gửi, còn thời gian góp ý', visits.pending, COUNT],
    ['Lượt ghi nội dung vận dụng bài học kinh nghiệm', visits.adopted, COUNT],
    ['Việc chi bộ điểm đã cam kết', actionItems.committed, COUNT],
    ['Việc đã hoàn thành', actionItems.done, COUNT],
    ['Việc chưa hoàn thành', actionItems.open, COUNT],
    ['Việc chưa hoàn thành đã quá hạn', actionItems.overdue, COUNT],
    ['Việc Đảng ủy đã bỏ', actionItems.dropped, COUNT],
  ];
  const totalsSheet = addTable(
    workbook,
    SHEETS.totals,
    title,
    [
      { header: 'Nội dung', width: 58 },
      { header: 'Số liệu', width: 22 },
    ],
    figures.map(([label, value]) => [label, value]),
  );
  totalsSheet.getColumn(2).alignment = { horizontal: 'right' };
  figures.forEach(([, , format], index) => {
    if (format) totalsSheet.getCell(index + 2, 2).numFmt = format;
  });

  addTable(
    workbook,
    SHEETS.meetings,
    title,
    [
      { header: 'TT', width: 5, format: COUNT },
      { header: 'Ngày sinh hoạt', width: 13, format: DAY },
      { header: 'Đợt sinh hoạt', width: 36 },
      { header: 'Chi bộ điểm', width: 28 },
      { header: 'Giai đoạn', width: 20 },
      { header: 'Xếp loại', width: 13 },
      { header: 'Chi bộ được mời', width: 11, format: COUNT },
      { header: 'Chi bộ dự', width: 10, format: COUNT },
      { header: 'Từ chối dự', width: 10, format: COUNT },
      { header: 'Gửi nhận xét, góp ý đúng hạn', width: 14, format: COUNT },
      { header: 'Không gửi nhận xét, góp ý', width: 13, format: COUNT },
      { header: 'Chưa gửi, còn hạn', width: 11, format: COUNT },
      { header: 'Ghi nội dung vận dụng', width: 12, format: COUNT },
      { header: 'Việc đã cam kết', width: 11, format: COUNT },
      { header: 'Việc đã hoàn thành', width: 11, format: COUNT },
      { header: 'Việc chưa hoàn thành', width: 12, format: COUNT },
      { header: 'Việc quá hạn', width: 10, format: COUNT },
    ],
    report.meetings.map((meeting, index) => [
      index + 1,
      dayCell(meeting.meetingAt),
      meeting.title,
      meeting.hostCellName ?? 'Chưa chọn chi bộ điểm',
      STAGE_LABELS[meeting.status].vi,
      meeting.rating ? RATING_LABELS[meeting.rating].vi : meeting.held ? 'Chưa xếp loại' : 'Chưa tổ chức',
      meeting.visitors.invited,
      meeting.visitors.attended,
      meeting.visitors.declined,
      meeting.visitors.onTime,
      meeting.visitors.missed,
      meeting.visitors.pending,
      meeting.visitors.adopted,
      meeting.actionItems.committed,
      meeting.actionItems.done,
      meeting.actionItems.open,
      meeting.actionItems.overdue,
    ]),
  );

  addTable(
    workbook,
    SHEETS.cells,
    title,
    [
      { header: 'TT', width: 5, format: COUNT },
      { header: 'Chi bộ', width: 32 },
      { header: 'Số đảng viên', width: 10, format: COUNT },
      { header: 'Làm chi bộ điểm (số buổi)', width: 12, format: COUNT },
      ...RATINGS.map((rating): Column => ({ header: `Xếp loại ${RATING_LABELS[rating].vi}`, width: 11, format: COUNT })),
      { header: 'Được mời (lượt)', width: 10, format: COUNT },
      { header: 'Dự (lượt)', width: 9, format: COUNT },
      { header: 'Tỷ lệ dự', width: 9, format: PERCENT },
      { header: 'Từ chối dự', width: 9, format: COUNT },
      { header: 'Gửi nhận xét, góp ý đúng hạn', width: 14, format: COUNT },
      { header: 'Tỷ lệ đúng hạn', width: 10, format: PERCENT },
      { header: 'Không gửi nhận xét, góp ý', width: 13, format: COUNT },
      { header: 'Chưa gửi, còn hạn', width: 11, format: COUNT },
      { header: 'Ghi nội dung vận dụng', width: 12, format: COUNT },
      { header: 'Việc đã cam kết', width: 11, format: COUNT },
      { header: 'Việc đã hoàn thành', width: 11, format: COUNT },
      { header: 'Việc chưa hoàn thành', width: 12, format: COUNT },
      { header: 'Việc quá hạn', width: 10, format: COUNT },
      { header: 'Ghi chú', width: 14 },
    ],
    report.cells.map((cell, index) => [
      index + 1,
      cell.cellName,
      cell.memberCount,
      cell.hosted,
      ...RATINGS.map((rating) => cell.hostedRatings[rating]),
      cell.visits.invited,
      cell.visits.attended,
      ratio(cell.visits.attended, cell.visits.invited),
      cell.visits.declined,
      cell.visits.onTime,
      ratio(cell.visits.onTime, cell.visits.attended),
      cell.visits.missed,
      cell.visits.pending,
      cell.visits.adopted,
      cell.actionItems.committed,
      cell.actionItems.done,
      cell.actionItems.open,
      cell.actionItems.overdue,
      cell.active ? null : 'Đã giải thể',
    ]),
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
