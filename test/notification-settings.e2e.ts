import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { launchBody } from '../scripts/lib/step-bodies.mjs';
import { login, startApiStack, type ApiStack } from './support/api-stack.js';
import { ProcessStack, stopAllProcesses } from './support/app-processes.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCommune } from './support/commune-api.fixture.js';
import { eventually } from './support/eventually.js';
import { createCommune, createSuiteAdmin } from './support/fault-commune.fixture.js';
import { startSmtpInbox, waitForMail, type SmtpInbox } from './support/smtp-inbox.js';
import { insertCycle, insertNotifications, vietnamWords, type Channel, type InsertedNotification, type NotificationFixture } from './support/delivery-fixtures.js';

/**
 * notifications.md, the settings and the outcome: people's email and phone (any common writing of a Vietnamese
 * mobile, kept in one form, never shown in full to anyone) and the channels they choose; a committee's channels;
 * what became of each notification on each channel, and who was reached by no channel at all. The delivery rows
 * are fixtures written into the tables as the delivery workflow leaves them; what the report must say about
 * them is written out here by hand.
 *
 * The server here is configured for email (a real SMTP server on 127.0.0.1) and SMS, not for Zalo (so "not
 * configured" is one of the reasons). The last part reads the report of a real cycle whose rows the delivery
 * workflow itself wrote.
 */

let stack: ApiStack;
let inbox: SmtpInbox;
let home: ApiCommune;
let other: ApiCommune;
let adminToken: string;

/** SMS settings that reach no gateway: this suite sends nothing by phone, it only needs SMS to count as configured. */
const SMS_SETTINGS = { SMS_API_KEY: 'khoa-thu-nghiem', SMS_SECRET_KEY: 'bi-mat-thu-nghiem', SMS_BRANDNAME: 'CHIBODIEM' };

beforeAll(async () => {
  inbox = await startSmtpInbox();
  stack = await startApiStack({ SMTP_URL: inbox.url, ...SMS_SETTINGS });
  [home, other] = [await createCommuneViaApi(stack, 4), await createCommuneViaApi(stack, 1)];
  adminToken = await login(stack, 'admin', 'admin');
}, 120_000);

afterAll(async () => {
  await stack?.stopAll();
  await inbox?.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

function call(method: Method, url: string, token: string | null, body?: unknown, language?: 'en') {
  const pending = method === 'GET' ? stack.http.get(url) : stack.http[method.toLowerCase() as 'post' | 'patch' | 'put'](url).send(body as object);
  const authorised = token ? pending.set('Authorization', `Bearer ${token}`) : pending;
  return language ? authorised.set('Accept-Language', 'en') : authorised;
}

/** Every way the national digits of these numbers could show: none may, in any answer. */
const SECRET_DIGITS = ['912345678', '987654321', '338123456', '868000111'];

function fullNumbersIn(text: string): string[] {
  const squeezed = text.replace(/[\s.\-()+]/g, '');
  return SECRET_DIGITS.filter((digits) => squeezed.includes(digits));
}

const suffix = () => randomUUID().slice(0, 8);

/** A throwaway guest account of the home committee, made by its staff. */
async function newGuest(fields: Record<string, unknown> = {}) {
  const created = await call('POST', '/api/users', home.staff.token, {
    username: `daibieu.${suffix()}`,
    password: TEST_PASSWORD,
    fullName: 'Đồng chí Giàng Seo Phử',
    role: 'guest',
    committeeId: home.committeeId,
    ...fields,
  });
  return created;
}

async function storedPhone(userId: string): Promise<string | null> {
  const [row] = await stack.dataSource.query<{ phone: string | null }[]>(`SELECT phone FROM users WHERE id = $1`, [userId]);
  return row.phone;
}

const PHONE_SENTENCE = 'Số điện thoại phải là một số điện thoại di động Việt Nam, ví dụ 0912 345 678 hoặc +84 912 345 678.';
const PHONE_SENTENCE_EN = 'Phone number must be a Vietnamese mobile number, such as 0912 345 678 or +84 912 345 678.';
const EMAIL_SENTENCE = 'Địa chỉ thư điện tử chưa đúng: cần có tên, dấu @ rồi tên miền.';

describe('a person’s phone, written as people write it', () => {
  it.each([
    ['0912 345 678', '84912345678', '0912 *** 678'],
    ['+84 912.345.678', '84912345678', '0912 *** 678'],
    ['84-912-345-678', '84912345678', '0912 *** 678'],
    ['(+84) 987 654 321', '84987654321', '0987 *** 321'],
    ['0338.123.456', '84338123456', '0338 *** 456'],
    ['  0868 000 111 ', '84868000111', '0868 *** 111'],
    ['+84 (98) 765-4321', '84987654321', '0987 *** 321'],
  ])('%j is kept as %s and shown as %j, at creation and on a change', async (typed, stored, masked) => {
    const created = await newGuest({ phone: typed });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ phoneMasked: masked, email: null, notifyChannels: ['email', 'zalo', 'sms'] });
    expect(fullNumbersIn(created.text)).toEqual([]);
    expect(await storedPhone(created.body.id as string)).toBe(stored);

    const cleared = await call('PATCH', `/api/users/${created.body.id}`, home.staff.token, { phone: null });
    expect(cleared.body).toMatchObject({ phoneMasked: null });
    const changed = await call('PATCH', `/api/users/${created.body.id}`, home.staff.token, { phone: typed });
    expect(changed.status).toBe(200);
    expect(changed.body.phoneMasked).toBe(masked);
    expect(await storedPhone(created.body.id as string)).toBe(stored);
  });

  it.each([
    ['a landline', '0212 345 678'],
    ['nine digits', '091234567'],
    ['eleven digits', '09123456789'],
    ['another country', '+1 912 345 678'],
    ['a switchboard', '1900 1234'],
    ['words', 'số của tôi'],
    ['a letter among the digits', '0912-345-67a'],
    ['nothing', ''],
  ])('%s (%j) is refused in words, naming the field, in Vietnamese and in English', async (_, typed) => {
    const refused = await newGuest({ phone: typed });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', message: [PHONE_SENTENCE], fields: [{ field: 'phone', message: PHONE_SENTENCE }] });
    const english = await call('PATCH', `/api/users/${home.cells[0].secretary.userId}`, home.staff.token, { phone: typed }, 'en');
    expect(english.status).toBe(400);
    expect(english.body.message).toEqual([PHONE_SENTENCE_EN]);
  });

  it('a number sent as a number is not text', async () => {
    const refused = await newGuest({ phone: 912345678 });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toEqual(['Số điện thoại phải được nhập dưới dạng văn bản.']);
  });
});

describe('a person’s email and channels', () => {
  it('keeps an email in lower case without spaces, and the channels in one order', async () => {
    const created = await newGuest({ email: '  Giang.Seo.Phu@Gmail.COM ', notifyChannels: ['sms', 'email'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'giang.seo.phu@gmail.com', phoneMasked: null, notifyChannels: ['email', 'sms'] });
  });

  it.each(['giangseophu', 'giang seo phu@gmail.com', '@gmail.com'])('refuses %j as an email address', async (typed) => {
    const refused = await newGuest({ email: typed });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toEqual([EMAIL_SENTENCE]);
  });

  it.each([
    [['fax'], 'Kênh nhận thông báo phải chọn một trong: Thư điện tử, Zalo ZNS, Tin nhắn SMS.'],
    [['email', 'email'], 'Kênh nhận thông báo có kênh bị trùng.'],
    ['email', 'Kênh nhận thông báo phải là một danh sách.'],
  ])('refuses the channels %j', async (channels, sentence) => {
    const refused = await newGuest({ notifyChannels: channels });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toEqual([sentence]);
  });
});

describe('who sets whose contacts', () => {
  it('the office sets its secretaries’ (staff: its own committee’s; admin: anyone’s); nobody else does, and another committee is not found', async () => {
    const secretary = home.cells[1].secretary;
    const byStaff = await call('PATCH', `/api/users/${secretary.userId}`, home.staff.token, { phone: '0338 123 456', email: 'Lo.Thi.Hoa@Gmail.com' });
    expect(byStaff.status).toBe(200);
    expect(byStaff.body).toMatchObject({ id: secretary.userId, phoneMasked: '0338 *** 456', email: 'lo.thi.hoa@gmail.com' });
    const byAdmin = await call('PATCH', `/api/users/${secretary.userId}`, adminToken, { notifyChannels: ['zalo'] });
    expect(byAdmin.body).toMatchObject({ phoneMasked: '0338 *** 456', notifyChannels: ['zalo'] });

    const otherSecretary = other.cells[0].secretary;
    const ghost = randomUUID();
    const refusals = [
      [await call('PATCH', `/api/users/${otherSecretary.userId}`, home.staff.token, { phone: '0912 345 678' }), 404],
      [await call('PATCH', `/api/users/${ghost}`, home.staff.token, { phone: '0912 345 678' }), 404],
      [await call('PATCH', `/api/users/${secretary.userId}`, other.staff.token, { phone: '0912 345 678' }), 404],
      [await call('PATCH', `/api/users/${home.cells[2].secretary.userId}`, secretary.token, { phone: '0912 345 678' }), 403],
      [await call('PATCH', `/api/users/${secretary.userId}`, secretary.token, { phone: '0912 345 678' }), 403],
      [await call('PATCH', `/api/users/${home.staff.userId}`, home.staff.token, { phone: '0912 345 678' }), 403],
      [await call('PATCH', `/api/users/${secretary.userId}`, null, { phone: '0912 345 678' }), 401],
    ] as const;
    expect(refusals.map(([response]) => response.status)).toEqual(refusals.map(([, status]) => status));
    // Another committee's person and a person who does not exist are the same answer.
    expect(refusals[0][0].body).toEqual(refusals[1][0].body);
    expect(await storedPhone(secretary.userId)).toBe('84338123456');
  });

  it('everyone sets their own on /api/me/contact: an address left out stays, null clears it; the phone comes back masked', async () => {
    const person = home.cells[2].secretary;
    const set = await call('PUT', '/api/me/contact', person.token, { email: 'Sung.A.Pao@Gmail.com', phone: '+84 868 000 111', notifyChannels: ['sms', 'zalo'] });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      email: 'sung.a.pao@gmail.com',
      phoneMasked: '0868 *** 111',
      notifyChannels: ['zalo', 'sms'],
      committeeChannels: ['email'],
      configured: ['email', 'sms'],
    });
    const kept = await call('PUT', '/api/me/contact', person.token, { notifyChannels: ['email'] });
    expect(kept.body).toMatchObject({ email: 'sung.a.pao@gmail.com', phoneMasked: '0868 *** 111', notifyChannels: ['email'] });
    const cleared = await call('PUT', '/api/me/contact', person.token, { email: null, phone: null, notifyChannels: [] });
    expect(cleared.body).toMatchObject({ email: null, phoneMasked: null, notifyChannels: [] });
    expect((await call('GET', '/api/me/contact', person.token)).body).toEqual(cleared.body);
    await call('PUT', '/api/me/contact', person.token, { phone: '0868 000 111', notifyChannels: ['email', 'zalo', 'sms'] }).expect(200);

    for (const token of [home.staff.token, adminToken]) {
      const own = await call('PUT', '/api/me/contact', token, { phone: '0987 654 321', notifyChannels: ['email'] });
      expect(own.status).toBe(200);
      expect(own.body.phoneMasked).toBe('0987 *** 321');
    }
    // The admin belongs to no committee: the delivery workflow sends it email alone.
    expect((await call('GET', '/api/me/contact', adminToken)).body).toMatchObject({ committeeChannels: ['email'], configured: ['email', 'sms'] });
    // The installation's admin is every suite's: it leaves as it came.
    await call('PUT', '/api/me/contact', adminToken, { phone: null, notifyChannels: ['email', 'zalo', 'sms'] }).expect(200);

    const missing = await call('PUT', '/api/me/contact', person.token, { email: 'sung.a.pao@gmail.com' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toEqual(['Kênh nhận thông báo là bắt buộc.']);
    const smuggled = await call('PUT', '/api/me/contact', person.token, { notifyChannels: ['email'], role: 'committee' });
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.message).toEqual(['Mục thông tin “role” không có trong biểu mẫu này.']);
    expect((await call('GET', '/api/me/contact', null)).status).toBe(401);
  });

  it('never shows a full number: not in the lists, not on the audit trail, not to the person themself', async () => {
    const answers = await Promise.all([
      call('GET', `/api/committees/${home.committeeId}/users?limit=500`, home.staff.token),
      call('GET', `/api/committees/${home.committeeId}/users?limit=500`, adminToken),
      call('GET', `/api/audit?committeeId=${home.committeeId}&limit=500`, home.staff.token),
      call('GET', '/api/me/contact', home.cells[2].secretary.token),
      call('GET', '/api/me/contact', home.staff.token),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(fullNumbersIn(answer.text)).toEqual([]);
    }
    const listed = (answers[0].body as { id: string; phoneMasked: string | null }[]).find((user) => user.id === home.cells[1].secretary.userId);
    expect(listed?.phoneMasked).toBe('0338 *** 456');
    const trail = answers[2].body as { entityId: string; action: string; after: Record<string, unknown> }[];
    expect(trail.find((entry) => entry.entityId === home.cells[2].secretary.userId && entry.action === 'CONTACT_CHANGED')?.after).toMatchObject({ phoneMasked: '0868 *** 111' });
  });
});

describe('a committee’s channels', () => {
  it('its staff and the admin read and set them, with what the server is configured for; another committee is not found; secretaries may not', async () => {
    const url = `/api/committees/${home.committeeId}/channels`;
    expect((await call('GET', url, home.staff.token)).body).toEqual({ committeeId: home.committeeId, channels: ['email'], configured: ['email', 'sms'] });
    const set = await call('PUT', url, home.staff.token, { channels: ['sms', 'zalo', 'email'] });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ committeeId: home.committeeId, channels: ['email', 'zalo', 'sms'], configured: ['email', 'sms'] });
    expect((await call('PUT', url, adminToken, { channels: [] })).body.channels).toEqual([]);
    expect((await call('GET', url, adminToken)).body.channels).toEqual([]);

    const refused = await call('PUT', url, home.staff.token, { channels: ['fax'] });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toEqual(['Kênh Đảng ủy dùng phải chọn một trong: Thư điện tử, Zalo ZNS, Tin nhắn SMS.']);
    const statuses = [
      (await call('GET', url, other.staff.token)).status,
      (await call('PUT', url, other.staff.token, { channels: ['email'] })).status,
      (await call('GET', `/api/committees/${randomUUID()}/channels`, home.staff.token)).status,
      (await call('GET', url, home.cells[0].secretary.token)).status,
      (await call('PUT', url, home.cells[0].secretary.token, { channels: ['email'] })).status,
      (await call('GET', url, null)).status,
    ];
    expect(statuses).toEqual([404, 404, 404, 403, 403, 401]);
    await call('PUT', url, home.staff.token, { channels: ['email', 'zalo', 'sms'] }).expect(200);
  });
});

// ── what became of the notifications ────────────────────────────────────────────────────────────────

interface ExpectedChannel {
  status: string | null;
  address: string | null;
  why: string;
}

interface Case {
  fixture: NotificationFixture;
  /** What the report must say of each channel, written out by hand. */
  channels: Record<Channel, ExpectedChannel>;
  /** The account was deactivated: nobody acts on it any more. */
  personGone?: boolean;
}

const minutes = (n: number) => new Date(Date.now() - n * 60_000);

describe('the delivery report and the list of people nobody reached', () => {
  let cycleId: string;
  let otherCycleId: string;
  let cases: Case[];
  let inserted: Map<string, InsertedNotification>;
  const SENT = { email: minutes(9), sms: minutes(8), delivered: minutes(7), zalo: minutes(4) };
  const MORNING = new Date('2027-01-04T23:00:00Z');

  beforeAll(async () => {
    // s1 has a phone and an email and every channel; s2 an email only and Zalo and SMS; s3 nothing; s4 a phone, and is deactivated.
    const [s1, s2, s3, s4] = home.cells.map((cell) => cell.secretary);
    await call('PATCH', `/api/users/${s1.userId}`, home.staff.token, { phone: '(+84) 912.345.678', email: 'Lo.Van.Pang@Gmail.COM', notifyChannels: ['email', 'zalo', 'sms'] }).expect(200);
    await call('PATCH', `/api/users/${s2.userId}`, home.staff.token, { phone: null, email: 'hoang.thi.mai@gmail.com', notifyChannels: ['zalo', 'sms'] }).expect(200);
    await call('PATCH', `/api/users/${s3.userId}`, home.staff.token, { phone: null, email: null, notifyChannels: ['email', 'zalo', 'sms'] }).expect(200);
    await call('PATCH', `/api/users/${s4.userId}`, home.staff.token, { phone: '0987 654 321' }).expect(200);
    await call('PUT', `/api/committees/${home.committeeId}/channels`, home.staff.token, { channels: ['email', 'zalo', 'sms'] }).expect(200);
    cycleId = await insertCycle(stack.dataSource, home.committeeId, home.staff.userId, 'Sinh hoạt chi bộ điểm tháng 12');
    otherCycleId = await insertCycle(stack.dataSource, other.committeeId, other.staff.userId, 'Sinh hoạt chi bộ điểm của xã bạn');
    const s1Phone = '0912 *** 678';
    // A channel not tried shows where it would have gone: the person's phone, masked, as it is now.
    const notConfigured = (address: string | null = null) => ({ status: null, address, why: 'Zalo ZNS chưa được cấu hình trên máy chủ.' });
    const s1Email = 'lo***@gmail.com';
    const invite = { cycleId, reason: 'INVITED', title: 'Mời dự sinh hoạt chi bộ điểm' };
    cases = [
      {
        fixture: { name: 'before the channels', userId: s1.userId, ...invite, minutesAgo: 3, dispatch: 'beforeChannels' },
        channels: {
          email: { status: null, address: s1Email, why: 'Thông báo có trước khi hệ thống gửi tin qua các kênh này.' },
          zalo: { status: null, address: s1Phone, why: 'Thông báo có trước khi hệ thống gửi tin qua các kênh này.' },
          sms: { status: null, address: s1Phone, why: 'Thông báo có trước khi hệ thống gửi tin qua các kênh này.' },
        },
      },
      {
        fixture: { name: 'zalo sent', userId: s1.userId, ...invite, reason: 'RSVP_REMINDER', minutesAgo: 5, deliveries: [{ channel: 'zalo', status: 'SENT', address: s1Phone, attempts: 1, sentAt: SENT.zalo }] },
        channels: {
          email: { status: null, address: s1Email, why: 'Thông báo này không gửi qua Thư điện tử.' },
          zalo: { status: 'SENT', address: s1Phone, why: `Đã gửi lúc ${vietnamWords(SENT.zalo)}; chưa có tin báo đã đến máy điện thoại.` },
          sms: { status: null, address: s1Phone, why: 'Không cần gửi: tin Zalo đã gửi được.' },
        },
      },
      {
        fixture: {
          name: 'delivered',
          userId: s1.userId,
          ...invite,
          minutesAgo: 10,
          deliveries: [
            { channel: 'email', status: 'DELIVERED', address: s1Email, attempts: 1, sentAt: SENT.email, deliveredAt: SENT.delivered },
            { channel: 'zalo', status: 'SKIPPED', errorCode: 'NOT_CONFIGURED' },
            { channel: 'sms', status: 'SENT', address: s1Phone, attempts: 1, sentAt: SENT.sms },
          ],
        },
        channels: {
          email: { status: 'DELIVERED', address: s1Email, why: `Thư đã đến hộp thư lúc ${vietnamWords(SENT.delivered)}.` },
          zalo: { status: 'SKIPPED', address: null, why: 'Zalo ZNS chưa được cấu hình trên máy chủ.' },
          sms: { status: 'SENT', address: s1Phone, why: `Đã gửi lúc ${vietnamWords(SENT.sms)}; chưa có tin báo đã đến máy điện thoại.` },
        },
      },
      {
        // A kind that goes by email and the inbox only: the workflow writes no Zalo or SMS row for it.
        fixture: {
          name: 'email only',
          userId: s1.userId,
          ...invite,
          reason: 'PLAN_POSTED',
          title: 'Chi bộ điểm đã gửi chương trình sinh hoạt',
          minutesAgo: 12,
          deliveries: [{ channel: 'email', status: 'SENT', address: s1Email, attempts: 1, sentAt: SENT.email }],
        },
        channels: {
          email: { status: 'SENT', address: s1Email, why: `Đã gửi thư lúc ${vietnamWords(SENT.email)}.` },
          zalo: { status: null, address: s1Phone, why: 'Thông báo loại này không gửi qua Zalo ZNS.' },
          sms: { status: null, address: s1Phone, why: 'Thông báo loại này không gửi qua Tin nhắn SMS.' },
        },
      },
      {
        fixture: { name: 'no cycle', userId: s1.userId, cycleId: null, reason: 'ACTION_ITEM_OVERDUE', title: 'Việc cam kết đã quá hạn', minutesAgo: 15, deliveries: [{ channel: 'email', status: 'FAILED', address: s1Email, attempts: 2, errorCode: 'SMTP_553' }] },
        channels: {
          email: { status: 'FAILED', address: s1Email, why: 'Không gửi được (đã thử 2 lần): máy chủ thư của người nhận không nhận địa chỉ này.' },
          zalo: notConfigured(s1Phone),
          sms: { status: null, address: s1Phone, why: 'Thông báo này không gửi qua Tin nhắn SMS.' },
        },
      },
      {
        fixture: {
          name: 'every channel failed',
          userId: s1.userId,
          ...invite,
          minutesAgo: 20,
          deliveries: [
            { channel: 'email', status: 'FAILED', address: s1Email, attempts: 1, errorCode: 'SMTP_550' },
            { channel: 'zalo', status: 'FAILED', address: s1Phone, attempts: 1, errorCode: '-118' },
            { channel: 'sms', status: 'FAILED', address: s1Phone, attempts: 3, errorCode: '108' },
          ],
        },
        channels: {
          email: { status: 'FAILED', address: s1Email, why: 'Không gửi được: máy chủ thư của người nhận không nhận địa chỉ này.' },
          zalo: { status: 'FAILED', address: s1Phone, why: 'Không gửi được: số điện thoại này không nhận được tin Zalo (chưa dùng Zalo hoặc đã chặn tin).' },
          sms: { status: 'FAILED', address: s1Phone, why: 'Không gửi được (đã thử 3 lần): số điện thoại không đúng.' },
        },
      },
      {
        fixture: { name: 'deactivated', userId: s4.userId, ...invite, minutesAgo: 25 },
        channels: {
          email: { status: null, address: null, why: 'Tài khoản của người nhận đã ngừng hoạt động.' },
          zalo: { status: null, address: '0987 *** 321', why: 'Tài khoản của người nhận đã ngừng hoạt động.' },
          sms: { status: null, address: '0987 *** 321', why: 'Tài khoản của người nhận đã ngừng hoạt động.' },
        },
        personGone: true,
      },
      {
        fixture: { name: 'nothing tried', userId: s2.userId, ...invite, minutesAgo: 30 },
        channels: {
          email: { status: null, address: 'ho***@gmail.com', why: 'Người nhận không chọn nhận thông báo qua Thư điện tử.' },
          zalo: notConfigured(),
          sms: { status: null, address: null, why: 'Chưa có số điện thoại.' },
        },
      },
      {
        fixture: { name: 'no address', userId: s3.userId, ...invite, minutesAgo: 40, deliveries: [{ channel: 'email', status: 'SKIPPED', errorCode: 'NO_ADDRESS' }] },
        channels: {
          email: { status: 'SKIPPED', address: null, why: 'Chưa có địa chỉ thư điện tử.' },
          zalo: notConfigured(),
          sms: { status: null, address: null, why: 'Chưa có số điện thoại.' },
        },
      },
      {
        fixture: { name: 'read in the app', userId: s2.userId, ...invite, minutesAgo: 50, read: true, deliveries: [{ channel: 'email', status: 'SKIPPED', errorCode: 'NOT_CHOSEN' }] },
        channels: {
          email: { status: 'SKIPPED', address: null, why: 'Người nhận không chọn nhận thông báo qua Thư điện tử.' },
          zalo: notConfigured(),
          sms: { status: null, address: null, why: 'Chưa có số điện thoại.' },
        },
      },
      {
        fixture: { name: 'email pending', userId: s1.userId, ...invite, minutesAgo: 60, deliveries: [{ channel: 'email', status: 'PENDING', address: s1Email }] },
        channels: {
          email: { status: 'PENDING', address: s1Email, why: 'Đang chờ gửi.' },
          zalo: notConfigured(s1Phone),
          sms: { status: null, address: s1Phone, why: 'Thông báo này không gửi qua Tin nhắn SMS.' },
        },
      },
      {
        fixture: {
          name: 'held for the night',
          userId: s1.userId,
          ...invite,
          minutesAgo: 70,
          deliveries: [
            { channel: 'email', status: 'FAILED', address: s1Email, attempts: 1, errorCode: 'SMTP_552' },
            { channel: 'sms', status: 'WAITING', address: s1Phone, notBefore: MORNING },
          ],
        },
        channels: {
          email: { status: 'FAILED', address: s1Email, why: 'Không gửi được: hộp thư của người nhận đã đầy.' },
          zalo: notConfigured(s1Phone),
          sms: { status: 'WAITING', address: s1Phone, why: 'Không nhắn tin ban đêm; sẽ gửi lúc 6 giờ 00 ngày 05/01/2027.' },
        },
      },
      {
        fixture: { name: 'not yet taken up', userId: s2.userId, ...invite, minutesAgo: 80, dispatch: 'waiting' },
        channels: {
          email: { status: null, address: 'ho***@gmail.com', why: 'Đang chờ gửi.' },
          zalo: { status: null, address: null, why: 'Đang chờ gửi.' },
          sms: { status: null, address: null, why: 'Đang chờ gửi.' },
        },
      },
      {
        fixture: { name: 'forty days old', userId: s3.userId, ...invite, minutesAgo: 40 * 24 * 60 },
        channels: {
          email: { status: null, address: null, why: 'Chưa có địa chỉ thư điện tử.' },
          zalo: notConfigured(),
          sms: { status: null, address: null, why: 'Chưa có số điện thoại.' },
        },
      },
      {
        // The other committee uses email alone (its default): Zalo and SMS are ruled out by the committee first.
        fixture: { name: 'another committee', userId: other.cells[0].secretary.userId, cycleId: otherCycleId, reason: 'INVITED', title: 'Mời dự sinh hoạt chi bộ điểm', minutesAgo: 35 },
        channels: {
          email: { status: null, address: null, why: 'Chưa có địa chỉ thư điện tử.' },
          zalo: { status: null, address: null, why: 'Đảng ủy chưa dùng kênh Zalo ZNS.' },
          sms: { status: null, address: null, why: 'Đảng ủy chưa dùng kênh Tin nhắn SMS.' },
        },
      },
    ];
    inserted = await insertNotifications(
      stack.dataSource,
      cases.map((entry) => entry.fixture),
    );
    await call('POST', `/api/users/${s4.userId}/deactivate`, home.staff.token, { reason: 'Đồng chí đã chuyển công tác' }).expect(200);
  });

  /** Worked out from the fixture alone: read in the app, or sent or delivered on a channel. */
  const reachedOf = (entry: Case) => entry.fixture.read === true || (entry.fixture.deliveries ?? []).some((delivery) => delivery.status === 'SENT' || delivery.status === 'DELIVERED');
  const stillTrying = (entry: Case) =>
    (entry.fixture.dispatch ?? 'dispatched') === 'waiting' || (entry.fixture.deliveries ?? []).some((delivery) => ['PENDING', 'WAITING', 'SENDING'].includes(delivery.status));
  const unreachedOf = (entry: Case, sinceMinutes: number) => !reachedOf(entry) && !stillTrying(entry) && !entry.personGone && entry.fixture.minutesAgo <= sinceMinutes;
  const newestFirst = (entries: Case[]) => [...entries].sort((a, b) => a.fixture.minutesAgo - b.fixture.minutesAgo);

  function expectedItem(entry: Case) {
    const notification = inserted.get(entry.fixture.name)!;
    return {
      notificationId: notification.id,
      reason: entry.fixture.reason,
      title: entry.fixture.title,
      reached: reachedOf(entry),
      channels: (['email', 'zalo', 'sms'] as const).map((channel) => ({ channel, ...entry.channels[channel] })),
    };
  }

  /** The part of an answered item the cases speak of. */
  function seenItem(item: { notificationId: string; reason: string; title: string; reached: boolean; channels: { channel: string; status: string | null; address: string | null; why: string }[] }) {
    return {
      notificationId: item.notificationId,
      reason: item.reason,
      title: item.title,
      reached: item.reached,
      channels: item.channels.map(({ channel, status, address, why }) => ({ channel, status, address, why })),
    };
  }

  it('reports every notification of the cycle, newest first, with every channel: status, masked address and why in words', async () => {
    const report = await call('GET', `/api/cycles/${cycleId}/deliveries`, home.staff.token);
    expect(report.status).toBe(200);
    const ofCycle = newestFirst(cases.filter((entry) => entry.fixture.cycleId === cycleId));
    expect(report.body.map(seenItem)).toEqual(ofCycle.map(expectedItem));
    expect(fullNumbersIn(report.text)).toEqual([]);
    expect(report.text).not.toContain('lo.van.pang@gmail.com');
    expect(report.text).not.toContain('hoang.thi.mai@gmail.com');

    const delivered = (report.body as { notificationId: string; person: unknown; readAt: string | null; channels: { channel: string; attempts: number; sentAt: string | null; deliveredAt: string | null; errorCode: string | null }[] }[]).find(
      (item) => item.notificationId === inserted.get('delivered')!.id,
    );
    expect(delivered?.person).toEqual({ id: home.cells[0].secretary.userId, fullName: 'Bí thư thôn 1', cellName: home.cells[0].name });
    expect(delivered?.channels[0]).toMatchObject({ attempts: 1, sentAt: SENT.email.toISOString(), deliveredAt: SENT.delivered.toISOString(), errorCode: null });
    expect(delivered?.channels[1]).toMatchObject({ errorCode: 'NOT_CONFIGURED', sentAt: null });
    const read = (report.body as { notificationId: string; readAt: string | null }[]).find((item) => item.notificationId === inserted.get('read in the app')!.id);
    expect(read?.readAt).toBe(new Date(inserted.get('read in the app')!.createdAt.getTime() + 60_000).toISOString());
  });

  it('pages the report, and the admin reads it too', async () => {
    const ofCycle = newestFirst(cases.filter((entry) => entry.fixture.cycleId === cycleId)).map((entry) => inserted.get(entry.fixture.name)!.id);
    const second = await call('GET', `/api/cycles/${cycleId}/deliveries?limit=5&offset=5`, adminToken);
    expect(second.status).toBe(200);
    expect(second.body.map((item: { notificationId: string }) => item.notificationId)).toEqual(ofCycle.slice(5, 10));
  });

  it('says the same in English when asked', async () => {
    const report = await call('GET', `/api/cycles/${cycleId}/deliveries`, home.staff.token, undefined, 'en');
    const item = (report.body as { notificationId: string; channels: { why: string }[] }[]).find((candidate) => candidate.notificationId === inserted.get('nothing tried')!.id);
    expect(item?.channels.map((channel) => channel.why)).toEqual(['The person did not choose Email.', 'Zalo ZNS is not configured on the server.', 'No phone number.']);
  });

  it('is the cycle’s committee’s and the admin’s: another committee gets what a cycle that does not exist gets, a secretary is refused', async () => {
    const foreign = await call('GET', `/api/cycles/${cycleId}/deliveries`, other.staff.token);
    const ghost = await call('GET', `/api/cycles/${randomUUID()}/deliveries`, other.staff.token);
    expect([foreign.status, ghost.status]).toEqual([404, 404]);
    expect(foreign.body).toEqual(ghost.body);
    expect((await call('GET', `/api/cycles/${cycleId}/deliveries`, home.cells[0].secretary.token)).status).toBe(403);
    expect((await call('GET', `/api/cycles/${otherCycleId}/deliveries`, home.staff.token)).status).toBe(404);
    expect((await call('GET', `/api/cycles/${cycleId}/deliveries`, null)).status).toBe(401);
  });

  it('lists for the office the notifications nobody was reached by, newest first, with the cycle and why for each channel', async () => {
    const list = await call('GET', `/api/committees/${home.committeeId}/unreached`, home.staff.token);
    expect(list.status).toBe(200);
    const ofHome = cases.filter((entry) => entry.fixture.name !== 'another committee');
    const expected = newestFirst(ofHome.filter((entry) => unreachedOf(entry, 30 * 24 * 60)));
    // Worked out by hand from the fixture, as a check on the rule above.
    expect(expected.map((entry) => entry.fixture.name)).toEqual(['before the channels', 'no cycle', 'every channel failed', 'nothing tried', 'no address']);
    expect(list.body.map(seenItem)).toEqual(expected.map(expectedItem));
    const cycles = (list.body as { cycle: { id: string; title: string } | null }[]).map((item) => item.cycle);
    expect(cycles).toEqual([
      { id: cycleId, title: 'Sinh hoạt chi bộ điểm tháng 12' },
      null,
      { id: cycleId, title: 'Sinh hoạt chi bộ điểm tháng 12' },
      { id: cycleId, title: 'Sinh hoạt chi bộ điểm tháng 12' },
      { id: cycleId, title: 'Sinh hoạt chi bộ điểm tháng 12' },
    ]);
    expect(fullNumbersIn(list.text)).toEqual([]);

    const since = new Date(Date.now() - 45 * 86_400_000).toISOString().replace('Z', '+00:00');
    const longer = await call('GET', `/api/committees/${home.committeeId}/unreached?since=${encodeURIComponent(since)}&limit=100`, adminToken);
    expect(longer.body.map((item: { notificationId: string }) => item.notificationId)).toEqual(
      newestFirst(ofHome.filter((entry) => unreachedOf(entry, 45 * 24 * 60))).map((entry) => inserted.get(entry.fixture.name)!.id),
    );
    const paged = await call('GET', `/api/committees/${home.committeeId}/unreached?limit=2&offset=1`, home.staff.token);
    expect(paged.body.map((item: { notificationId: string }) => item.notificationId)).toEqual(expected.slice(1, 3).map((entry) => inserted.get(entry.fixture.name)!.id));

    const theirs = await call('GET', `/api/committees/${other.committeeId}/unreached`, other.staff.token);
    expect(theirs.body.map(seenItem)).toEqual([expectedItem(cases.find((entry) => entry.fixture.name === 'another committee')!)]);
  });

  it('is each committee’s own: another committee gets what a committee that does not exist gets; a secretary is refused; a bad date is said in words', async () => {
    const foreign = await call('GET', `/api/committees/${home.committeeId}/unreached`, other.staff.token);
    const ghost = await call('GET', `/api/committees/${randomUUID()}/unreached`, other.staff.token);
    expect([foreign.status, ghost.status]).toEqual([404, 404]);
    expect(foreign.body).toEqual(ghost.body);
    expect((await call('GET', `/api/committees/${home.committeeId}/unreached`, home.cells[0].secretary.token)).status).toBe(403);
    const bad = await call('GET', `/api/committees/${home.committeeId}/unreached?since=h%C3%B4m%20qua`, home.staff.token);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['Thời điểm bắt đầu xem phải là một thời điểm có thật, đủ ngày, giờ và múi giờ, từ năm 2000 đến năm 2099.']);
  });
});

describe('the report of a real cycle, as the delivery workflow leaves it', () => {
  // The delivery workflow and its dispatcher run in the worker app: an API and a worker as processes of their own.
  let processes: ProcessStack;

  beforeAll(async () => {
    processes = await ProcessStack.start({ env: { SMTP_URL: inbox.url, NOTIFY_QUIET_HOURS: 'off', NOTIFY_DISPATCH_INTERVAL_MS: '200' } });
  }, 180_000);

  afterAll(async () => {
    await stopAllProcesses();
  });

  it('shows the email sent to the secretary who has an address, and the one with none among the people nobody reached', async () => {
    const api = processes.http;
    const commune = await createCommune(api, await createSuiteAdmin(stack.dataSource), 3);
    const [host, reachable, unreachable] = commune.cells;
    const token = commune.staff.token;
    expect((await api.send('PATCH', `/api/users/${reachable.secretary.userId}`, { token, body: { email: 'Vang.Seo.Chu@Gmail.com' } })).status).toBe(200);
    const mailsBefore = inbox.received.length;
    const launched = await api.send('POST', '/api/cycles', {
      token,
      body: launchBody({ committeeId: commune.committeeId, hostCellId: host.id, invitedCellIds: [reachable.id, unreachable.id], meetingAt: Date.now() + 10 * 86_400_000 }),
    });
    expect(launched.status).toBe(201);
    const cycleId = launched.body.id as string;
    const mails = await waitForMail(inbox, mailsBefore + 1, 30_000);
    expect(mails.slice(mailsBefore).map((mail) => mail.envelope.to)).toEqual([['vang.seo.chu@gmail.com']]);

    type Item = { person: { id: string }; reason: string; reached: boolean; channels: { channel: string; status: string | null; address: string | null; why: string; sentAt: string | null }[] };
    const invitationOf = (items: Item[], userId: string) => items.find((item) => item.person.id === userId && item.reason === 'INVITED');
    const sent = await eventually(async () => {
      const item = invitationOf((await api.get(`/api/cycles/${cycleId}/deliveries`, token)).body as Item[], reachable.secretary.userId);
      return item?.channels[0].status === 'SENT' ? item : null;
    }, 30_000);
    // The committee uses email alone (its default): the workflow skipped Zalo and SMS for that reason.
    expect(sent).toMatchObject({
      reached: true,
      channels: [
        { channel: 'email', status: 'SENT', address: 'va***@gmail.com', why: `Đã gửi thư lúc ${vietnamWords(new Date(sent!.channels[0].sentAt!))}.` },
        { channel: 'zalo', status: 'SKIPPED', address: null, why: 'Đảng ủy chưa dùng kênh Zalo ZNS.' },
        { channel: 'sms', status: 'SKIPPED', address: null, why: 'Đảng ủy chưa dùng kênh Tin nhắn SMS.' },
      ],
    });

    // Nobody to send to: the dispatcher starts no delivery for a person without an address.
    const unreachedOf = async () => (await api.get(`/api/committees/${commune.committeeId}/unreached`, token)).body as Item[];
    const missed = await eventually(async () => invitationOf(await unreachedOf(), unreachable.secretary.userId) ?? null, 30_000);
    expect(missed!.channels.map(({ channel, status, why }) => ({ channel, status, why }))).toEqual([
      { channel: 'email', status: null, why: 'Chưa có địa chỉ thư điện tử.' },
      { channel: 'zalo', status: null, why: 'Đảng ủy chưa dùng kênh Zalo ZNS.' },
      { channel: 'sms', status: null, why: 'Đảng ủy chưa dùng kênh Tin nhắn SMS.' },
    ]);
    expect(invitationOf(await unreachedOf(), reachable.secretary.userId)).toBeUndefined();
  });
});
