/**
 * Notifications carried beyond the inbox, end to end: the API and the worker as real processes, a real SMTP
 * server, and Zalo ZNS and the eSMS gateway as loopback servers that answer as their documentation says. A
 * cycle is launched over HTTP; its invitations become inbox rows, the worker's dispatcher starts one delivery
 * workflow per row, and the providers receive what a person would. Each case has a commune of its own whose
 * only reachable person is the invited secretary (the host's secretary and the office have no address), so a
 * provider's counts belong to that case.
 *
 * Shown here: an invitation reaches its secretary once by email (UTF-8 subject, Vietnamese body, the link to
 * the RSVP form) and once by Zalo; a provider that says "try again" three times sends once; a number Zalo
 * cannot reach gets SMS, and one nobody can reach is recorded as failed on both; the worker killed while a
 * provider holds the request sends once on each channel (Zalo's unknown outcome settled by its late webhook,
 * SMS by its request id);
 * quiet hours hold Zalo and SMS but not email, and not what cannot wait; no log line holds a phone number.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { DataSource } from 'typeorm';
import { launchBody } from '../scripts/lib/step-bodies.mjs';
import { zaloSignatureOf } from '../libs/channels/zalo/zalo-webhook.js';
import { createDataSource } from '../libs/persistence/data-source.js';
import { dataConverterOf } from '../libs/temporal/data-converter.js';
import { workflowSource } from '../libs/temporal/workflow-source.js';
import { ProcessStack, stopAllProcesses } from './support/app-processes.js';
import { eventually } from './support/eventually.js';
import { createCommune, createSuiteAdmin, type Commune, type Credentials } from './support/fault-commune.fixture.js';
import { startFakeEsms, type FakeEsms } from './support/fake-esms.js';
import { startFakeZalo, type FakeZalo } from './support/fake-zalo.js';
import { startSmtpInbox, type SmtpInbox } from './support/smtp-inbox.js';
import { quietTemporalRuntime, testConfig } from './support/test-stack.js';

const TEMPLATES = { invitation: '310001', change: '310002', reminder: '310003', overdue: '310004', lessons: '310005' };

let db: DataSource;
let stack: ProcessStack;
let admin: Credentials;
let zalo: FakeZalo;
let sms: FakeEsms;
let mail: SmtpInbox;
let phoneSerial = 0;
const phonesUsed: string[] = [];

beforeAll(async () => {
  quietTemporalRuntime();
  const config = testConfig();
  db = await createDataSource({ url: config.database.url, poolSize: 3, applicationName: 'notification-delivery' }).initialize();
  [zalo, sms, mail] = await Promise.all([startFakeZalo(), startFakeEsms(), startSmtpInbox()]);
  stack = await ProcessStack.start({
    env: {
      SMTP_URL: mail.url,
      ZALO_ZNS_API_URL: zalo.url,
      ZALO_OAUTH_URL: zalo.url,
      ZALO_APP_ID: zalo.appId,
      ZALO_SECRET_KEY: zalo.secretKey,
      ZALO_ACCESS_TOKEN: zalo.tokens.access,
      ZALO_REFRESH_TOKEN: zalo.tokens.refresh,
      ZALO_OA_SECRET_KEY: zalo.oaSecretKey,
      ZALO_ZNS_TEMPLATES: Object.entries(TEMPLATES).map(([kind, id]) => `${kind}=${id}`).join(','),
      ZALO_SETTLE_WINDOW_MS: '60000',
      SMS_API_URL: sms.url,
      SMS_API_KEY: sms.apiKey,
      SMS_SECRET_KEY: sms.secretKey,
      SMS_BRANDNAME: sms.brandname,
      NOTIFY_QUIET_HOURS: 'off',
      NOTIFY_RETRY_INITIAL_MS: '200',
      NOTIFY_RETRY_MAX_INTERVAL_MS: '1000',
      NOTIFY_RETRY_MAX_ATTEMPTS: '6',
      NOTIFY_DISPATCH_INTERVAL_MS: '200',
    },
  });
  zalo.postWebhooksTo(`${stack.baseUrl}/api/webhooks/zalo`);
  sms.callBack('5');
  admin = await createSuiteAdmin(db);
}, 180_000);

afterAll(async () => {
  await stopAllProcesses();
  await Promise.all([zalo?.close(), sms?.close(), mail?.close()]);
  await db?.destroy();
});

interface Reachable {
  commune: Commune;
  email: string;
  /** As stored: 84…, nine digits after the country code. */
  phone: string;
}

/** A commune of two cells: the first hosts, the second is invited; only the invited secretary has an address. */
async function communeWithOneReachable(channels: string[] = ['email', 'zalo', 'sms']): Promise<Reachable> {
  const commune = await createCommune(stack.http, admin, 2);
  phoneSerial += 1;
  const phone = `8491${String(Date.now() % 100_000).padStart(5, '0')}${String(phoneSerial).padStart(2, '0')}`;
  phonesUsed.push(phone);
  const email = `bithu.${phoneSerial}.${commune.committeeId.slice(0, 8)}@xa-ta-xua.vn`;
  await db.query(`UPDATE committees SET notify_channels = '{email,zalo,sms}' WHERE id = $1`, [commune.committeeId]);
  await db.query(`UPDATE users SET email = $2, phone = $3, notify_channels = $4 WHERE id = $1`, [commune.cells[1].secretary.userId, email, phone, channels]);
  return { commune, email, phone };
}

async function launch({ commune }: Reachable, title: string, meetingInMs = 3 * 86_400_000): Promise<string> {
  const body = launchBody({
    committeeId: commune.committeeId,
    hostCellId: commune.cells[0].id,
    invitedCellIds: [commune.cells[1].id],
    meetingAt: Date.now() + meetingInMs,
    title,
    location: 'Nhà văn hóa bản Tà Xùa',
  });
  const answer = await stack.http.send('POST', '/api/cycles', { token: commune.staff.token, body });
  if (answer.status !== 201) throw new Error(`launch → ${answer.status} ${JSON.stringify(answer.body)}\n${stack.logTail()}`);
  return answer.body.id as string;
}

interface DeliveryRow {
  id: string;
  channel: string;
  status: string;
  errorCode: string | null;
  attempts: number;
}

/** The invited secretary's delivery rows of one notification reason in a cycle, by channel. */
async function deliveries(cycleId: string, userId: string, reason = 'INVITED'): Promise<Record<string, DeliveryRow>> {
  const rows = await db.query<DeliveryRow[]>(
    `SELECT d.id, d.channel, d.status, d.error_code AS "errorCode", d.attempts
       FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
      WHERE n.cycle_id = $1 AND n.user_id = $2 AND n.reason = $3`,
    [cycleId, userId, reason],
  );
  return Object.fromEntries(rows.map((row) => [row.channel, row]));
}

const FINAL = new Set(['SENT', 'DELIVERED', 'FAILED', 'SKIPPED']);

/** Waits until every channel of the notification has ended, and answers the rows. */
async function settled(cycleId: string, userId: string, reason = 'INVITED', timeoutMs = 30_000): Promise<Record<string, DeliveryRow>> {
  return eventually(async () => {
    const rows = await deliveries(cycleId, userId, reason);
    const all = Object.values(rows);
    if (all.length !== 3 || !all.every((row) => FINAL.has(row.status))) throw new Error(`not settled yet: ${JSON.stringify(rows)}`);
    return rows;
  }, timeoutMs);
}

/** The calls made to the provider for one delivery, in order (its later delivery report left out). */
async function attemptsOf(deliveryId: string): Promise<{ outcome: string; code: string | null }[]> {
  return db.query(
    `SELECT outcome, code FROM notification_delivery_attempts WHERE delivery_id = $1 AND outcome NOT IN ('delivered', 'undelivered') ORDER BY id`,
    [deliveryId],
  );
}

const mailTo = (address: string) => mail.received.filter((message) => message.envelope.to.includes(address));

describe('an invitation carried beyond the inbox', () => {
  it('reaches the invited secretary once by email, with the link to the RSVP form, and once by Zalo; SMS is not needed', async () => {
    const person = await communeWithOneReachable();
    const title = 'Sinh hoạt chuyên đề “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”';
    const cycleId = await launch(person, title);
    const rows = await settled(cycleId, person.commune.cells[1].secretary.userId);

    expect({ email: rows.email.status, zalo: rows.zalo.status, sms: rows.sms.status, smsCode: rows.sms.errorCode }).toEqual({
      email: 'SENT',
      zalo: expect.stringMatching(/^(SENT|DELIVERED)$/),
      sms: 'SKIPPED',
      smsCode: 'NOT_NEEDED',
    });
    const [message] = mailTo(person.email);
    expect(mailTo(person.email)).toHaveLength(1);
    expect(message.parsed.subject).toContain('Giấy mời dự sinh hoạt chi bộ điểm');
    expect(message.parsed.text).toContain(title);
    expect(message.parsed.text).toContain(`${stack.baseUrl.replace('127.0.0.1', 'localhost')}/dot/${cycleId}/xac-nhan`);
    expect(message.parsed.html).toContain(`/dot/${cycleId}/xac-nhan`);

    const toPhone = zalo.sent.filter((sent) => sent.phone === person.phone);
    expect(toPhone).toHaveLength(1);
    expect(toPhone[0]).toMatchObject({ templateId: TEMPLATES.invitation, trackingId: rows.zalo.id });
    expect(sms.sent.filter((sent) => sent.phone === person.phone)).toHaveLength(0);
    // Zalo's webhook reached the API and marked the row.
    await zalo.webhooksSettled();
    expect((await deliveries(cycleId, person.commune.cells[1].secretary.userId)).zalo.status).toBe('DELIVERED');

    await keepAndReplayDeliveryHistory(rows.zalo.id, 'email-zalo-reached');
  }, 60_000);

  it('sends once when Zalo says "try again" three times, and records each attempt', async () => {
    const person = await communeWithOneReachable(['zalo']);
    zalo.failNext(3, { error: -100, message: 'Unknown error' });
    const cycleId = await launch(person, 'Sinh hoạt chi bộ điểm: Zalo bận ba lần');
    const rows = await settled(cycleId, person.commune.cells[1].secretary.userId);

    expect(rows.zalo.status).toMatch(/^(SENT|DELIVERED)$/);
    expect(zalo.sentWith(rows.zalo.id)).toBe(1);
    expect((await attemptsOf(rows.zalo.id)).map((attempt) => attempt.outcome)).toEqual(['retry', 'retry', 'retry', 'accepted']);
    expect(rows.zalo.attempts).toBe(4);
    expect({ email: rows.email.errorCode, sms: rows.sms.errorCode }).toEqual({ email: 'NOT_CHOSEN', sms: 'NOT_CHOSEN' });
  }, 60_000);

  it('falls back to SMS for a number Zalo cannot reach, through a gateway that fails twice, and sends one SMS', async () => {
    const person = await communeWithOneReachable(['zalo', 'sms']);
    zalo.phoneAnswers(person.phone, -118);
    sms.failNext(2, { httpStatus: 502 });
    const cycleId = await launch(person, 'Sinh hoạt chi bộ điểm: dự phòng bằng tin nhắn');
    const rows = await settled(cycleId, person.commune.cells[1].secretary.userId);

    expect({ zalo: rows.zalo.status, zaloCode: rows.zalo.errorCode, sms: rows.sms.status }).toEqual({
      zalo: 'FAILED',
      zaloCode: expect.stringContaining('118'),
      sms: expect.stringMatching(/^(SENT|DELIVERED)$/),
    });
    expect(zalo.sentWith(rows.zalo.id)).toBe(0);
    expect(sms.sentWith(rows.sms.id)).toBe(1);
    expect(sms.sent.filter((sent) => sent.phone === person.phone)).toHaveLength(1);
    expect((await attemptsOf(rows.sms.id)).map((attempt) => attempt.outcome)).toEqual(['retry', 'retry', 'accepted']);
    await keepAndReplayDeliveryHistory(rows.sms.id, 'zalo-refused-sms-after-retries');
  }, 60_000);

  it('records a number no provider takes as failed on both phone channels, and the email still goes', async () => {
    const person = await communeWithOneReachable();
    zalo.phoneAnswers(person.phone, -108);
    sms.phoneAnswers(person.phone, '108');
    const cycleId = await launch(person, 'Sinh hoạt chi bộ điểm: số điện thoại sai');
    const rows = await settled(cycleId, person.commune.cells[1].secretary.userId);

    expect({ email: rows.email.status, zalo: rows.zalo.status, sms: rows.sms.status }).toEqual({ email: 'SENT', zalo: 'FAILED', sms: 'FAILED' });
    expect(rows.sms.errorCode).toContain('108');
    expect(sms.sentWith(rows.sms.id)).toBe(0);
    expect(mailTo(person.email)).toHaveLength(1);
  }, 60_000);
});

describe('a worker killed while a provider holds the request', () => {
  it('sends once on Zalo (its unknown outcome settled by the late webhook, never resent) and once by SMS (repeated with the same request id)', async () => {
    const byZalo = await communeWithOneReachable(['zalo']);
    const bySms = await communeWithOneReachable(['sms']);
    // This time Zalo's delivery report comes only when the test sends it, after the retried attempt, and the
    // gateway reports nothing: the retried SMS attempt must ask the gateway again, with the same request id.
    zalo.postWebhooksTo(null);
    sms.callBack(null);
    zalo.answerAfter(6000);
    sms.answerAfter(6000);
    try {
      const [zaloCycle, smsCycle] = await Promise.all([launch(byZalo, 'Sinh hoạt chi bộ điểm: Zalo chậm'), launch(bySms, 'Sinh hoạt chi bộ điểm: SMS chậm')]);
      await eventually(async () => {
        const zaloAsked = zalo.requests.some((request) => request.body.phone === byZalo.phone);
        const smsAsked = sms.requests.some((request) => request.body.Phone === bySms.phone);
        if (!zaloAsked || !smsAsked) throw new Error('the providers have not been asked yet');
        return true;
      }, 30_000);
      await stack.worker.kill('SIGKILL');
      zalo.answerAfter(0);
      sms.answerAfter(0);
      await stack.worker.start();

      // The killed attempt is retried once its 30 s run time has passed: it finds the row still SENDING.
      const zaloUser = byZalo.commune.cells[1].secretary.userId;
      const zaloId = (await deliveries(zaloCycle, zaloUser)).zalo.id;
      await eventually(async () => (await attemptsOf(zaloId)).some((attempt) => attempt.outcome === 'unknown'), 90_000);
      expect(zalo.sentWith(zaloId)).toBe(1);
      const sent = zalo.sent.find((message) => message.trackingId === zaloId);
      await postZaloReport(sent?.msgId ?? '', zaloId);

      const zaloRows = await settled(zaloCycle, zaloUser, 'INVITED', 60_000);
      const smsRows = await settled(smsCycle, bySms.commune.cells[1].secretary.userId, 'INVITED', 90_000);
      await Promise.all([deliveryFinished(zaloRows.zalo.id), deliveryFinished(smsRows.sms.id)]);
      expect(zaloRows.zalo.status).toBe('DELIVERED');
      expect(zalo.sentWith(zaloRows.zalo.id)).toBe(1);
      expect(zalo.requests.filter((request) => request.body.tracking_id === zaloRows.zalo.id)).toHaveLength(1);

      expect(smsRows.sms.status).toMatch(/^(SENT|DELIVERED)$/);
      expect(sms.sentWith(smsRows.sms.id)).toBe(1);
      expect(sms.requests.filter((request) => request.body.RequestId === smsRows.sms.id).length).toBeGreaterThanOrEqual(2);
    } finally {
      zalo.postWebhooksTo(`${stack.baseUrl}/api/webhooks/zalo`);
      sms.callBack('5');
    }
  }, 180_000);
});

/** Zalo's `user_received_message`, signed as Zalo signs it, posted to the API's webhook. */
async function postZaloReport(msgId: string, trackingId: string): Promise<void> {
  const timestamp = String(Date.now());
  const raw = JSON.stringify({
    app_id: zalo.appId,
    event_name: 'user_received_message',
    message: { msg_id: msgId, delivery_time: timestamp, tracking_id: trackingId },
    timestamp,
  });
  const response = await fetch(`${stack.baseUrl}/api/webhooks/zalo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-ZEvent-Signature': zaloSignatureOf({ appId: zalo.appId, oaSecretKey: zalo.oaSecretKey }, raw, timestamp) },
    body: raw,
  });
  expect(response.status).toBe(200);
}

describe('quiet hours', () => {
  it('hold Zalo and SMS until they end, but not email, and not a change of meeting time', async () => {
    const person = await communeWithOneReachable(['email', 'zalo']);
    // A window from two hours ago to a minute boundary 20 to 80 seconds away, Vietnam time, for this worker only.
    const end = Math.ceil((Date.now() + 20_000) / 60_000) * 60_000;
    const clock = (at: number) => new Date(at + 7 * 3_600_000).toISOString().slice(11, 16);
    stack.worker.env.NOTIFY_QUIET_HOURS = `${clock(Date.now() - 2 * 3_600_000)}-${clock(end)}`;
    await stack.worker.restart('SIGTERM');
    try {
      const cycleId = await launch(person, 'Sinh hoạt chi bộ điểm: giờ yên tĩnh');
      const userId = person.commune.cells[1].secretary.userId;
      const waiting = await eventually(async () => {
        const rows = await deliveries(cycleId, userId);
        if (rows.email?.status !== 'SENT' || rows.zalo?.status !== 'WAITING') throw new Error(JSON.stringify(rows));
        return rows;
      }, 30_000);
      const [{ notBefore }] = await db.query<{ notBefore: Date }[]>(`SELECT not_before AS "notBefore" FROM notification_deliveries WHERE id = $1`, [waiting.zalo.id]);
      expect(notBefore.getTime()).toBe(end);
      expect(zalo.sentWith(waiting.zalo.id)).toBe(0);

      // A new meeting time cannot wait for the morning.
      const moved = await stack.http.send('POST', `/api/cycles/${cycleId}/reschedule`, {
        token: person.commune.staff.token,
        body: { meetingAt: new Date(Date.now() + 4 * 86_400_000).toISOString(), reason: 'Trùng lịch họp của Đảng ủy xã' },
      });
      expect(moved.status).toBe(200);
      const urgentReason = (await db.query<{ reason: string }[]>(`SELECT reason FROM notifications WHERE cycle_id = $1 AND user_id = $2 AND reason LIKE 'RESCHEDULED%'`, [cycleId, userId]))[0].reason;
      const urgent = await settled(cycleId, userId, urgentReason);
      expect(urgent.zalo.status).toMatch(/^(SENT|DELIVERED)$/);
      expect(Date.now()).toBeLessThan(end);

      const after = await settled(cycleId, userId, 'INVITED', end - Date.now() + 30_000);
      expect(after.zalo.status).toMatch(/^(SENT|DELIVERED)$/);
      expect(Date.now()).toBeGreaterThanOrEqual(end);
      expect(zalo.sentWith(after.zalo.id)).toBe(1);
    } finally {
      stack.worker.env.NOTIFY_QUIET_HOURS = 'off';
      await stack.worker.restart('SIGTERM');
    }
  }, 180_000);
});

describe('personal data', () => {
  it('never writes a phone number in full in a log line of the API or the worker', () => {
    const lines = `${stack.api.logTail(400)}\n${stack.worker.logTail(400)}`;
    expect(phonesUsed.length).toBeGreaterThan(0);
    for (const phone of phonesUsed) {
      expect(lines).not.toContain(phone);
      expect(lines).not.toContain(`0${phone.slice(2)}`);
    }
  });
});

/** The delivery workflow of a delivery row's notification, through a client of this suite's own. */
async function withDeliveryWorkflow<T>(deliveryId: string, use: (handle: WorkflowHandle) => Promise<T>): Promise<T> {
  const [{ notificationId }] = await db.query<{ notificationId: string }[]>(`SELECT notification_id AS "notificationId" FROM notification_deliveries WHERE id = $1`, [
    deliveryId,
  ]);
  const config = testConfig();
  const connection = await Connection.connect({ address: config.temporal.address });
  try {
    const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter: dataConverterOf(config.temporal) });
    return await use(client.workflow.getHandle(`notification-delivery-${notificationId}`));
  } finally {
    await connection.close();
  }
}

/** Waits for the delivery workflow of a delivery row's notification to end. */
async function deliveryFinished(deliveryId: string): Promise<void> {
  await withDeliveryWorkflow(deliveryId, (handle) => handle.result());
}

/**
 * The delivery workflow's own history replays with the current code; RECORD_HISTORY_AS=<label> keeps it in
 * test/histories for the replay suite, so a later change of the workflow is checked against it.
 */
async function keepAndReplayDeliveryHistory(deliveryId: string, scenario: string): Promise<void> {
  const history = await withDeliveryWorkflow(deliveryId, async (handle) => {
    await handle.result();
    return handle.fetchHistory();
  });
  const config = testConfig();
  await Worker.runReplayHistory({ ...workflowSource(), dataConverter: dataConverterOf(config.temporal, true) }, history, `replay-${scenario}`);
  const label = process.env.RECORD_HISTORY_AS;
  if (label) writeFileSync(join(process.cwd(), 'test', 'histories', `${label}-${scenario}.json`), JSON.stringify(JSON.parse(historyToJSON(history)), null, 1));
}
