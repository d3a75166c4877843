import { describe, expect, it } from '@jest/globals';
import { documentLines, tables } from '../../../test/support/document-text.js';
import { buildYearReport, reportPeriod, share, type ReportSource } from './year-report.document.js';

const visits = { invited: 0, attended: 0, declined: 0, onTime: 0, missed: 0, pending: 0, adopted: 0 };
const items = { committed: 0, done: 0, dropped: 0, open: 0, overdue: 0 };
const ratings = { TOT: 0, KHA: 0, TRUNG_BINH: 0, KEM: 0 };

const source = (overrides: Partial<ReportSource> = {}): ReportSource => ({
  committeeName: 'Đảng ủy xã Na Hối',
  year: 2026,
  quarter: 2,
  from: '2026-03-31T17:00:00.000Z',
  to: '2026-06-30T17:00:00.000Z',
  asOf: '2026-07-02T18:30:00.000Z',
  totals: { planned: 1, held: 1, cancelled: 0, rated: 1, ratings: { ...ratings, KHA: 1 }, hostCells: 1, visitingCells: 2, visits: { ...visits, invited: 3, attended: 2, declined: 1, onTime: 1, missed: 1, adopted: 1 }, actionItems: items },
  meetings: [
    {
      title: 'Sinh hoạt chi bộ điểm quý II',
      meetingAt: '2026-06-30T16:30:00.000Z',
      held: true,
      hostCellName: 'Chi bộ thôn Na Hối Tày',
      rating: 'KHA',
      visitors: { ...visits, invited: 3, attended: 2, declined: 1, onTime: 1, missed: 1, adopted: 1 },
      actionItems: items,
    },
  ],
  cells: [
    { cellName: 'Chi bộ thôn Km3', active: true, hosted: 0, hostedRatings: ratings, visits: { ...visits, invited: 1, attended: 1, onTime: 1, adopted: 1 }, actionItems: items },
    { cellName: 'Chi bộ thôn Na Hối Tày', active: true, hosted: 1, hostedRatings: { ...ratings, KHA: 1 }, visits, actionItems: items },
  ],
  ...overrides,
});

describe('Báo cáo kết quả sinh hoạt chi bộ điểm', () => {
  it('names the period as a Party paper does', () => {
    expect(reportPeriod(2026, null)).toBe('năm 2026');
    expect(reportPeriod(2026, 3)).toBe('quý III năm 2026');
    expect(share(2, 3)).toBe('2/3 (67%)');
    expect(share(0, 0)).toBe('0');
  });

  it('is the committee’s paper, dated the day it is asked for in Vietnam, with the days of the meetings in Vietnam', () => {
    const doc = buildYearReport(source());
    expect(doc.header).toEqual({ upperBody: 'ĐẢNG BỘ XÃ NA HỐI', issuer: 'ĐẢNG ỦY XÃ NA HỐI', number: 'Số …-BC/ĐU' });
    // 18:30 UTC on 2 July is 01:30 on 3 July in Vietnam.
    expect(doc.placeAndDate).toEqual({ place: 'Na Hối', day: '2026-07-03' });
    expect(doc.heading).toEqual({ kind: 'BÁO CÁO', subject: 'kết quả sinh hoạt chi bộ điểm quý II năm 2026' });
    expect(doc.signatures).toEqual([{ onBehalfOf: 'T/M ĐẢNG ỦY', role: 'BÍ THƯ' }]);
    const lines = documentLines(doc);
    expect(lines).toContain(
      'Trong quý II năm 2026 (từ ngày 01/04/2026 đến ngày 30/06/2026), Đảng ủy xã Na Hối chỉ đạo tổ chức 1 buổi sinh hoạt chi bộ điểm tại 1 chi bộ. Số liệu tính đến ngày 03/07/2026, cụ thể như sau:',
    );
    const [meetings, cells] = tables(doc);
    // 16:30 UTC on 30 June is 23:30 the same day in Vietnam.
    expect(meetings.rows).toEqual([['1', '30/06/2026', 'Chi bộ thôn Na Hối Tày', 'Khá', '2/3', '1/2']]);
    expect(cells.rows).toEqual([
      ['1', 'Chi bộ thôn Km3', '0', '1', '1', '0', '1', '0', '1'],
      ['2', 'Chi bộ thôn Na Hối Tày', '1 (Khá 1)', '0', '0', '0', '0', '0', '0'],
    ]);
    expect(tables(doc)).toHaveLength(2);
    expect(lines).toContain('Chưa có việc chi bộ điểm cam kết thực hiện sau các buổi sinh hoạt trong kỳ.');
  });

  it('says so where there is nothing to report, and never invents a rating', () => {
    const cells = source().cells.map((cell) => ({ ...cell, hosted: 0, hostedRatings: ratings }));
    const doc = buildYearReport(source({ meetings: [], cells, totals: { ...source().totals, planned: 0, held: 0, rated: 0, ratings, hostCells: 0 } }));
    expect(documentLines(doc)).toContain(
      'Trong quý II năm 2026 (từ ngày 01/04/2026 đến ngày 30/06/2026), chưa có buổi sinh hoạt chi bộ điểm nào được tổ chức. Số liệu tính đến ngày 03/07/2026, cụ thể như sau:',
    );
    expect(documentLines(doc)).toContain('Chưa có buổi sinh hoạt chi bộ điểm nào được tổ chức trong quý II năm 2026.');
    expect(documentLines(doc).join(' ')).not.toMatch(/Tốt|Khá|Trung bình|Kém/);
  });
});
