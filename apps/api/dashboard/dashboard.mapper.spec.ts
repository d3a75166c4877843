import { describe, expect, it } from '@jest/globals';
import { toLateTask, toOpenActionItem, toPunctuality, toRatingYears, toStageCounts, vietnamYearBounds, vietnamYearOf } from './dashboard.mapper.js';

const tally = { invited: 1, attended: 1, onTime: 1, missed: 0, pending: 0, adopted: 0 };

describe("the dashboard's figures as the API gives them", () => {
  it("counts a year by Vietnam's calendar: 00:00 on 1 January there is 17:00 UTC the day before", () => {
    expect(vietnamYearOf(Date.parse('2026-12-31T16:59:59.999Z'))).toBe(2026);
    expect(vietnamYearOf(Date.parse('2026-12-31T17:00:00.000Z'))).toBe(2027);
    const { from, to } = vietnamYearBounds(2026);
    expect([from.toISOString(), to.toISOString()]).toEqual(['2025-12-31T17:00:00.000Z', '2026-12-31T17:00:00.000Z']);
  });

  it('lists every stage in the order a cycle goes through them, a stage without cycles as 0', () => {
    expect(toStageCounts([{ status: 'CLOSED', count: 3 }, { status: 'CRITIQUE', count: 1 }])).toEqual([
      { status: 'HOST_SELECTION', count: 0 },
      { status: 'PREPARATION', count: 0 },
      { status: 'SCHEDULED', count: 0 },
      { status: 'CRITIQUE', count: 1 },
      { status: 'REPORTING', count: 0 },
      { status: 'REVIEW', count: 0 },
      { status: 'CLOSED', count: 3 },
      { status: 'CANCELLED', count: 0 },
    ]);
  });

  it('names whoever must act: the committee by its name, a cell or a guest by theirs', () => {
    const row = { cycleId: 'c', cycleTitle: 'Sinh hoạt chi bộ điểm quý I', dueAt: new Date('2026-12-01T01:00:00Z'), actionItemId: null, actionItemTitle: null, partyId: 'p' };
    expect(toLateTask({ ...row, action: 'REVIEW_REPORT', party: 'committee', partyName: null }, 'Đảng ủy xã Na Hối').responsible).toEqual({ party: 'committee', name: 'Đảng ủy xã Na Hối' });
    expect(toLateTask({ ...row, action: 'RSVP', party: 'cell', partyName: 'Chi bộ thôn Km3' }, 'Đảng ủy xã Na Hối')).toEqual({
      cycleId: 'c',
      cycleTitle: 'Sinh hoạt chi bộ điểm quý I',
      action: 'RSVP',
      dueAt: '2026-12-01T01:00:00.000Z',
      responsible: { party: 'cell', name: 'Chi bộ thôn Km3' },
      actionItemTitle: null,
    });
  });

  it('puts the ratings of each year together, the earliest year first', () => {
    const years = toRatingYears([
      { year: 2026, rating: 'KHA', count: 1 },
      { year: 2024, rating: 'TOT', count: 2 },
      { year: 2026, rating: 'TOT', count: 3 },
    ]);
    expect(years).toEqual([
      { year: 2024, counts: { TOT: 2, KHA: 0, TRUNG_BINH: 0, KEM: 0 } },
      { year: 2026, counts: { TOT: 3, KHA: 1, TRUNG_BINH: 0, KEM: 0 } },
    ]);
  });

  it('sorts cells by name as Vietnamese does', () => {
    const names = toPunctuality([
      { cellId: '1', cellName: 'Chi bộ Trạm Y tế xã', ...tally },
      { cellId: '2', cellName: 'Chi bộ thôn Km3', ...tally },
      { cellId: '3', cellName: 'Chi bộ Cơ quan xã', ...tally },
    ]).map((cell) => cell.cellName);
    expect(names).toEqual(['Chi bộ Cơ quan xã', 'Chi bộ thôn Km3', 'Chi bộ Trạm Y tế xã']);
  });

  it('calls an action item overdue once its day has ended in Vietnam, not at midnight UTC', () => {
    const item = { id: 'a', cycleId: 'c', cycleTitle: 'Đợt', title: 'Hoàn thiện mẫu biên bản', owner: 'Đồng chí Bí thư', dueDate: '2026-12-07' };
    expect(toOpenActionItem(item, Date.parse('2026-12-07T16:59:59.999Z')).overdue).toBe(false);
    expect(toOpenActionItem(item, Date.parse('2026-12-07T17:00:00.000Z')).overdue).toBe(true);
  });
});
