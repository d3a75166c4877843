import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBody } from '../scripts/lib/step-bodies.mjs';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { checkAccessibility, launchChromium, phoneContext, screenshot } from './support/browser.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCommune } from './support/commune-api.fixture.js';

/**
 * The committee office's pages in a real Chromium on a phone (web.md): its cycles by stage with what is late
 * marked and whose it is, moving a meeting, cancelling a cycle; the links to both on a cycle's page only for
 * those allowed; refusals in words. The cycles are arranged through the JSON API.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;

let stack: ApiStack;
let browser: Browser;
let baseURL: string;
let commune: ApiCommune;
/** Launched by the office in beforeAll: late (its host has not sent the plan, due a day before a meeting two hours away), to move, to pick a host for, to cancel. */
const cycles = { late: '', toMove: '', unpicked: '', toCancel: '' };
const titles = {
  late: 'Sinh hoạt chuyên đề tháng Mười hai',
  toMove: 'Sinh hoạt chi bộ điểm quý I',
  unpicked: 'Sinh hoạt chi bộ điểm về phát triển đảng viên',
  toCancel: 'Sinh hoạt chi bộ điểm về xây dựng nông thôn mới',
};

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A moment as Vietnam's clock shows it, in ISO form: the day and the time a person types into a form. */
const vietnamIso = (epochMs: number) => new Date(epochMs + VIETNAM_OFFSET_MS).toISOString();

/** "05/12/2026, 08:00": how a page writes a moment's day and time (after the weekday). */
const dayAndTime = (epochMs: number) => {
  const iso = vietnamIso(epochMs);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}, ${iso.slice(11, 16)}`;
};

/** "quá hạn N ngày" / "quá hạn (hôm nay)", with days counted as calendar days in Vietnam. */
function overdueWords(dueMs: number, nowMs: number): RegExp {
  const dayOf = (epochMs: number) => Math.floor((epochMs + VIETNAM_OFFSET_MS) / DAY_MS);
  const days = dayOf(nowMs) - dayOf(dueMs);
  return days === 0 ? /quá hạn \(hôm nay\)/ : new RegExp(`quá hạn ${days} ngày`);
}

async function launch(body: Parameters<typeof launchBody>[0], token = commune.staff.token): Promise<string> {
  const launched = await stack.http.post('/api/cycles').set(bearer(token)).send(launchBody(body)).expect(201);
  return launched.body.id as string;
}

beforeAll(async () => {
  stack = await startApiStack();
  // A real port: the browser speaks HTTP to the app as a phone would, not through supertest.
  await stack.app.listen(0, '127.0.0.1');
  baseURL = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
  [commune, browser] = await Promise.all([createCommuneViaApi(stack, 4), launchChromium()]);
  const [first, second, third, fourth] = commune.cells;
  const committeeId = commune.committeeId;
  cycles.late = await launch({ committeeId, title: titles.late, hostCellId: first.id, invitedCellIds: [second.id], meetingAt: Date.now() + 2 * HOUR_MS });
  cycles.toMove = await launch({ committeeId, title: titles.toMove, hostCellId: second.id, invitedCellIds: [third.id], meetingAt: Date.now() + 10 * DAY_MS });
  cycles.unpicked = await launch({ committeeId, title: titles.unpicked, invitedCellIds: commune.cells.map((cell) => cell.id), meetingAt: Date.now() + 12 * DAY_MS });
  cycles.toCancel = await launch({ committeeId, title: titles.toCancel, invitedCellIds: [third.id, fourth.id], meetingAt: Date.now() + 15 * DAY_MS });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stopAll();
});

async function signedInPhone(username: string, password = TEST_PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser, { baseURL });
  try {
    const page = await context.newPage();
    expect((await page.goto('/login'))?.status()).toBe(200);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(password);
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.locator('form[action="/login"] [type="submit"]').click()]);
    return { context, page };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Sends the page's form at `action` with its primary button; answers the status of the POST itself. */
async function send(page: Page, action: string): Promise<number> {
  const [posted] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === action),
    page.waitForEvent('load'),
    page.locator(`form[action="${action}"] button.primary`).click(),
  ]);
  return posted.status();
}

async function cycleOf(cycleId: string): Promise<{ status: string; meetingAt: string; cancelReason: string | null; deadlines: { planDueAt: string } }> {
  return (await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(commune.staff.token)).expect(200)).body;
}

describe("the committee office's pages on a phone", () => {
  it('"Các đợt": the cycles by stage in the order a cycle goes, each with its meeting time and host, the late plan marked with the host named', async () => {
    const late = await cycleOf(cycles.late);
    const planDueMs = Date.parse(late.deadlines.planDueAt);
    expect(planDueMs).toBeLessThan(Date.now());
    const { context, page } = await signedInPhone(commune.staff.username);
    try {
      await Promise.all([page.waitForURL((url) => url.pathname === '/dot'), page.locator('nav').getByRole('link', { name: 'Các đợt' }).click()]);
      await expect(page.locator('h1').textContent()).resolves.toBe('Các đợt sinh hoạt chi bộ điểm');
      await expect(page.locator('main h2').allTextContents()).resolves.toEqual(['Lựa chọn chi bộ điểm (2)', 'Chuẩn bị sinh hoạt (2)']);
      await expect(page.getByRole('link', { name: 'Khởi tạo đợt sinh hoạt chi bộ điểm' }).getAttribute('href')).resolves.toBe('/dot-moi');
      await expect(page.locator('.notice').textContent()).resolves.toBe('1 đợt có việc quá hạn.');

      const card = (title: string) => page.locator('article.card').filter({ has: page.getByRole('heading', { name: title }) });
      const lateCard = card(titles.late);
      await expect(lateCard.getByRole('link', { name: titles.late }).getAttribute('href')).resolves.toBe(`/dot/${cycles.late}`);
      const lateText = await lateCard.textContent();
      expect(lateText).toContain(dayAndTime(Date.parse(late.meetingAt)));
      expect(lateText).toContain(`Chi bộ điểm: ${commune.cells[0].name}`);
      await expect(lateCard.locator('p').filter({ has: page.locator('.late') }).textContent()).resolves.toMatch(
        new RegExp(`^${overdueWords(planDueMs, Date.now()).source} ${commune.cells[0].name} chưa gửi chương trình, tài liệu sinh hoạt\\.$`),
      );
      // Nothing else is late: the other cycles' deadlines are days away.
      await expect(page.locator('.late').count()).resolves.toBe(1);
      await expect(card(titles.unpicked).textContent()).resolves.toContain('Chi bộ điểm: chưa chọn');
      await expect(card(titles.toMove).textContent()).resolves.toContain(`Chi bộ điểm: ${commune.cells[1].name}`);
      await checkAccessibility(page, 'cycles-list');
      await screenshot(page, 'cycles-list');
    } finally {
      await context.close();
    }
  });

  it('"Các đợt" for a secretary lists only the cycles its cell takes part in once announced; the admin sees every one', async () => {
    const visitor = await signedInPhone(commune.cells[2].secretary.username);
    try {
      expect((await visitor.page.goto('/dot'))?.status()).toBe(200);
      const main = await visitor.page.locator('main').textContent();
      // Invited to the cycle to move (announced) and to the one to cancel (its host not picked: not announced yet).
      expect(main).toContain(titles.toMove);
      for (const hidden of [titles.late, titles.unpicked, titles.toCancel]) expect(main).not.toContain(hidden);
      await expect(visitor.page.getByRole('link', { name: 'Khởi tạo đợt sinh hoạt chi bộ điểm' }).count()).resolves.toBe(0);
    } finally {
      await visitor.context.close();
    }
    const admin = await signedInPhone('admin', 'admin');
    try {
      expect((await admin.page.goto('/dot'))?.status()).toBe(200);
      const main = await admin.page.locator('main').textContent();
      for (const title of Object.values(titles)) expect(main).toContain(title);
    } finally {
      await admin.context.close();
    }
  });

  it('the office moves a meeting on its page: a reason left empty and a time gone by are refused beside their fields with what was typed kept, then the cycle page shows the new time', async () => {
    const cycleId = cycles.toMove;
    const { context, page } = await signedInPhone(commune.staff.username);
    try {
      await page.goto(`/dot/${cycleId}`);
      await checkAccessibility(page, 'cycle-with-changes');
      await screenshot(page, 'cycle-with-changes');
      await Promise.all([page.waitForURL((url) => url.pathname === `/dot/${cycleId}/doi-lich`), page.getByRole('link', { name: 'Đổi lịch' }).click()]);
      await expect(page.locator('h1').textContent()).resolves.toBe('Đổi lịch sinh hoạt');
      await checkAccessibility(page, 'reschedule');
      await screenshot(page, 'reschedule');

      const newMs = Math.floor((Date.now() + 20 * DAY_MS) / HOUR_MS) * HOUR_MS + 30 * 60_000;
      const [day, time] = [vietnamIso(newMs).slice(0, 10), vietnamIso(newMs).slice(11, 16)];
      await page.locator('input[name="day"]').fill(day);
      await page.locator('input[name="time"]').fill(time);
      expect(await send(page, `/dot/${cycleId}/doi-lich`)).toBe(400);
      await expect(page.locator('#reason-error').textContent()).resolves.toBe('Lý do đổi lịch không được để trống.');
      await expect(page.locator('textarea[name="reason"]').getAttribute('aria-describedby')).resolves.toBe('reason-error');
      await expect(page.locator('input[name="day"]').inputValue()).resolves.toBe(day);
      await expect(page.locator('input[name="time"]').inputValue()).resolves.toBe(time);
      await checkAccessibility(page, 'reschedule-refused');
      await screenshot(page, 'reschedule-refused');

      // A time already gone by: the workflow's refusal, in words, on the form.
      const pastMs = Date.now() - DAY_MS;
      await page.locator('input[name="day"]').fill(vietnamIso(pastMs).slice(0, 10));
      await page.locator('textarea[name="reason"]').fill('Trùng lịch thu hoạch ngô của bà con');
      expect(await send(page, `/dot/${cycleId}/doi-lich`)).toBe(400);
      await expect(page.locator('[role="alert"]').textContent()).resolves.toBe('Thời gian sinh hoạt phải muộn hơn thời điểm hiện tại.');
      await expect(page.locator('textarea[name="reason"]').inputValue()).resolves.toBe('Trùng lịch thu hoạch ngô của bà con');

      await page.locator('input[name="day"]').fill(day);
      expect(await send(page, `/dot/${cycleId}/doi-lich`)).toBe(303);
      expect(new URL(page.url()).pathname).toBe(`/dot/${cycleId}`);
      await expect(page.locator('main').textContent()).resolves.toContain(dayAndTime(newMs));
      const moved = await cycleOf(cycleId);
      expect(Date.parse(moved.meetingAt)).toBe(Date.parse(`${day}T${time}:00+07:00`));
    } finally {
      await context.close();
    }
  });

  it("a cycle's page offers moving the meeting to the office and the host, cancelling to the office only, and neither to a visiting cell", async () => {
    const cycleId = cycles.toMove;
    const offered = async (username: string) => {
      const { context, page } = await signedInPhone(username);
      try {
        expect((await page.goto(`/dot/${cycleId}`))?.status()).toBe(200);
        return {
          reschedule: await page.locator(`a[href="/dot/${cycleId}/doi-lich"]`).count(),
          cancel: await page.locator(`a[href="/dot/${cycleId}/huy"]`).count(),
        };
      } finally {
        await context.close();
      }
    };
    expect(await offered(commune.staff.username)).toEqual({ reschedule: 1, cancel: 1 });
    expect(await offered(commune.cells[1].secretary.username)).toEqual({ reschedule: 1, cancel: 0 });
    expect(await offered(commune.cells[2].secretary.username)).toEqual({ reschedule: 0, cancel: 0 });
  });

  it('the office cancels a cycle on its page, told it cannot be undone: the cycle page then shows "Đã hủy" and the reason, and "Các đợt" lists it last', async () => {
    const cycleId = cycles.toCancel;
    const { context, page } = await signedInPhone(commune.staff.username);
    try {
      await page.goto(`/dot/${cycleId}`);
      await Promise.all([page.waitForURL((url) => url.pathname === `/dot/${cycleId}/huy`), page.getByRole('link', { name: 'Hủy đợt' }).click()]);
      await expect(page.locator('h1').textContent()).resolves.toBe('Hủy đợt sinh hoạt');
      await expect(page.locator('.notice').textContent()).resolves.toContain('không thể hoàn tác');
      await checkAccessibility(page, 'cancel');
      await screenshot(page, 'cancel');

      expect(await send(page, `/dot/${cycleId}/huy`)).toBe(400);
      await expect(page.locator('#reason-error').textContent()).resolves.toBe('Lý do hủy đợt sinh hoạt không được để trống.');
      await page.locator('textarea[name="reason"]').fill('Thời tiết xấu, đường vào thôn bị sạt lở');
      expect(await send(page, `/dot/${cycleId}/huy`)).toBe(303);
      expect(new URL(page.url()).pathname).toBe(`/dot/${cycleId}`);
      await expect(page.locator('main > p strong').first().textContent()).resolves.toBe('Đã hủy');
      await expect(page.locator('main').textContent()).resolves.toContain('Thời tiết xấu, đường vào thôn bị sạt lở');
      await expect(page.locator(`a[href="/dot/${cycleId}/huy"]`).count()).resolves.toBe(0);
      await screenshot(page, 'cycle-cancelled');
      expect(await cycleOf(cycleId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'Thời tiết xấu, đường vào thôn bị sạt lở' });

      await page.goto('/dot');
      await expect(page.locator('main h2').last().textContent()).resolves.toBe('Đã hủy (1)');
      await expect(page.locator('main section').last().textContent()).resolves.toContain(titles.toCancel);
      await screenshot(page, 'cycles-list-with-cancelled');
    } finally {
      await context.close();
    }
  });

  it("a secretary cannot open or send the cancel form: a visiting cell, the host and a cell not invited are each refused in words, and the cycle goes on", async () => {
    const cycleId = cycles.toMove;
    const refusals: Record<string, string> = {
      [commune.cells[2].secretary.username]: 'Chỉ cán bộ Đảng ủy phụ trách đợt sinh hoạt này mới thực hiện được bước này.',
      [commune.cells[1].secretary.username]: 'Chỉ cán bộ Đảng ủy phụ trách đợt sinh hoạt này mới thực hiện được bước này.',
      [commune.cells[3].secretary.username]: 'Chi bộ của đồng chí không được mời dự đợt sinh hoạt này.',
    };
    for (const [username, refusal] of Object.entries(refusals)) {
      const { context, page } = await signedInPhone(username);
      try {
        const csrfToken = await page.locator('header input[name="_csrf"]').inputValue();
        const opened = await page.goto(`/dot/${cycleId}/huy`);
        expect({ username, status: opened?.status() }).toEqual({ username, status: 403 });
        await expect(page.locator('[role="alert"]').textContent()).resolves.toBe(refusal);
        await expect(page.locator('textarea[name="reason"]').count()).resolves.toBe(0);
        // The form sent anyway, with the session's own token and a key: refused the same way.
        const form = { _csrf: csrfToken, _key: randomUUID(), reason: 'Chi bộ xin hủy' };
        const sent = await context.request.post(`/dot/${cycleId}/huy`, { form, maxRedirects: 0 });
        expect({ username, status: sent.status() }).toEqual({ username, status: 403 });
      } finally {
        await context.close();
      }
    }
    expect((await cycleOf(cycleId)).status).toBe('PREPARATION');
  });

  it('"Các đợt" of a commune with twenty cycles stays within 30 KB compressed, every cycle on it', async () => {
    const big = await createCommuneViaApi(stack, 5);
    const launched: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const title = `Sinh hoạt chi bộ điểm số ${index + 1}: nâng cao chất lượng sinh hoạt chi bộ ở thôn bản vùng cao`;
      const hostCellId = index < big.cells.length ? big.cells[index].id : undefined;
      const invitedCellIds = big.cells.map((cell) => cell.id).filter((cellId) => cellId !== hostCellId);
      await launch({ committeeId: big.committeeId, title, ...(hostCellId ? { hostCellId } : {}), invitedCellIds, meetingAt: Date.now() + (5 + index) * DAY_MS }, big.staff.token);
      launched.push(title);
    }
    const { context } = await signedInPhone(big.staff.username);
    try {
      const answer = await context.request.get('/dot');
      expect(answer.status()).toBe(200);
      const body = await answer.text();
      for (const title of launched) expect(body).toContain(title);
      expect(gzipSync(Buffer.from(body)).length).toBeLessThanOrEqual(30 * 1024);
    } finally {
      await context.close();
    }
  }, 120_000);
});
