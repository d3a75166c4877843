import { describe, expect, it } from '@jest/globals';
import { cellsPage, lastHostedWords, type CellRow } from './cells.page.js';

const person = { fullName: 'Lương Thị Văn Phòng', csrfToken: 'token', role: 'committee' as const };

function cell(overrides: Partial<CellRow>): CellRow {
  return { id: '0b7d2f0e-8c1f-4a57-9a51-2f4f1c2b9d10', name: 'Chi bộ thôn Na Hối Tày', memberCount: 24, lastHostedAt: null, lastRating: null, active: true, mergedIntoCellId: null, secretaries: [], ...overrides };
}

describe('when a cell last hosted, in words', () => {
  it('names the day in Vietnam (a meeting at 01:30 there is still that day) and the rating by its label', () => {
    // 18:30 UTC on Friday 4 December is 01:30 on Saturday 5 December in Vietnam.
    expect(lastHostedWords({ lastHostedAt: '2026-12-04T18:30:00.000Z', lastRating: 'KHA' }, 'vi')).toBe('Làm chi bộ điểm gần nhất: Thứ Bảy, 05/12/2026, xếp loại Khá.');
    expect(lastHostedWords({ lastHostedAt: '2026-12-04T18:30:00.000Z', lastRating: 'TOT' }, 'en')).toBe('Last hosted on 05/12/2026, rated Tốt.');
  });

  it('says when the cell never hosted, or hosted and was not rated yet', () => {
    expect(lastHostedWords({ lastHostedAt: null, lastRating: null }, 'vi')).toBe('Chưa làm chi bộ điểm.');
    expect(lastHostedWords({ lastHostedAt: '2026-03-01T01:00:00.000Z', lastRating: null }, 'vi')).toBe('Làm chi bộ điểm gần nhất: Chủ nhật, 01/03/2026, chưa xếp loại.');
  });
});

describe('the cells page', () => {
  it('escapes what people typed, names the secretary, and lists dissolved cells apart with the cell they merged into', () => {
    const markup = cellsPage(
      'vi',
      person,
      'Đảng ủy xã Na Hối',
      [
        cell({ name: 'Chi bộ <b>thôn</b> Km3', secretaries: [{ fullName: 'Lò Văn Pằng', username: 'bithu.km3' }] }),
        cell({ id: '5d3c1e2a-1111-4b2c-8d3e-000000000001', name: 'Chi bộ thôn Km6', active: false, mergedIntoCellId: '0b7d2f0e-8c1f-4a57-9a51-2f4f1c2b9d10', memberCount: 9 }),
      ],
      { key: 'key', typed: {} },
    );
    expect(markup).toContain('Chi bộ &lt;b&gt;thôn&lt;/b&gt; Km3');
    expect(markup).not.toContain('<b>thôn</b>');
    expect(markup).toContain('Lò Văn Pằng (tên đăng nhập <code>bithu.km3</code>)');
    // Only the active cells count: one cell, its 24 members.
    expect(markup).toContain('1 chi bộ, 24 đảng viên.');
    expect(markup).toContain('Chi bộ thôn Km6</a>: đã sáp nhập vào Chi bộ &lt;b&gt;thôn&lt;/b&gt; Km3');
  });
});
