import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
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

async function signedInPhone(username = commune.staff.username, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phone(options);
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

/**
 * A commune of a host and its visiting cells (one unless asked) and a cycle of theirs driven through the JSON API
 * to its meeting time: every visiting cell accepted, the agenda sent. `visitor` is the first visiting cell.
 */
async function cycleAtMeetingTime(visiting = 1) {
  const hosting = await createCommuneViaApi(stack, 1 + visiting);
  const [host, ...visitors] = hosting.cells;
  const launched = await stack.http
    .post('/api/cycles')
    .set(bearer(hosting.staff.token))
    .send(launchBody({ committeeId: hosting.committeeId, hostCellId: host.id, invitedCellIds: visitors.map((cell) => cell.id), meetingAt: Date.now() + 4_000 }))
    .expect(201);
  const cycleId = launched.body.id as string;
  for (const [index, cell] of visitors.entries()) {
    await stack.http.post(`/api/cycles/${cycleId}/invitations/${cell.id}/rsvp`).set(bearer(cell.secretary.token)).send(acceptInvitationBody({ index })).expect(200);
  }
  await stack.http.post(`/api/cycles/${cycleId}/plan`).set(bearer(host.secretary.token)).send(planBody()).expect(200);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(launched.body.meetingAt as string) - Date.now() + 200)));
  return { hosting, host, visitor: visitors[0], visitors, cycleId };
}

/** The same, one step on: the host recorded the meeting through the JSON API, every visiting cell attending (CRITIQUE). */
async function cycleInCritique(visiting = 1) {
  const arranged = await cycleAtMeetingTime(visiting);
  const recorded = await stack.http
    .post(`/api/cycles/${arranged.cycleId}/meeting`)
    .set(bearer(arranged.host.secretary.token))
    .send(meetingBody({ attendingCellIds: arranged.visitors.map((cell) => cell.id), selfScores: null }))
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

  it('the switch at the foot of a page: English on every page from then on, though the phone asks for Vietnamese, and back', async () => {
    const { context, page } = await signedInPhone();
    try {
      await expect(page.locator('h1').textContent()).resolves.toBe('Việc của tôi');
      await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('link', { name: 'English' }).click()]);
      await expect(page.locator('h1').textContent()).resolves.toBe('My tasks');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await page.goto('/notifications');
      await expect(page.locator('h1').textContent()).resolves.toBe('Notifications');
      await checkAccessibility(page, 'notifications-english');
      // Only the two languages are kept; anything else leaves the choice as it was (English here, not the phone's).
      await page.goto('/ngon-ngu?chon=fr');
      await expect(page.locator('h1').textContent()).resolves.toBe('My tasks');
      await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('link', { name: 'Tiếng Việt' }).click()]);
      await expect(page.locator('h1').textContent()).resolves.toBe('Việc của tôi');
    } finally {
      await context.close();
    }
  });

  it('a visiting secretary answers the invitation on its page: a tap from the task, a refusal beside its field, and a form sent twice under its key acts once (the first answer stands)', async () => {
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

      // The same form sent twice under its key (a resubmit after a dropped connection), the second time naming
      // another delegate: both answered as the first was, the first answer stands. The same answer twice would
      // prove nothing: an answer like the standing one changes nothing with or without the key.
      const form = {
        _csrf: await page.locator('main input[name="_csrf"]').inputValue(),
        _key: await page.locator('input[name="_key"]').inputValue(),
        response: 'accept',
        delegate: 'Đồng chí Hoàng Văn Sìn',
        note: '',
      };
      for (const [attempt, sent] of [form, { ...form, delegate: 'Đồng chí Vàng Seo Chử' }].entries()) {
        const answer = await context.request.post(`/dot/${cycleId}/xac-nhan`, { form: sent, maxRedirects: 0 });
        expect({ attempt, status: answer.status(), location: answer.headers().location }).toEqual({ attempt, status: 303, location: '/?done=rsvp' });
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

  it("a visiting cell sees none of the other cells' critiques before sending its own, on no page; once its own is sent, the others' are on the cycle page", async () => {
    const { visitors, cycleId } = await cycleInCritique(2);
    const [first, second] = visitors;
    const theirs = ['Chi bộ bạn thấy phần liên hệ thực tiễn còn chung chung', 'Đề nghị phân công đảng viên trẻ phụ trách hộ nghèo'];
    await stack.http
      .post(`/api/cycles/${cycleId}/critiques`)
      .set(bearer(first.secretary.token))
      .send(critiqueBody({ points: [{ stage: 'content', kind: 'weakness', text: theirs[0] }, { stage: 'content', kind: 'suggestion', text: theirs[1] }] }))
      .expect(201);

    const { context, page } = await signedInPhone(second.secretary.username);
    try {
      // Every page the second cell's secretary can open, refusals included: the markup, not only what shows.
      const pages = ['/', '/notifications', `/dot/${cycleId}`, `/dot/${cycleId}/gop-y`, `/dot/${cycleId}/xac-nhan`, `/dot/${cycleId}/bao-cao`, `/dot/${cycleId}/danh-gia`, `/dot/${cycleId}/chuong-trinh`, `/dot/${cycleId}/buoi-sinh-hoat`];
      for (const path of pages) {
        await page.goto(path);
        const markup = await page.content();
        expect({ path, shown: theirs.filter((text) => markup.includes(text)) }).toEqual({ path, shown: [] });
      }
      await page.goto(`/dot/${cycleId}`);
      await expect(page.locator('main').textContent()).resolves.toContain('Nhận xét, góp ý của các chi bộ khác hiện sau khi chi bộ gửi nhận xét, góp ý của mình.');
      await screenshot(page, 'cycle-critiques-hidden');

      await page.goto(`/dot/${cycleId}/gop-y`);
      await page.locator('select[name="kind_0"]').selectOption('strength');
      await page.locator('textarea[name="text_0"]').fill('Chi bộ điểm chuẩn bị tài liệu chu đáo');
      await Promise.all([page.waitForURL((url) => url.pathname === `/dot/${cycleId}`), page.locator(`form[action="/dot/${cycleId}/gop-y"] button.primary`).click()]);
      const main = await page.locator('main').textContent();
      for (const text of [...theirs, 'Chi bộ điểm chuẩn bị tài liệu chu đáo']) expect(main).toContain(text);
      await checkAccessibility(page, 'cycle-critiques-shown');
    } finally {
      await context.close();
    }
  });

  it('a critique sent, the connection cut before the answer came back, and sent again by reloading: the second send lands on the cycle page and one critique is stored', async () => {
    const { hosting, visitor, cycleId } = await cycleInCritique();
    const { context, page } = await signedInPhone(visitor.secretary.username);
    try {
      await page.goto(`/dot/${cycleId}/gop-y`);
      const key = await page.locator('input[name="_key"]').inputValue();
      await page.locator('select[name="stage_0"]').selectOption('chairing');
      await page.locator('select[name="kind_0"]').selectOption('weakness');
      await page.locator('textarea[name="text_0"]').fill('Phần kết luận của đồng chí chủ trì chưa gọn');
      await page.locator('input[name="score_time"]').fill('4,5');
      await page.locator('input[name="score_attendance"]').fill('5');

      // The post reaches the app and is answered; the phone never hears it (the connection is reset).
      const reached: { status: number; key: string | null }[] = [];
      await page.route(
        `**/dot/${cycleId}/gop-y`,
        async (route) => {
          const answer = await route.fetch({ maxRedirects: 0 });
          reached.push({ status: answer.status(), key: new URLSearchParams(route.request().postData() ?? '').get('_key') });
          await route.abort('connectionreset');
        },
        { times: 1 },
      );
      const [failed] = await Promise.all([
        page.waitForEvent('requestfailed'),
        // The browser's own error page takes the form's place.
        page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame() && frame.url().startsWith('chrome-error:')),
        page.locator(`form[action="/dot/${cycleId}/gop-y"] button.primary`).click(),
      ]);
      expect(failed.failure()?.errorText).toBe('net::ERR_CONNECTION_RESET');
      await page.waitForLoadState();
      expect(reached).toEqual([{ status: 303, key }]);

      // The person taps "Tải lại" on the browser's error page: the browser sends the same form again, key and all.
      const [resent] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === `/dot/${cycleId}/gop-y`),
        page.reload(),
      ]);
      // Answered as the first send was, not refused as a critique already sent.
      expect({ key: new URLSearchParams(resent.request().postData() ?? '').get('_key'), status: resent.status(), location: resent.headers().location }).toEqual({
        key,
        status: 303,
        location: `/dot/${cycleId}`,
      });
      expect(new URL(page.url()).pathname).toBe(`/dot/${cycleId}`);
      await expect(page.locator('.error').count()).resolves.toBe(0);
      await expect(page.locator('main').textContent()).resolves.toContain('Phần kết luận của đồng chí chủ trì chưa gọn');

      const cycle = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(hosting.staff.token)).expect(200);
      expect(cycle.body.critiques).toEqual([
        expect.objectContaining({
          cellId: visitor.id,
          points: [expect.objectContaining({ stage: 'chairing', kind: 'weakness', text: 'Phần kết luận của đồng chí chủ trì chưa gọn' })],
          scores: { time: 4.5, attendance: 5 },
        }),
      ]);
    } finally {
      await context.close();
    }
  });

  it('the score sheet adds up as it is typed (half points written 8,5) and shows the band, with no request per keystroke; without JavaScript, "Tính tổng điểm" shows the same and sends nothing', async () => {
    const { hosting, visitor, cycleId } = await cycleInCritique();
    // The cycle's sheet is the default one (Hướng dẫn 42-HD/BTCTW): the sums below are on it.
    const pinned = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(hosting.staff.token)).expect(200);
    const criteria = pinned.body.rubric.criteria as { id: string; maxPoints: number }[];
    expect(Object.fromEntries(criteria.map((criterion) => [criterion.id, criterion.maxPoints]))).toEqual({
      time: 5,
      attendance: 5,
      preparation: 10,
      conduct: 30,
      speaking: 10,
      principles: 5,
      results: 30,
      closing: 5,
    });
    // domain.md: Tốt ≥ 90 with full points on time, attendance, speaking and closing; Khá 70–89.
    const partial = (total: string) => `Tổng điểm: ${total}/100. Mức xếp loại hiện khi đã chấm đủ 8 tiêu chí.`;
    const rated = (total: string, band: string) => `Tổng điểm: ${total}/100. Mức xếp loại: ${band}.`;
    const rest = { preparation: '10', conduct: '30', speaking: '10', principles: '5', results: '30', closing: '5' };

    const { context, page } = await signedInPhone(visitor.secretary.username);
    try {
      const [script] = await Promise.all([page.waitForResponse((response) => new URL(response.url()).pathname === '/tep/bang-diem.js'), page.goto(`/dot/${cycleId}/gop-y`)]);
      expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(script.headers()['content-type']).toMatch(/^text\/javascript/);
      const line = page.locator('#score-total');
      await expect(line.textContent()).resolves.toBe(partial('0'));
      // The running total makes the button that asks the server for it redundant.
      await expect(page.locator('button[name="tally"]').isHidden()).resolves.toBe(true);

      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.locator('input[name="score_time"]').pressSequentially('4,5');
      await expect(line.textContent()).resolves.toBe(partial('4,5'));
      // In sight while the sheet's first line is typed: the total keeps to the foot of the screen.
      const inSight = await line.boundingBox();
      expect(inSight !== null && inSight.y >= 0 && inSight.y + inSight.height <= (page.viewportSize()?.height ?? 0)).toBe(true);
      await page.locator('input[name="score_attendance"]').pressSequentially('5');
      await expect(line.textContent()).resolves.toBe(partial('9,5'));
      for (const [id, points] of Object.entries(rest)) await page.locator(`input[name="score_${id}"]`).fill(points);
      // 99,5 is Khá: time, marked for full points, is half a point short.
      await expect(line.textContent()).resolves.toBe(rated('99,5', 'Khá'));
      await page.locator('input[name="score_time"]').fill('5');
      await page.locator('input[name="score_conduct"]').fill('25,5');
      await expect(line.textContent()).resolves.toBe(rated('95,5', 'Tốt'));
      await page.locator('input[name="score_results"]').fill('20');
      await expect(line.textContent()).resolves.toBe(rated('85,5', 'Khá'));
      expect(requests).toEqual([]);
      await checkAccessibility(page, 'critique-total');
      await screenshot(page, 'critique-total');

      // A phone over 3G: the form and its script together stay within 30 KB compressed.
      const form = await context.request.get(`/dot/${cycleId}/gop-y`);
      const scriptBody = await context.request.get((await page.locator('script[src]').getAttribute('src')) as string);
      expect(gzipSync(await form.body()).length + gzipSync(await scriptBody.body()).length).toBeLessThanOrEqual(30 * 1024);

      // Loaded once: another visit to a page with the sheet takes the script from the phone's cache, not the network.
      const session = await context.newCDPSession(page);
      await session.send('Network.enable');
      const fromNetwork: string[] = [];
      const fromCache = new Set<string>();
      session.on('Network.requestServedFromCache', (event) => fromCache.add(event.requestId));
      session.on('Network.responseReceived', (event) => {
        if (new URL(event.response.url).pathname !== '/tep/bang-diem.js') return;
        if (event.response.fromDiskCache) fromCache.add(event.requestId);
        else fromNetwork.push(event.requestId);
      });
      await page.goto(`/dot/${cycleId}`);
      await page.goto(`/dot/${cycleId}/gop-y`);
      await expect(page.locator('button[name="tally"]').isHidden()).resolves.toBe(true);
      expect(fromNetwork.filter((id) => !fromCache.has(id))).toEqual([]);
    } finally {
      await context.close();
    }

    const offline = await signedInPhone(visitor.secretary.username, { javaScriptEnabled: false });
    try {
      const { page: plain } = offline;
      await plain.goto(`/dot/${cycleId}/gop-y`);
      const key = await plain.locator('input[name="_key"]').inputValue();
      const tally = async () => {
        const [answer] = await Promise.all([
          plain.waitForResponse((response) => response.request().method() === 'POST'),
          plain.locator(`form[action="/dot/${cycleId}/gop-y"] button[name="tally"]`).click(),
        ]);
        expect(answer.status()).toBe(200);
        await plain.waitForLoadState();
        return plain.locator('#score-total').textContent();
      };
      await plain.locator('input[name="score_time"]').fill('4,5');
      await plain.locator('input[name="score_attendance"]').fill('5');
      await expect(tally()).resolves.toBe(partial('9,5'));
      for (const [id, points] of Object.entries(rest)) await plain.locator(`input[name="score_${id}"]`).fill(points);
      await expect(tally()).resolves.toBe(rated('99,5', 'Khá'));
      await expect(plain.locator('input[name="score_time"]').inputValue()).resolves.toBe('4,5');
      await expect(plain.locator('input[name="_key"]').inputValue()).resolves.toBe(key);
      await screenshot(plain, 'critique-total-no-javascript');
      const unsent = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(hosting.staff.token)).expect(200);
      expect(unsent.body.critiques).toEqual([]);

      // Sending after adding up: the same form, its key unspent.
      await plain.locator('textarea[name="text_0"]').fill('Chi bộ điểm chuẩn bị tài liệu chu đáo');
      await Promise.all([plain.waitForEvent('load'), plain.locator(`form[action="/dot/${cycleId}/gop-y"] button.primary`).click()]);
      expect(new URL(plain.url()).pathname).toBe(`/dot/${cycleId}`);
      const sent = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(hosting.staff.token)).expect(200);
      expect(sent.body.critiques).toEqual([expect.objectContaining({ cellId: visitor.id, scores: { time: 4.5, attendance: 5, preparation: 10, conduct: 30, speaking: 10, principles: 5, results: 30, closing: 5 } })]);
    } finally {
      await offline.context.close();
    }
  });

  it('the host files its report and the committee reviews it on their pages: an empty answer and a pass without a rating are refused in words, a revision goes back, then the meeting is rated Tốt with a full score sheet whose total and band show as it is typed', async () => {
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
      const send = () => Promise.all([page.waitForEvent('load'), page.locator(`form[action="/dot/${cycleId}/danh-gia"] button.primary`).click()]);

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
      // The committee's own sheet, every criterion at full points: its total and band follow the typing (domain.md: Tốt from 90).
      const criteria = filed.body.rubric.criteria as { id: string; maxPoints: number }[];
      const full = criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);
      for (const criterion of criteria) await page.locator(`input[name="score_${criterion.id}"]`).fill(String(criterion.maxPoints));
      await expect(page.locator('#score-total').textContent()).resolves.toBe(`Tổng điểm: ${full}/${full}. Mức xếp loại: Tốt.`);
      await checkAccessibility(page, 'review-total');
      await send();
      expect(new URL(page.url()).pathname).toBe(`/dot/${cycleId}`);
      await expect(page.locator('main').textContent()).resolves.toContain('Xếp loại: Tốt');
      await screenshot(page, 'cycle-closed');
      const cycle = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(hosting.staff.token)).expect(200);
      expect(cycle.body).toMatchObject({
        status: 'CLOSED',
        review: { decision: 'accept', rating: 'TOT', scores: Object.fromEntries(criteria.map((criterion) => [criterion.id, criterion.maxPoints])) },
      });
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
      // The form takes one day: near Vietnam's midnight the half hour before, or the minute after, falls on another day.
      const dayStartMs = Date.parse(`${vietnamIso(meetingMs).slice(0, 10)}T00:00:00Z`) - VIETNAM_OFFSET_MS;
      const startMs = Math.max(meetingMs - 30 * 60_000, dayStartMs);
      const endMs = Math.min(Math.max(Date.now() - 60_000, meetingMs), dayStartMs + 24 * 3_600_000 - 60_000);
      await hostPhone.page.locator('input[name="day"]').fill(vietnamIso(meetingMs).slice(0, 10));
      await hostPhone.page.locator('input[name="start"]').fill(vietnamIso(startMs).slice(11, 16));
      await hostPhone.page.locator('input[name="end"]').fill(vietnamIso(endMs).slice(11, 16));
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
