import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { login, startApiStack, type ApiStack } from './support/api-stack.js';
import { checkAccessibility, launchChromium, phoneContext, screenshot } from './support/browser.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCommune } from './support/commune-api.fixture.js';

/**
 * Issue 14, the organisation through the pages (web.md: "Cells and secretaries of the committee"; "Admin:
 * committees, cells, users"), in a real Chromium on a phone: the office adds a cell and gives it a secretary, who
 * signs in with the initial password, is asked to change it and does so on /doi-mat-khau; the office resets a
 * password, replaces a secretary, renames and dissolves a cell; the admin adds a committee and its staff account;
 * refusals come back beside their fields with what was typed; a secretary and another committee's staff are
 * refused in words. Every page is checked with axe-core and photographed into test-artifacts/pages/.
 */

const NOT_ALLOWED = 'Tài khoản của đồng chí không có quyền thực hiện việc này.';
const NOT_FOUND = 'Không tìm thấy nội dung này, hoặc tài khoản của đồng chí không được xem nội dung này.';
const NAME_TAKEN = 'Đảng bộ đã có một chi bộ mang tên này; đề nghị đặt tên khác.';
const USERNAME_TAKEN = 'Tên đăng nhập này đã có người dùng; đề nghị chọn tên khác.';
const BAD_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';
const DEACTIVATED = 'Tài khoản của đồng chí đã ngừng hoạt động. Đề nghị đồng chí liên hệ văn phòng Đảng ủy.';
const CHANGE_FIRST = 'Đề nghị đồng chí đổi mật khẩu khởi tạo trước khi làm việc khác.';

let stack: ApiStack;
let browser: Browser;
let baseURL: string;
let commune: ApiCommune;
let other: ApiCommune;
let adminToken: string;

beforeAll(async () => {
  stack = await startApiStack();
  await stack.app.listen(0, '127.0.0.1');
  baseURL = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
  [commune, other, browser] = await Promise.all([createCommuneViaApi(stack, 1), createCommuneViaApi(stack, 1), launchChromium()]);
  adminToken = await login(stack, 'admin', 'admin');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stopAll();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const suffix = () => randomUUID().slice(0, 8);

interface ListedCell {
  id: string;
  name: string;
  memberCount: number;
  active: boolean;
}

async function cellsOf(committeeId: string, token: string): Promise<ListedCell[]> {
  return (await stack.http.get(`/api/committees/${committeeId}/cells?limit=500`).set(bearer(token)).expect(200)).body as ListedCell[];
}

/** Signs in on the login page; answers the status of the POST (303 when it signed in). */
async function signIn(page: Page, username: string, password: string): Promise<number> {
  expect((await page.goto('/login'))?.status()).toBe(200);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  return submit(page, '/login');
}

/** A phone signed in as this person (closed by the caller). */
async function signedIn(username: string, password = TEST_PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser, { baseURL });
  const page = await context.newPage();
  expect(await signIn(page, username, password)).toBe(303);
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

describe('the office’s cells on a phone', () => {
  it('/chi-bo lists each cell with its members, secretary and hosting in words, and adds a cell; an empty or taken name comes back beside the field', async () => {
    const [existing] = commune.cells;
    const [listed] = (await cellsOf(commune.committeeId, commune.staff.token)).filter((cell) => cell.id === existing.id);
    const { context, page } = await signedIn(commune.staff.username);
    try {
      expect((await page.goto('/chi-bo'))?.status()).toBe(200);
      await expect(text(page, 'h1')).resolves.toContain('Chi bộ trực thuộc');
      const row = page.locator('ul.tasks li').filter({ hasText: existing.name });
      await expect(row.count()).resolves.toBe(1);
      const rowText = await row.textContent();
      expect(rowText).toContain(`${listed.memberCount} đảng viên`);
      expect(rowText).toContain(`tên đăng nhập ${existing.secretary.username}`);
      expect(rowText).toContain('Chưa làm chi bộ điểm.');
      await checkAccessibility(page, 'cells');
      await screenshot(page, 'cells');

      // Nothing typed as the name: the API's sentence beside the field, the members typed kept.
      await page.locator('input[name="memberCount"]').fill('23');
      expect(await submit(page, '/chi-bo')).toBe(400);
      await expect(text(page, '#name-error')).resolves.toMatch(/^Tên chi bộ/);
      await expect(page.locator('input[name="memberCount"]').inputValue()).resolves.toBe('23');

      // Another active cell's name, in other letter case and spacing: the same name to a person.
      const taken = `  ${existing.name.toUpperCase()} `;
      await page.locator('input[name="name"]').fill(taken);
      expect(await submit(page, '/chi-bo')).toBe(400);
      await expect(text(page, '#name-error')).resolves.toBe(NAME_TAKEN);
      await expect(page.locator('input[name="name"]').inputValue()).resolves.toBe(taken);
      await expect(page.locator('input[name="name"]').getAttribute('aria-describedby')).resolves.toContain('name-error');
      await checkAccessibility(page, 'cells-refused');
      await screenshot(page, 'cells-refused');

      const name = `Chi bộ thôn Sín Chải A ${suffix()}`;
      await page.locator('input[name="name"]').fill(name);
      expect(await submit(page, '/chi-bo')).toBe(303);
      const added = (await cellsOf(commune.committeeId, commune.staff.token)).find((cell) => cell.name === name);
      expect(added).toMatchObject({ memberCount: 23, active: true });
      expect(new URL(page.url()).pathname).toBe(`/chi-bo/${added?.id}`);
      await expect(text(page, '[role="status"]')).resolves.toContain('Đã thêm chi bộ.');

      // The add form sent twice under one key (a resubmit after a dropped connection): one cell, the same next page.
      await page.goto('/chi-bo');
      const again = `Chi bộ thôn Sín Chải B ${suffix()}`;
      const form = {
        _csrf: await page.locator('form[action="/chi-bo"] input[name="_csrf"]').inputValue(),
        _key: await page.locator('form[action="/chi-bo"] input[name="_key"]').inputValue(),
        name: again,
        memberCount: '17',
      };
      const locations = [];
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const sent = await context.request.post('/chi-bo', { form, maxRedirects: 0 });
        expect({ attempt, status: sent.status() }).toEqual({ attempt, status: 303 });
        locations.push(sent.headers().location);
      }
      expect(locations[1]).toBe(locations[0]);
      expect((await cellsOf(commune.committeeId, commune.staff.token)).filter((cell) => cell.name === again)).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it('the office gives a cell a secretary; the secretary signs in with the initial password, is asked to change it, changes it on /doi-mat-khau and signs in with the new one', async () => {
    const cell = (await stack.http.post(`/api/committees/${commune.committeeId}/cells`).set(bearer(commune.staff.token)).send({ name: `Chi bộ thôn Ngải Thầu ${suffix()}`, memberCount: 19 }).expect(201))
      .body as ListedCell;
    const username = `bithu.ngaithau.${suffix()}`;
    const office = await signedIn(commune.staff.username);
    let initial = '';
    try {
      const page = office.page;
      expect((await page.goto(`/chi-bo/${cell.id}`))?.status()).toBe(200);
      await expect(text(page, 'h1')).resolves.toBe(cell.name);
      await expect(text(page, 'main')).resolves.toContain('Chi bộ chưa có tài khoản bí thư chi bộ.');
      await checkAccessibility(page, 'cell');
      await screenshot(page, 'cell');

      // A username someone has: refused beside its field, what was typed kept.
      const action = `/chi-bo/${cell.id}/bi-thu`;
      await page.locator('input[name="fullName"]').fill('Sùng A Páo');
      await page.locator('input[name="username"]').fill(commune.cells[0].secretary.username);
      initial = await page.locator('input[name="password"]').inputValue();
      expect(initial.length).toBeGreaterThanOrEqual(10);
      expect(await submit(page, action)).toBe(400);
      await expect(text(page, '#username-error')).resolves.toBe(USERNAME_TAKEN);
      await expect(page.locator('input[name="fullName"]').inputValue()).resolves.toBe('Sùng A Páo');
      await expect(page.locator('input[name="password"]').inputValue()).resolves.toBe(initial);
      await checkAccessibility(page, 'cell-refused');

      await page.locator('input[name="username"]').fill(username);
      expect(await submit(page, action)).toBe(303);
      expect(new URL(page.url()).search).toBe('?done=secretary');
      await expect(text(page, '[role="status"]')).resolves.toContain('Đã tạo tài khoản bí thư chi bộ.');
      await expect(text(page, 'main')).resolves.toContain(`Sùng A Páo, tên đăng nhập ${username} (chưa đổi mật khẩu khởi tạo)`);
      await screenshot(page, 'cell-with-secretary');
    } finally {
      await office.context.close();
    }

    const secretary = await signedIn(username, initial);
    try {
      const page = secretary.page;
      const before = (await secretary.context.cookies()).find((cookie) => cookie.name === 'session');
      // As the API refuses it everything else, the pages take a person with the initial password straight to
      // the change: after signing in, and from any other page they open or form they post.
      expect(new URL(page.url()).pathname).toBe('/doi-mat-khau');
      await expect(text(page, '.notice')).resolves.toBe(CHANGE_FIRST);
      await page.goto('/notifications');
      expect(new URL(page.url()).pathname).toBe('/doi-mat-khau');
      const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
      const posted = await page.request.post('/chi-bo', { form: { _csrf: csrf, _key: 'k', name: 'Chi bộ không được tạo', memberCount: '9' }, maxRedirects: 0 });
      expect([posted.status(), posted.headers()['location']]).toEqual([303, '/doi-mat-khau']);
      await expect(text(page, 'h1')).resolves.toBe('Đổi mật khẩu');
      await checkAccessibility(page, 'change-password');
      await screenshot(page, 'change-password');

      const chosen = 'Nương ngô Ngải Thầu mùa 2026';
      const fill = async (current: string, next: string, repeat: string) => {
        await page.locator('input[name="currentPassword"]').fill(current);
        await page.locator('input[name="newPassword"]').fill(next);
        await page.locator('input[name="repeatPassword"]').fill(repeat);
      };
      await fill(initial, chosen, `${chosen}!`);
      expect(await submit(page, '/doi-mat-khau')).toBe(400);
      await expect(text(page, '#repeatPassword-error')).resolves.toBe('Mật khẩu nhập lại không khớp với mật khẩu mới.');
      await expect(page.locator('input[name="newPassword"]').inputValue()).resolves.toBe('');

      await fill('khong-phai-mat-khau', chosen, chosen);
      expect(await submit(page, '/doi-mat-khau')).toBe(400);
      await expect(text(page, '#currentPassword-error')).resolves.toBe(BAD_CREDENTIALS);

      await fill(initial, 'matkhau123', 'matkhau123');
      expect(await submit(page, '/doi-mat-khau')).toBe(400);
      await expect(text(page, '#newPassword-error')).resolves.toBe('Mật khẩu chưa đủ an toàn: đây là mật khẩu phổ biến, dễ bị đoán.');
      await checkAccessibility(page, 'change-password-refused');
      await screenshot(page, 'change-password-refused');

      await fill(initial, chosen, chosen);
      expect(await submit(page, '/doi-mat-khau')).toBe(303);
      expect(new URL(page.url()).pathname).toBe('/');
      await expect(text(page, '[role="status"]')).resolves.toContain('Đã đổi mật khẩu.');
      await expect(page.getByRole('link', { name: CHANGE_FIRST }).count()).resolves.toBe(0);

      // The change ended the session from before it; this browser goes on under a new one.
      const replay = await phoneContext(browser, { baseURL });
      try {
        if (!before) throw new Error('no session cookie after signing in');
        await replay.addCookies([before]);
        const answer = await replay.request.get('/', { maxRedirects: 0 });
        expect({ status: answer.status(), location: answer.headers().location }).toEqual({ status: 303, location: '/login' });
      } finally {
        await replay.close();
      }
      expect((await secretary.context.request.get('/', { maxRedirects: 0 })).status()).toBe(200);

      await Promise.all([page.waitForURL((url) => url.pathname === '/login'), page.locator('form[action="/logout"] [type="submit"]').click()]);
      expect(await signIn(page, username, initial)).toBe(401);
      await expect(text(page, '[role="alert"]')).resolves.toBe(BAD_CREDENTIALS);
      expect(await signIn(page, username, chosen)).toBe(303);
      await expect(text(page, 'h1')).resolves.toBe('Việc của tôi');
      const api = await stack.http.post('/api/auth/login').send({ username, password: chosen }).expect(200);
      expect(api.body.user).toMatchObject({ role: 'secretary', cellId: cell.id, mustChangePassword: false });
    } finally {
      await secretary.context.close();
    }
  });

  it('the office renames a cell, resets its secretary’s password, replaces the secretary and dissolves the cell with a reason', async () => {
    const cell = (await stack.http.post(`/api/committees/${commune.committeeId}/cells`).set(bearer(commune.staff.token)).send({ name: `Chi bộ thôn Km6 ${suffix()}`, memberCount: 12 }).expect(201))
      .body as ListedCell;
    const first = `bithu.km6.${suffix()}`;
    await stack.http
      .post('/api/users')
      .set(bearer(commune.staff.token))
      .send({ username: first, password: TEST_PASSWORD, fullName: 'Vàng Seo Chử', role: 'secretary', cellId: cell.id })
      .expect(201);
    const { context, page } = await signedIn(commune.staff.username);
    try {
      await page.goto(`/chi-bo/${cell.id}`);
      const renamed = `Chi bộ thôn Km 6 ${suffix()}`;
      await page.locator('input[name="name"]').fill(renamed);
      await page.locator('input[name="memberCount"]').fill('14');
      expect(await submit(page, `/chi-bo/${cell.id}`)).toBe(303);
      await expect(text(page, 'h1')).resolves.toBe(renamed);
      expect((await cellsOf(commune.committeeId, commune.staff.token)).find((listed) => listed.id === cell.id)).toMatchObject({ name: renamed, memberCount: 14 });

      // A temporary password: the secretary's old one no longer opens the account, the new one does, to be changed.
      const temporary = await page.locator('input[name="newPassword"]').inputValue();
      expect(await submit(page, `/chi-bo/${cell.id}/mat-khau`)).toBe(303);
      await expect(text(page, '[role="status"]')).resolves.toContain('Đã đặt lại mật khẩu');
      await stack.http.post('/api/auth/login').send({ username: first, password: TEST_PASSWORD }).expect(401);
      const reset = await stack.http.post('/api/auth/login').send({ username: first, password: temporary }).expect(200);
      expect(reset.body.user.mustChangePassword).toBe(true);

      // A new secretary after the cell's congress: the old account stops, the new one signs in.
      await expect(page.getByRole('heading', { name: 'Thay bí thư chi bộ' }).count()).resolves.toBe(1);
      const second = `bithu.km6.moi.${suffix()}`;
      await page.locator('input[name="fullName"]').fill('Lò Thị Hoa');
      await page.locator('input[name="username"]').fill(second);
      const initial = await page.locator('input[name="password"]').inputValue();
      expect(await submit(page, `/chi-bo/${cell.id}/bi-thu`)).toBe(303);
      await expect(text(page, 'main')).resolves.toContain(`Lò Thị Hoa, tên đăng nhập ${second}`);
      await expect(text(page, 'main')).resolves.not.toContain(first);
      const stopped = await stack.http.post('/api/auth/login').send({ username: first, password: temporary });
      expect({ status: stopped.status, code: stopped.body.code }).toEqual({ status: 401, code: 'ACCOUNT_DEACTIVATED' });
      const signedInNew = await stack.http.post('/api/auth/login').send({ username: second, password: initial }).expect(200);
      expect(signedInNew.body.user).toMatchObject({ cellId: cell.id, mustChangePassword: true });

      // Dissolved: without a reason it is refused beside the field; with one, the page says so in words.
      const dissolve = `/chi-bo/${cell.id}/giai-the`;
      expect(await submit(page, dissolve)).toBe(400);
      await expect(text(page, '#reason-error')).resolves.toMatch(/^Lý do giải thể, sáp nhập chi bộ/);
      await page.locator('textarea[name="reason"]').fill('Sáp nhập thôn theo nghị quyết của Hội đồng nhân dân tỉnh');
      expect(await submit(page, dissolve)).toBe(303);
      await expect(text(page, '[role="status"]')).resolves.toBe('Đã ghi nhận chi bộ giải thể, sáp nhập.');
      await expect(text(page, 'main')).resolves.toMatch(/Chi bộ đã giải thể ngày \d{2}\/\d{2}\/\d{4} \(lý do: Sáp nhập thôn theo nghị quyết của Hội đồng nhân dân tỉnh\)\./);
      await checkAccessibility(page, 'cell-dissolved');
      await screenshot(page, 'cell-dissolved');
      expect((await cellsOf(commune.committeeId, commune.staff.token)).find((listed) => listed.id === cell.id)).toMatchObject({ active: false });
      await page.goto('/chi-bo');
      await expect(text(page, 'main')).resolves.toContain(`${renamed}: đã giải thể`);
    } finally {
      await context.close();
    }
  });
});

describe('the admin on a phone', () => {
  it('/quan-tri adds a committee, renames it, creates its staff account (signed in with the initial password), deactivates and reactivates it', async () => {
    const { context, page } = await signedIn('admin', 'admin');
    try {
      expect((await page.goto('/quan-tri'))?.status()).toBe(200);
      await expect(text(page, 'h1')).resolves.toBe('Các Đảng ủy');
      await checkAccessibility(page, 'admin');
      await screenshot(page, 'admin');

      expect(await submit(page, '/quan-tri')).toBe(400);
      await expect(text(page, '#name-error')).resolves.toMatch(/^Tên Đảng ủy/);
      const name = `Đảng ủy xã Nậm Chày ${suffix()}`;
      await page.locator('input[name="name"]').fill(name);
      expect(await submit(page, '/quan-tri')).toBe(303);
      const committeeId = new URL(page.url()).pathname.split('/')[2];
      await expect(text(page, 'h1')).resolves.toBe(name);
      await expect(text(page, '[role="status"]')).resolves.toContain('Đã thêm Đảng ủy.');

      const renamed = `Đảng ủy xã Nậm Chày mới ${suffix()}`;
      await page.locator('input[name="name"]').fill(renamed);
      expect(await submit(page, `/quan-tri/${committeeId}`)).toBe(303);
      const committees = (await stack.http.get('/api/committees?limit=500').set(bearer(adminToken)).expect(200)).body as { id: string; name: string }[];
      expect(committees.find((committee) => committee.id === committeeId)?.name).toBe(renamed);

      const username = `vanphong.namchay.${suffix()}`;
      await page.locator('input[name="fullName"]').fill('Hoàng Thị Mai');
      await page.locator('input[name="username"]').fill(username);
      const initial = await page.locator('input[name="password"]').inputValue();
      expect(await submit(page, `/quan-tri/${committeeId}/can-bo`)).toBe(303);
      await expect(text(page, 'main')).resolves.toContain(`Hoàng Thị Mai, tên đăng nhập ${username}: đang hoạt động, chưa đổi mật khẩu khởi tạo.`);
      await checkAccessibility(page, 'admin-committee');
      await screenshot(page, 'admin-committee');
      const [staff] = ((await stack.http.get(`/api/committees/${committeeId}/users`).set(bearer(adminToken)).expect(200)).body as { id: string; username: string; role: string }[]).filter(
        (user) => user.username === username,
      );
      expect(staff.role).toBe('committee');

      // The new staff member signs in with the initial password and is taken to change it first, from any page.
      const office = await signedIn(username, initial);
      try {
        await expect(text(office.page, '.notice')).resolves.toBe(CHANGE_FIRST);
        await office.page.goto('/chi-bo');
        expect(new URL(office.page.url()).pathname).toBe('/doi-mat-khau');

        // Deactivated with a reason (none is refused beside the field): the session ends, the account cannot sign in.
        const stop = `/quan-tri/${committeeId}/tai-khoan/${staff.id}/ngung`;
        expect(await submit(page, stop)).toBe(400);
        await expect(text(page, `#reason-${staff.id}-error`)).resolves.toMatch(/^Lý do cho tài khoản ngừng hoạt động/);
        await page.locator(`#reason-${staff.id}`).fill('Đồng chí chuyển công tác lên Huyện ủy');
        expect(await submit(page, stop)).toBe(303);
        await expect(text(page, '[role="status"]')).resolves.toContain('Đã ngừng tài khoản');
        const answer = await office.context.request.get('/chi-bo', { maxRedirects: 0 });
        expect({ status: answer.status(), location: answer.headers().location }).toEqual({ status: 303, location: '/login' });
        expect(await signIn(office.page, username, initial)).toBe(401);
        await expect(text(office.page, '[role="alert"]')).resolves.toBe(DEACTIVATED);

        expect(await submit(page, `/quan-tri/${committeeId}/tai-khoan/${staff.id}/mo-lai`)).toBe(303);
        await expect(text(page, '[role="status"]')).resolves.toBe('Tài khoản đã hoạt động trở lại.');
        expect(await signIn(office.page, username, initial)).toBe(303);
      } finally {
        await office.context.close();
      }
    } finally {
      await context.close();
    }
  });
});

describe('refusals in words, never data', () => {
  it('a secretary cannot open /chi-bo or /quan-tri; another committee’s staff cannot open or dissolve this committee’s cell', async () => {
    const [cell] = commune.cells;
    const secretary = await signedIn(cell.secretary.username);
    try {
      for (const path of ['/chi-bo', `/chi-bo/${cell.id}`, '/quan-tri', `/quan-tri/${commune.committeeId}`]) {
        const answer = await secretary.page.goto(path);
        expect({ path, status: answer?.status() }).toEqual({ path, status: 403 });
        await expect(text(secretary.page, '[role="alert"]')).resolves.toBe(NOT_ALLOWED);
        await expect(text(secretary.page, 'main')).resolves.not.toContain(cell.name);
      }
      await checkAccessibility(secretary.page, 'refused-not-allowed');
      await screenshot(secretary.page, 'refused-not-allowed');
    } finally {
      await secretary.context.close();
    }

    const stranger = await signedIn(other.staff.username);
    try {
      const answer = await stranger.page.goto(`/chi-bo/${cell.id}`);
      expect(answer?.status()).toBe(404);
      await expect(text(stranger.page, '[role="alert"]')).resolves.toBe(NOT_FOUND);
      await expect(text(stranger.page, 'main')).resolves.not.toContain(cell.name);
      // The same answer for a cell that exists nowhere: nothing says the other one exists.
      const ghost = await stranger.page.goto(`/chi-bo/${randomUUID()}`);
      expect(ghost?.status()).toBe(404);
      // Their own /chi-bo lists their own cells only.
      await stranger.page.goto('/chi-bo');
      await expect(text(stranger.page, 'main')).resolves.toContain(other.cells[0].name);
      await expect(text(stranger.page, 'main')).resolves.not.toContain(cell.name);
      const form = {
        _csrf: await stranger.page.locator('form[action="/chi-bo"] input[name="_csrf"]').inputValue(),
        _key: await stranger.page.locator('form[action="/chi-bo"] input[name="_key"]').inputValue(),
        reason: 'Giải thể chi bộ của Đảng bộ khác',
      };
      const dissolve = await stranger.context.request.post(`/chi-bo/${cell.id}/giai-the`, { form, maxRedirects: 0 });
      expect(dissolve.status()).toBe(404);
      expect((await cellsOf(commune.committeeId, commune.staff.token)).find((listed) => listed.id === cell.id)).toMatchObject({ active: true });
      const admin = await stranger.page.goto('/quan-tri');
      expect(admin?.status()).toBe(403);
    } finally {
      await stranger.context.close();
    }
  });
});
