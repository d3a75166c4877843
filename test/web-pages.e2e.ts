import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import { acceptInvitationBody, critiqueBody, launchBody, meetingBody, planBody, reportBody } from '../scripts/lib/step-bodies.mjs';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { checkAccessibility, launchChromium, phoneContext, screenshot } from './support/browser.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCommune } from './support/commune-api.fixture.js';
import { eventually } from './support/eventually.js';

/**
 * The pages in a real Chromium on a phone (web.md, "How it is tested"): the login form, with JavaScript and
 * without, a refusal, "Việc của tôi" with a task made through the JSON API, and a logout that really ends the
 * session. Every page is checked with axe-core and photographed into test-artifacts/pages/.
 */

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const REFUSED = 'Tên đăng nhập hoặc mật khẩu không đúng.';

let stack: ApiStack;
let browser: Browser;
let baseURL: string;
let commune: ApiCommune;
let cycleTitle: string;

beforeAll(async () => {
  stack = await startApiStack();
  // A real port: the browser speaks HTTP to the app as a phone would, not through supertest.
  await stack.app.listen(0, '127.0.0.1');
  baseURL = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
  [commune, browser] = await Promise.all([createCommuneViaApi(stack, 2), launchChromium()]);

  // A cycle launched with no host leaves the staff the SELECT_HOST task, due before the meeting.
  cycleTitle = `Sinh hoạt chi bộ điểm ${commune.committeeId.slice(0, 8)}`;
  await stack.http
    .post('/api/cycles')
    .set('Authorization', `Bearer ${commune.staff.token}`)
    .send(
      launchBody({
        committeeId: commune.committeeId,
        invitedCellIds: commune.cells.map((cell) => cell.id),
        meetingAt: Date.now() + 10 * DAY_MS,
        title: cycleTitle,
      }),
    )
    .expect(201);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stopAll();
});

/** A phone with this suite's app as its base URL; closed by the caller. */
const phone = (options: { javaScriptEnabled?: boolean } = {}) => phoneContext(browser, { baseURL, ...options });

interface Posted {
  /** The status of the POST itself: the browser follows a redirect on its own. */
  status: number;
  /** The status of the page the redirect led to, when there was one: a 500 there is the failure to report. */
  redirectedTo?: number;
}

/** Opens the login form, failing at once when it is not there rather than when a field cannot be found. */
async function openLogin(page: Page): Promise<void> {
  const response = await page.goto('/login');
  expect(response?.status()).toBe(200);
}

/** Fills the login form and sends it; returns once the page it leads to has loaded. */
async function submitLogin(page: Page, username: string, password: string): Promise<Posted> {
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  const [posted] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/login'),
    page.waitForEvent('load'),
    page.locator('form[action="/login"] [type="submit"]').click(),
  ]);
  const next = await posted.request().redirectedTo()?.response();
  return { status: posted.status(), ...(next ? { redirectedTo: next.status() } : {}) };
}

async function signedInPhone(username = commune.staff.username): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phone();
  try {
    const page = await context.newPage();
    await openLogin(page);
    expect(await submitLogin(page, username, TEST_PASSWORD)).toEqual({ status: 303, redirectedTo: 200 });
    return { context, page };
  } catch (error) {
    await context.close();
    throw error;
  }
}

async function sessionCookie(context: BrowserContext): Promise<Cookie> {
  const cookie = (await context.cookies()).find((candidate) => candidate.name === 'session');
  if (!cookie) throw new Error('no cookie named "session" after signing in');
  return cookie;
}

/** "còn N ngày" / "hôm nay" / "quá hạn N ngày", with days counted as calendar days in Vietnam. */
function dueWords(dueMs: number, nowMs: number): RegExp {
  const dayOf = (epochMs: number) => Math.floor((epochMs + VIETNAM_OFFSET_MS) / DAY_MS);
  const days = dayOf(dueMs) - dayOf(nowMs);
  if (days === 0) return /hôm nay/;
  return days > 0 ? new RegExp(`còn ${days} ngày`) : new RegExp(`quá hạn ${-days} ngày`);
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A moment as Vietnam's clock shows it, in ISO form: the day and the time a person types into a form. */
const vietnamIso = (epochMs: number) => new Date(epochMs + VIETNAM_OFFSET_MS).toISOString();

/** A commune of two cells and a cycle of theirs driven through the JSON API to its meeting time: the second cell accepted, the agenda sent. */
async function cycleAtMeetingTime() {
  const hosting = await createCommuneViaApi(stack, 2);
  const [host, visitor] = hosting.cells;
  const launched = await stack.http
    .post('/api/cycles')
    .set(bearer(hosting.staff.token))
    .send(launchBody({ committeeId: hosting.committeeId, hostCellId: host.id, invitedCellIds: [visitor.id], meetingAt: Date.now() + 4_000 }))
    .expect(201);
  const cycleId = launched.body.id as string;
  await stack.http.post(`/api/cycles/${cycleId}/invitations/${visitor.id}/rsvp`).set(bearer(visitor.secretary.token)).send(acceptInvitationBody()).expect(200);
  await stack.http.post(`/api/cycles/${cycleId}/plan`).set(bearer(host.secretary.token)).send(planBody()).expect(200);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(launched.body.meetingAt as string) - Date.now() + 200)));
  return { hosting, host, visitor, cycleId };
}

/** The same, one step on: the host recorded the meeting through the JSON API, the second cell attending (CRITIQUE). */
async function cycleInCritique() {
  const arranged = await cycleAtMeetingTime();
  const recorded = await stack.http
    .post(`/api/cycles/${arranged.cycleId}/meeting`)
    .set(bearer(arranged.host.secretary.token))
    .send(meetingBody({ attendingCellIds: [arranged.visitor.id], selfScores: null }))
    .expect(200);
  expect(recorded.body.status).toBe('CRITIQUE');
  return arranged;
}

/** From "Việc của tôi", the task's link once the task is there (a step's activity writes it), followed to its form. */
async function openTask(page: Page, label: string, within = label): Promise<void> {
  const link = await eventually(async () => {
    await page.goto('/');
    const found = page.locator('li').filter({ hasText: within }).getByRole('link', { name: label });
    if ((await found.count()) === 0) throw new Error(`no "${label}" task yet`);
    return found;
  });
  await Promise.all([page.waitForEvent('load'), link.click()]);
}

describe('the pages on a phone', () => {
  it('GET /login: a Vietnamese form that posts username, password and a CSRF token', async () => {
    const context = await phone();
    try {
      const page = await context.newPage();
      const response = await page.goto('/login');
      expect(response?.status()).toBe(200);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
      const form = page.locator('form[action="/login"][method="post"]');
      await expect(form.count()).resolves.toBe(1);
      await expect(form.locator('input[type="hidden"][name="_csrf"]').getAttribute('value')).resolves.toMatch(/.{16,}/);
      await expect(form.locator('[type="submit"]').count()).resolves.toBe(1);
      // Labelled in Vietnamese, and tied to their inputs (what a screen reader says, and a tap on the label does).
      await expect(page.getByLabel('Tên đăng nhập').getAttribute('name')).resolves.toBe('username');
      await expect(page.getByLabel('Mật khẩu').getAttribute('name')).resolves.toBe('password');
      await checkAccessibility(page, 'login');
      await screenshot(page, 'login');
    } finally {
      await context.close();
    }
  });

  it('POST /login with a wrong password: 401, the form again with the reason and the username kept', async () => {
    const context = await phone();
    try {
      const page = await context.newPage();
      await openLogin(page);
      expect(await submitLogin(page, commune.staff.username, 'not-the-password')).toEqual({ status: 401 });
      await expect(page.locator('body').textContent()).resolves.toContain(REFUSED);
      await expect(page.locator('input[name="username"]').inputValue()).resolves.toBe(commune.staff.username);
      await expect(page.locator('input[name="password"]').inputValue()).resolves.toBe('');
      await checkAccessibility(page, 'login-refused');
      await screenshot(page, 'login-refused');
    } finally {
      await context.close();
    }
  });

  it('with JavaScript off, the login form still signs in (303 to /, "Việc của tôi")', async () => {
    const context = await phone({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await openLogin(page);
      expect(await submitLogin(page, commune.staff.username, TEST_PASSWORD)).toEqual({ status: 303, redirectedTo: 200 });
      expect(new URL(page.url()).pathname).toBe('/');
      await expect(page.locator('h1').textContent()).resolves.toContain('Việc của tôi');
      await screenshot(page, 'tasks-no-javascript');
    } finally {
      await context.close();
    }
  });

  it('GET / without a session: 303 to /login', async () => {
    const context = await phone();
    try {
      const answer = await context.request.get('/', { maxRedirects: 0 });
      expect(answer.status()).toBe(303);
      expect(answer.headers().location).toBe('/login');
    } finally {
      await context.close();
    }
  });

  it('GET / signed in: "Việc của tôi" lists the SELECT_HOST task with its cycle and deadline; the cookie is httpOnly, SameSite=Lax', async () => {
    const selectHost = await eventually(async () => {
      const answer = await stack.http.get('/api/me/tasks').set('Authorization', `Bearer ${commune.staff.token}`).expect(200);
      const found = (answer.body as { title: string; action: string; dueAt: string }[]).find((task) => task.title === cycleTitle && task.action === 'SELECT_HOST');
      if (!found) throw new Error(`no SELECT_HOST task for "${cycleTitle}" yet`);
      return found;
    });
    const { context, page } = await signedInPhone();
    try {
      expect(new URL(page.url()).pathname).toBe('/');
      await expect(page.locator('h1').textContent()).resolves.toContain('Việc của tôi');
      const item = page.locator('li, article').filter({ hasText: 'Chọn chi bộ điểm' }).filter({ hasText: cycleTitle });
      await expect(item.count()).resolves.toBe(1);
      await expect(item.textContent()).resolves.toMatch(dueWords(Date.parse(selectHost.dueAt), Date.now()));
      expect(await sessionCookie(context)).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      await checkAccessibility(page, 'tasks');
      await screenshot(page, 'tasks');
    } finally {
      await context.close();
    }
  });

  it('POST /logout: 303 to /login, and the old session cookie opens nothing afterwards', async () => {
    const { context, page } = await signedInPhone();
    try {
      const session = await sessionCookie(context);
      await expect(page.locator('form[action="/logout"][method="post"] input[type="hidden"][name="_csrf"]').count()).resolves.toBe(1);
      const [loggedOut] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/logout'),
        page.locator('form[action="/logout"] [type="submit"]').click(),
      ]);
      expect(loggedOut.status()).toBe(303);
      expect(loggedOut.headers().location).toBe('/login');
      await page.waitForURL((url) => url.pathname === '/login');

      // Someone who copied the cookie before the logout replays it in a browser of their own.
      const replay = await phone();
      try {
        await replay.addCookies([session]);
        const answer = await replay.request.get('/', { maxRedirects: 0 });
        expect(answer.status()).toBe(303);
        expect(answer.headers().location).toBe('/login');
      } finally {
        await replay.close();
      }
    } finally {
      await context.close();
    }
  });

  it('a visiting secretary answers the invitation on its page: a tap from the task, a refusal beside its field, and a form sent twice acts once', async () => {
    const [host, visitor] = commune.cells;
    const title = `Sinh hoạt chi bộ điểm có chi bộ điểm ${commune.committeeId.slice(0, 8)}`;
    const launched = await stack.http
      .post('/api/cycles')
      .set('Authorization', `Bearer ${commune.staff.token}`)
      .send(launchBody({ committeeId: commune.committeeId, hostCellId: host.id, invitedCellIds: [visitor.id], meetingAt: Date.now() + 12 * DAY_MS, title }))
      .expect(201);
    const cycleId = launched.body.id as string;
    const { context, page } = await signedInPhone(visitor.secretary.username);
    try {
      // The task is one tap from its form.
      const task = page.locator('li').filter({ hasText: title }).getByRole('link', { name: 'Xác nhận tham dự' });
      await Promise.all([page.waitForURL((url) => url.pathname === `/dot/${cycleId}/xac-nhan`), task.click()]);
      await expect(page.locator('h1').textContent()).resolves.toContain('Xác nhận tham dự');
      await expect(page.locator('main').textContent()).resolves.toContain(title);
      await checkAccessibility(page, 'rsvp');
      await screenshot(page, 'rsvp');

      // A delegate's name with a direction-changing character is refused beside its field, what was typed kept.
      const typed = 'Đồng chí Hoàng Văn Sìn\u202e';
      await page.locator('input[name="delegate"]').fill(typed);
      const [refused] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === `/dot/${cycleId}/xac-nhan`),
        page.locator(`form[action="/dot/${cycleId}/xac-nhan"] [type="submit"]`).click(),
      ]);
      expect(refused.status()).toBe(400);
      await expect(page.locator('#delegate-error').textContent()).resolves.toMatch(/^Đồng chí được cử dự/);
      await expect(page.locator('input[name="delegate"]').inputValue()).resolves.toBe(typed);
      await checkAccessibility(page, 'rsvp-refused');
      await screenshot(page, 'rsvp-refused');

      // The same form, sent twice (a resubmit after a dropped connection): both answered, one answer taken.
      await page.locator('input[name="delegate"]').fill('Đồng chí Hoàng Văn Sìn');
      const form = {
        _csrf: await page.locator('main input[name="_csrf"]').inputValue(),
        _key: await page.locator('input[name="_key"]').inputValue(),
        response: 'accept',
        delegate: 'Đồng chí Hoàng Văn Sìn',
        note: '',
      };
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const sent = await context.request.post(`/dot/${cycleId}/xac-nhan`, { form, maxRedirects: 0 });
        expect({ attempt, status: sent.status(), location: sent.headers().location }).toEqual({ attempt, status: 303, location: '/?done=rsvp' });
      }
      const cycle = await stack.http.get(`/api/cycles/${cycleId}`).set('Authorization', `Bearer ${commune.staff.token}`).expect(200);
      expect(cycle.body.invitations).toEqual([expect.objectContaining({ cellId: visitor.id, status: 'ACCEPTED', delegate: 'Đồng chí Hoàng Văn Sìn' })]);
      const accepted = (cycle.body.timeline as { event: string; cellId: string | null }[]).filter((entry) => entry.event === 'RSVP_ACCEPTED');
      expect(accepted).toHaveLength(1);

      // The committee's invitation is in the secretary's notifications, in the office's words.
      await page.goto('/notifications');
      await expect(page.locator('h1').textContent()).resolves.toBe('Thông báo');
      await expect(page.locator('main').textContent()).resolves.toContain('Đảng ủy trân trọng mời chi bộ cử đồng chí dự sinh hoạt chi bộ điểm');
      await checkAccessibility(page, 'notifications');
      await screenshot(page, 'notifications');

      await page.goto('/?done=rsvp');
      await expect(page.locator('[role="status"]').textContent()).resolves.toBe('Đã gửi xác nhận tham dự.');
      await screenshot(page, 'tasks-after-rsvp');
    } finally {
      await context.close();
    }
  });

  it('the host sends its agenda and documents on their page: a field left empty is said beside it, then the cycle page shows the agenda', async () => {
    const hosting = await createCommuneViaApi(stack, 2);
    const [host, visitor] = hosting.cells;
    const title = `Sinh hoạt chi bộ điểm — chương trình ${hosting.committeeId.slice(0, 8)}`;
    const launched = await stack.http
      .post('/api/cycles')
      .set('Authorization', `Bearer ${hosting.staff.token}`)
      .send(launchBody({ committeeId: hosting.committeeId, hostCellId: host.id, invitedCellIds: [visitor.id], meetingAt: Date.now() + 12 * DAY_MS, title }))
      .expect(201);
    const cycleId = launched.body.id as string;
    const { context, page } = await signedInPhone(host.secretary.username);
    try {
      const task = page.locator('li').filter({ hasText: title }).getByRole('link', { name: 'Gửi chương trình, tài liệu sinh hoạt' });
      await Promise.all([page.waitForURL((url) => url.pathname === `/dot/${cycleId}/chuong-trinh`), task.click()]);
      await checkAccessibility(page, 'plan');
      await screenshot(page, 'plan');

      const send = () =>
        Promise.all([
          page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === `/dot/${cycleId}/chuong-trinh`),
          page.locator(`form[action="/dot/${cycleId}/chuong-trinh"] [type="submit"]`).click(),
        ]);
      await page.locator('textarea[name="agenda"]').fill('Khai mạc\nĐánh giá kết quả thực hiện nghị quyết tháng trước\n\nSinh hoạt chuyên đề');
      const [refused] = await send();
      expect(refused.status()).toBe(400);
      await expect(page.locator('#content-error').textContent()).resolves.toBe('Tài liệu sinh hoạt không được để trống.');
      await expect(page.locator('textarea[name="agenda"]').inputValue()).resolves.toContain('Sinh hoạt chuyên đề');
      await checkAccessibility(page, 'plan-refused');
      await screenshot(page, 'plan-refused');

      await page.locator('textarea[name="content"]').fill('Đề cương chuyên đề: phát triển đảng viên ở thôn bản vùng cao.');
      const [sent] = await send();
      expect(sent.status()).toBe(303);
      await page.waitForURL((url) => url.pathname === `/dot/${cycleId}`);
      await expect(page.locator('main').textContent()).resolves.toContain('Đánh giá kết quả thực hiện nghị quyết tháng trước');
      const cycle = await stack.http.get(`/api/cycles/${cycleId}`).set('Authorization', `Bearer ${hosting.staff.token}`).expect(200);
      expect(cycle.body.plan).toMatchObject({
        agenda: ['Khai mạc', 'Đánh giá kết quả thực hiện nghị quyết tháng trước', 'Sinh hoạt chuyên đề'],
        content: 'Đề cương chuyên đề: phát triển đảng viên ở thôn bản vùng cao.',
      });
    } finally {
      await context.close();
    }
  });

  it('the host records the meeting on its page: times in Vietnam, attendance, the cells that came; an end before the start is refused in words', async () => {
    const { hosting, host, visitor, cycleId } = await cycleAtMeetingTime();

    // The meeting as a clerk types it, in Vietnam's clock: ended two minutes ago, started 95 minutes before (not before that day's midnight).
    const endMs = Date.now() - 2 * 60_000;
    const startMs = Math.max(endMs - 95 * 60_000, Date.parse(`${vietnamIso(endMs).slice(0, 10)}T00:00:00Z`) - VIETNAM_OFFSET_MS);
    const { context, page } = await signedInPhone(host.secretary.username);
    try {
      await openTask(page, 'Ghi nhận buổi sinh hoạt');
      expect(new URL(page.url()).pathname).toBe(`/dot/${cycleId}/buoi-sinh-hoat`);
      await checkAccessibility(page, 'meeting');
      await screenshot(page, 'meeting');
      const send = () => Promise.all([page.waitForEvent('load'), page.locator(`form[action="/dot/${cycleId}/buoi-sinh-hoat"] button.primary`).click()]);
      await page.locator('input[name="day"]').fill(vietnamIso(endMs).slice(0, 10));
      await page.locator('input[name="start"]').fill(vietnamIso(endMs).slice(11, 16));
      await page.locator('input[name="end"]').fill(vietnamIso(startMs).slice(11, 16));
      await page.locator('input[name="present"]').fill('20');
      await page.locator('input[name="total"]').fill('21');
      await page.locator('input[name="absentWithReason"]').fill('1');
      await page.locator(`input[name="attending"][value="${visitor.id}"]`).check();
      await page.locator('textarea[name="minutes"]').fill('Biên bản: chi bộ thảo luận, thống nhất nghị quyết tháng; 12 lượt đảng viên phát biểu.');
      await send();
      await expect(page.locator('[role="alert"]').textContent()).resolves.toBe('Thời gian buổi sinh hoạt không hợp lệ: giờ kết thúc phải sau giờ bắt đầu.');
      await expect(page.locator('textarea[name="minutes"]').inputValue()).resolves.toContain('12 lượt đảng viên phát biểu');
      await screenshot(page, 'meeting-refused');

      await page.locator('input[name="start"]').fill(vietnamIso(startMs).slice(11, 16));
      await page.locator('input[name="end"]').fill(vietnamIso(endMs).slice(11, 16));
      await send();
      expect(new URL(page.url()).pathname).toBe(`/dot/${cycleId}`);
      const cycle = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(hosting.staff.token)).expect(200);
      expect(cycle.body).toMatchObject({
        status: 'CRITIQUE',
        meeting: { attendance: { present: 20, total: 21, absentWithReason: 1 }, attendingCellIds: [visitor.id] },
      });
      expect(Date.parse(cycle.body.meeting.endedAt as string)).toBe(Math.floor(endMs / 60_000) * 60_000);
    } finally {
      await context.close();
    }
  });

  it('with JavaScript off, a visiting secretary sends a critique point by point with a score sheet, and sees it on the cycle page', async () => {
    const { hosting, visitor, cycleId } = await cycleInCritique();

    const context = await phone({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await openLogin(page);
      expect(await submitLogin(page, visitor.secretary.username, TEST_PASSWORD)).toEqual({ status: 303, redirectedTo: 200 });
      const task = page.locator('li').filter({ hasText: 'Gửi nhận xét, góp ý' }).getByRole('link', { name: 'Gửi nhận xét, góp ý' });
      await Promise.all([page.waitForURL((url) => url.pathname === `/dot/${cycleId}/gop-y`), task.click()]);
      await screenshot(page, 'critique');

      const send = (button: string) =>
        Promise.all([page.waitForEvent('load'), page.locator(`form[action="/dot/${cycleId}/gop-y"] ${button}`).click()]);
      // "Thêm dòng" brings more rows without JavaScript, keeping what was typed.
      await page.locator('select[name="stage_0"]').selectOption('preparation');
      await page.locator('select[name="kind_0"]').selectOption('strength');
      await page.locator('textarea[name="text_0"]').fill('Tài liệu gửi các chi bộ trước một ngày, đầy đủ');
      await send('button[name="more"]');
      await expect(page.locator('textarea[name="text_8"]').count()).resolves.toBe(1);
      await expect(page.locator('textarea[name="text_0"]').inputValue()).resolves.toBe('Tài liệu gửi các chi bộ trước một ngày, đầy đủ');

      await page.locator('select[name="stage_7"]').selectOption('chairing');
      await page.locator('select[name="kind_7"]').selectOption('weakness');
      await page.locator('textarea[name="text_7"]').fill('Phần điều hành còn dài, chưa tập trung vào trọng tâm');
      await page.locator('input[name="score_time"]').fill('4,5');
      await page.locator('input[name="score_attendance"]').fill('5');
      await send('button.primary');
      expect(new URL(page.url()).pathname).toBe(`/dot/${cycleId}`);
      const main = await page.locator('main').textContent();
      expect(main).toContain('Tài liệu gửi các chi bộ trước một ngày, đầy đủ');
      expect(main).toContain('Phần điều hành còn dài, chưa tập trung vào trọng tâm');
      await screenshot(page, 'cycle-after-critique');

      const cycle = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(hosting.staff.token)).expect(200);
      expect(cycle.body.critiques).toEqual([
        expect.objectContaining({
          cellId: visitor.id,
          points: [
            expect.objectContaining({ stage: 'preparation', kind: 'strength', text: 'Tài liệu gửi các chi bộ trước một ngày, đầy đủ' }),
            expect.objectContaining({ stage: 'chairing', kind: 'weakness', text: 'Phần điều hành còn dài, chưa tập trung vào trọng tâm' }),
          ],
          scores: { time: 4.5, attendance: 5 },
        }),
      ]);
    } finally {
      await context.close();
    }
  });

  it('the host files its report and the committee reviews it on their pages: an empty answer and a pass without a rating are refused in words, a revision goes back, then the meeting is rated Tốt', async () => {
    const { hosting, host, visitor, cycleId } = await cycleInCritique();
    const critique = await stack.http.post(`/api/cycles/${cycleId}/critiques`).set(bearer(visitor.secretary.token)).send(critiqueBody()).expect(201);
    const toAnswer = (critique.body.points as { id: string; kind: string }[]).filter((point) => point.kind !== 'strength').map((point) => point.id);
    const fileReport = async () => {
      const reported = await eventually(async () => {
        const answer = await stack.http.post(`/api/cycles/${cycleId}/report`).set(bearer(host.secretary.token)).send(reportBody({ pointIds: toAnswer }));
        if (answer.status !== 200) throw new Error(`report: ${answer.status} ${JSON.stringify(answer.body)}`);
        return answer;
      });
      expect(reported.body.status).toBe('REVIEW');
    };
    // The host files the first report on its page: every point to answer is listed; an answer left empty is refused.
    const hostPhone = await signedInPhone(host.secretary.username);
    try {
      const hostPage = hostPhone.page;
      await openTask(hostPage, 'Gửi báo cáo rút kinh nghiệm');
      expect(new URL(hostPage.url()).pathname).toBe(`/dot/${cycleId}/bao-cao`);
      await expect(hostPage.locator('main').textContent()).resolves.toContain('Phần điều hành còn dài, cần gọn hơn');
      await checkAccessibility(hostPage, 'report');
      await screenshot(hostPage, 'report');
      const sendReport = () => Promise.all([hostPage.waitForEvent('load'), hostPage.locator(`form[action="/dot/${cycleId}/bao-cao"] button.primary`).click()]);
      await hostPage.locator('textarea[name="lessons"]').fill('Chuẩn bị kỹ nội dung trước buổi sinh hoạt\nPhân công cụ thể từng đảng viên');
      await hostPage.locator('input[name="action_title_0"]').fill('Hoàn thiện mẫu biên bản');
      await hostPage.locator('input[name="action_owner_0"]').fill('Đồng chí Bí thư chi bộ');
      await hostPage.locator('input[name="action_due_0"]').fill(new Date(Date.now() + 20 * DAY_MS + VIETNAM_OFFSET_MS).toISOString().slice(0, 10));
      await sendReport();
      await expect(hostPage.locator('.error').first().textContent()).resolves.toBe('Phần tiếp thu, giải trình thứ 1: nội dung tiếp thu, giải trình không được để trống.');
      await expect(hostPage.locator('textarea[name="lessons"]').inputValue()).resolves.toContain('Phân công cụ thể từng đảng viên');
      await screenshot(hostPage, 'report-refused');
      await hostPage.locator(`textarea[name="text_${toAnswer[0]}"]`).fill('Tiếp thu; chi bộ sẽ rút gọn phần điều hành');
      await hostPage.locator(`input[name="stance_${toAnswer[0]}"][value="partly"]`).check();
      await sendReport();
      expect(new URL(hostPage.url()).pathname).toBe(`/dot/${cycleId}`);
    } finally {
      await hostPhone.context.close();
    }
    const filed = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(hosting.staff.token)).expect(200);
    expect(filed.body).toMatchObject({ status: 'REVIEW', report: { responses: [{ pointId: toAnswer[0], stance: 'partly', text: 'Tiếp thu; chi bộ sẽ rút gọn phần điều hành' }] } });
    expect(filed.body.report.lessons).toEqual(['Chuẩn bị kỹ nội dung trước buổi sinh hoạt', 'Phân công cụ thể từng đảng viên']);

    const { context, page } = await signedInPhone(hosting.staff.username);
    try {
      const task = page.locator('li').filter({ hasText: 'Đánh giá, xếp loại' }).getByRole('link', { name: 'Đánh giá, xếp loại' });
      await Promise.all([page.waitForURL((url) => url.pathname === `/dot/${cycleId}/danh-gia`), task.click()]);
      await checkAccessibility(page, 'review');
      await screenshot(page, 'review');
      const send = () => Promise.all([page.waitForEvent('load'), page.locator(`form[action="/dot/${cycleId}/danh-gia"] [type="submit"]`).click()]);

      await send();
      await expect(page.locator('[role="alert"]').textContent()).resolves.toBe(
        'Khi thông qua báo cáo rút kinh nghiệm, đề nghị Đảng ủy xếp loại buổi sinh hoạt: Tốt, Khá, Trung bình, Kém.',
      );
      await checkAccessibility(page, 'review-refused');

      await page.locator('input[name="decision"][value="revise"]').check();
      await page.locator('textarea[name="comment"]').fill('Đề nghị bổ sung bài học về phân công nhiệm vụ');
      await send();
      expect(new URL(page.url()).pathname).toBe(`/dot/${cycleId}`);
      await fileReport();

      await page.goto(`/dot/${cycleId}/danh-gia`);
      await page.locator('select[name="rating"]').selectOption('TOT');
      await page.locator('textarea[name="comment"]').fill('Buổi sinh hoạt đạt chất lượng tốt');
      await send();
      expect(new URL(page.url()).pathname).toBe(`/dot/${cycleId}`);
      await expect(page.locator('main').textContent()).resolves.toContain('Xếp loại: Tốt');
      await screenshot(page, 'cycle-closed');
      const cycle = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(hosting.staff.token)).expect(200);
      expect(cycle.body).toMatchObject({ status: 'CLOSED', review: { decision: 'accept', rating: 'TOT' } });
    } finally {
      await context.close();
    }
  });

  it("the committee's staff open a cycle's page from its task: the stages, the invitations, the timeline", async () => {
    const { context, page } = await signedInPhone();
    try {
      const link = page.locator('li').filter({ hasText: 'Chọn chi bộ điểm' }).getByRole('link', { name: `“${cycleTitle}”` });
      await Promise.all([page.waitForURL((url) => /^\/dot\/[0-9a-f-]{36}$/.test(url.pathname)), link.click()]);
      await expect(page.locator('h1').textContent()).resolves.toBe(cycleTitle);
      await expect(page.locator('[aria-current="step"]').textContent()).resolves.toBe('Lựa chọn chi bộ điểm');
      const main = await page.locator('main').textContent();
      for (const cell of commune.cells) expect(main).toContain(`${cell.name}: Chưa xác nhận`);
      expect(main).toContain('Đảng ủy khởi tạo đợt sinh hoạt chi bộ điểm');
      await checkAccessibility(page, 'cycle');
      await screenshot(page, 'cycle');
    } finally {
      await context.close();
    }
  });

  it("another committee's secretary, or a malformed address, gets a page that says it is not there", async () => {
    const { context, page } = await signedInPhone();
    try {
      const other = await createCommuneViaApi(stack, 1);
      const foreignCycle = await stack.http
        .post('/api/cycles')
        .set('Authorization', `Bearer ${other.staff.token}`)
        .send(launchBody({ committeeId: other.committeeId, invitedCellIds: [other.cells[0].id], meetingAt: Date.now() + 10 * DAY_MS }))
        .expect(201);
      const theirs = await page.goto(`/dot/${foreignCycle.body.id as string}`);
      expect(theirs?.status()).toBe(404);
      await expect(page.locator('main').textContent()).resolves.not.toContain(foreignCycle.body.title as string);
      const answer = await page.goto('/dot/not-a-cycle/xac-nhan');
      expect(answer?.status()).toBe(404);
      await expect(page.locator('[role="alert"]').textContent()).resolves.toContain('Không tìm thấy');
      const foreign = await page.goto(`/dot/${crypto.randomUUID()}/xac-nhan`);
      expect(foreign?.status()).toBe(404);
    } finally {
      await context.close();
    }
  });

  it('one whole cycle through the pages only: the office launches and picks the host, the visitor answers and critiques, the host prepares, records and reports, the office sends the report back once and rates it', async () => {
    const commune2 = await createCommuneViaApi(stack, 2);
    const [host, visitor] = commune2.cells;
    const title = `Sinh hoạt chi bộ điểm trên trang ${commune2.committeeId.slice(0, 8)}`;
    const staff = await signedInPhone(commune2.staff.username);
    const hostPhone = await signedInPhone(host.secretary.username);
    const visitorPhone = await signedInPhone(visitor.secretary.username);
    const submit = (page: Page, selector: string) => Promise.all([page.waitForEvent('load'), page.locator(selector).click()]);
    const openCycleTask = (page: Page, label: string) => openTask(page, label, title);
    try {
      // The office launches: the meeting a minute or two ahead (the form takes minutes), every cell invited, the host later.
      const meetingMs = Math.ceil((Date.now() + 60_000) / 60_000) * 60_000;
      await staff.page.goto('/dot-moi');
      await checkAccessibility(staff.page, 'launch');
      await staff.page.locator('input[name="title"]').fill(title);
      await staff.page.locator('input[name="topic"]').fill('Phát huy vai trò tiền phong, gương mẫu của đảng viên');
      await staff.page.locator('input[name="day"]').fill(vietnamIso(meetingMs).slice(0, 10));
      await staff.page.locator('input[name="time"]').fill(vietnamIso(meetingMs).slice(11, 16));
      await staff.page.locator('input[name="location"]').fill('Nhà văn hóa thôn Na Hối Tày');
      await staff.page.locator('input[name="allCells"]').check();
      await screenshot(staff.page, 'launch');
      await submit(staff.page, 'form[action="/dot-moi"] button.primary');
      const cycleId = /^\/dot\/([0-9a-f-]{36})$/.exec(new URL(staff.page.url()).pathname)?.[1] as string;
      expect(cycleId).toBeDefined();

      await openCycleTask(staff.page, 'Chọn chi bộ điểm');
      await checkAccessibility(staff.page, 'pick-host');
      await screenshot(staff.page, 'pick-host');
      await staff.page.locator(`input[name="cellId"][value="${host.id}"]`).check();
      await submit(staff.page, `form[action="/dot/${cycleId}/chon-chi-bo-diem"] button.primary`);
      expect(new URL(staff.page.url()).pathname).toBe(`/dot/${cycleId}`);

      await openCycleTask(visitorPhone.page, 'Xác nhận tham dự');
      await visitorPhone.page.locator('input[name="delegate"]').fill('Đồng chí Hoàng Văn Sìn');
      await submit(visitorPhone.page, `form[action="/dot/${cycleId}/xac-nhan"] button.primary`);

      await openCycleTask(hostPhone.page, 'Gửi chương trình, tài liệu sinh hoạt');
      await hostPhone.page.locator('textarea[name="agenda"]').fill('Khai mạc\nSinh hoạt chuyên đề\nThông qua nghị quyết');
      await hostPhone.page.locator('textarea[name="content"]').fill('Đề cương chuyên đề của chi ủy.');
      await submit(hostPhone.page, `form[action="/dot/${cycleId}/chuong-trinh"] button.primary`);

      // The meeting: after its time, recorded as held from half an hour before it (the launch's default tolerance is an hour).
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, meetingMs - Date.now() + 61_000)));
      await openCycleTask(hostPhone.page, 'Ghi nhận buổi sinh hoạt');
      const endMs = Date.now() - 60_000;
      await hostPhone.page.locator('input[name="day"]').fill(vietnamIso(meetingMs).slice(0, 10));
      await hostPhone.page.locator('input[name="start"]').fill(vietnamIso(meetingMs - 30 * 60_000).slice(11, 16));
      await hostPhone.page.locator('input[name="end"]').fill(vietnamIso(Math.max(endMs, meetingMs)).slice(11, 16));
      await hostPhone.page.locator('input[name="present"]').fill('18');
      await hostPhone.page.locator('input[name="total"]').fill('19');
      await hostPhone.page.locator('input[name="absentWithReason"]').fill('1');
      await hostPhone.page.locator(`input[name="attending"][value="${visitor.id}"]`).check();
      await hostPhone.page.locator('textarea[name="minutes"]').fill('Biên bản: chi bộ thảo luận chuyên đề, biểu quyết nghị quyết.');
      await submit(hostPhone.page, `form[action="/dot/${cycleId}/buoi-sinh-hoat"] button.primary`);
      expect(new URL(hostPhone.page.url()).pathname).toBe(`/dot/${cycleId}`);

      await openCycleTask(visitorPhone.page, 'Gửi nhận xét, góp ý');
      await visitorPhone.page.locator('select[name="kind_0"]').selectOption('strength');
      await visitorPhone.page.locator('textarea[name="text_0"]').fill('Chuẩn bị chu đáo');
      await visitorPhone.page.locator('select[name="stage_1"]').selectOption('chairing');
      await visitorPhone.page.locator('select[name="kind_1"]').selectOption('weakness');
      await visitorPhone.page.locator('textarea[name="text_1"]').fill('Phần kết luận chưa gọn');
      await submit(visitorPhone.page, `form[action="/dot/${cycleId}/gop-y"] button.primary`);

      const fileReport = async (lesson: string) => {
        await openCycleTask(hostPhone.page, 'Gửi báo cáo rút kinh nghiệm');
        await hostPhone.page.locator('textarea[name^="text_"]').first().fill('Tiếp thu, sẽ kết luận ngắn gọn từng nội dung');
        await hostPhone.page.locator('textarea[name="lessons"]').fill(lesson);
        await submit(hostPhone.page, `form[action="/dot/${cycleId}/bao-cao"] button.primary`);
        expect(new URL(hostPhone.page.url()).pathname).toBe(`/dot/${cycleId}`);
      };
      await fileReport('Chuẩn bị kỹ đề cương chuyên đề');

      const review = async (decision: 'accept' | 'revise', comment: string) => {
        await openCycleTask(staff.page, 'Đánh giá, xếp loại');
        await staff.page.locator(`input[name="decision"][value="${decision}"]`).check();
        if (decision === 'accept') await staff.page.locator('select[name="rating"]').selectOption('KHA');
        await staff.page.locator('textarea[name="comment"]').fill(comment);
        await submit(staff.page, `form[action="/dot/${cycleId}/danh-gia"] button.primary`);
        expect(new URL(staff.page.url()).pathname).toBe(`/dot/${cycleId}`);
      };
      await review('revise', 'Đề nghị bổ sung bài học về phân công nhiệm vụ');
      await fileReport('Chuẩn bị kỹ đề cương chuyên đề\nPhân công nhiệm vụ cụ thể cho từng đảng viên');
      await review('accept', 'Buổi sinh hoạt đạt yêu cầu');

      await expect(staff.page.locator('main').textContent()).resolves.toContain('Xếp loại: Khá');
      await checkAccessibility(staff.page, 'cycle-closed-by-pages');
      await screenshot(staff.page, 'cycle-closed-by-pages');
      const cycle = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(commune2.staff.token)).expect(200);
      expect(cycle.body).toMatchObject({ status: 'CLOSED', hostCellId: host.id, review: { decision: 'accept', rating: 'KHA' } });
      expect(cycle.body.report.lessons).toEqual(['Chuẩn bị kỹ đề cương chuyên đề', 'Phân công nhiệm vụ cụ thể cho từng đảng viên']);
      expect((cycle.body.timeline as { event: string }[]).map((entry) => entry.event)).toContain('REVISION_REQUESTED');
    } finally {
      await Promise.all([staff.context.close(), hostPhone.context.close(), visitorPhone.context.close()]);
    }
  }, 240_000);
});
