import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { driveCycle } from '../scripts/lib/cycle-driver.mjs';
import { acceptReviewBody, launchBody } from '../scripts/lib/step-bodies.mjs';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { checkAccessibility, launchChromium, phoneContext, screenshot } from './support/browser.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCell, type ApiCommune } from './support/commune-api.fixture.js';
import { supertestHttp } from './support/cycle-http.js';
import { insertHeldCycle, type HeldCycle } from './support/held-cycles.js';

/**
 * The committee's dashboard and a cell's record (issue 18), checked against a fixture whose answers are counted by
 * hand below, never by the code under test. Two cycles go through the real API and workflows (one closed this year,
 * one whose plan is late); the history of earlier years is written as the record activity writes it (rows), since
 * no workflow can hold a meeting in the past. A second commune has cycles of its own that must never show.
 *
 * The home commune's cells A..E ("Chi bộ thôn 1 …" … "Chi bộ thôn 5 …") and its cycles (all at 08:00 Vietnam time):
 *
 * | cycle | meeting    | host | stage        | rating     | visitors (✓ attended; critique)                          |
 * | H1    | 10/05/2022 | A    | CLOSED       | Trung bình | B ✓ on time, adopted; C ✓ missed                          |
 * | H2    | 15/04/2024 | A    | CLOSED       | Tốt        | B ✓ on time; D declined                                  |
 * | H3    | 20/09/2024 | B    | CLOSED       | Khá        | A ✓ on time; C ✓ on time                                 |
 * | H4    | 20/02/2025 | C    | CLOSED       | Tốt        | A ✓ on time, adopted; B ✓ missed; C's item due 31/03/2025 open, one done |
 * | H5    | 10/06/2025 | E    | REPORTING    | –          | A ✓ on time; C ✓ missed; report due 17/06/2025           |
 * | H6    | 01/07/2025 | B    | CANCELLED    | –          | A ✓ missed (a cancelled cycle counts for nothing)        |
 * | H7    | 30/11/2025 | B    | CRITIQUE     | –          | C ✓ not yet (window open 30 more days); D ✓ on time       |
 * | L1    | in 2 hours | A    | PREPARATION  | –          | B, C invited; the plan was due a day before the meeting   |
 * | L2    | now        | D    | CLOSED       | Khá        | B ✓ on time; E ✓ on time; D's item due in 30 days         |
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;

let stack: ApiStack;
let browser: Browser;
let baseURL: string;
let home: ApiCommune;
let other: ApiCommune;
/** The home cells by letter. */
let A: ApiCell, B: ApiCell, C: ApiCell, D: ApiCell, E: ApiCell;
const ids: Record<'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'H7' | 'L1' | 'L2' | 'O1' | 'O2', string> = {
  H1: randomUUID(),
  H2: randomUUID(),
  H3: randomUUID(),
  H4: randomUUID(),
  H5: randomUUID(),
  H6: randomUUID(),
  H7: randomUUID(),
  L1: '',
  L2: '',
  O1: randomUUID(),
  O2: randomUUID(),
};
/** The year it is now in Vietnam: L2's meeting falls in it. */
const thisYear = new Date(Date.now() + VIETNAM_OFFSET_MS).getUTCFullYear();

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  stack = await startApiStack();
  await stack.app.listen(0, '127.0.0.1');
  baseURL = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
  [home, other, browser] = await Promise.all([createCommuneViaApi(stack, 5), createCommuneViaApi(stack, 2), launchChromium()]);
  [A, B, C, D, E] = home.cells;
  const ON_TIME = 60;
  const held: HeldCycle[] = [
    { id: ids.H1, commune: home, title: 'Sinh hoạt chi bộ điểm quý II năm 2022', host: A, at: '2022-05-10T08:00:00+07:00', status: 'CLOSED', rating: 'TRUNG_BINH',
      visitors: [{ cell: B, rsvp: 'ACCEPTED', critique: ON_TIME, adopted: true }, { cell: C, rsvp: 'ACCEPTED', critique: null }] },
    { id: ids.H2, commune: home, title: 'Sinh hoạt chi bộ điểm quý II năm 2024', host: A, at: '2024-04-15T08:00:00+07:00', status: 'CLOSED', rating: 'TOT',
      visitors: [{ cell: B, rsvp: 'ACCEPTED', critique: ON_TIME }, { cell: D, rsvp: 'DECLINED' }] },
    { id: ids.H3, commune: home, title: 'Sinh hoạt chi bộ điểm quý III năm 2024', host: B, at: '2024-09-20T08:00:00+07:00', status: 'CLOSED', rating: 'KHA',
      visitors: [{ cell: A, rsvp: 'ACCEPTED', critique: ON_TIME }, { cell: C, rsvp: 'ACCEPTED', critique: ON_TIME }] },
    { id: ids.H4, commune: home, title: 'Sinh hoạt chi bộ điểm quý I năm 2025', host: C, at: '2025-02-20T08:00:00+07:00', status: 'CLOSED', rating: 'TOT',
      visitors: [{ cell: A, rsvp: 'ACCEPTED', critique: ON_TIME, adopted: true }, { cell: B, rsvp: 'ACCEPTED', critique: null }],
      actionItems: [{ title: 'Hoàn thiện mẫu biên bản', dueDate: '2025-03-31' }, { title: 'Gửi tài liệu trước 1 ngày', dueDate: '2025-03-15', done: true }] },
    { id: ids.H5, commune: home, title: 'Sinh hoạt chi bộ điểm quý II năm 2025', host: E, at: '2025-06-10T08:00:00+07:00', status: 'REPORTING', reportDueAt: Date.parse('2025-06-17T17:00:00+07:00'),
      visitors: [{ cell: A, rsvp: 'ACCEPTED', critique: ON_TIME }, { cell: C, rsvp: 'ACCEPTED', critique: null }] },
    { id: ids.H6, commune: home, title: 'Sinh hoạt chi bộ điểm đã hủy', host: B, at: '2025-07-01T08:00:00+07:00', status: 'CANCELLED', visitors: [{ cell: A, rsvp: 'ACCEPTED', critique: null }] },
    { id: ids.H7, commune: home, title: 'Sinh hoạt chi bộ điểm quý IV năm 2025', host: B, at: '2025-11-30T08:00:00+07:00', status: 'CRITIQUE', critiqueClosesAt: Date.now() + 30 * DAY_MS,
      visitors: [{ cell: C, rsvp: 'ACCEPTED', critique: null }, { cell: D, rsvp: 'ACCEPTED', critique: { at: '2025-12-01T20:00:00+07:00' } }] },
    { id: ids.O1, commune: other, title: 'Sinh hoạt chi bộ điểm của xã khác', host: other.cells[0], at: '2025-03-01T08:00:00+07:00', status: 'CLOSED', rating: 'KEM',
      visitors: [{ cell: other.cells[1], rsvp: 'ACCEPTED', critique: ON_TIME }] },
    { id: ids.O2, commune: other, title: 'Sinh hoạt chi bộ điểm của xã khác, chưa báo cáo', host: other.cells[1], at: '2025-05-01T08:00:00+07:00', status: 'REPORTING',
      visitors: [{ cell: other.cells[0], rsvp: 'ACCEPTED', critique: null }] },
  ];
  for (const cycle of held) await insertHeldCycle(stack, cycle);

  const launched = await stack.http
    .post('/api/cycles')
    .set(bearer(home.staff.token))
    .send(launchBody({ committeeId: home.committeeId, title: 'Sinh hoạt chi bộ điểm tháng Mười hai', hostCellId: A.id, invitedCellIds: [B.id, C.id], meetingAt: Date.now() + 2 * HOUR_MS }))
    .expect(201);
  ids.L1 = launched.body.id as string;
  const closed = await driveCycle(
    supertestHttp(stack.http),
    { committeeId: home.committeeId, staff: home.staff, invited: [B, E], host: D },
    {
      meetingAt: Date.now() + 4_000,
      launch: { title: 'Sinh hoạt chi bộ điểm năm nay', critiqueWindow: 'PT10M', reportWindow: 'PT10M' },
      reviews: [acceptReviewBody({ rating: 'KHA' })],
    },
  );
  ids.L2 = closed.id;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stopAll();
});

const dashboardOf = (token: string, query = '') => stack.http.get(`/api/committees/${home.committeeId}/dashboard${query}`).set(bearer(token));
const recordOf = (token: string, cell: ApiCell) => stack.http.get(`/api/committees/${home.committeeId}/cells/${cell.id}/dashboard`).set(bearer(token));

const zeroTally = { invited: 0, attended: 0, onTime: 0, missed: 0, pending: 0, adopted: 0 };
const noRatings = { TOT: 0, KHA: 0, TRUNG_BINH: 0, KEM: 0 };

describe('the committee dashboard (GET /api/committees/:id/dashboard)', () => {
  it('counts the cycles by stage, lists what is late with who must act, and 2025’s meetings, ratings and critiques as counted by hand', async () => {
    const response = await dashboardOf(home.staff.token, '?year=2025').expect(200);
    const body = response.body as Record<string, unknown>;
    expect(body.year).toBe(2025);
    // H1–H4 and L2 closed; H5 reporting; H6 cancelled; H7 in critique; L1 in preparation.
    expect(body.stages).toEqual([
      { status: 'HOST_SELECTION', count: 0 },
      { status: 'PREPARATION', count: 1 },
      { status: 'SCHEDULED', count: 0 },
      { status: 'CRITIQUE', count: 1 },
      { status: 'REPORTING', count: 1 },
      { status: 'REVIEW', count: 0 },
      { status: 'CLOSED', count: 5 },
      { status: 'CANCELLED', count: 1 },
    ]);
    // Most overdue first: C's open item (due 31/03/2025), E's report (17/06/2025), A's plan (a day before L1's meeting).
    const late = body.late as { cycleId: string; action: string; responsible: { party: string; name: string }; actionItemTitle: string | null }[];
    expect(late.map((task) => [task.cycleId, task.action, task.responsible, task.actionItemTitle])).toEqual([
      [ids.H4, 'COMPLETE_ACTION_ITEM', { party: 'cell', name: C.name }, 'Hoàn thiện mẫu biên bản'],
      [ids.H5, 'SUBMIT_REPORT', { party: 'cell', name: E.name }, null],
      [ids.L1, 'SUBMIT_PLAN', { party: 'cell', name: A.name }, null],
    ]);
    expect(late[1]).toMatchObject({ dueAt: '2025-06-17T10:00:00.000Z' });
    // 2025: H4, H5, H7 (H6 was cancelled).
    expect((body.meetings as Record<string, unknown>[]).map((meeting) => [meeting.cycleId, meeting.meetingAt, meeting.status, meeting.hostCellName, meeting.rating])).toEqual([
      [ids.H4, '2025-02-20T01:00:00.000Z', 'CLOSED', C.name, 'TOT'],
      [ids.H5, '2025-06-10T01:00:00.000Z', 'REPORTING', E.name, null],
      [ids.H7, '2025-11-30T01:00:00.000Z', 'CRITIQUE', B.name, null],
    ]);
    expect(body.ratings).toEqual({ ...noRatings, TOT: 1 });
    expect(body.ratingsByYear).toEqual([
      { year: 2022, counts: { ...noRatings, TRUNG_BINH: 1 } },
      { year: 2024, counts: { ...noRatings, TOT: 1, KHA: 1 } },
      { year: 2025, counts: { ...noRatings, TOT: 1 } },
      { year: thisYear, counts: { ...noRatings, KHA: 1 } },
    ]);
    // Held in 2025 and not cancelled: H4, H5, H7. E visited none of them.
    expect(body.punctuality).toEqual([
      { cellId: A.id, cellName: A.name, ...zeroTally, invited: 2, attended: 2, onTime: 2, adopted: 1 },
      { cellId: B.id, cellName: B.name, ...zeroTally, invited: 1, attended: 1, missed: 1 },
      { cellId: C.id, cellName: C.name, ...zeroTally, invited: 2, attended: 2, missed: 1, pending: 1 },
      { cellId: D.id, cellName: D.name, ...zeroTally, invited: 1, attended: 1, onTime: 1 },
    ]);
    // Nothing of the other commune.
    for (const id of [other.committeeId, ids.O1, ids.O2, ...other.cells.map((cell) => cell.id)]) expect(response.text).not.toContain(id);
  });

  it('shows this year by default: the cycle closed through the workflows, rated Khá, both visitors on time; L1 still to come', async () => {
    const body = (await dashboardOf(home.staff.token).expect(200)).body as Record<string, unknown>;
    expect(body.year).toBe(thisYear);
    expect((body.meetings as Record<string, unknown>[]).map((meeting) => [meeting.cycleId, meeting.status, meeting.hostCellName, meeting.rating])).toEqual([
      [ids.L2, 'CLOSED', D.name, 'KHA'],
      [ids.L1, 'PREPARATION', A.name, null],
    ]);
    expect(body.ratings).toEqual({ ...noRatings, KHA: 1 });
    expect(body.punctuality).toEqual([
      { cellId: B.id, cellName: B.name, ...zeroTally, invited: 1, attended: 1, onTime: 1 },
      { cellId: E.id, cellName: E.name, ...zeroTally, invited: 1, attended: 1, onTime: 1 },
    ]);
  });

  it('gives the other commune only its own figures', async () => {
    const response = await stack.http.get(`/api/committees/${other.committeeId}/dashboard?year=2025`).set(bearer(other.staff.token)).expect(200);
    expect(response.body.late.map((task: { cycleId: string }) => task.cycleId)).toEqual([ids.O2]);
    expect(response.body.ratings).toEqual({ ...noRatings, KEM: 1 });
    for (const id of [home.committeeId, ...Object.values(ids).filter((id) => id !== ids.O1 && id !== ids.O2), ...home.cells.map((cell) => cell.id)]) {
      expect(response.text).not.toContain(id);
    }
  });

  it('refuses what is not the caller’s: another committee’s staff 404 (as for no such committee), a secretary 403, no token 401; a year out of range 400', async () => {
    await dashboardOf(other.staff.token).expect(404);
    await stack.http.get(`/api/committees/${randomUUID()}/dashboard`).set(bearer(home.staff.token)).expect(404);
    await dashboardOf(A.secretary.token).expect(403);
    await stack.http.get(`/api/committees/${home.committeeId}/dashboard`).expect(401);
    await dashboardOf(home.staff.token, '?year=1999').expect(400);
    await recordOf(other.staff.token, A).expect(404);
    await recordOf(A.secretary.token, A).expect(403);
    // A cell of the other commune named under this committee: not found either.
    await stack.http.get(`/api/committees/${home.committeeId}/cells/${other.cells[0].id}/dashboard`).set(bearer(home.staff.token)).expect(404);
  });
});

describe("a cell's record (GET /api/committees/:id/cells/:cellId/dashboard)", () => {
  it('A: hosted H1 (Trung bình) and H2 (Tốt); visited H3, H4, H5 on time, adopted once', async () => {
    const body = (await recordOf(home.staff.token, A).expect(200)).body;
    expect(body.hosted.map((meeting: Record<string, unknown>) => [meeting.cycleId, meeting.rating])).toEqual([
      [ids.H1, 'TRUNG_BINH'],
      [ids.H2, 'TOT'],
    ]);
    expect(body.visits.items.map((visit: Record<string, unknown>) => [visit.cycleId, visit.attended, visit.critique, visit.adopted])).toEqual([
      [ids.H5, true, 'ON_TIME', false],
      [ids.H4, true, 'ON_TIME', true],
      [ids.H3, true, 'ON_TIME', false],
    ]);
    expect(body.visits.years).toEqual([
      { year: 2024, ...zeroTally, invited: 1, attended: 1, onTime: 1 },
      { year: 2025, ...zeroTally, invited: 2, attended: 2, onTime: 2, adopted: 1 },
    ]);
    expect(body.visits.totals).toEqual({ ...zeroTally, invited: 3, attended: 3, onTime: 3, adopted: 1 });
    expect(body.openActionItems).toEqual([]);
  });

  it('B: hosted H3 (Khá) and H7 (still in critique); three critiques on time, one missed', async () => {
    const body = (await recordOf(home.staff.token, B).expect(200)).body;
    expect(body.hosted.map((meeting: Record<string, unknown>) => [meeting.cycleId, meeting.status, meeting.rating])).toEqual([
      [ids.H3, 'CLOSED', 'KHA'],
      [ids.H7, 'CRITIQUE', null],
    ]);
    expect(body.visits.items.map((visit: Record<string, unknown>) => [visit.cycleId, visit.critique])).toEqual([
      [ids.L2, 'ON_TIME'],
      [ids.H4, 'MISSED'],
      [ids.H2, 'ON_TIME'],
      [ids.H1, 'ON_TIME'],
    ]);
    expect(body.visits.totals).toEqual({ ...zeroTally, invited: 4, attended: 4, onTime: 3, missed: 1, adopted: 1 });
  });

  it('C: its open item from H4 is overdue (the done one is not listed); one critique pending while H7’s window is open', async () => {
    const body = (await recordOf(home.staff.token, C).expect(200)).body;
    expect(body.hosted.map((meeting: Record<string, unknown>) => [meeting.cycleId, meeting.rating])).toEqual([[ids.H4, 'TOT']]);
    expect(body.visits.totals).toEqual({ ...zeroTally, invited: 4, attended: 4, onTime: 1, missed: 2, pending: 1 });
    expect(body.openActionItems).toEqual([
      { id: expect.any(String), cycleId: ids.H4, cycleTitle: 'Sinh hoạt chi bộ điểm quý I năm 2025', title: 'Hoàn thiện mẫu biên bản', owner: 'Đồng chí Bí thư', dueDate: '2025-03-31', overdue: true },
    ]);
  });

  it('D: declined H2 (no critique owed), on time at H7; its item from L2 is open and not yet due', async () => {
    const body = (await recordOf(home.staff.token, D).expect(200)).body;
    expect(body.hosted.map((meeting: Record<string, unknown>) => [meeting.cycleId, meeting.rating])).toEqual([[ids.L2, 'KHA']]);
    expect(body.visits.items.map((visit: Record<string, unknown>) => [visit.cycleId, visit.rsvp, visit.attended, visit.critique])).toEqual([
      [ids.H7, 'ACCEPTED', true, 'ON_TIME'],
      [ids.H2, 'DECLINED', false, null],
    ]);
    expect(body.visits.totals).toEqual({ ...zeroTally, invited: 2, attended: 1, onTime: 1 });
    expect(body.openActionItems).toHaveLength(1);
    expect(body.openActionItems[0]).toMatchObject({ cycleId: ids.L2, overdue: false });
  });
});

async function signedInPhone(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser, { baseURL });
  const page = await context.newPage();
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.locator('form[action="/login"] [type="submit"]').click()]);
  return { context, page };
}

describe('the overview and the cell’s record on a phone', () => {
  it('"Tổng quan" for 2025: what is late and whose it is, the meetings and ratings, charts with their figures in words; no code, no UTC', async () => {
    const { context, page } = await signedInPhone(home.staff.username);
    try {
      await Promise.all([page.waitForURL((url) => url.pathname === '/tong-quan'), page.locator('header nav a[href="/tong-quan"]').click()]);
      await expect(page.locator('h1').textContent()).resolves.toBe(`Tổng quan năm ${thisYear}`);
      expect((await page.goto('/tong-quan?nam=2025'))?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe('Tổng quan năm 2025');
      const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('Việc quá hạn (3)');
      expect(text).toMatch(new RegExp(`quá hạn \\d+ ngày ${C.name} chưa hoàn thành 1 việc đã cam kết\\.`));
      expect(text).toMatch(new RegExp(`quá hạn \\d+ ngày ${E.name} chưa gửi báo cáo rút kinh nghiệm\\.`));
      expect(text).toMatch(new RegExp(`quá hạn (\\d+ ngày|\\(hôm nay\\)) ${A.name} chưa gửi chương trình, tài liệu sinh hoạt\\.`));
      expect(text).toContain('Các buổi sinh hoạt chi bộ điểm năm 2025 (3)');
      expect(text).toContain('Xếp loại: Tốt 1; 2 buổi chưa xếp loại.');
      expect(text).toContain('Thứ Năm, 20/02/2025: Sinh hoạt chi bộ điểm quý I năm 2025');
      expect(text).toContain('Năm 2024 Tốt 1, Khá 1 ');
      expect(text).toContain('Năm 2022 Trung bình 1 ');
      expect(text).toContain(`${C.name} dự 2/2 buổi; nhận xét, góp ý đúng hạn 0, không gửi 1, chưa gửi (còn hạn) 1`);
      // One bar per year rated (2022, 2024, 2025, this year) and per cell invited in 2025 (A–D).
      await expect(page.locator('figure.chart').nth(0).locator('svg.bar').count()).resolves.toBe(4);
      await expect(page.locator('figure.chart').nth(1).locator('svg.bar').count()).resolves.toBe(4);
      expect(text).not.toMatch(/\bTOT\b|TRUNG_BINH|SUBMIT_|REPORTING|CRITIQUE|\d{4}-\d{2}-\d{2}T/);
      // Made for a 360 px phone: nothing wider than the screen.
      await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);
      await checkAccessibility(page, 'dashboard');
      await screenshot(page, 'dashboard');
      // The same page as a black-and-white printout shows it, for people to check that the charts still read.
      await page.addStyleTag({ content: 'html{filter:grayscale(1)}' });
      await screenshot(page, 'dashboard-grey');

      await Promise.all([page.waitForURL((url) => url.pathname === `/chi-bo/${C.id}/tinh-hinh`), page.getByRole('link', { name: C.name }).click()]);
      const record = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      expect(record).toContain('Làm chi bộ điểm (1 lần)');
      expect(record).toContain('Tất cả các năm: dự 4/4 buổi; nhận xét, góp ý đúng hạn 1, không gửi 2, chưa gửi (còn hạn) 1; đã ghi nội dung áp dụng 0 lần.');
      expect(record).toContain('Việc đã cam kết chưa hoàn thành (1)');
      expect(record).toContain('Hạn 31/03/2025, đã quá hạn');
      await expect(page.locator('svg.timeline desc').textContent()).resolves.toBe('20/02/2025: Tốt');
      await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);
      await checkAccessibility(page, 'cell-record');
      await screenshot(page, 'cell-record');
    } finally {
      await context.close();
    }
  });

  it('a cell that hosted twice shows its ratings over time', async () => {
    const { context, page } = await signedInPhone(home.staff.username);
    try {
      expect((await page.goto(`/chi-bo/${A.id}/tinh-hinh`))?.status()).toBe(200);
      await expect(page.locator('svg.timeline desc').textContent()).resolves.toBe('10/05/2022: Trung bình; 15/04/2024: Tốt');
      await screenshot(page, 'cell-record-ratings');
    } finally {
      await context.close();
    }
  });

  it('another committee’s staff: the cell is not found; a secretary: the overview is refused in words', async () => {
    const outsider = await signedInPhone(other.staff.username);
    try {
      expect((await outsider.page.goto(`/chi-bo/${A.id}/tinh-hinh`))?.status()).toBe(404);
      const own = await outsider.page.goto('/tong-quan?nam=2025');
      expect(own?.status()).toBe(200);
      const text = await outsider.page.locator('main').innerText();
      for (const cell of home.cells) expect(text).not.toContain(cell.name);
    } finally {
      await outsider.context.close();
    }
    const secretary = await signedInPhone(A.secretary.username);
    try {
      await expect(secretary.page.locator('header nav a[href="/tong-quan"]').count()).resolves.toBe(0);
      expect((await secretary.page.goto('/tong-quan'))?.status()).toBe(403);
      await expect(secretary.page.locator('.error').textContent()).resolves.toMatch(/\S/);
      expect((await secretary.page.goto(`/chi-bo/${A.id}/tinh-hinh`))?.status()).toBe(403);
    } finally {
      await secretary.context.close();
    }
  });
});
