/**
 * Zalo ZNS and SMS against loopback servers that answer as the providers document it (test/support/fake-zalo.ts,
 * fake-esms.ts): each class of answer becomes the outcome notifications.md asks for; the OA's token pair lives in
 * the real PostgreSQL and is refreshed once however many sends race; the providers' delivery reports reach a real
 * API instance and mark the delivery row. Nothing this code logs carries a phone number in full.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { ChannelAdapter, OutgoingNotification, SendOutcome } from '../libs/channels/channel.js';
import { createEsmsAdapter, smsCallbackToken } from '../libs/channels/sms/esms.adapter.js';
import { ZaloTokenError, ZaloTokenStore } from '../libs/channels/zalo/zalo-token.store.js';
import { zaloSignatureOf } from '../libs/channels/zalo/zalo-webhook.js';
import { createZaloZnsAdapter } from '../libs/channels/zalo/zalo-zns.adapter.js';
import type { NotificationReason } from '../libs/domain/cycle-events.js';
import { createDataSource } from '../libs/persistence/data-source.js';
import { notificationText, type NotificationContext } from '../libs/wording/notification-texts.js';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { eventually } from './support/eventually.js';
import { startFakeEsms, type FakeEsms } from './support/fake-esms.js';
import { startFakeZalo, type FakeZalo } from './support/fake-zalo.js';

/** Made-up numbers, in the stored 84… form. */
const PHONE = '84987654321';
const PHONE_NOT_ON_ZALO = '84961000118';
const PHONE_INVALID_FOR_ZALO = '84961000108';
const PHONE_REFUSED_BY_GATEWAY = '84961000208';
const PHONES = [PHONE, PHONE_NOT_ON_ZALO, PHONE_INVALID_FOR_ZALO, PHONE_REFUSED_BY_GATEWAY];

const TEMPLATES = { invitation: '301001', change: '301002', reminder: '301003', overdue: '301004', lessons: '301005' };
const TIMEOUT_MS = 800;

/** 01:00 UTC is 08:00 in Vietnam; 10:00 UTC is 17:00. */
const CYCLE: NotificationContext = {
  title: 'Sinh hoạt chi bộ điểm quý IV',
  meetingAt: new Date('2026-12-11T01:00:00Z'),
  location: 'Nhà văn hóa thôn Na Hối Tày',
  hostCellName: 'Chi bộ thôn Na Hối Tày',
  planDueAt: new Date('2026-12-09T10:00:00Z'),
  critiqueClosesAt: new Date('2026-12-14T10:00:00Z'),
  reportDueAt: null,
  reviewDueAt: null,
  cancelReason: null,
};

let stack: ApiStack;
let apiUrl: string;
/** The providers whose credentials the API is configured with, for the delivery reports. */
let reportingZalo: FakeZalo;
let reportingEsms: FakeEsms;

/** Everything written to stdout, stderr and the console while the suite runs. */
const output: string[] = [];
const restoreOutput: (() => void)[] = [];

function captureOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = (chunk: unknown, ...rest: unknown[]) => {
      output.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
      return original(chunk, ...rest);
    };
    restoreOutput.push(() => {
      stream.write = original;
    });
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      output.push(args.map(String).join(' '));
      original(...args);
    };
    restoreOutput.push(() => {
      console[method] = original;
    });
  }
}

function outgoing(options: { phone?: string | null; reason?: NotificationReason; deliveryId?: string } = {}): OutgoingNotification {
  const reason = options.reason ?? 'INVITED';
  return {
    notificationId: randomUUID(),
    deliveryId: options.deliveryId ?? randomUUID(),
    reason,
    ...notificationText(reason, CYCLE),
    link: `${apiUrl}/dot/${randomUUID()}/xac-nhan`,
    recipient: { fullName: 'Lò Văn Pằng', email: null, phone: options.phone === undefined ? PHONE : options.phone },
    cycle: CYCLE,
  };
}

/** No outcome's words (stored by the delivery workflow) carry a number in full. */
function expectNoPhoneIn(outcome: SendOutcome): void {
  const text = JSON.stringify(outcome);
  for (const phone of PHONES) {
    expect(text).not.toContain(phone);
    expect(text).not.toContain(`0${phone.slice(2)}`);
  }
}

function tokenStoreFor(fake: FakeZalo, dataSource: DataSource, provider: string, accessToken: string | null = fake.tokens.access): ZaloTokenStore {
  return new ZaloTokenStore(
    dataSource,
    { oauthUrl: fake.url, appId: fake.appId, secretKey: fake.secretKey, accessToken, refreshToken: fake.tokens.refresh },
    { provider, timeoutMs: 5000 },
  );
}

beforeAll(async () => {
  captureOutput();
  reportingZalo = await startFakeZalo();
  reportingEsms = await startFakeEsms();
  stack = await startApiStack({
    ZALO_ZNS_API_URL: reportingZalo.url,
    ZALO_OAUTH_URL: reportingZalo.url,
    ZALO_APP_ID: reportingZalo.appId,
    ZALO_SECRET_KEY: reportingZalo.secretKey,
    ZALO_ACCESS_TOKEN: reportingZalo.tokens.access,
    ZALO_REFRESH_TOKEN: reportingZalo.tokens.refresh,
    ZALO_OA_SECRET_KEY: reportingZalo.oaSecretKey,
    ZALO_ZNS_TEMPLATES: Object.entries(TEMPLATES)
      .map(([kind, id]) => `${kind}=${id}`)
      .join(','),
    SMS_API_URL: reportingEsms.url,
    SMS_API_KEY: reportingEsms.apiKey,
    SMS_SECRET_KEY: reportingEsms.secretKey,
    SMS_BRANDNAME: reportingEsms.brandname,
  });
  await stack.app.listen(0, '127.0.0.1');
  apiUrl = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
});

afterAll(async () => {
  await stack?.stopAll();
  await reportingZalo?.close();
  await reportingEsms?.close();
  for (const restore of restoreOutput.reverse()) restore();
});

describe('Zalo ZNS adapter', () => {
  let zalo: FakeZalo;
  let adapter: ChannelAdapter;
  let provider: string;

  beforeEach(async () => {
    zalo = await startFakeZalo();
    provider = `zalo-test-${randomUUID()}`;
    adapter = createZaloZnsAdapter({ apiUrl: zalo.url, templates: TEMPLATES }, tokenStoreFor(zalo, stack.dataSource, provider), { timeoutMs: TIMEOUT_MS });
  });

  afterEach(async () => {
    await zalo.close();
  });

  it('sends the template of the notification’s kind to the 84… number with the delivery id as tracking id: accepted with its msg_id', async () => {
    const notification = outgoing();
    const outcome = await adapter.send(notification);
    expect(zalo.sent).toHaveLength(1);
    expect(outcome).toEqual({ kind: 'accepted', providerMessageId: zalo.sent[0].msgId });
    const request = zalo.requests.find((seen) => seen.path === '/message/template')!;
    expect(request.headers.access_token).toBe(zalo.tokens.access);
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body).toEqual({
      phone: PHONE,
      template_id: TEMPLATES.invitation,
      tracking_id: notification.deliveryId,
      template_data: {
        ten_dot: 'Sinh hoạt chi bộ điểm quý IV',
        chi_bo_diem: 'Chi bộ thôn Na Hối Tày',
        gio: '08:00',
        ngay: '11/12/2026',
        dia_diem: 'Nhà văn hóa thôn Na Hối Tày',
        yeu_cau: 'Xác nhận trước 09/12/2026',
      },
    });
    // A reminder goes with the reminder template.
    await adapter.send(outgoing({ reason: 'CRITIQUE_REMINDER' }));
    expect(zalo.sent[1]).toMatchObject({ templateId: TEMPLATES.reminder, templateData: { viec: 'Gửi nhận xét, góp ý', han: '17:00 14/12/2026' } });
  });

  it('−100 (unknown, try later) is retry; HTTP 503 and 429 are retry', async () => {
    zalo.failNext(1, { error: -100 });
    zalo.failNext(1, { httpStatus: 503 });
    zalo.failNext(1, { httpStatus: 429 });
    expect(await adapter.send(outgoing())).toMatchObject({ kind: 'retry', code: '-100' });
    expect(await adapter.send(outgoing())).toMatchObject({ kind: 'retry', code: 'HTTP_503' });
    expect(await adapter.send(outgoing())).toMatchObject({ kind: 'retry', code: 'HTTP_429' });
    expect(zalo.sent).toHaveLength(0);
  });

  it('−124 (token expired): one refresh, sent again once inside the call; two racing sends share one refresh; the new pair is stored', async () => {
    const spentRefresh = zalo.tokens.refresh;
    zalo.expireAccessToken();
    // The OAuth answer is slow enough that both sends meet the refused token before either refresh ends.
    zalo.refreshDelay(300);
    const [first, second] = await Promise.all([adapter.send(outgoing()), adapter.send(outgoing())]);
    expect(zalo.refreshes).toBe(1);
    expect(zalo.requests.filter((seen) => seen.path === '/v4/oa/access_token')).toHaveLength(1);
    expect(zalo.sent).toHaveLength(2);
    expect([first, second]).toEqual([
      { kind: 'accepted', providerMessageId: expect.any(String) },
      { kind: 'accepted', providerMessageId: expect.any(String) },
    ]);
    const [row] = await stack.dataSource.query<{ access_token: string; refresh_token: string; access_expires_at: Date }[]>(
      `SELECT access_token, refresh_token, access_expires_at FROM provider_tokens WHERE provider = $1`,
      [provider],
    );
    expect(row.access_token).toBe(zalo.tokens.access);
    expect(row.refresh_token).toBe(zalo.tokens.refresh);
    expect(row.refresh_token).not.toBe(spentRefresh);
    // expires_in "90000": 25 hours.
    expect(Math.abs(new Date(row.access_expires_at).getTime() - (Date.now() + 90_000_000))).toBeLessThan(60_000);
  });

  it('a token still refused after the refresh is retry (never a third send in one call)', async () => {
    zalo.expireAccessToken();
    zalo.failNext(1, { error: -124 });
    const outcome = await adapter.send(outgoing());
    expect(outcome).toMatchObject({ kind: 'retry', code: '-124' });
    expect(zalo.refreshes).toBe(1);
    expect(zalo.requests.filter((seen) => seen.path === '/message/template')).toHaveLength(2);
  });

  // Test names name the numbers by what they are: the reporter's lines are output too.
  it.each([
    ['not on Zalo', -118, PHONE_NOT_ON_ZALO],
    ['invalid', -108, PHONE_INVALID_FOR_ZALO],
  ])('a number that cannot receive ZNS (%s: %d) is refused with fallback to SMS', async (_, error, phone) => {
    zalo.phoneAnswers(phone, error);
    const outcome = await adapter.send(outgoing({ phone }));
    expect(outcome).toMatchObject({ kind: 'refused', code: String(error), fallbackToSms: true });
    expectNoPhoneIn(outcome);
  });

  it.each([
    [-112, 'template'],
    [-109, 'template'],
    [-115, 'quota'],
    [-101, 'set up'],
    [-110, 'cannot receive'],
  ])('%d is refused with fallback to SMS, saying why (%s)', async (error, why) => {
    zalo.failNext(1, { error });
    const outcome = await adapter.send(outgoing());
    expect(outcome).toMatchObject({ kind: 'refused', code: String(error), fallbackToSms: true });
    expect((outcome as { detail: string }).detail).toContain(why);
  });

  it('a field longer than the template allows would be refused by Zalo (−112): the adapter never sends one', async () => {
    const long = { ...outgoing(), cycle: { ...CYCLE, title: 'Sinh hoạt chuyên đề về nâng cao chất lượng sinh hoạt chi bộ năm 2026' } };
    expect(await adapter.send(long)).toMatchObject({ kind: 'accepted' });
    expect([...zalo.sent[0].templateData.ten_dot].length).toBeLessThanOrEqual(30);
  });

  it('an answer slower than the timeout is unknown, and the message Zalo did send is not sent again', async () => {
    zalo.answerAfter(TIMEOUT_MS * 3);
    const notification = outgoing();
    const outcome = await adapter.send(notification);
    expect(outcome).toMatchObject({ kind: 'unknown' });
    expect((outcome as { detail: string }).detail).toContain('TIMEOUT');
    expect(zalo.sentWith(notification.deliveryId)).toBe(1);
    expect(zalo.requests.filter((seen) => seen.path === '/message/template')).toHaveLength(1);
  });

  it('a request never answered is unknown, within the timeout', async () => {
    zalo.answerAfter('never');
    const started = Date.now();
    expect(await adapter.send(outgoing())).toMatchObject({ kind: 'unknown' });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1500);
  });

  it('a connection cut after the request was sent is unknown', async () => {
    zalo.failNext(1, { reset: true });
    const notification = outgoing();
    expect(await adapter.send(notification)).toMatchObject({ kind: 'unknown' });
    expect(zalo.sentWith(notification.deliveryId)).toBe(1);
  });

  it('a connection refused (nothing sent) is retry', async () => {
    const closed = await startFakeZalo();
    const url = closed.url;
    await closed.close();
    const nowhere = createZaloZnsAdapter({ apiUrl: url, templates: TEMPLATES }, { current: async () => 'token', refresh: async () => 'token' }, { timeoutMs: TIMEOUT_MS });
    expect(await nowhere.send(outgoing())).toMatchObject({ kind: 'retry', code: 'ECONNREFUSED' });
  });

  it('a person without a phone is refused NO_PHONE without fallback, and nothing is sent', async () => {
    expect(await adapter.send(outgoing({ phone: null }))).toMatchObject({ kind: 'refused', code: 'NO_PHONE', fallbackToSms: false });
    expect(zalo.requests).toHaveLength(0);
  });

  it('a kind without an approved template is refused with fallback to SMS', async () => {
    const partial = createZaloZnsAdapter({ apiUrl: zalo.url, templates: { invitation: '301001' } }, tokenStoreFor(zalo, stack.dataSource, provider), {
      timeoutMs: TIMEOUT_MS,
    });
    expect(await partial.send(outgoing({ reason: 'CANCELLED' }))).toMatchObject({ kind: 'refused', code: 'NO_TEMPLATE', fallbackToSms: true });
    expect(zalo.sent).toHaveLength(0);
  });
});

describe('Zalo token store (PostgreSQL)', () => {
  let zalo: FakeZalo;
  let otherProcess: DataSource;

  beforeAll(async () => {
    otherProcess = await createDataSource({ url: stack.config.database.url, poolSize: 2, applicationName: 'test-other-process' }).initialize();
  });

  afterAll(async () => {
    await otherProcess?.destroy();
  });

  beforeEach(async () => {
    zalo = await startFakeZalo();
  });

  afterEach(async () => {
    await zalo.close();
  });

  it('is seeded from the configuration on first use and kept after', async () => {
    const provider = `zalo-test-${randomUUID()}`;
    const configured = { ...zalo.tokens };
    const store = tokenStoreFor(zalo, stack.dataSource, provider);
    expect(await store.current()).toBe(configured.access);
    const rows = await stack.dataSource.query<{ access_token: string; refresh_token: string }[]>(
      `SELECT access_token, refresh_token FROM provider_tokens WHERE provider = $1`,
      [provider],
    );
    expect(rows).toEqual([{ access_token: configured.access, refresh_token: configured.refresh }]);
    expect(zalo.refreshes).toBe(0);
  });

  it('without a configured access token, the first use refreshes', async () => {
    const store = tokenStoreFor(zalo, stack.dataSource, `zalo-test-${randomUUID()}`, null);
    expect(await store.current()).toBe(zalo.tokens.access);
    expect(zalo.refreshes).toBe(1);
  });

  it('two processes refreshing the same stale token: one calls Zalo, the other takes its new token', async () => {
    const provider = `zalo-test-${randomUUID()}`;
    const stale = zalo.tokens.access;
    const here = tokenStoreFor(zalo, stack.dataSource, provider);
    const there = tokenStoreFor(zalo, otherProcess, provider);
    await here.current();
    zalo.refreshDelay(300);
    const [mine, theirs] = await Promise.all([here.refresh(stale), there.refresh(stale)]);
    expect(zalo.refreshes).toBe(1);
    expect(mine).toBe(zalo.tokens.access);
    expect(theirs).toBe(zalo.tokens.access);
    expect(mine).not.toBe(stale);
    // A later refresh of the token just replaced asks Zalo again, with the new refresh token (the old one is spent).
    expect(await there.refresh(mine)).toBe(zalo.tokens.access);
    expect(zalo.refreshes).toBe(2);
  });

  it('a refused refresh throws without a token in its message and leaves the stored pair as it was', async () => {
    const provider = `zalo-test-${randomUUID()}`;
    const store = new ZaloTokenStore(
      stack.dataSource,
      { oauthUrl: zalo.url, appId: zalo.appId, secretKey: zalo.secretKey, accessToken: zalo.tokens.access, refreshToken: 'a-spent-refresh-token' },
      { provider },
    );
    const stale = await store.current();
    const failure = await store.refresh(stale).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ZaloTokenError);
    expect((failure as ZaloTokenError).code).toBe('-14014');
    expect((failure as Error).message).not.toContain('a-spent-refresh-token');
    expect((failure as Error).message).not.toContain(stale);
    const [row] = await stack.dataSource.query<{ access_token: string; refresh_token: string }[]>(
      `SELECT access_token, refresh_token FROM provider_tokens WHERE provider = $1`,
      [provider],
    );
    expect(row).toEqual({ access_token: stale, refresh_token: 'a-spent-refresh-token' });
  });
});

describe('eSMS adapter', () => {
  let esms: FakeEsms;
  let adapter: ChannelAdapter;

  beforeEach(async () => {
    esms = await startFakeEsms();
    adapter = createEsmsAdapter({ apiUrl: esms.url, apiKey: esms.apiKey, secretKey: esms.secretKey, brandname: esms.brandname }, apiUrl, { timeoutMs: TIMEOUT_MS });
  });

  afterEach(async () => {
    await esms.close();
  });

  it('posts the documented body, all strings, GSM-7 text with the link: accepted with the SMSID', async () => {
    const notification = outgoing();
    const outcome = await adapter.send(notification);
    expect(esms.sent).toHaveLength(1);
    expect(outcome).toEqual({ kind: 'accepted', providerMessageId: esms.sent[0].smsId });
    const body = esms.requests[0].body;
    expect(body).toEqual({
      ApiKey: esms.apiKey,
      SecretKey: esms.secretKey,
      Phone: PHONE,
      Content: expect.any(String),
      Brandname: esms.brandname,
      SmsType: '2',
      IsUnicode: '0',
      RequestId: notification.deliveryId,
      CallbackUrl: `${apiUrl}/api/webhooks/sms/${smsCallbackToken(esms.secretKey)}`,
    });
    const content = body.Content as string;
    expect(content).toMatch(/^[A-Za-z0-9 .,:;!?'"()/+\-%&*#=<>@_$]+$/);
    expect(content.length).toBeLessThanOrEqual(306);
    expect(content).toContain('Dang uy tran trong moi chi bo');
    expect(content).toContain('8 gio 00 ngay 11/12/2026');
    expect(content).toContain('Nha van hoa thon Na Hoi Tay');
    expect(content).toContain('xac nhan truoc 17 gio 00 ngay 09/12/2026');
    expect(content.endsWith(notification.link)).toBe(true);
  });

  it('a slow answer is retry; the same RequestId again is answered 124 and taken as sent: the gateway sent one message', async () => {
    esms.answerAfter(TIMEOUT_MS * 3);
    const notification = outgoing();
    expect(await adapter.send(notification)).toMatchObject({ kind: 'retry', code: 'TIMEOUT' });
    esms.answerAfter(0);
    expect(await adapter.send(notification)).toEqual({ kind: 'accepted', providerMessageId: null });
    expect(esms.requests).toHaveLength(2);
    expect(esms.sentWith(notification.deliveryId)).toBe(1);
  });

  it('HTTP 5xx and 429 are retry; a connection refused is retry', async () => {
    esms.failNext(1, { httpStatus: 500 });
    esms.failNext(1, { httpStatus: 429 });
    expect(await adapter.send(outgoing())).toMatchObject({ kind: 'retry', code: 'HTTP_500' });
    expect(await adapter.send(outgoing())).toMatchObject({ kind: 'retry', code: 'HTTP_429' });
    const closed = await startFakeEsms();
    await closed.close();
    const nowhere = createEsmsAdapter({ apiUrl: closed.url, apiKey: 'k', secretKey: 's', brandname: 'b' }, apiUrl, { timeoutMs: TIMEOUT_MS });
    expect(await nowhere.send(outgoing())).toMatchObject({ kind: 'retry', code: 'ECONNREFUSED' });
    expect(esms.sent).toHaveLength(0);
  });

  it('a number the gateway refuses (108) is refused without fallback, and its words carry no number', async () => {
    esms.phoneAnswers(PHONE_REFUSED_BY_GATEWAY, '108');
    const outcome = await adapter.send(outgoing({ phone: PHONE_REFUSED_BY_GATEWAY }));
    expect(outcome).toMatchObject({ kind: 'refused', code: '108', fallbackToSms: false });
    expectNoPhoneIn(outcome);
  });

  it.each(['99', '101', '103', '104', '140', '146'])('CodeResult %s is refused, not retried', async (code) => {
    esms.failNext(1, { code });
    expect(await adapter.send(outgoing())).toMatchObject({ kind: 'refused', code, fallbackToSms: false });
  });

  it('wrong keys are refused 101 by the gateway itself', async () => {
    const wrong = createEsmsAdapter({ apiUrl: esms.url, apiKey: 'not-the-key', secretKey: esms.secretKey, brandname: esms.brandname }, apiUrl, { timeoutMs: TIMEOUT_MS });
    expect(await wrong.send(outgoing())).toMatchObject({ kind: 'refused', code: '101' });
  });

  it('a person without a phone is refused NO_PHONE, and nothing is sent', async () => {
    expect(await adapter.send(outgoing({ phone: null }))).toMatchObject({ kind: 'refused', code: 'NO_PHONE', fallbackToSms: false });
    expect(esms.requests).toHaveLength(0);
  });
});

describe('delivery reports through the API', () => {
  let userId: string;

  beforeAll(async () => {
    const [user] = await stack.dataSource.query<{ id: string }[]>(
      `INSERT INTO users (username, password_hash, full_name, role, phone) VALUES ($1, 'x', 'Lò Văn Pằng', 'guest', $2) RETURNING id`,
      [`phone-channels-${randomUUID()}`, PHONE],
    );
    userId = user.id;
  });

  /** A notification and its delivery row on `channel`, as the delivery workflow leaves it after the provider accepted. */
  async function delivery(channel: 'zalo' | 'sms', providerMessageId: string | null = null): Promise<string> {
    const [notification] = await stack.dataSource.query<{ id: string }[]>(
      `INSERT INTO notifications (user_id, reason, dedupe_key, title, body) VALUES ($1, 'INVITED', $2, 'Giấy mời', 'Trân trọng mời') RETURNING id`,
      [userId, `phone-channels-${randomUUID()}`],
    );
    const [row] = await stack.dataSource.query<{ id: string }[]>(
      `INSERT INTO notification_deliveries (notification_id, channel, status, address_masked, provider_message_id, sent_at)
       VALUES ($1, $2, 'SENT', '0987 *** 321', $3, now()) RETURNING id`,
      [notification.id, channel, providerMessageId],
    );
    return row.id;
  }

  async function rowOf(deliveryId: string) {
    const [row] = await stack.dataSource.query<{ status: string; delivered_at: Date | null; error_code: string | null; provider_message_id: string | null }[]>(
      `SELECT status, delivered_at, error_code, provider_message_id FROM notification_deliveries WHERE id = $1`,
      [deliveryId],
    );
    const attempts = await stack.dataSource.query<{ outcome: string; code: string | null }[]>(
      `SELECT outcome, code FROM notification_delivery_attempts WHERE delivery_id = $1 ORDER BY id`,
      [deliveryId],
    );
    return { ...row, attempts };
  }

  function signedZaloEvent(message: Record<string, unknown>, signWith = reportingZalo.oaSecretKey) {
    const timestamp = String(Date.now());
    const raw = JSON.stringify({ app_id: reportingZalo.appId, event_name: 'user_received_message', message, timestamp });
    return { raw, signature: zaloSignatureOf({ appId: reportingZalo.appId, oaSecretKey: signWith }, raw, timestamp) };
  }

  it('a ZNS sent through the fake is reported by its signed webhook: the row is DELIVERED with its time, and an attempt row says so', async () => {
    const deliveryId = await delivery('zalo');
    const adapter = createZaloZnsAdapter(
      { apiUrl: reportingZalo.url, templates: TEMPLATES },
      tokenStoreFor(reportingZalo, stack.dataSource, `zalo-test-${randomUUID()}`),
      { timeoutMs: TIMEOUT_MS },
    );
    reportingZalo.postWebhooksTo(`${apiUrl}/api/webhooks/zalo`);
    try {
      expect(await adapter.send(outgoing({ deliveryId }))).toMatchObject({ kind: 'accepted' });
      await reportingZalo.webhooksSettled();
    } finally {
      reportingZalo.postWebhooksTo(null);
    }
    expect(reportingZalo.webhookAnswers).toEqual([200]);
    const row = await rowOf(deliveryId);
    expect(row.status).toBe('DELIVERED');
    expect(row.delivered_at).not.toBeNull();
    expect(row.attempts).toEqual([{ outcome: 'delivered', code: null }]);
  });

  it('a webhook matched by msg_id alone; repeated, it changes nothing more', async () => {
    const msgId = `msg-${randomUUID()}`;
    const deliveryId = await delivery('zalo', msgId);
    const deliveredAt = Date.parse('2026-12-11T01:05:00Z');
    const event = signedZaloEvent({ msg_id: msgId, delivery_time: String(deliveredAt) });
    for (let time = 0; time < 2; time += 1) {
      const response = await stack.http.post('/api/webhooks/zalo').set('content-type', 'application/json').set('X-ZEvent-Signature', event.signature).send(event.raw);
      expect(response.status).toBe(200);
    }
    const row = await rowOf(deliveryId);
    expect(row.status).toBe('DELIVERED');
    expect(new Date(row.delivered_at!).getTime()).toBe(deliveredAt);
    expect(row.attempts).toHaveLength(1);
  });

  it('a webhook whose signature does not verify is answered 200 and changes nothing', async () => {
    const msgId = `msg-${randomUUID()}`;
    const deliveryId = await delivery('zalo', msgId);
    const forged = signedZaloEvent({ msg_id: msgId, delivery_time: String(Date.now()) }, 'not-the-oa-secret');
    const bare = signedZaloEvent({ msg_id: msgId, delivery_time: String(Date.now()) });
    expect((await stack.http.post('/api/webhooks/zalo').set('content-type', 'application/json').set('X-ZEvent-Signature', forged.signature).send(forged.raw)).status).toBe(200);
    expect((await stack.http.post('/api/webhooks/zalo').set('content-type', 'application/json').send(bare.raw)).status).toBe(200);
    // The same signature over a body changed by one character.
    const tampered = bare.raw.replace(msgId, `${msgId.slice(0, -1)}x`);
    expect((await stack.http.post('/api/webhooks/zalo').set('content-type', 'application/json').set('X-ZEvent-Signature', bare.signature).send(tampered)).status).toBe(200);
    expect(await rowOf(deliveryId)).toMatchObject({ status: 'SENT', delivered_at: null, attempts: [] });
  });

  it('a signed report of a message this installation never sent is answered 200 and ignored', async () => {
    const event = signedZaloEvent({ msg_id: `msg-${randomUUID()}`, tracking_id: randomUUID(), delivery_time: String(Date.now()) });
    const response = await stack.http.post('/api/webhooks/zalo').set('content-type', 'application/json').set('X-ZEvent-Signature', event.signature).send(event.raw);
    expect(response.status).toBe(200);
  });

  it('an SMS sent through the fake is called back on the secret path: DELIVERED, with the SMSID', async () => {
    const deliveryId = await delivery('sms');
    const adapter = createEsmsAdapter(
      { apiUrl: reportingEsms.url, apiKey: reportingEsms.apiKey, secretKey: reportingEsms.secretKey, brandname: reportingEsms.brandname },
      apiUrl,
      { timeoutMs: TIMEOUT_MS },
    );
    reportingEsms.callBack('5');
    try {
      expect(await adapter.send(outgoing({ deliveryId }))).toMatchObject({ kind: 'accepted' });
      await reportingEsms.callbacksSettled();
    } finally {
      reportingEsms.callBack(null);
    }
    expect(reportingEsms.callbackAnswers).toEqual([200]);
    const smsId = reportingEsms.sent.find((message) => message.requestId === deliveryId)!.smsId;
    expect(await rowOf(deliveryId)).toMatchObject({ status: 'DELIVERED', provider_message_id: smsId, attempts: [{ outcome: 'delivered', code: null }] });
  });

  it('an SMS the gateway reports refused is FAILED with its code, and an undelivered attempt', async () => {
    const smsId = randomUUID();
    const deliveryId = await delivery('sms', smsId);
    const query = new URLSearchParams({ SMSID: smsId, SendStatus: '4', SendSuccess: '0', SendFailed: '1', RequestId: deliveryId, phonenumber: PHONE, telcoid: '1' });
    const response = await stack.http.get(`/api/webhooks/sms/${smsCallbackToken(reportingEsms.secretKey)}?${query.toString()}`);
    expect(response.status).toBe(200);
    expect(await rowOf(deliveryId)).toMatchObject({ status: 'FAILED', error_code: 'REJECTED', attempts: [{ outcome: 'undelivered', code: 'REJECTED' }] });
  });

  it('a report still on its way (SendStatus 7) changes nothing; a wrong path is 404', async () => {
    const smsId = randomUUID();
    const deliveryId = await delivery('sms', smsId);
    const query = new URLSearchParams({ SMSID: smsId, SendStatus: '7', SendSuccess: '0', SendFailed: '0', RequestId: deliveryId, phonenumber: PHONE, telcoid: '1' });
    expect((await stack.http.get(`/api/webhooks/sms/${smsCallbackToken(reportingEsms.secretKey)}?${query.toString()}`)).status).toBe(200);
    expect(await rowOf(deliveryId)).toMatchObject({ status: 'SENT', attempts: [] });
    const wrong = smsCallbackToken('another-secret');
    query.set('SendStatus', '5');
    expect((await stack.http.get(`/api/webhooks/sms/${wrong}?${query.toString()}`)).status).toBe(404);
    expect((await stack.http.get(`/api/webhooks/sms/short?${query.toString()}`)).status).toBe(404);
    expect(await rowOf(deliveryId)).toMatchObject({ status: 'SENT', attempts: [] });
  });
});

describe('logs', () => {
  it('name people’s numbers only masked', async () => {
    // The refusals and unknown outcomes above were logged, masked: the capture did see them.
    await eventually(async () => output.some((line) => line.includes('0987 *** 321')));
    const written = output.join('\n');
    for (const phone of PHONES) {
      expect(written).not.toContain(phone);
      expect(written).not.toContain(`0${phone.slice(2)}`);
    }
  });
});
