import { describe, expect, it } from '@jest/globals';
import { toYearReport, vietnamPeriodBounds, type YearReportRows } from './year-report.mapper.js';

const tally = { invited: 0, attended: 0, declined: 0, onTime: 0, missed: 0, pending: 0, adopted: 0 };
const noItems = { committed: 0, done: 0, dropped: 0, open: 0, overdue: 0 };
const noRatings = { TOT: 0, KHA: 0, TRUNG_BINH: 0, KEM: 0 };
const { from, to } = vietnamPeriodBounds(2026, null);

const rows = (overrides: Partial<YearReportRows>): YearReportRows => ({
  committeeId: 'k',
  committeeName: 'Đảng ủy xã Na Hối',
  year: 2026,
  quarter: null,
  from,
  to,
  now: new Date('2026-12-07T03:00:00Z'),
  meetings: [],
  meetingTallies: [],
  cellTallies: [],
  actionItems: [],
  cells: [],
  ...overrides,
});

describe("the year report's figures", () => {
  it('bounds a year and its quarters by Vietnam’s midnight (17:00 UTC the day before)', () => {
    const iso = ({ from: start, to: end }: { from: Date; to: Date }) => [start.toISOString(), end.toISOString()];
    expect(iso(vietnamPeriodBounds(2026, null))).toEqual(['2025-12-31T17:00:00.000Z', '2026-12-31T17:00:00.000Z']);
    expect(iso(vietnamPeriodBounds(2026, 1))).toEqual(['2025-12-31T17:00:00.000Z', '2026-03-31T17:00:00.000Z']);
    expect(iso(vietnamPeriodBounds(2026, 2))).toEqual(['2026-03-31T17:00:00.000Z', '2026-06-30T17:00:00.000Z']);
    expect(iso(vietnamPeriodBounds(2026, 4))).toEqual(['2026-09-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z']);
  });

  it('lists every active cell, a dissolved one only with figures, by name as Vietnamese sorts them', () => {
    const cell = (id: string, name: string, dissolved = false) => ({ id, name, memberCount: 13, deactivatedAt: dissolved ? new Date('2026-06-01T00:00:00Z') : null });
    const report = toYearReport(
      rows({
        cells: [cell('1', 'Chi bộ Trạm Y tế xã'), cell('2', 'Chi bộ thôn Km3'), cell('3', 'Chi bộ Cơ quan xã'), cell('4', 'Chi bộ thôn Cốc Môi', true), cell('5', 'Chi bộ thôn Ly Chư Phìn', true)],
        cellTallies: [{ cellId: '5', ...tally, invited: 1, attended: 1, missed: 1 }],
      }),
    );
    expect(report.cells.map((entry) => [entry.cellName, entry.active])).toEqual([
      ['Chi bộ Cơ quan xã', true],
      ['Chi bộ thôn Km3', true],
      ['Chi bộ thôn Ly Chư Phìn', false],
      ['Chi bộ Trạm Y tế xã', true],
    ]);
  });

  it('counts what was held and rated apart from what is still to come or cancelled', () => {
    const meeting = (cycleId: string, status: YearReportRows['meetings'][number]['status'], rating: 'TOT' | 'KHA' | null, hostCellId: string | null) => ({
      cycleId,
      title: cycleId,
      meetingAt: new Date('2026-05-01T01:00:00Z'),
      status,
      hostCellId,
      hostCellName: hostCellId,
      rating,
    });
    const report = toYearReport(
      rows({
        meetings: [meeting('a', 'CLOSED', 'TOT', 'h1'), meeting('b', 'CLOSED', 'KHA', 'h1'), meeting('c', 'REVIEW', null, 'h2'), meeting('d', 'PREPARATION', null, 'h3'), meeting('e', 'CANCELLED', null, 'h4')],
        actionItems: [{ cycleId: 'a', cellId: 'h1', committed: 2, done: 1, dropped: 0, open: 1, overdue: 1 }],
        cells: [{ id: 'h1', name: 'h1', memberCount: 20, deactivatedAt: null }],
      }),
    );
    expect(report.totals).toEqual({
      planned: 4,
      held: 3,
      cancelled: 1,
      rated: 2,
      ratings: { ...noRatings, TOT: 1, KHA: 1 },
      hostCells: 2,
      visitingCells: 0,
      visits: tally,
      actionItems: { ...noItems, committed: 2, done: 1, open: 1, overdue: 1 },
    });
    expect(report.meetings.map((entry) => [entry.cycleId, entry.held])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
      ['d', false],
    ]);
    expect(report.cells[0]).toMatchObject({ hosted: 2, hostedRatings: { ...noRatings, TOT: 1, KHA: 1 }, actionItems: { ...noItems, committed: 2, done: 1, open: 1, overdue: 1 } });
  });
});
