import { describe, expect, it } from '@jest/globals';
import type { CycleSummary } from '../../cycles/cycle.mapper.js';
import type { WaitingTask } from '../../tasks/tasks.service.js';
import { cyclesPage, type CyclesBoard } from './cycles.page.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Noon in Vietnam, so "N days" counts whole calendar days either way. */
const NOW = Date.parse('2026-12-10T12:00:00+07:00');
const person = { fullName: 'Lương Thị Văn Phòng', csrfToken: 'token', role: 'committee' as const };

function cycle(id: string, status: CycleSummary['status'], title: string, hostCellId: string | null = null): CycleSummary {
  return { id, committeeId: 'committee', title, kind: 'regular', status, hostCellId, meetingAt: new Date(NOW + 5 * DAY_MS).toISOString(), location: 'Nhà văn hóa', createdAt: new Date(NOW).toISOString() };
}

function task(cycleId: string, action: WaitingTask['action'], dueMs: number, party: WaitingTask['party'], partyName: string | null): WaitingTask {
  return { cycleId, action, dueAt: new Date(dueMs).toISOString(), party, partyName };
}

/** The text of the page's late lines, tags dropped. */
const lateLines = (markup: string) => [...markup.matchAll(/<p><span class="due late">(.*?)<\/span> (.*?)<\/p>/g)].map(([, due, words]) => `${due} | ${words}`);

const board = (overrides: Partial<CyclesBoard>): CyclesBoard => ({ cycles: [], waiting: [], hostNames: new Map(), nextCursor: null, mayLaunch: true, ...overrides });

describe('the cycles page marks what is late and whose it is', () => {
  const cycles = [cycle('a', 'SCHEDULED', 'Đợt A', 'host'), cycle('b', 'HOST_SELECTION', 'Đợt B'), cycle('c', 'CLOSED', 'Đợt C', 'host')];
  const waiting = [
    // Two cells have not answered, the second later overdue than the first: one line, the most overdue days.
    task('a', 'RSVP', NOW - 2 * DAY_MS, 'cell', 'Chi bộ thôn Sín Chải A'),
    task('a', 'RSVP', NOW - DAY_MS, 'cell', 'Chi bộ thôn Km6'),
    // Not due yet: not marked.
    task('a', 'RECORD_MEETING', NOW + HOUR_MS, 'cell', 'Chi bộ thôn Na Hối Tày'),
    task('b', 'SELECT_HOST', NOW - 3 * DAY_MS, 'committee', null),
    // Two overdue action items of the same host, after the cycle closed.
    task('c', 'COMPLETE_ACTION_ITEM', NOW - 4 * DAY_MS, 'cell', 'Chi bộ thôn Na Hối Tày'),
    task('c', 'COMPLETE_ACTION_ITEM', NOW - DAY_MS, 'cell', 'Chi bộ thôn Na Hối Tày'),
  ];

  it('in Vietnamese: one line for each kind of late task, with who has not done it', () => {
    const markup = cyclesPage('vi', person, board({ cycles, waiting, hostNames: new Map([['host', 'Chi bộ thôn Na Hối Tày']]) }), NOW);
    expect(lateLines(markup)).toEqual([
      'quá hạn 3 ngày | Đảng ủy chưa chọn chi bộ điểm.',
      'quá hạn 2 ngày | Chi bộ thôn Sín Chải A, Chi bộ thôn Km6 chưa xác nhận tham dự.',
      'quá hạn 4 ngày | Chi bộ thôn Na Hối Tày chưa hoàn thành 2 việc đã cam kết.',
    ]);
    expect(markup).toContain('3 đợt có việc quá hạn.');
  });

  it('in English, with the verb agreeing with how many have not done it', () => {
    const markup = cyclesPage('en', person, board({ cycles, waiting }), NOW);
    expect(lateLines(markup)).toEqual([
      '3 days overdue | The committee has not chosen the host cell.',
      '2 days overdue | Chi bộ thôn Sín Chải A, Chi bộ thôn Km6 have not answered the invitation.',
      '4 days overdue | Chi bộ thôn Na Hối Tày has not done 2 committed action items.',
    ]);
  });

  it('the stages in the order a cycle goes through them, the ended ones last', () => {
    const markup = cyclesPage('vi', person, board({ cycles }), NOW);
    expect([...markup.matchAll(/<h2>(.*?)<\/h2>/g)].map(([, heading]) => heading)).toEqual(['Lựa chọn chi bộ điểm (1)', 'Chờ tổ chức sinh hoạt (1)', 'Đã kết thúc (1)']);
  });

  it('no launch link for those who do not launch, and a link to older cycles when there are more', () => {
    const markup = cyclesPage('vi', person, board({ mayLaunch: false, nextCursor: 'abc' }), NOW);
    expect(markup).not.toContain('/dot-moi');
    expect(markup).toContain('href="/dot?sau=abc"');
    expect(markup).toContain('Chưa có đợt sinh hoạt nào.');
  });
});
