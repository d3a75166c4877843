import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { driveCycle } from '../scripts/lib/cycle-driver.mjs';
import { reportBody, vietnamDayFromToday } from '../scripts/lib/step-bodies.mjs';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { checkAccessibility, launchChromium, phoneContext, screenshot } from './support/browser.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCell, type ApiCommune } from './support/commune-api.fixture.js';
import { supertestHttp } from './support/cycle-http.js';
import { eventually } from './support/eventually.js';

/**
 * The pages after a cycle has closed (web.md): the host's secretary finds each action item named on "Việc của
 * tôi", ticks one off and drops another with a reason, on its page; a visiting cell reads the host's lessons and
 * records what it will adopt. Both go to the same records as the JSON API's done, drop and adoption, a form sent
 * twice acts once, and a visitor cannot settle the host's items. The cycle is driven to CLOSED through the API.
 */

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

let stack: ApiStack;
let browser: Browser;
let baseURL: string;
let commune: ApiCommune;
let host: ApiCell;
let visitor: ApiCell;
let cycleId: string;
/** The items of the report, as the API shows them once the cycle has closed. */
let items: { id: string; title: string; dueDate: string }[];

const LESSONS = ['Gửi tài liệu cho các chi bộ trước ít nhất hai ngày', 'Phân công đảng viên chuẩn bị ý kiến từ trước'];
const ACTION_ITEMS = [
  { title: 'In và phát mẫu biên bản mới cho đảng viên', owner: 'Đồng chí Lò Văn Pằng', dueDate: vietnamDayFromToday(3) },
  { title: 'Tổ chức tọa đàm với Chi đoàn thôn', owner: 'Đồng chí Hoàng Thị Mai', dueDate: vietnamDayFromToday(20) },
  { title: 'Sửa quy chế làm việc của chi ủy', owner: 'Đồng chí Vàng Seo Chử', dueDate: vietnamDayFromToday(40) },
];

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  stack = await startApiStack();
  await stack.app.listen(0, '127.0.0.1');
  baseURL = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
  [commune, browser] = await Promise.all([createCommuneViaApi(stack, 2), launchChromium()]);
  [host, visitor] = commune.cells;
  const closed = await driveCycle(
    supertestHttp(stack.http),
    { committeeId: commune.committeeId, staff: commune.staff, invited: [visitor], host },
    {
      meetingAt: Date.now() + 4_000,
      launch: { title: `Sinh hoạt chi bộ điểm sau khi kết thúc ${commune.committeeId.slice(0, 8)}` },
      report: (cycle) => reportBody({ pointIds: cycle.pointsToAnswer.map((point) => point.id), lessons: LESSONS, actionItems: ACTION_ITEMS }),
    },
  );
  cycleId = closed.id;
  items = closed.closed.actionItems;
  expect(items.map((item) => item.title)).toEqual(ACTION_ITEMS.map((item) => item.title));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stopAll();
});

async function signedInPhone(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser, { baseURL });
  try {
    const page = await context.newPage();
    expect((await page.goto('/login'))?.status()).toBe(200);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(TEST_PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.locator('form[action="/login"] [type="submit"]').click()]);
    return { context, page };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Clicks a form's button and answers the status of the POST itself (the browser then follows a redirect). */
async function send(page: Page, action: string, button: string): Promise<number> {
  const [posted] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === action),
    page.waitForEvent('load'),
    page.locator(`form[action="${action}"] ${button}`).click(),
  ]);
  return posted.status();
}

/** A form of the page as the browser would send it again: its own fields, its CSRF token and its key. */
async function formOf(page: Page, action: string, fields: Record<string, string>): Promise<Record<string, string>> {
  const form = page.locator(`form[action="${action}"]`);
  return { _csrf: await form.locator('input[name="_csrf"]').inputValue(), _key: await form.locator('input[name="_key"]').inputValue(), ...fields };
}

async function cycleOf(token = commune.staff.token) {
  return (await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(token)).expect(200)).body as {
    actionItems: { id: string; doneAt: string | null; droppedAt: string | null; dropReason: string | null }[];
    invitations: { cellId: string; adoption: string | null }[];
    timeline: { event: string }[];
  };
}

const eventsOf = (cycle: { timeline: { event: string }[] }, event: string) => cycle.timeline.filter((entry) => entry.event === event).length;

/** "còn N ngày" / "hạn hôm nay" / "quá hạn N ngày" for a calendar day, counted in Vietnam's days. */
function dueWords(dueDate: string, nowMs: number): string {
  const days = Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Math.floor((nowMs + VIETNAM_OFFSET_MS) / DAY_MS) * DAY_MS) / DAY_MS);
  if (days === 0) return 'hạn hôm nay';
  return days > 0 ? `còn ${days} ngày` : `quá hạn ${-days} ngày`;
}

/** "Thứ Năm, 11/12/2026" for a calendar day. */
function dayInWords(dueDate: string): string {
  const weekday = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'][new Date(`${dueDate}T00:00:00Z`).getUTCDay()];
  const [year, month, day] = dueDate.split('-');
  return `${weekday}, ${day}/${month}/${year}`;
}

describe('after a cycle has closed, on a phone', () => {
  it('the host finds each item named among its tasks, ticks one off and drops another with a reason; the state stays on reload and is the API’s', async () => {
    const [first, second, third] = items;
    const { context, page } = await signedInPhone(host.secretary.username);
    try {
      // Every open item is a task of its own, named by the item, one tap from its page.
      const task = await eventually(async () => {
        await page.goto('/');
        const found = page.getByRole('link', { name: `Thực hiện việc đã cam kết: “${first.title}”` });
        if ((await found.count()) === 0) throw new Error('no task for the first item yet');
        return found;
      });
      for (const item of [second, third]) await expect(page.getByRole('link', { name: `Thực hiện việc đã cam kết: “${item.title}”` }).count()).resolves.toBe(1);
      await Promise.all([page.waitForURL((url) => url.pathname === `/dot/${cycleId}/viec-can-lam` && url.hash === `#viec-${first.id}`), task.click()]);

      // Each item with its owner, its day and how long is left, and its state.
      for (const [index, item] of items.entries()) {
        const card = page.locator(`#viec-${item.id}`);
        const text = await card.textContent();
        expect(text).toContain(item.title);
        expect(text).toContain(ACTION_ITEMS[index].owner);
        expect(text).toContain(dayInWords(item.dueDate));
        expect(text).toContain(dueWords(item.dueDate, Date.now()));
        expect(text).toContain('Đang thực hiện');
      }
      await checkAccessibility(page, 'action-items');
      await screenshot(page, 'action-items');

      // Ticked off in the browser; the same form sent again (a resubmit after a dropped connection) acts once.
      const done = `/dot/${cycleId}/viec-can-lam/${first.id}/xong`;
      await page.locator(`#note-${first.id}`).fill('Đã in 30 bản, phát tại buổi sinh hoạt tháng');
      const sentAgain = await formOf(page, done, { note: 'Đã in 30 bản, phát tại buổi sinh hoạt tháng' });
      expect(await send(page, done, 'button')).toBe(303);
      expect(new URL(page.url()).pathname).toBe(`/dot/${cycleId}/viec-can-lam`);
      await expect(page.locator('[role="status"]').textContent()).resolves.toContain(`“${first.title}”: Đã hoàn thành`);
      const again = await context.request.post(done, { form: sentAgain, maxRedirects: 0 });
      expect({ status: again.status(), location: again.headers().location }).toEqual({ status: 303, location: `/dot/${cycleId}/viec-can-lam?viec=${first.id}` });

      // Dropped: without a reason it is refused beside the field; with one it is taken.
      const drop = `/dot/${cycleId}/viec-can-lam/${second.id}/bo`;
      await page.locator(`#viec-${second.id} summary`).click();
      expect(await send(page, drop, 'button')).toBe(400);
      await expect(page.locator(`#reason-${second.id}-error`).textContent()).resolves.toMatch(/^Lý do không thực hiện/);
      await checkAccessibility(page, 'action-items-refused');
      await screenshot(page, 'action-items-refused');
      await page.locator(`#reason-${second.id}`).fill('Chi đoàn thôn đã sáp nhập, nội dung chuyển sang kế hoạch quý sau');
      expect(await send(page, drop, 'button')).toBe(303);

      await page.reload();
      await expect(page.locator(`#viec-${first.id}`).textContent()).resolves.toContain('Đã hoàn thành');
      await expect(page.locator(`#viec-${second.id}`).textContent()).resolves.toContain('Không thực hiện (lý do: Chi đoàn thôn đã sáp nhập, nội dung chuyển sang kế hoạch quý sau)');
      await expect(page.locator(`#viec-${third.id}`).textContent()).resolves.toContain('Đang thực hiện');
      // Settled items have no forms left; the open one keeps both.
      await expect(page.locator(`form[action^="/dot/${cycleId}/viec-can-lam/${first.id}/"], form[action^="/dot/${cycleId}/viec-can-lam/${second.id}/"]`).count()).resolves.toBe(0);
      await expect(page.locator(`form[action^="/dot/${cycleId}/viec-can-lam/${third.id}/"]`).count()).resolves.toBe(2);
      await screenshot(page, 'action-items-settled');

      const cycle = await cycleOf();
      const byId = new Map(cycle.actionItems.map((item) => [item.id, item]));
      expect(byId.get(first.id)).toMatchObject({ doneAt: expect.any(String), droppedAt: null });
      expect(byId.get(second.id)).toMatchObject({ doneAt: null, droppedAt: expect.any(String), dropReason: 'Chi đoàn thôn đã sáp nhập, nội dung chuyển sang kế hoạch quý sau' });
      expect(byId.get(third.id)).toMatchObject({ doneAt: null, droppedAt: null });
      expect({ done: eventsOf(cycle, 'ACTION_ITEM_DONE'), dropped: eventsOf(cycle, 'ACTION_ITEM_DROPPED') }).toEqual({ done: 1, dropped: 1 });

      // Only the open item is still a task; the cycle page counts them.
      await page.goto('/');
      await expect(page.getByRole('link', { name: `Thực hiện việc đã cam kết: “${third.title}”` }).count()).resolves.toBe(1);
      for (const item of [first, second]) await expect(page.getByRole('link', { name: `Thực hiện việc đã cam kết: “${item.title}”` }).count()).resolves.toBe(0);
      await page.goto(`/dot/${cycleId}`);
      await expect(page.locator('main').textContent()).resolves.toContain('Việc cam kết của chi bộ điểm (1 đã hoàn thành, 1 không thực hiện, 1 đang thực hiện)');
      await expect(page.getByRole('link', { name: 'Ghi nhận nội dung chi bộ vận dụng, nhân rộng' }).count()).resolves.toBe(0);

      // The host is no visitor: the adoption page says why, in words.
      const adoption = await page.goto(`/dot/${cycleId}/ap-dung`);
      expect(adoption?.status()).toBe(403);
      await expect(page.locator('[role="alert"]').textContent()).resolves.toBe('Chi bộ của đồng chí không được mời dự đợt sinh hoạt này.');
    } finally {
      await context.close();
    }
  });

  it('a visitor reads the host’s lessons and records what its cell adopts, from the cycle page; the same form sent twice acts once', async () => {
    const { context, page } = await signedInPhone(visitor.secretary.username);
    try {
      await page.goto(`/dot/${cycleId}`);
      await Promise.all([
        page.waitForURL((url) => url.pathname === `/dot/${cycleId}/ap-dung`),
        page.getByRole('link', { name: 'Ghi nhận nội dung chi bộ vận dụng, nhân rộng' }).click(),
      ]);
      const main = await page.locator('main').textContent();
      for (const lesson of LESSONS) expect(main).toContain(lesson);
      await checkAccessibility(page, 'adoption');
      await screenshot(page, 'adoption');

      const action = `/dot/${cycleId}/ap-dung`;
      expect(await send(page, action, 'button.primary')).toBe(400);
      await expect(page.locator('#text-error').textContent()).resolves.toMatch(/^Nội dung chi bộ vận dụng/);
      await checkAccessibility(page, 'adoption-refused');
      await screenshot(page, 'adoption-refused');

      const text = 'Chi bộ gửi tài liệu trước hai ngày và phân công đảng viên chuẩn bị ý kiến từ buổi sinh hoạt tháng sau';
      await page.locator('textarea[name="text"]').fill(text);
      const sentAgain = await formOf(page, action, { text });
      expect(await send(page, action, 'button.primary')).toBe(303);
      expect(new URL(page.url()).pathname).toBe(`/dot/${cycleId}`);
      await expect(page.locator('main').textContent()).resolves.toContain(`Chi bộ đã ghi nhận: “${text}”`);
      await screenshot(page, 'cycle-after-adoption');
      const again = await context.request.post(action, { form: sentAgain, maxRedirects: 0 });
      expect({ status: again.status(), location: again.headers().location }).toEqual({ status: 303, location: `/dot/${cycleId}` });

      const cycle = await cycleOf();
      expect(cycle.invitations.find((invitation) => invitation.cellId === visitor.id)?.adoption).toBe(text);
      expect(eventsOf(cycle, 'LESSONS_ADOPTED')).toBe(1);

      // Back on the page, what the cell recorded is there to be revised.
      await page.goto(action);
      await expect(page.locator('textarea[name="text"]').inputValue()).resolves.toBe(text);

      // Revised on a new form; the first form, arriving late (a resubmit after a dropped connection), changes nothing.
      const revised = `${text}; mời Chi đoàn thôn dự các buổi sinh hoạt chuyên đề`;
      await page.locator('textarea[name="text"]').fill(revised);
      expect(await send(page, action, 'button.primary')).toBe(303);
      const afterRevision = eventsOf(await cycleOf(), 'LESSONS_ADOPTED');
      const late = await context.request.post(action, { form: sentAgain, maxRedirects: 0 });
      expect({ status: late.status(), location: late.headers().location }).toEqual({ status: 303, location: `/dot/${cycleId}` });
      const settled = await cycleOf();
      expect(settled.invitations.find((invitation) => invitation.cellId === visitor.id)?.adoption).toBe(revised);
      expect(eventsOf(settled, 'LESSONS_ADOPTED')).toBe(afterRevision);
    } finally {
      await context.close();
    }
  });

  it('a visitor sees the host’s action items but cannot settle them: no forms, and a post made by hand is refused in words', async () => {
    const open = items[2];
    const { context, page } = await signedInPhone(visitor.secretary.username);
    try {
      const shown = await page.goto(`/dot/${cycleId}/viec-can-lam`);
      expect(shown?.status()).toBe(200);
      await expect(page.locator(`#viec-${open.id}`).textContent()).resolves.toContain(open.title);
      await expect(page.locator('main form').count()).resolves.toBe(0);

      const csrf = await page.locator('form[action="/logout"] input[name="_csrf"]').inputValue();
      for (const [way, fields] of [
        ['xong', {}],
        ['bo', { reason: 'Không cần nữa' }],
      ] as const) {
        const refused = await context.request.post(`/dot/${cycleId}/viec-can-lam/${open.id}/${way}`, { form: { _csrf: csrf, _key: `tay-${way}`, ...fields }, maxRedirects: 0 });
        expect({ way, status: refused.status() }).toEqual({ way, status: 400 });
        expect(await refused.text()).toContain('Chỉ bí thư chi bộ điểm mới thực hiện được bước này.');
      }
      const cycle = await cycleOf();
      expect(cycle.actionItems.find((item) => item.id === open.id)).toMatchObject({ doneAt: null, droppedAt: null });
    } finally {
      await context.close();
    }
  });
});
