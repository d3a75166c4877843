import { describe, expect, it } from '@jest/globals';
import type { CellRecordView, CommitteeDashboardView } from '../../dashboard/dashboard.mapper.js';
import { cellRecordPage } from './cell-record.page.js';
import { dashboardPage } from './dashboard.page.js';

const person = { fullName: 'Lương Thị Văn Phòng', csrfToken: 'token', role: 'committee' as const };
const CYCLE = '0b7d2f0e-8c1f-4a57-9a51-2f4f1c2b9d10';
const CELL = '5d3c1e2a-1111-4b2c-8d3e-000000000001';
const zero = { TOT: 0, KHA: 0, TRUNG_BINH: 0, KEM: 0 };

function view(overrides: Partial<CommitteeDashboardView>): CommitteeDashboardView {
  return {
    committeeId: '7e3c1e2a-1111-4b2c-8d3e-000000000009',
    committeeName: 'Đảng ủy xã Na Hối',
    year: 2026,
    // 10:00 on Monday 7 December 2026 in Vietnam.
    asOf: '2026-12-07T03:00:00.000Z',
    stages: [],
    late: [],
    meetings: [],
    ratings: zero,
    ratingsByYear: [],
    punctuality: [],
    ...overrides,
  };
}

/** Codes and machine times a person must never read (language.md). */
const LEAKS = [/\bTOT\b/, /\bKHA\b/, /TRUNG_BINH/, /\bKEM\b/, /SUBMIT_|REVIEW_REPORT|\bRSVP\b/, /\bCRITIQUE\b|\bCLOSED\b/, /\d{4}-\d{2}-\d{2}T/];

describe('the committee overview page', () => {
  it('says what is late and whose it is in words, the year’s meetings with their ratings, and no code or UTC time', () => {
    const markup = dashboardPage(
      'vi',
      person,
      view({
        stages: [{ status: 'CRITIQUE', count: 1 }, { status: 'CLOSED', count: 2 }],
        late: [
          {
            cycleId: CYCLE,
            cycleTitle: 'Sinh hoạt <b>chuyên đề</b>',
            action: 'SUBMIT_CRITIQUE',
            // Due 08:00 on Saturday 5 December in Vietnam: two calendar days before the 7th.
            dueAt: '2026-12-05T01:00:00.000Z',
            responsible: { party: 'cell', name: 'Chi bộ thôn Km3' },
            actionItemTitle: null,
          },
        ],
        meetings: [
          { cycleId: CYCLE, title: 'Sinh hoạt chi bộ điểm quý I', meetingAt: '2026-03-04T18:30:00.000Z', status: 'CLOSED', hostCellId: CELL, hostCellName: 'Chi bộ thôn Na Hối Tày', rating: 'KHA' },
          { cycleId: CYCLE, title: 'Sinh hoạt chi bộ điểm quý IV', meetingAt: '2026-11-20T01:00:00.000Z', status: 'CRITIQUE', hostCellId: CELL, hostCellName: 'Chi bộ thôn Km6', rating: null },
        ],
        ratings: { ...zero, KHA: 1 },
      }),
      2026,
    );
    for (const leak of LEAKS) expect(markup).not.toMatch(leak);
    expect(markup).toContain('Sinh hoạt &lt;b&gt;chuyên đề&lt;/b&gt;');
    expect(markup).toContain('<span class="due late">quá hạn 2 ngày</span> Chi bộ thôn Km3 chưa gửi nhận xét, góp ý.');
    expect(markup).toContain('<h2>Việc quá hạn (1)</h2>');
    // 18:30 UTC on Wednesday 4 March is 01:30 on Thursday 5 March in Vietnam.
    expect(markup).toContain('Thứ Năm, 05/03/2026: <a href="/dot/');
    expect(markup).toContain('Xếp loại: Khá 1; 1 buổi chưa xếp loại.');
    expect(markup).toContain('<strong>Xếp loại Khá</strong>');
    expect(markup).toContain('<strong>Nhận xét, góp ý</strong>');
    expect(markup).toContain('<dt>Nhận xét, góp ý</dt><dd>1</dd>');
    // This year is the latest: no link to a year that has not come.
    expect(markup).toContain('href="/tong-quan?nam=2025"');
    expect(markup).not.toContain('nam=2027');
  });

  it('draws each year’s bar to the same scale, with its figures also in words', () => {
    const markup = dashboardPage(
      'vi',
      person,
      view({
        ratingsByYear: [
          { year: 2025, counts: { ...zero, TOT: 2, KHA: 1 } },
          { year: 2026, counts: { ...zero, KEM: 1 } },
        ],
      }),
      2026,
    );
    // The longest bar (3 meetings) fills the width: Tốt 2 of 3, then Khá 1 of 3 after it; 2026's one Kém is a third.
    expect(markup).toContain('<rect x="0.00%" y="1" width="66.67%" height="16" fill="#a50e0e" stroke="#1a1a1a"/>');
    expect(markup).toContain('<rect x="66.67%" y="1" width="33.33%" height="16" fill="url(#fill-hatch)" stroke="#1a1a1a"/>');
    expect(markup).toContain('<rect x="0.00%" y="1" width="33.33%" height="16" fill="#fff" stroke="#1a1a1a"/>');
    expect(markup).toContain('<span class="bar-label">Năm 2025</span> <span class="bar-words">Tốt 2, Khá 1</span>');
  });
});

describe("a cell's record page", () => {
  const record: CellRecordView = {
    committeeId: '7e3c1e2a-1111-4b2c-8d3e-000000000009',
    cell: { id: CELL, name: 'Chi bộ thôn Na Hối Tày', memberCount: 24, active: true },
    asOf: '2026-12-07T03:00:00.000Z',
    hosted: [
      { cycleId: CYCLE, title: 'Quý I năm 2024', meetingAt: '2024-03-01T01:00:00.000Z', status: 'CLOSED', rating: 'TRUNG_BINH' },
      { cycleId: CYCLE, title: 'Quý II năm 2026', meetingAt: '2026-06-01T01:00:00.000Z', status: 'CLOSED', rating: 'TOT' },
    ],
    visits: {
      totals: { invited: 3, attended: 2, onTime: 1, missed: 1, pending: 0, adopted: 1 },
      years: [{ year: 2026, invited: 3, attended: 2, onTime: 1, missed: 1, pending: 0, adopted: 1 }],
      items: [],
    },
    openActionItems: [
      { id: 'a', cycleId: CYCLE, cycleTitle: 'Quý II năm 2026', title: 'Hoàn thiện mẫu biên bản', owner: 'Đồng chí Bí thư', dueDate: '2026-12-01', overdue: true },
    ],
  };

  it('charts the ratings over time with a mark of its own for each, and says the visits and open items in words', () => {
    const markup = cellRecordPage('vi', person, record);
    for (const leak of LEAKS) expect(markup).not.toMatch(leak);
    expect(markup).toContain('<desc id="xep-loai-desc">01/03/2024: Trung bình; 01/06/2026: Tốt</desc>');
    // Trung bình is a hollow triangle on its row (y 90), Tốt a filled circle on the top row (y 22).
    expect(markup).toContain('<path d="M92 83L99 96H85Z" fill="#fff" stroke="#1a1a1a" stroke-width="2"/>');
    expect(markup).toContain('<circle cx="328" cy="22" r="6"');
    expect(markup).toContain('Tất cả các năm: dự 2/3 buổi; nhận xét, góp ý đúng hạn 1, không gửi 1; đã ghi nội dung áp dụng 1 lần.');
    expect(markup).toContain('<span class="due late">Hạn 01/12/2026, đã quá hạn</span>');
  });
});
