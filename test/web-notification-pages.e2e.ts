import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchCycle } from '../scripts/lib/cycle-driver.mjs';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { checkAccessibility, launchChromium, phoneContext, screenshot } from './support/browser.js';
import { supertestHttp } from './support/cycle-http.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCommune } from './support/commune-api.fixture.js';
import { insertCycle, insertNotifications, type NotificationFixture } from './support/delivery-fixtures.js';

/**
 * The channels through the pages (notifications.md, web.md), in a real Chromium on a phone: a secretary sets
 * their email, phone and channels on /lien-lac and never sees the number in full again; the office chooses the
 * committee's channels, sees and sets a secretary's contacts on the cell's page, reads a cycle's "Tình hình gửi
 * tin" and the list of notifications that reached nobody, counted on its home page. Refusals are words; another
 * committee's report is not found. Every page is checked with axe-core and photographed into test-artifacts/pages/.
 */

const NOT_ALLOWED = 'Tài khoản của đồng chí không có quyền thực hiện việc này.';
const NOT_FOUND = 'Không tìm thấy nội dung này, hoặc tài khoản của đồng chí không được xem nội dung này.';
const PHONE_SENTENCE = 'Số điện thoại phải là một số điện thoại di động Việt Nam, ví dụ 0912 345 678 hoặc +84 912 345 678.';
/** The server is configured for email and SMS, not for Zalo. */
const SERVER_CHANNELS = { SMTP_URL: 'smtp://127.0.0.1:2525', SMS_API_KEY: 'khoa-thu-nghiem', SMS_SECRET_KEY: 'bi-mat-thu-nghiem', SMS_BRANDNAME: 'CHIBODIEM' };
const DAY_MS = 86_400_000;

let stack: ApiStack;
let browser: Browser;
let baseURL: string;
let home: ApiCommune;
let other: ApiCommune;

beforeAll(async () => {
  stack = await startApiStack(SERVER_CHANNELS);
  await stack.app.listen(0, '127.0.0.1');
  baseURL = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
  [home, other, browser] = await Promise.all([createCommuneViaApi(stack, 3), createCommuneViaApi(stack, 1), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stopAll();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The national digits of every number these tests type: no page may show one. */
const SECRET_DIGITS = ['912345678', '338123456'];
const fullNumbersIn = (text: string) => SECRET_DIGITS.filter((digits) => text.replace(/[\s.\-()+]/g, '').includes(digits));

async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser, { baseURL });
  const page = await context.newPage();
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.locator('form[action="/login"] [type="submit"]').click()]);
  return { context, page };
}

/** Sends the form posting to `action` with its button; answers the POST's own status once the next page has loaded. */
async function submit(page: Page, action: string): Promise<number> {
  const [posted] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === action),
    page.waitForEvent('load'),
    page.locator(`form[action="${action}"] [type="submit"]`).click(),
  ]);
  return posted.status();
}

const text = (page: Page, selector: string) => page.locator(selector).first().textContent();

async function contactOf(token: string) {
  return (await stack.http.get('/api/me/contact').set(bearer(token)).expect(200)).body as { email: string | null; phoneMasked: string | null; notifyChannels: string[] };
}

describe('a secretary’s own contacts on a phone', () => {
  it('/lien-lac (from the menu) sets the email, the phone and the channels; the number is shown masked only; a wrong number is refused beside its field', async () => {
    const secretary = home.cells[0].secretary;
    const { context, page } = await signedIn(secretary.username);
    try {
      await Promise.all([page.waitForEvent('load'), page.locator('header nav a[href="/lien-lac"]').click()]);
      await expect(text(page, 'h1')).resolves.toBe('Thông tin liên lạc');
      await expect(text(page, '#phone-hint')).resolves.toBe('Chưa có số điện thoại. Ví dụ: 0912 345 678.');
      // Every channel is a person's until they choose otherwise; the page says which cannot reach them yet and why.
      await expect(page.locator('input[name="notifyChannels"]:checked').count()).resolves.toBe(3);
      // The committee uses email alone (its default) and the server cannot send by Zalo: the committee is said first.
      const zalo = await page.locator('label').filter({ has: page.locator('input[value="zalo"]') }).textContent();
      expect(zalo).toContain('Đảng ủy chưa dùng kênh này.');
      const sms = await page.locator('label').filter({ has: page.locator('input[value="sms"]') }).textContent();
      expect(sms).toContain('Đảng ủy chưa dùng kênh này.');
      await checkAccessibility(page, 'contact');
      await screenshot(page, 'contact');

      // A landline: the sentence beside the field, what was typed kept.
      await page.locator('input[name="email"]').fill('Lo.Van.Pang@Gmail.com');
      await page.locator('input[name="phone"]').fill('0212 345 678');
      expect(await submit(page, '/lien-lac')).toBe(400);
      await expect(text(page, '#phone-error')).resolves.toBe(PHONE_SENTENCE);
      await expect(page.locator('input[name="email"]').inputValue()).resolves.toBe('Lo.Van.Pang@Gmail.com');
      await checkAccessibility(page, 'contact-refused');
      await screenshot(page, 'contact-refused');

      await page.locator('input[name="phone"]').fill('(+84) 912.345.678');
      await page.locator('input[value="zalo"]').uncheck();
      expect(await submit(page, '/lien-lac')).toBe(303);
      expect(new URL(page.url()).search).toBe('?done=saved');
      await expect(text(page, '[role="status"]')).resolves.toBe('Đã lưu thông tin liên lạc.');
      await expect(page.locator('input[name="email"]').inputValue()).resolves.toBe('lo.van.pang@gmail.com');
      await expect(page.locator('input[name="phone"]').inputValue()).resolves.toBe('');
      await expect(text(page, '#phone-hint')).resolves.toBe('Số hiện tại: 0912 *** 678 (che bớt để giữ bí mật). Để trống nếu không đổi.');
      expect(fullNumbersIn(await page.content())).toEqual([]);
      expect(await contactOf(secretary.token)).toMatchObject({ email: 'lo.van.pang@gmail.com', phoneMasked: '0912 *** 678', notifyChannels: ['email', 'sms'] });
      await screenshot(page, 'contact-saved');

      // A post without the session's form token changes nothing.
      const forged = await context.request.post('/lien-lac', { form: { _key: 'k', email: '', notifyChannels: 'email' }, maxRedirects: 0 });
      expect(forged.status()).toBe(403);

      // Leaving the new number empty keeps it; the box removes it.
      await page.locator('input[name="clearPhone"]').check();
      expect(await submit(page, '/lien-lac')).toBe(303);
      expect(await contactOf(secretary.token)).toMatchObject({ email: 'lo.van.pang@gmail.com', phoneMasked: null });
      await expect(page.locator('input[name="clearPhone"]').count()).resolves.toBe(0);

      await page.goto('/ngon-ngu?chon=en');
      await page.goto('/lien-lac');
      await expect(text(page, 'h1')).resolves.toBe('Contact details');
      await expect(text(page, 'header nav a[href="/lien-lac"]')).resolves.toBe('Contact');
    } finally {
      await context.close();
    }
  });
});

describe('the office on a phone', () => {
  it('chooses the committee’s channels on /kenh-gui-tin, told which the server is not configured for; a secretary may not', async () => {
    const { context, page } = await signedIn(home.staff.username);
    try {
      expect((await page.goto('/kenh-gui-tin'))?.status()).toBe(200);
      await expect(page.locator('input[name="channels"]:checked').count()).resolves.toBe(1);
      await page.locator('input[value="zalo"]').check();
      await page.locator('input[value="sms"]').check();
      expect(await submit(page, '/kenh-gui-tin')).toBe(303);
      await expect(text(page, '[role="status"]')).resolves.toBe('Đã lưu các kênh gửi thông báo của Đảng ủy.');
      const zalo = await page.locator('label').filter({ has: page.locator('input[value="zalo"]') }).textContent();
      expect(zalo).toContain('Zalo ZNS chưa được cấu hình trên máy chủ.');
      const channels = await stack.http.get(`/api/committees/${home.committeeId}/channels`).set(bearer(home.staff.token)).expect(200);
      expect(channels.body.channels).toEqual(['email', 'zalo', 'sms']);
      await checkAccessibility(page, 'committee-channels');
      await screenshot(page, 'committee-channels');
    } finally {
      await context.close();
    }
    const secretary = await signedIn(home.cells[1].secretary.username);
    try {
      expect((await secretary.page.goto('/kenh-gui-tin'))?.status()).toBe(403);
      await expect(text(secretary.page, '.error')).resolves.toBe(NOT_ALLOWED);
      expect((await secretary.page.goto('/chua-nhan-tin'))?.status()).toBe(403);
      await expect(secretary.page.locator('header nav a[href="/chua-nhan-tin"]').count()).resolves.toBe(0);
    } finally {
      await secretary.context.close();
    }
  });

  it('sees a secretary’s email and masked phone on the cell’s page, and sets them there', async () => {
    const cell = home.cells[1];
    const { context, page } = await signedIn(home.staff.username);
    try {
      expect((await page.goto(`/chi-bo/${cell.id}`))?.status()).toBe(200);
      await expect(text(page, 'main')).resolves.toContain('chưa có số điện thoại; chưa có thư điện tử');
      const action = `/chi-bo/${cell.id}/lien-lac`;
      await page.locator(`form[action="${action}"] input[name="phone"]`).fill('0338 123 456');
      await page.locator(`form[action="${action}"] input[name="email"]`).fill('hoang.thi.mai@gmail.com');
      expect(await submit(page, action)).toBe(303);
      await expect(text(page, '[role="status"]')).resolves.toBe('Đã lưu thông tin liên lạc của đồng chí bí thư.');
      await expect(text(page, 'main')).resolves.toContain('điện thoại 0338 *** 456; thư điện tử hoang.thi.mai@gmail.com');
      expect(fullNumbersIn(await page.content())).toEqual([]);
      await checkAccessibility(page, 'cell-contact');
      await screenshot(page, 'cell-contact');
      expect(await contactOf(cell.secretary.token)).toMatchObject({ email: 'hoang.thi.mai@gmail.com', phoneMasked: '0338 *** 456' });

      await page.locator(`form[action="${action}"] input[name="phone"]`).fill('0912 345 67');
      expect(await submit(page, action)).toBe(400);
      await expect(text(page, `form[action="${action}"] #phone-error`)).resolves.toBe(PHONE_SENTENCE);
    } finally {
      await context.close();
    }
  });
});

describe('what became of the notifications, for the office', () => {
  let cycleId: string;
  /** Fixtures that reached nobody, worked out by hand: every third one has every channel failed, the rest reached someone. */
  const unreachedCount = 12;

  beforeAll(async () => {
    cycleId = await insertCycle(stack.dataSource, home.committeeId, home.staff.userId, 'Sinh hoạt chi bộ điểm tháng 12');
    const [s1, s2] = home.cells.map((cell) => cell.secretary);
    const fixtures: NotificationFixture[] = Array.from({ length: 36 }, (_, index) => {
      const failed = index % 3 === 0;
      return {
        name: `thông báo ${index}`,
        userId: index % 2 === 0 ? s1.userId : s2.userId,
        cycleId,
        reason: 'RSVP_REMINDER',
        title: 'Nhắc xác nhận tham dự sinh hoạt chi bộ điểm',
        minutesAgo: 10 + index,
        deliveries: failed
          ? [
              { channel: 'email', status: 'FAILED', address: 'lo***@gmail.com', attempts: 2, errorCode: 'SMTP_550' },
              { channel: 'sms', status: 'FAILED', address: '0338 *** 456', attempts: 1, errorCode: '108' },
            ]
          : [{ channel: 'email', status: 'DELIVERED', address: 'lo***@gmail.com', attempts: 1, sentAt: new Date(Date.now() - 5 * 60_000), deliveredAt: new Date(Date.now() - 4 * 60_000) }],
      };
    });
    await insertNotifications(stack.dataSource, fixtures);
  });

  it('the home page counts the notifications that reached nobody; /chua-nhan-tin lists them with why, in Vietnamese and in English', async () => {
    const { context, page } = await signedIn(home.staff.username);
    try {
      await expect(text(page, 'main .notice a[href="/chua-nhan-tin"]')).resolves.toBe(`${unreachedCount} thông báo chưa đến được người nhận`);
      await Promise.all([page.waitForEvent('load'), page.locator('main .notice a[href="/chua-nhan-tin"]').click()]);
      await expect(text(page, 'h1')).resolves.toBe('Thông báo chưa đến được người nhận');
      await expect(text(page, 'main > p')).resolves.toContain(`${unreachedCount} thông báo trong 30 ngày qua`);
      await expect(page.locator('article.card').count()).resolves.toBe(unreachedCount);
      const first = await page.locator('article.card').first().textContent();
      expect(first).toContain('Không gửi được (đã thử 2 lần): máy chủ thư của người nhận không nhận địa chỉ này.');
      expect(first).toContain('Không gửi được: số điện thoại không đúng.');
      expect(first).toContain('Zalo ZNS chưa được cấu hình trên máy chủ.');
      expect(first).toContain('“Sinh hoạt chi bộ điểm tháng 12”');
      await checkAccessibility(page, 'unreached');
      await screenshot(page, 'unreached');

      await page.goto('/ngon-ngu?chon=en');
      await page.goto('/chua-nhan-tin');
      await expect(text(page, 'h1')).resolves.toBe('Notifications that reached nobody');
      await expect(page.locator('article.card').first().textContent()).resolves.toContain('Not sent: the phone number is not valid.');
    } finally {
      await context.close();
    }
  });

  it('“Tình hình gửi tin” shows each notification and person with every channel, thirty to a page, within 30 KB compressed; another committee gets “not found”', async () => {
    const { context, page } = await signedIn(home.staff.username);
    try {
      const answer = await context.request.get(`/dot/${cycleId}/gui-tin`);
      expect(answer.status()).toBe(200);
      expect(gzipSync(Buffer.from(await answer.text())).length).toBeLessThanOrEqual(30 * 1024);
      expect((await page.goto(`/dot/${cycleId}/gui-tin`))?.status()).toBe(200);
      await expect(text(page, 'h1')).resolves.toBe('Tình hình gửi tin');
      await expect(page.locator('article.card').count()).resolves.toBe(30);
      // The newest 30 of 36, every third failed: 10 reached nobody on this page.
      await expect(text(page, 'main > p:nth-of-type(2)')).resolves.toBe('30 thông báo trên trang này; 10 chưa đến được người nhận.');
      const delivered = await page.locator('article.card').nth(1).textContent();
      expect(delivered).toContain('Bí thư thôn 2');
      expect(delivered).toContain(home.cells[1].name);
      expect(delivered).toContain('Thư đã đến hộp thư lúc');
      await checkAccessibility(page, 'delivery-report');
      await screenshot(page, 'delivery-report');
      await Promise.all([page.waitForEvent('load'), page.locator('a[href$="?trang=2"]').click()]);
      await expect(page.locator('article.card').count()).resolves.toBe(6);
    } finally {
      await context.close();
    }
    for (const username of [other.staff.username, home.cells[0].secretary.username]) {
      const visitor = await signedIn(username);
      try {
        const status = (await visitor.page.goto(`/dot/${cycleId}/gui-tin`))?.status();
        const words = await text(visitor.page, '.error');
        expect({ username, status, words }).toEqual(
          username === other.staff.username
            ? { username, status: 404, words: NOT_FOUND }
            : // A secretary whose cell has no part in the cycle is told so, as on its page.
              { username, status: 403, words: 'Chi bộ của đồng chí không được mời dự đợt sinh hoạt này.' },
        );
      } finally {
        await visitor.context.close();
      }
    }
  });

  it('a cycle’s page links its report for the office, and not for its cells', async () => {
    // A commune of its own: its launch's notifications go to the worker, and must not change the counts above.
    const commune = await createCommuneViaApi(stack, 2);
    const cycle = await launchCycle(
      supertestHttp(stack.http),
      { committeeId: commune.committeeId, staff: commune.staff, host: commune.cells[0], invited: [commune.cells[1]] },
      { meetingAt: Date.now() + 10 * DAY_MS, launch: { title: `Sinh hoạt chi bộ điểm ${randomUUID().slice(0, 4)}` } },
    );
    const office = await signedIn(commune.staff.username);
    try {
      await office.page.goto(`/dot/${cycle.id}`);
      await Promise.all([office.page.waitForEvent('load'), office.page.locator(`a[href="/dot/${cycle.id}/gui-tin"]`).click()]);
      await expect(text(office.page, 'h1')).resolves.toBe('Tình hình gửi tin');
      await expect(office.page.locator(`a[href="/dot/${cycle.id}"]`).count()).resolves.toBe(1);
    } finally {
      await office.context.close();
    }
    const host = await signedIn(commune.cells[0].secretary.username);
    try {
      await host.page.goto(`/dot/${cycle.id}`);
      await expect(host.page.locator(`a[href="/dot/${cycle.id}/gui-tin"]`).count()).resolves.toBe(0);
    } finally {
      await host.context.close();
    }
  });
});
