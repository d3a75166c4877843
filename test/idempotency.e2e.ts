import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../apps/api/create-api-app.js';
import { acceptInvitationBody, launchBody, meetingBody, planBody, type LaunchFacts } from '../scripts/lib/step-bodies.mjs';
import { login, startApiStack, type ApiStack } from './support/api-stack.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCommune } from './support/commune-api.fixture.js';
import { eventually, sleep } from './support/eventually.js';

/**
 * api.md: "A step sent again with the same Idempotency-Key header returns the first answer and acts once."
 * Checked over HTTP: sequential and concurrent repeats, a refusal as the first answer, a key reused for another
 * request, a cycle launched twice, and a repeat after the API process has been restarted.
 */

type HttpResponse = request.Response;
type Cell = ApiCommune['cells'][number];
interface TimelineEntry {
  at: string;
  event: string;
  actorId: string | null;
}

let stack: ApiStack;
let app: INestApplication;
let http: ReturnType<typeof request>;
let appClosed = false;
let commune: ApiCommune;
let visitorA: Cell;
let visitorB: Cell;
let visitorC: Cell;
let visitorD: Cell;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const english = { 'Accept-Language': 'en' };
const newKey = (label: string) => `${label}-${randomUUID()}`;

const KEY_REUSED_VI = 'Yêu cầu này trùng với một yêu cầu khác đã gửi trước đó; đề nghị đồng chí mở lại biểu mẫu rồi gửi.';
const KEY_REUSED_EN = 'This Idempotency-Key was already used for a different request.';
const ALREADY_DONE_VI = 'Bước này đã được thực hiện trước đó; không cần gửi lại.';

function expectStatus(response: HttpResponse, status: number): void {
  expect(response.text ?? '').not.toMatch(/passwordHash|password_hash/);
  expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status });
}

/** The same answer: status and body, exactly. */
function expectSameAnswer(repeat: HttpResponse, first: HttpResponse): void {
  expect({ status: repeat.status, body: repeat.body as unknown }).toEqual({ status: first.status, body: first.body as unknown });
}

function expectError(response: HttpResponse, status: number, message: string): void {
  expect({ status: response.status, body: response.body as unknown }).toMatchObject({
    status,
    body: { statusCode: status, message, error: expect.any(String) },
  });
}

let hostCount = 0;

/**
 * A cell of its own (with its secretary) to host each cycle: a cell never hosts two open cycles (HOST_BUSY),
 * and the cycles of this suite stay open. Made over HTTP the way committee staff would.
 */
async function newHostCell(): Promise<Cell> {
  hostCount += 1;
  const suffix = randomUUID().slice(0, 8);
  const staff = bearer(commune.staff.token);
  const cell = await http.post(`/api/committees/${commune.committeeId}/cells`).set(staff).send({ name: `Chi bộ điểm ${hostCount} ${suffix}`, memberCount: 25 });
  expectStatus(cell, 201);
  const user = await http
    .post('/api/users')
    .set(staff)
    .send({ username: `bithu.diem${hostCount}.${suffix}`, password: TEST_PASSWORD, fullName: `Bí thư chi bộ điểm ${hostCount}`, role: 'secretary', cellId: cell.body.id });
  expectStatus(user, 201);
  const token = await login(stack, user.body.username as string, TEST_PASSWORD);
  return { id: cell.body.id, name: cell.body.name, secretary: { userId: user.body.id, username: user.body.username, token } };
}

/** A launch by step-bodies with a unique title, every visitor invited, a month ahead; `words` override. */
function launchRequest(hostCellId: string | undefined, words: Partial<LaunchFacts> = {}) {
  return launchBody({
    title: `Sinh hoạt chi bộ điểm ${randomUUID().slice(0, 8)}`,
    kind: 'thematic',
    invitedCellIds: [visitorA.id, visitorB.id, visitorC.id, visitorD.id],
    meetingAt: Date.now() + 30 * 86_400_000,
    location: 'Hội trường Đảng ủy xã',
    // step-bodies' EARLY_START_TOLERANCE: meetingBody records a meeting that started 130 minutes before it is sent, seconds after the meeting's time.
    ...words,
    committeeId: commune.committeeId,
    ...(hostCellId ? { hostCellId } : {}),
  });
}

/** Launches a cycle with a host of its own. */
async function launch(overrides: Partial<LaunchFacts> = {}): Promise<{ cycleId: string; host: Cell }> {
  const host = await newHostCell();
  const response = await http.post('/api/cycles').set(bearer(commune.staff.token)).send(launchRequest(host.id, overrides));
  expectStatus(response, 201);
  return { cycleId: response.body.id as string, host };
}

async function timelineOf(cycleId: string): Promise<TimelineEntry[]> {
  const response = await http.get(`/api/cycles/${cycleId}`).set(bearer(commune.staff.token));
  expectStatus(response, 200);
  return response.body.timeline as TimelineEntry[];
}

async function eventsOf(cycleId: string, event: string, actorId?: string): Promise<TimelineEntry[]> {
  return (await timelineOf(cycleId)).filter((entry) => entry.event === event && (actorId === undefined || entry.actorId === actorId));
}

async function notificationCount(cycleId: string, reason: string): Promise<number> {
  const [{ count }] = await stack.dataSource.query<{ count: string }[]>(
    `SELECT count(*) FROM notifications WHERE cycle_id = $1 AND reason = $2`,
    [cycleId, reason],
  );
  return Number(count);
}

/** A thematic meeting of 125 minutes that ended 5 minutes ago. */
const meetingOf = (attending: Cell[]) =>
  meetingBody({ attendingCellIds: attending.map((cell) => cell.id), durationMinutes: 125, attendance: { present: 19, total: 20, absentWithReason: 1 } });

beforeAll(async () => {
  stack = await startApiStack();
  app = stack.app;
  http = stack.http;
  commune = await createCommuneViaApi(stack, 4);
  [visitorA, visitorB, visitorC, visitorD] = commune.cells;
});

afterAll(async () => {
  if (!stack) return;
  if (!appClosed) await app.close();
  await stack.stop();
});

describe('a 200 step sent twice with one key', () => {
  it('posting the plan twice acts once (one PLAN_POSTED, no PLAN_REVISED, no extra notifications) and returns the first answer', async () => {
    const { cycleId, host } = await launch();
    const key = newKey('plan');
    const plan = { agenda: ['Khai mạc', 'Sinh hoạt chuyên đề'], content: 'Chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh' };
    const first = await http.post(`/api/cycles/${cycleId}/plan`).set(bearer(host.secretary.token)).set('Idempotency-Key', key).send(plan);
    expectStatus(first, 200);
    expect(first.body.status).toBe('SCHEDULED');
    await eventually(async () => (await notificationCount(cycleId, 'PLAN_POSTED')) === 4);

    const repeat = await http.post(`/api/cycles/${cycleId}/plan`).set(bearer(host.secretary.token)).set('Idempotency-Key', key).send(plan);
    expectSameAnswer(repeat, first);
    await sleep(500);

    expect(await eventsOf(cycleId, 'PLAN_POSTED')).toHaveLength(1);
    expect(await eventsOf(cycleId, 'PLAN_REVISED')).toHaveLength(0);
    expect(await notificationCount(cycleId, 'PLAN_POSTED')).toBe(4);
    expect(await notificationCount(cycleId, 'PLAN_REVISED')).toBe(0);

    const control = await http.post(`/api/cycles/${cycleId}/plan`).set(bearer(host.secretary.token)).send(plan);
    expectStatus(control, 200);
    expect(await eventsOf(cycleId, 'PLAN_REVISED')).toHaveLength(1);
  });

  it('an RSVP twice acts once; the same key string of two different people are two keys', async () => {
    const { cycleId } = await launch();
    const key = newKey('rsvp');
    const body = { response: 'accept', delegate: 'Đồng chí Lò Văn Sương' };
    const first = await http.post(`/api/cycles/${cycleId}/invitations/${visitorA.id}/rsvp`).set(bearer(visitorA.secretary.token)).set('Idempotency-Key', key).send(body);
    expectStatus(first, 200);
    const repeat = await http.post(`/api/cycles/${cycleId}/invitations/${visitorA.id}/rsvp`).set(bearer(visitorA.secretary.token)).set('Idempotency-Key', key).send(body);
    expectSameAnswer(repeat, first);
    expect(await eventsOf(cycleId, 'RSVP_ACCEPTED', visitorA.secretary.userId)).toHaveLength(1);

    const otherPerson = await http
      .post(`/api/cycles/${cycleId}/invitations/${visitorB.id}/rsvp`)
      .set(bearer(visitorB.secretary.token))
      .set('Idempotency-Key', key)
      .send(body);
    expectStatus(otherPerson, 200);
    expect(await eventsOf(cycleId, 'RSVP_ACCEPTED', visitorB.secretary.userId)).toHaveLength(1);
    const invitations = (await http.get(`/api/cycles/${cycleId}`).set(bearer(commune.staff.token))).body.invitations as { cellId: string; status: string }[];
    expect(invitations.filter((invitation) => invitation.status === 'ACCEPTED').map((invitation) => invitation.cellId).sort()).toEqual(
      [visitorA.id, visitorB.id].sort(),
    );
  });

  it('a malformed key is refused (400), not silently ignored', async () => {
    const { cycleId } = await launch();
    for (const key of ['has spaces in it', 'x'.repeat(201), 'semi;colon', '']) {
      const response = await http
        .post(`/api/cycles/${cycleId}/invitations/${visitorA.id}/rsvp`)
        .set(bearer(visitorA.secretary.token))
        .set('Idempotency-Key', key)
        .send({ response: 'accept' });
      expectError(response, 400, 'Nội dung gửi lên chưa đúng quy định.');
    }
    expect(await eventsOf(cycleId, 'RSVP_ACCEPTED')).toHaveLength(0);
  });
});

describe('the same key with a different request', () => {
  it('answers 409 IDEMPOTENCY_KEY_REUSED (vi and en) and does not act', async () => {
    const { cycleId } = await launch();
    const { cycleId: otherCycleId } = await launch();
    const key = newKey('reuse');
    const path = `/api/cycles/${cycleId}/invitations/${visitorC.id}/rsvp`;
    const first = await http.post(path).set(bearer(visitorC.secretary.token)).set('Idempotency-Key', key).send({ response: 'accept' });
    expectStatus(first, 200);

    const differentBody = await http.post(path).set(bearer(visitorC.secretary.token)).set('Idempotency-Key', key).send({ response: 'decline', note: 'Đổi ý' });
    expectError(differentBody, 409, KEY_REUSED_VI);
    const differentBodyEn = await http.post(path).set(bearer(visitorC.secretary.token)).set(english).set('Idempotency-Key', key).send({ response: 'decline' });
    expectError(differentBodyEn, 409, KEY_REUSED_EN);
    const differentCycle = await http
      .post(`/api/cycles/${otherCycleId}/invitations/${visitorC.id}/rsvp`)
      .set(bearer(visitorC.secretary.token))
      .set('Idempotency-Key', key)
      .send({ response: 'accept' });
    expectError(differentCycle, 409, KEY_REUSED_VI);

    const seen = await http.get(`/api/cycles/${cycleId}`).set(bearer(commune.staff.token));
    expect((seen.body.invitations as { cellId: string; status: string }[]).find((invitation) => invitation.cellId === visitorC.id)?.status).toBe('ACCEPTED');
    expect(await eventsOf(cycleId, 'RSVP_DECLINED')).toHaveLength(0);
    expect(await eventsOf(cycleId, 'RSVP_ACCEPTED')).toHaveLength(1);
    expect(await eventsOf(otherCycleId, 'RSVP_ACCEPTED')).toHaveLength(0);

    const repeat = await http.post(path).set(bearer(visitorC.secretary.token)).set('Idempotency-Key', key).send({ response: 'accept' });
    expectSameAnswer(repeat, first);
  });
});

describe('launching a cycle twice with one key', () => {
  it('creates one cycle (same id), sequentially and concurrently', async () => {
    const key = newKey('launch');
    const body = launchRequest(undefined, { title: `Đợt khởi tạo một lần ${randomUUID().slice(0, 8)}` });
    const first = await http.post('/api/cycles').set(bearer(commune.staff.token)).set('Idempotency-Key', key).send(body);
    expectStatus(first, 201);
    expect(first.body.status).toBe('HOST_SELECTION');
    const repeat = await http.post('/api/cycles').set(bearer(commune.staff.token)).set('Idempotency-Key', key).send(body);
    expectSameAnswer(repeat, first);
    const [{ count }] = await stack.dataSource.query<{ count: string }[]>(`SELECT count(*) FROM cycles WHERE title = $1`, [body.title]);
    expect(Number(count)).toBe(1);
    expect(await eventsOf(first.body.id as string, 'CYCLE_LAUNCHED')).toHaveLength(1);

    const concurrentKey = newKey('launch-concurrent');
    const concurrentBody = launchRequest((await newHostCell()).id, { title: `Đợt khởi tạo đồng thời ${randomUUID().slice(0, 8)}` });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => http.post('/api/cycles').set(bearer(commune.staff.token)).set('Idempotency-Key', concurrentKey).send(concurrentBody)),
    );
    for (const answer of answers) expectStatus(answer, 201);
    const ids = new Set(answers.map((answer) => answer.body.id as string));
    expect(ids.size).toBe(1);
    const [cycleId] = [...ids];
    const [{ count: concurrentCount }] = await stack.dataSource.query<{ count: string }[]>(`SELECT count(*) FROM cycles WHERE title = $1`, [
      concurrentBody.title,
    ]);
    expect(Number(concurrentCount)).toBe(1);
    expect(await eventsOf(cycleId, 'CYCLE_LAUNCHED')).toHaveLength(1);
    const [{ count: invitations }] = await stack.dataSource.query<{ count: string }[]>(`SELECT count(*) FROM cycle_invitations WHERE cycle_id = $1`, [cycleId]);
    expect(Number(invitations)).toBe(4);
    await sleep(300);
    expect(await notificationCount(cycleId, 'INVITED')).toBe(4);
    expect(await notificationCount(cycleId, 'CHOSEN_AS_HOST')).toBe(1);
  });
});

describe('critiques with keys', () => {
  let cycleId: string;
  let host: Cell;
  const critique = (text: string) => ({ points: [{ stage: 'content', kind: 'suggestion', text }] });

  beforeAll(async () => {
    const meetingAt = new Date(Date.now() + 5000).toISOString();
    ({ cycleId, host } = await launch({ meetingAt, critiqueWindow: 'P3D' }));
    for (const cell of [visitorA, visitorB, visitorC]) {
      expectStatus(await http.post(`/api/cycles/${cycleId}/invitations/${cell.id}/rsvp`).set(bearer(cell.secretary.token)).send(acceptInvitationBody()), 200);
    }
    expectStatus(await http.post(`/api/cycles/${cycleId}/plan`).set(bearer(host.secretary.token)).send(planBody()), 200);
  });

  it('a refusal is the first answer too: a meeting recorded too early with key M stays refused under M, a new key acts', async () => {
    const key = newKey('meeting');
    const body = meetingOf([visitorA, visitorB, visitorC]);
    const early = await http.post(`/api/cycles/${cycleId}/meeting`).set(bearer(host.secretary.token)).set('Idempotency-Key', key).send(body);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/^Chưa đến giờ sinh hoạt/);

    const meetingAt = Date.parse((await http.get(`/api/cycles/${cycleId}`).set(bearer(host.secretary.token))).body.meetingAt as string);
    await sleep(Math.max(0, meetingAt - Date.now() + 150));
    const repeat = await http.post(`/api/cycles/${cycleId}/meeting`).set(bearer(host.secretary.token)).set('Idempotency-Key', key).send(body);
    expectSameAnswer(repeat, early);
    expect(await eventsOf(cycleId, 'MEETING_RECORDED')).toHaveLength(0);

    const fresh = await http.post(`/api/cycles/${cycleId}/meeting`).set(bearer(host.secretary.token)).set('Idempotency-Key', newKey('meeting')).send(body);
    expectStatus(fresh, 200);
    expect(fresh.body.status).toBe('CRITIQUE');
    expect(await eventsOf(cycleId, 'MEETING_RECORDED')).toHaveLength(1);
  });

  it('two different keys for one critique: one 201 and one 409 ALREADY_DONE; each key then replays its own answer', async () => {
    const [keyOne, keyTwo] = [newKey('critique-1'), newKey('critique-2')];
    const send = (key: string, text: string) =>
      http.post(`/api/cycles/${cycleId}/critiques`).set(bearer(visitorA.secretary.token)).set('Idempotency-Key', key).send(critique(text));
    const [one, two] = await Promise.all([send(keyOne, 'Góp ý lần một'), send(keyTwo, 'Góp ý lần hai')]);
    expect([one.status, two.status].sort()).toEqual([201, 409]);
    const [accepted, refused] = one.status === 201 ? [one, two] : [two, one];
    expectError(refused, 409, ALREADY_DONE_VI);

    expectSameAnswer(await send(keyOne, 'Góp ý lần một'), one);
    expectSameAnswer(await send(keyTwo, 'Góp ý lần hai'), two);

    expect(await eventsOf(cycleId, 'CRITIQUE_SUBMITTED', visitorA.secretary.userId)).toHaveLength(1);
    const rows = await stack.dataSource.query<{ id: string }[]>(`SELECT id FROM critiques WHERE cycle_id = $1 AND cell_id = $2`, [cycleId, visitorA.id]);
    expect(rows.map((row) => row.id)).toEqual([accepted.body.id]);
  });

  it('five concurrent identical critiques with one key: all get the same answer, the critique is submitted once', async () => {
    const key = newKey('critique-concurrent');
    const body = critique('Cần phân công nhiệm vụ cụ thể hơn — gửi đồng thời 5 lần');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => http.post(`/api/cycles/${cycleId}/critiques`).set(bearer(visitorB.secretary.token)).set('Idempotency-Key', key).send(body)),
    );
    expectStatus(answers[0], 201);
    for (const answer of answers) expectSameAnswer(answer, answers[0]);

    expect(await eventsOf(cycleId, 'CRITIQUE_SUBMITTED', visitorB.secretary.userId)).toHaveLength(1);
    const rows = await stack.dataSource.query<{ id: string }[]>(`SELECT id FROM critiques WHERE cycle_id = $1 AND cell_id = $2`, [cycleId, visitorB.id]);
    expect(rows.map((row) => row.id)).toEqual([answers[0].body.id]);
    const seen = await http.get(`/api/cycles/${cycleId}`).set(bearer(commune.staff.token));
    expect(seen.body.status).toBe('CRITIQUE');
    expect(seen.body.critiques).toHaveLength(2);

    const later = await http.post(`/api/cycles/${cycleId}/critiques`).set(bearer(visitorB.secretary.token)).set('Idempotency-Key', key).send(body);
    expectSameAnswer(later, answers[0]);
  });
});

describe('after the API is restarted', () => {
  it('a repeat with the same key returns the first answer and does not act again', async () => {
    const launchKey = newKey('launch-restart');
    const host = await newHostCell();
    const body = launchRequest(undefined, { title: `Đợt trước khi khởi động lại ${randomUUID().slice(0, 8)}` });
    const launched = await http.post('/api/cycles').set(bearer(commune.staff.token)).set('Idempotency-Key', launchKey).send(body);
    expectStatus(launched, 201);
    const cycleId = launched.body.id as string;

    const hostKey = newKey('host-restart');
    const picked = await http.post(`/api/cycles/${cycleId}/host`).set(bearer(commune.staff.token)).set('Idempotency-Key', hostKey).send({ cellId: host.id });
    expectStatus(picked, 200);
    expect(picked.body.status).toBe('PREPARATION');

    const refusalKey = newKey('refusal-restart');
    const refused = await http.post(`/api/cycles/${cycleId}/host`).set(bearer(commune.staff.token)).set('Idempotency-Key', refusalKey).send({ cellId: host.id });
    expectError(refused, 409, ALREADY_DONE_VI);
    await eventually(async () => (await notificationCount(cycleId, 'CHOSEN_AS_HOST')) === 1);

    appClosed = true;
    await app.close();
    app = await createApiApp(stack.config);
    await app.init();
    appClosed = false;
    http = request(app.getHttpServer());

    expectSameAnswer(await http.post('/api/cycles').set(bearer(commune.staff.token)).set('Idempotency-Key', launchKey).send(body), launched);
    expectSameAnswer(
      await http.post(`/api/cycles/${cycleId}/host`).set(bearer(commune.staff.token)).set('Idempotency-Key', hostKey).send({ cellId: host.id }),
      picked,
    );
    expectSameAnswer(
      await http.post(`/api/cycles/${cycleId}/host`).set(bearer(commune.staff.token)).set('Idempotency-Key', refusalKey).send({ cellId: host.id }),
      refused,
    );
    const reused = await http.post(`/api/cycles/${cycleId}/host`).set(bearer(commune.staff.token)).set('Idempotency-Key', hostKey).send({ cellId: visitorD.id });
    expectError(reused, 409, KEY_REUSED_VI);

    const [{ count }] = await stack.dataSource.query<{ count: string }[]>(`SELECT count(*) FROM cycles WHERE title = $1`, [body.title]);
    expect(Number(count)).toBe(1);
    expect(await eventsOf(cycleId, 'CYCLE_LAUNCHED')).toHaveLength(1);
    expect(await eventsOf(cycleId, 'HOST_SELECTED')).toHaveLength(1);
    expect(await notificationCount(cycleId, 'CHOSEN_AS_HOST')).toBe(1);
    expect(await notificationCount(cycleId, 'INVITED')).toBe(4);

    const cancelKey = newKey('cancel');
    const cancelBody = { reason: 'Kiểm tra sau khởi động lại' };
    const fresh = await http.post(`/api/cycles/${cycleId}/cancel`).set(bearer(commune.staff.token)).set('Idempotency-Key', cancelKey).send(cancelBody);
    expectStatus(fresh, 200);
    expect(fresh.body.status).toBe('CANCELLED');

    // Cancelled: the cancel's key still replays its first answer; any new step is refused as not fitting the stage.
    expectSameAnswer(await http.post(`/api/cycles/${cycleId}/cancel`).set(bearer(commune.staff.token)).set('Idempotency-Key', cancelKey).send(cancelBody), fresh);
    const cancelAgain = await http.post(`/api/cycles/${cycleId}/cancel`).set(bearer(commune.staff.token)).set('Idempotency-Key', newKey('cancel-again')).send(cancelBody);
    expect({ status: cancelAgain.status, code: cancelAgain.body.code }).toEqual({ status: 409, code: 'WRONG_STAGE' });
    const rsvpAfter = await http
      .post(`/api/cycles/${cycleId}/invitations/${visitorA.id}/rsvp`)
      .set(bearer(visitorA.secretary.token))
      .set('Idempotency-Key', newKey('rsvp-cancelled'))
      .send({ response: 'accept' });
    expect({ status: rsvpAfter.status, code: rsvpAfter.body.code }).toEqual({ status: 409, code: 'WRONG_STAGE' });
    expect(await eventsOf(cycleId, 'CYCLE_CANCELLED')).toHaveLength(1);
    expect(await eventsOf(cycleId, 'RSVP_ACCEPTED')).toHaveLength(0);
  });
});
