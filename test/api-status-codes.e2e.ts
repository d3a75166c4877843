import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../apps/api/create-api-app.js';
import { login, startApiStack, type ApiStack } from './support/api-stack.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCommune } from './support/commune-api.fixture.js';
import { sleep } from './support/eventually.js';
import { TEST_JWT_SECRET, testConfig } from './support/test-stack.js';

/**
 * Every status of the error table in api.md, triggered over HTTP: the NestJS body { statusCode, message, error },
 * the message in Vietnamese by default and in English with Accept-Language: en, and never a 500.
 * Expected sentences are the ones of libs/domain/messages.ts.
 */

type HttpResponse = request.Response;
type Cell = ApiCommune['cells'][number];

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

const VI = {
  notAuthenticated: 'Cần đăng nhập: thiếu mã truy cập, hoặc mã không hợp lệ hay đã hết hạn.',
  badCredentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  roleNotAllowed: 'Vai trò của đồng chí không được thực hiện thao tác này.',
  notInvited: 'Chi bộ của đồng chí không được mời dự đợt sinh hoạt này.',
  notFound: 'Không tìm thấy.',
  alreadyDone: 'Bước này đã được thực hiện rồi.',
  deadlinePassed: 'Đã hết hạn cho bước này.',
  payloadTooLarge: 'Dữ liệu gửi lên quá lớn.',
  tooManyRequests: 'Quá nhiều yêu cầu; vui lòng chờ một lát rồi thử lại.',
  temporalUnavailable: 'Hệ thống xử lý quy trình tạm thời không phản hồi; vui lòng thử lại (dùng cùng Idempotency-Key).',
  meetingNotInFuture: 'Thời gian sinh hoạt phải ở tương lai.',
  hostIsInvited: 'Chi bộ điểm không thể đồng thời là chi bộ được mời dự.',
  usernameTaken: 'Tên đăng nhập đã có người dùng.',
};

const EN = {
  notAuthenticated: 'Sign-in required: the access token is missing, invalid or expired.',
  badCredentials: 'Wrong username or password.',
  roleNotAllowed: 'Your role may not do this.',
  notFound: 'Not found.',
  alreadyDone: 'This step has already been done.',
  payloadTooLarge: 'The request body is too large.',
  tooManyRequests: 'Too many requests; wait a moment and try again.',
  temporalUnavailable: 'The workflow engine is not answering right now; please retry (with the same Idempotency-Key).',
};

const VIETNAMESE_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/** Strings that must come back byte for byte: diacritics (precomposed and decomposed), emoji, HTML and SQL look-alikes. */
const TRICKY_TITLE = `Sinh hoạt chi bộ điểm — Đảng bộ xã Nậm Xé 🇻🇳🎉 <script>alert(1)</script> '; DROP TABLE cycles; -- "Hoa\u0300" & Hòa`;
const TRICKY_POINTS = [
  'Đồng chí Bí thư điều hành tốt, phát huy dân chủ; Nguyễn Thị Ánh Tuyết phát biểu sâu sắc 👍🏽✨',
  '<script>alert(1)</script><img src=x onerror="alert(2)">',
  `'; DROP TABLE cycles; -- " OR 1=1; /* \\ */`,
  'Ghi biên bản: Hoa\u0300 (tổ hợp) ≠ Hòa (dựng sẵn); 👨‍👩‍👧‍👦 ½ ™ \t tab\nxuống dòng',
];

let stack: ApiStack;
let commune: ApiCommune;
let otherCommune: ApiCommune;
let adminToken: string;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const english = { 'Accept-Language': 'en' };

/** No answer of this suite may carry a password hash, whatever its status. */
function expectNoSecrets(response: HttpResponse): void {
  const text = response.text ?? '';
  expect(text).not.toMatch(/passwordHash|password_hash|\$argon2/i);
}

/** A success of the given status (the body is shown when it is not). */
function expectStatus(response: HttpResponse, status: number): void {
  expectNoSecrets(response);
  expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status });
}

/** An error answer: the status, NestJS's body { statusCode, message, error }, never a 500; returns the message. */
function errorOf(response: HttpResponse, status: number): string | string[] {
  expectNoSecrets(response);
  expect(response.status).not.toBe(500);
  expect({ status: response.status, body: response.body as unknown }).toMatchObject({
    status,
    body: { statusCode: status, error: REASON[status] },
  });
  const body = response.body as { statusCode: unknown; message: unknown; error: unknown };
  expect(Object.keys(body)).toEqual(expect.arrayContaining(['statusCode', 'message', 'error']));
  const { message } = body;
  if (Array.isArray(message)) {
    expect(message.length).toBeGreaterThan(0);
    for (const line of message) expect(typeof line).toBe('string');
    return message as string[];
  }
  expect(typeof message).toBe('string');
  return message as string;
}

/** A validation refusal: 400 with a list of sentences that includes each expected one. */
function expectValidation(response: HttpResponse, ...expected: string[]): string[] {
  const message = errorOf(response, 400);
  const lines = Array.isArray(message) ? message : [message];
  expect(lines).toEqual(expect.arrayContaining(expected));
  return lines;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** A JWT built by hand, so the tests control every part of it (alg, exp, signature). */
function jwt(header: Record<string, unknown>, payload: Record<string, unknown>, secret: string | null): string {
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = secret === null ? '' : createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

function meetingIn(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

function launchBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const [host, a, b, c] = commune.cells;
  return {
    committeeId: commune.committeeId,
    title: 'Sinh hoạt chi bộ điểm tháng 12',
    topic: 'Nâng cao chất lượng sinh hoạt chi bộ',
    kind: 'regular',
    hostCellId: host.id,
    invitedCellIds: [a.id, b.id, c.id],
    meetingAt: meetingIn(30 * 86_400_000),
    location: 'Nhà văn hóa thôn Na Hối Tày',
    ...overrides,
  };
}

async function launch(overrides: Record<string, unknown> = {}): Promise<{ id: string; body: Record<string, unknown> }> {
  const response = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).send(launchBody(overrides));
  expectStatus(response, 201);
  return { id: response.body.id as string, body: response.body as Record<string, unknown> };
}

const validMeeting = (attending: Cell[]) => {
  const started = Date.now() - 100 * 60_000;
  return {
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(started + 95 * 60_000).toISOString(),
    attendance: { present: 20, total: 21, absentWithReason: 1 },
    attendingCellIds: attending.map((cell) => cell.id),
    minutes: 'Biên bản buổi sinh hoạt',
  };
};

/** Launch with a host, RSVPs, plan, wait for meetingAt, record the meeting: the cycle is then in CRITIQUE. */
async function driveToCritique(critiqueWindow: string, attending: Cell[], title = 'Sinh hoạt chi bộ điểm — góp ý'): Promise<string> {
  const { http } = stack;
  const host = commune.cells[0];
  const meetingAt = meetingIn(3000);
  const { id } = await launch({ title, meetingAt, critiqueWindow });
  for (const cell of attending) {
    expectStatus(
      await http.post(`/api/cycles/${id}/invitations/${cell.id}/rsvp`).set(bearer(cell.secretary.token)).send({ response: 'accept' }),
      200,
    );
  }
  expectStatus(await http.post(`/api/cycles/${id}/plan`).set(bearer(host.secretary.token)).send({ agenda: ['Khai mạc'], content: 'Nội dung' }), 200);
  await sleep(Math.max(0, Date.parse(meetingAt) - Date.now() + 150));
  const recorded = await http.post(`/api/cycles/${id}/meeting`).set(bearer(host.secretary.token)).send(validMeeting(attending));
  expectStatus(recorded, 200);
  expect(recorded.body.status).toBe('CRITIQUE');
  return id;
}

beforeAll(async () => {
  stack = await startApiStack();
  commune = await createCommuneViaApi(stack, 4);
  otherCommune = await createCommuneViaApi(stack, 1);
  adminToken = await login(stack, 'admin', 'admin');
});

afterAll(async () => {
  await stack?.stopAll();
});

describe('200 and the healthy baseline', () => {
  it('GET /api/health answers 200 without a token when the database and Temporal answer', async () => {
    const response = await stack.http.get('/api/health');
    expectStatus(response, 200);
    expect(response.body).toMatchObject({ status: 'ok', database: 'up', temporal: 'up' });
  });

  it('never shows a password or its hash: login, a created user, /api/me', async () => {
    const loginResponse = await stack.http.post('/api/auth/login').send({ username: commune.staff.username, password: TEST_PASSWORD });
    expectStatus(loginResponse, 200);
    expect(loginResponse.body.user).toEqual({
      id: commune.staff.userId,
      username: commune.staff.username,
      fullName: expect.any(String),
      role: 'committee',
      committeeId: commune.committeeId,
      cellId: null,
    });
    expect(loginResponse.text).not.toContain(TEST_PASSWORD);

    const username = `kiemtra.${randomUUID().slice(0, 8)}`;
    const created = await stack.http
      .post('/api/users')
      .set(bearer(adminToken))
      .send({ username, password: TEST_PASSWORD, fullName: 'Hoàng Văn Kiểm', role: 'committee', committeeId: commune.committeeId });
    expectStatus(created, 201);
    expect(Object.keys(created.body as object).sort()).toEqual(['cellId', 'committeeId', 'fullName', 'id', 'role', 'username']);
    expect(created.text).not.toContain(TEST_PASSWORD);

    const me = await stack.http.get('/api/me').set(bearer(commune.staff.token));
    expectStatus(me, 200);
    expect(me.body).not.toHaveProperty('password');
  });
});

describe('400: body or parameter fails validation, unknown fields rejected', () => {
  const anyCycle = randomUUID();

  it('rejects an unknown field at the top level (vi and en)', async () => {
    const vi = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).send(launchBody({ extra: 1 }));
    expectValidation(vi, 'trường extra không được phép gửi');
    const en = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).set(english).send(launchBody({ extra: 1 }));
    expectValidation(en, 'field extra is not allowed');
  });

  it('rejects an unknown field nested in a critique point (points[0].extra)', async () => {
    const response = await stack.http
      .post(`/api/cycles/${anyCycle}/critiques`)
      .set(bearer(commune.cells[1].secretary.token))
      .send({ points: [{ stage: 'content', kind: 'strength', text: 'Tốt', extra: '<b>x</b>' }] });
    expectValidation(response, 'trường points.0.extra không được phép gửi');
  });

  it('rejects an unknown field nested in launch reminders', async () => {
    const response = await stack.http
      .post('/api/cycles')
      .set(bearer(commune.staff.token))
      .send(launchBody({ reminders: { planDueLead: 'P1D', sneaky: true } }));
    expectValidation(response, 'trường reminders.sneaky không được phép gửi');
  });

  it('rejects wrong types', async () => {
    const response = await stack.http
      .post('/api/cycles')
      .set(bearer(commune.staff.token))
      .send(launchBody({ title: 42, invitedCellIds: 'không phải danh sách', kind: 'chuyên đề' }));
    expectValidation(
      response,
      'title phải là chuỗi ký tự',
      'invitedCellIds phải là một danh sách',
      'kind phải là một trong các giá trị cho phép: regular, thematic',
    );

    const attendance = await stack.http
      .post(`/api/cycles/${anyCycle}/meeting`)
      .set(bearer(commune.cells[0].secretary.token))
      .send({ ...validMeeting([]), attendance: { present: '20', total: 21.5 } });
    expectValidation(attendance, 'attendance.present phải là số nguyên', 'attendance.total phải là số nguyên');

    const badScores = await stack.http
      .post(`/api/cycles/${anyCycle}/critiques`)
      .set(bearer(commune.cells[1].secretary.token))
      .send({ points: [{ stage: 'content', kind: 'strength', text: 'Tốt' }], scores: { time: 'năm' } });
    expectValidation(badScores, 'scores phải là bảng điểm: mã tiêu chí → số điểm (0–100)');
  });

  it('rejects a body with a required field missing, and an empty body', async () => {
    const body = launchBody();
    delete body.location;
    const missing = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).send(body);
    const lines = expectValidation(missing);
    expect(lines.some((line) => line.startsWith('location '))).toBe(true);
    expect(lines.every((line) => !line.startsWith('title '))).toBe(true);

    const empty = await stack.http.post(`/api/cycles/${anyCycle}/critiques`).set(bearer(commune.cells[1].secretary.token)).send({});
    const emptyLines = expectValidation(empty);
    expect(emptyLines.some((line) => line.startsWith('points '))).toBe(true);

    const noPoints = await stack.http.post(`/api/cycles/${anyCycle}/critiques`).set(bearer(commune.cells[1].secretary.token)).send({ points: [] });
    expectValidation(noPoints, 'points phải có ít nhất 1 phần tử');
  });

  it('rejects an oversized string (> MaxLength), vi and en', async () => {
    const vi = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).send(launchBody({ title: 'ă'.repeat(301) }));
    expectValidation(vi, 'title không được dài quá 300 ký tự');
    const en = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).set(english).send(launchBody({ title: 'ă'.repeat(301) }));
    expectValidation(en, 'title must be at most 300 characters');

    const point = await stack.http
      .post(`/api/cycles/${anyCycle}/critiques`)
      .set(bearer(commune.cells[1].secretary.token))
      .send({ points: [{ stage: 'content', kind: 'weakness', text: 'ơ'.repeat(5001) }] });
    expectValidation(point, 'points.0.text không được dài quá 5000 ký tự');
  });

  it('rejects too many array items', async () => {
    const points = Array.from({ length: 101 }, (_, index) => ({ stage: 'content', kind: 'suggestion', text: `Góp ý số ${index + 1}` }));
    const response = await stack.http.post(`/api/cycles/${anyCycle}/critiques`).set(bearer(commune.cells[1].secretary.token)).send({ points });
    expectValidation(response, 'points có tối đa 100 phần tử');

    const invited = Array.from({ length: 201 }, () => randomUUID());
    const launchResponse = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).send(launchBody({ invitedCellIds: invited }));
    expectValidation(launchResponse, 'invitedCellIds có tối đa 200 phần tử');
  });

  it('rejects a malformed JSON body (vi and en), not a 500', async () => {
    const vi = await stack.http
      .post('/api/cycles')
      .set(bearer(commune.staff.token))
      .set('Content-Type', 'application/json')
      .send('{"title": "Sinh hoạt", "kind": ');
    const viMessage = errorOf(vi, 400);
    expect(String(viMessage)).toContain('JSON');
    expect(String(viMessage)).toMatch(VIETNAMESE_LETTERS);

    expect(String(viMessage)).not.toMatch(/Unexpected|position|token/i);

    const en = await stack.http.post('/api/auth/login').set(english).set('Content-Type', 'application/json').send("{'username': 'admin'}");
    const enMessage = errorOf(en, 400);
    expect(String(enMessage)).toContain('JSON');
    expect(String(enMessage)).not.toMatch(VIETNAMESE_LETTERS);
    expect(String(enMessage)).not.toMatch(/Unexpected|position|token/i);

    const notAnObject = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).set('Content-Type', 'application/json').send('null');
    expect(String(errorOf(notAnObject, 400))).toMatch(VIETNAMESE_LETTERS);
  });

  it('rejects an invalid UUID in a path parameter (vi and en)', async () => {
    const vi = await stack.http.get('/api/cycles/khong-phai-uuid').set(bearer(commune.staff.token));
    const en = await stack.http.get('/api/cycles/123').set(bearer(commune.staff.token)).set(english);
    const rsvp = await stack.http
      .post(`/api/cycles/${anyCycle}/invitations/not-a-cell/rsvp`)
      .set(bearer(commune.cells[1].secretary.token))
      .send({ response: 'accept' });
    const inBody = await stack.http
      .post('/api/cycles')
      .set(bearer(commune.staff.token))
      .send(launchBody({ committeeId: 'abc', invitedCellIds: ['not-a-uuid'] }));
    expectValidation(vi, 'id phải là mã UUID hợp lệ');
    expectValidation(en, 'id must be a UUID');
    expectValidation(rsvp, 'cellId phải là mã UUID hợp lệ');
    expectValidation(inBody, 'committeeId phải là mã UUID hợp lệ');
  });

  it('rejects a path parameter that is not a UUID with a localised message, whatever it contains', async () => {
    const cells = await stack.http.get("/api/committees/'%20OR%201=1/cells").set(bearer(commune.staff.token));
    errorOf(cells, 400);
    const badEncoding = await stack.http.get('/api/cycles/%FF').set(bearer(commune.staff.token));
    expect(String(errorOf(badEncoding, 400))).toMatch(VIETNAMESE_LETTERS);
  });

  it('rejects a meetingAt without an offset, and a time that is not a time', async () => {
    const response = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).send(launchBody({ meetingAt: '2027-12-05T08:00:00' }));
    expectValidation(response, 'meetingAt phải là thời gian ISO 8601 kèm múi giờ (ví dụ 2026-12-05T08:00:00+07:00)');
    const nonsense = await stack.http
      .post(`/api/cycles/${anyCycle}/reschedule`)
      .set(bearer(commune.staff.token))
      .send({ meetingAt: '2027-02-30T25:61:00+07:00', reason: 'Đổi lịch' });
    expectValidation(nonsense, 'meetingAt phải là thời gian ISO 8601 kèm múi giờ (ví dụ 2026-12-05T08:00:00+07:00)');
  });

  it('rejects a bad ISO duration', async () => {
    for (const critiqueWindow of ['3 ngày', 'P3X', 'PT0S', '-P3D', 'P9999D']) {
      const response = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).send(launchBody({ critiqueWindow }));
      expectValidation(response, 'critiqueWindow phải là khoảng thời gian ISO 8601 (ví dụ P3D, PT30S)');
    }
    const reminders = await stack.http
      .post('/api/cycles')
      .set(bearer(commune.staff.token))
      .send(launchBody({ reportWindow: 'P7D', reminders: { rsvpReminderLead: 'hai ngày' } }));
    expectValidation(reminders, 'reminders.rsvpReminderLead phải là khoảng thời gian ISO 8601 (ví dụ P3D, PT30S)');
  });

  it('refuses a NUL character in free text quickly as bad input, not a 5xx after a timeout', async () => {
    const started = Date.now();
    const response = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).send(launchBody({ title: 'Sinh hoạt\u0000chi bộ' }));
    const elapsed = Date.now() - started;
    expect(String(errorOf(response, 400))).toMatch(VIETNAMESE_LETTERS);
    expect(elapsed).toBeLessThan(5000);
  });

  it('rejects bad query parameters', async () => {
    const response = await stack.http.get('/api/cycles?limit=abc&status=DONE').set(bearer(commune.staff.token));
    const lines = expectValidation(response);
    expect(lines.some((line) => line.startsWith('limit '))).toBe(true);
    expect(lines.some((line) => line.startsWith('status '))).toBe(true);
    const cursor = await stack.http.get('/api/cycles?cursor=%F0%9F%98%80garbage').set(bearer(commune.staff.token));
    errorOf(cursor, 400);
  });

  it('refuses content that does not fit the organisation or the clock (domain 400s)', async () => {
    const [host] = commune.cells;
    const hostInvited = await stack.http
      .post('/api/cycles')
      .set(bearer(commune.staff.token))
      .send(launchBody({ invitedCellIds: [host.id, commune.cells[1].id] }));
    expect(errorOf(hostInvited, 400)).toBe(VI.hostIsInvited);

    const past = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).send(launchBody({ meetingAt: '2020-01-01T08:00:00+07:00' }));
    expect(errorOf(past, 400)).toBe(VI.meetingNotInFuture);

    const foreignCell = await stack.http
      .post('/api/cycles')
      .set(bearer(commune.staff.token))
      .send(launchBody({ invitedCellIds: [otherCommune.cells[0].id] }));
    expect(errorOf(foreignCell, 400)).toBe(`Chi bộ ${otherCommune.cells[0].id} không thuộc Đảng bộ này hoặc không nằm trong danh sách được mời.`);
  });
});

describe('401: no token, bad or expired token, bad login', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it('no token (vi and en)', async () => {
    expect(errorOf(await stack.http.get('/api/cycles'), 401)).toBe(VI.notAuthenticated);
    expect(errorOf(await stack.http.get('/api/cycles').set(english), 401)).toBe(EN.notAuthenticated);
    expect(errorOf(await stack.http.post('/api/cycles').send(launchBody()), 401)).toBe(VI.notAuthenticated);
  });

  it('malformed tokens and headers', async () => {
    for (const header of ['Bearer', 'Bearer ', 'Bearer khong-phai-jwt', 'Bearer x.y.z.w', 'Bearer a.b.c', 'Bearer a.b', `Basic ${base64url('admin:admin')}`, `bearer${commune.staff.token}`]) {
      const response = await stack.http.get('/api/cycles').set('Authorization', header);
      expect(errorOf(response, 401)).toBe(VI.notAuthenticated);
    }
  });

  it('a hand-built token signed with the right secret works (control), with a wrong signature it does not', async () => {
    const payload = { sub: commune.staff.userId, role: 'committee', iat: now(), exp: now() + 3600 };
    const good = jwt({ alg: 'HS256', typ: 'JWT' }, payload, TEST_JWT_SECRET);
    expectStatus(await stack.http.get('/api/cycles').set(bearer(good)), 200);

    const forged = jwt({ alg: 'HS256', typ: 'JWT' }, payload, 'another-secret-that-is-long-enough-0123456789');
    expect(errorOf(await stack.http.get('/api/cycles').set(bearer(forged)), 401)).toBe(VI.notAuthenticated);

    const [head, , signature] = good.split('.');
    const tamperedBody = `${head}.${base64url(JSON.stringify({ ...payload, role: 'admin', sub: randomUUID() }))}.${signature}`;
    expect(errorOf(await stack.http.get('/api/cycles').set(bearer(tamperedBody)).set(english), 401)).toBe(EN.notAuthenticated);
  });

  it('an expired token', async () => {
    const expired = jwt({ alg: 'HS256', typ: 'JWT' }, { sub: commune.staff.userId, role: 'committee', iat: now() - 7200, exp: now() - 60 }, TEST_JWT_SECRET);
    expect(errorOf(await stack.http.get('/api/cycles').set(bearer(expired)), 401)).toBe(VI.notAuthenticated);
  });

  it('an alg: none token, with and without a signature part', async () => {
    const payload = { sub: commune.staff.userId, role: 'committee', iat: now(), exp: now() + 3600 };
    const unsigned = jwt({ alg: 'none', typ: 'JWT' }, payload, null);
    expect(errorOf(await stack.http.get('/api/cycles').set(bearer(unsigned)), 401)).toBe(VI.notAuthenticated);
    const noneWithSignature = jwt({ alg: 'none', typ: 'JWT' }, payload, TEST_JWT_SECRET);
    expect(errorOf(await stack.http.get('/api/cycles').set(bearer(noneWithSignature)), 401)).toBe(VI.notAuthenticated);
    const hs512 = `${base64url(JSON.stringify({ alg: 'HS512', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
    const hs512Token = `${hs512}.${createHmac('sha512', TEST_JWT_SECRET).update(hs512).digest('base64url')}`;
    expect(errorOf(await stack.http.get('/api/cycles').set(bearer(hs512Token)), 401)).toBe(VI.notAuthenticated);
  });

  it('a token whose subject is not a user id', async () => {
    const token = jwt({ alg: 'HS256', typ: 'JWT' }, { sub: "' OR 1=1 --", iat: now(), exp: now() + 3600 }, TEST_JWT_SECRET);
    expect(errorOf(await stack.http.get('/api/cycles').set(bearer(token)), 401)).toBe(VI.notAuthenticated);
    const noSub = jwt({ alg: 'HS256', typ: 'JWT' }, { iat: now(), exp: now() + 3600 }, TEST_JWT_SECRET);
    expect(errorOf(await stack.http.get('/api/cycles').set(bearer(noSub)), 401)).toBe(VI.notAuthenticated);
  });

  it('the token of a user who has been deleted', async () => {
    const username = `daxoa.${randomUUID().slice(0, 8)}`;
    const created = await stack.http
      .post('/api/users')
      .set(bearer(adminToken))
      .send({ username, password: TEST_PASSWORD, fullName: 'Người Sẽ Bị Xóa', role: 'committee', committeeId: commune.committeeId });
    expectStatus(created, 201);
    const token = await login(stack, username, TEST_PASSWORD);
    expectStatus(await stack.http.get('/api/cycles').set(bearer(token)), 200);
    await stack.dataSource.query(`DELETE FROM users WHERE id = $1`, [created.body.id]);
    expect(errorOf(await stack.http.get('/api/cycles').set(bearer(token)), 401)).toBe(VI.notAuthenticated);
    expect(errorOf(await stack.http.get('/api/me').set(bearer(token)).set(english), 401)).toBe(EN.notAuthenticated);
  });

  it('a bad login: wrong password, unknown user (vi and en), never a hint which', async () => {
    const wrongPassword = await stack.http.post('/api/auth/login').send({ username: commune.staff.username, password: 'sai-mat-khau' });
    expect(errorOf(wrongPassword, 401)).toBe(VI.badCredentials);
    const unknownUser = await stack.http.post('/api/auth/login').send({ username: 'khong.ton.tai', password: 'sai-mat-khau' });
    expect(errorOf(unknownUser, 401)).toBe(VI.badCredentials);
    const en = await stack.http.post('/api/auth/login').set(english).send({ username: 'admin', password: 'wrong' });
    expect(errorOf(en, 401)).toBe(EN.badCredentials);
    const sqlish = await stack.http.post('/api/auth/login').send({ username: "admin' --", password: "' OR '1'='1" });
    expect(errorOf(sqlish, 401)).toBe(VI.badCredentials);
  });
});

describe('403: signed in, but not this role or person', () => {
  let cycleId: string;

  beforeAll(async () => {
    ({ id: cycleId } = await launch({ title: 'Đợt kiểm tra quyền' }));
  });

  it('a secretary calling committee-only steps (vi and en)', async () => {
    const secretary = bearer(commune.cells[0].secretary.token);
    const cancel = await stack.http.post(`/api/cycles/${cycleId}/cancel`).set(secretary).send({ reason: 'Thử hủy' });
    expect(errorOf(cancel, 403)).toBe(VI.roleNotAllowed);
    const review = await stack.http.post(`/api/cycles/${cycleId}/review`).set(secretary).set(english).send({ decision: 'accept', rating: 'TOT' });
    expect(errorOf(review, 403)).toBe(EN.roleNotAllowed);
    const launchAsSecretary = await stack.http.post('/api/cycles').set(secretary).send(launchBody());
    expect(errorOf(launchAsSecretary, 403)).toBe(VI.roleNotAllowed);
    const candidates = await stack.http.get(`/api/cycles/${cycleId}/host-candidates`).set(secretary);
    expect(errorOf(candidates, 403)).toBe(VI.roleNotAllowed);
    const committee = await stack.http.post('/api/committees').set(bearer(commune.staff.token)).send({ name: 'Đảng ủy mới' });
    expect(errorOf(committee, 403)).toBe(VI.roleNotAllowed);
    const stillOpen = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(commune.staff.token));
    expectStatus(stillOpen, 200);
    expect(stillOpen.body.status).toBe('PREPARATION');
  });

  it("a secretary of another cell RSVPing for an invited cell", async () => {
    const [, a, b] = commune.cells;
    const response = await stack.http
      .post(`/api/cycles/${cycleId}/invitations/${b.id}/rsvp`)
      .set(bearer(a.secretary.token))
      .send({ response: 'decline', note: 'Thay mặt chi bộ khác' });
    expect(errorOf(response, 403)).toBe(VI.notInvited);
    const after = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(commune.staff.token));
    expectStatus(after, 200);
    expect((after.body.invitations as { cellId: string; status: string }[]).find((invitation) => invitation.cellId === b.id)?.status).toBe('PENDING');
  });

  it('a secretary posting the plan of a cycle hosted by another cell', async () => {
    const response = await stack.http
      .post(`/api/cycles/${cycleId}/plan`)
      .set(bearer(commune.cells[1].secretary.token))
      .send({ agenda: ['Khai mạc'], content: 'Không phải chi bộ điểm' });
    expect(errorOf(response, 403)).toBe('Chỉ bí thư chi bộ điểm (chi bộ tổ chức) mới được thực hiện bước này.');
  });
});

describe('404: no such resource, or one in another committee', () => {
  let cycleId: string;

  beforeAll(async () => {
    ({ id: cycleId } = await launch({ title: 'Đợt của Đảng ủy khác' }));
  });

  it('an unknown cycle id (vi and en)', async () => {
    const unknown = randomUUID();
    expect(errorOf(await stack.http.get(`/api/cycles/${unknown}`).set(bearer(commune.staff.token)), 404)).toBe(VI.notFound);
    expect(errorOf(await stack.http.get(`/api/cycles/${unknown}`).set(bearer(commune.staff.token)).set(english), 404)).toBe(EN.notFound);
    const cancel = await stack.http.post(`/api/cycles/${unknown}/cancel`).set(bearer(commune.staff.token)).send({ reason: 'Không có' });
    expect(errorOf(cancel, 404)).toBe(VI.notFound);
  });

  it("another committee's cycle: not found, exactly like an unknown one", async () => {
    const other = bearer(otherCommune.staff.token);
    expect(errorOf(await stack.http.get(`/api/cycles/${cycleId}`).set(other), 404)).toBe(VI.notFound);
    const cancel = await stack.http.post(`/api/cycles/${cycleId}/cancel`).set(other).send({ reason: 'Không phải của mình' });
    expect(errorOf(cancel, 404)).toBe(VI.notFound);
    const rsvp = await stack.http
      .post(`/api/cycles/${cycleId}/invitations/${commune.cells[1].id}/rsvp`)
      .set(bearer(otherCommune.cells[0].secretary.token))
      .send({ response: 'accept' });
    expect(errorOf(rsvp, 404)).toBe(VI.notFound);
    const launchElsewhere = await stack.http.post('/api/cycles').set(other).send(launchBody());
    expect(errorOf(launchElsewhere, 404)).toBe(VI.notFound);
    const listed = await stack.http.get('/api/cycles').set(other);
    expectStatus(listed, 200);
    expect((listed.body.items as { id: string }[]).map((item) => item.id)).not.toContain(cycleId);
    const still = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(commune.staff.token));
    expect(still.body.status).toBe('PREPARATION');
  });

  it('an unknown route, with and without a token (vi and en)', async () => {
    expect(errorOf(await stack.http.get('/api/khong-co'), 404)).toBe(VI.notFound);
    expect(errorOf(await stack.http.get('/api/khong-co').set(bearer(commune.staff.token)).set(english), 404)).toBe(EN.notFound);
    expect(errorOf(await stack.http.delete(`/api/cycles/${cycleId}`).set(bearer(commune.staff.token)), 404)).toBe(VI.notFound);
  });
});

describe('409: the step does not fit the stage, its deadline has passed, or it was already done', () => {
  const a = 1;
  const b = 2;
  const c = 3;
  let critiqueCycle: string;
  let shortCycle: string;

  beforeAll(async () => {
    const cells = commune.cells;
    [critiqueCycle, shortCycle] = await Promise.all([
      driveToCritique('P3D', [cells[a], cells[b], cells[c]], TRICKY_TITLE),
      driveToCritique('PT2S', [cells[a], cells[b]]),
    ]);
  });

  it('a step in the wrong stage (vi and en)', async () => {
    const { id } = await launch({ title: 'Đợt chưa có kế hoạch' });
    const host = bearer(commune.cells[0].secretary.token);
    const vi = await stack.http.post(`/api/cycles/${id}/meeting`).set(host).send(validMeeting([commune.cells[a]]));
    expect(errorOf(vi, 409)).toBe('Bước này không phù hợp với giai đoạn hiện tại của đợt sinh hoạt (PREPARATION).');
    const en = await stack.http.post(`/api/cycles/${id}/review`).set(bearer(commune.staff.token)).set(english).send({ decision: 'accept', rating: 'KHA' });
    expect(errorOf(en, 409)).toBe('This step does not fit the current stage of the cycle (PREPARATION).');
    const report = await stack.http.post(`/api/cycles/${id}/report`).set(host).send({ responses: [], lessons: ['Bài học'], actionItems: [] });
    expect(errorOf(report, 409)).toMatch(/^Bước này không phù hợp với giai đoạn hiện tại của đợt sinh hoạt/);
  });

  it('a step on a cancelled cycle', async () => {
    const { id } = await launch({ title: 'Đợt sẽ bị hủy' });
    expectStatus(await stack.http.post(`/api/cycles/${id}/cancel`).set(bearer(commune.staff.token)).send({ reason: 'Mưa lũ, đường sạt lở' }), 200);
    const again = await stack.http.post(`/api/cycles/${id}/cancel`).set(bearer(commune.staff.token)).send({ reason: 'Hủy lần nữa' });
    errorOf(again, 409);
    const plan = await stack.http.post(`/api/cycles/${id}/plan`).set(bearer(commune.cells[0].secretary.token)).send({ agenda: ['Khai mạc'], content: 'Nội dung' });
    errorOf(plan, 409);
  });

  it('picking a host when one was already picked: ALREADY_DONE', async () => {
    const { id } = await launch({ title: 'Đợt đã có chi bộ điểm' });
    const response = await stack.http.post(`/api/cycles/${id}/host`).set(bearer(commune.staff.token)).send({ cellId: commune.cells[0].id });
    expect(errorOf(response, 409)).toBe(VI.alreadyDone);
  });

  it('recording the meeting before meetingAt: MEETING_NOT_YET', async () => {
    const meetingAt = '2030-06-15T08:00:00+07:00';
    const { id } = await launch({ title: 'Đợt chưa đến giờ', meetingAt });
    const host = bearer(commune.cells[0].secretary.token);
    expectStatus(await stack.http.post(`/api/cycles/${id}/plan`).set(host).send({ agenda: ['Khai mạc'], content: 'Nội dung' }), 200);
    const response = await stack.http.post(`/api/cycles/${id}/meeting`).set(host).send(validMeeting([commune.cells[a]]));
    const message = errorOf(response, 409);
    expect(message).toMatch(/^Chưa đến giờ sinh hoạt \(.+\); chỉ ghi nhận buổi sinh hoạt từ thời điểm đó\.$/);
    const en = await stack.http.post(`/api/cycles/${id}/meeting`).set(host).set(english).send(validMeeting([commune.cells[a]]));
    expect(errorOf(en, 409)).toMatch(/^The meeting time \(.+\) has not come yet; the meeting can be recorded from then on\.$/);
    const after = await stack.http.get(`/api/cycles/${id}`).set(host);
    expect(after.body.status).toBe('SCHEDULED');
    expect(after.body.meeting).toBeNull();
  });

  it('a critique submitted twice: ALREADY_DONE (vi and en); the text round-trips exactly', async () => {
    const visitor = commune.cells[a];
    const points = TRICKY_POINTS.map((text, index) => ({
      stage: (['preparation', 'chairing', 'content', 'minutes'] as const)[index],
      kind: (['strength', 'weakness', 'suggestion', 'weakness'] as const)[index],
      text,
    }));
    const first = await stack.http.post(`/api/cycles/${critiqueCycle}/critiques`).set(bearer(visitor.secretary.token)).send({ points });
    expectStatus(first, 201);
    expect((first.body.points as { text: string }[]).map((point) => point.text)).toEqual(TRICKY_POINTS);
    expect(first.headers['content-type']).toMatch(/application\/json/);

    const second = await stack.http
      .post(`/api/cycles/${critiqueCycle}/critiques`)
      .set(bearer(visitor.secretary.token))
      .send({ points: [{ stage: 'content', kind: 'strength', text: 'Gửi lại' }] });
    expect(errorOf(second, 409)).toBe(VI.alreadyDone);
    const secondEn = await stack.http
      .post(`/api/cycles/${critiqueCycle}/critiques`)
      .set(bearer(visitor.secretary.token))
      .set(english)
      .send({ points: [{ stage: 'content', kind: 'strength', text: 'Again' }] });
    expect(errorOf(secondEn, 409)).toBe(EN.alreadyDone);

    const seen = await stack.http.get(`/api/cycles/${critiqueCycle}`).set(bearer(commune.staff.token));
    expectStatus(seen, 200);
    expect(seen.body.title).toBe(TRICKY_TITLE);
    const critiques = seen.body.critiques as { cellId: string; points: { text: string }[] }[];
    expect(critiques).toHaveLength(1);
    expect(critiques[0].points.map((point) => point.text)).toEqual(TRICKY_POINTS);
    const listed = await stack.http.get('/api/cycles?status=CRITIQUE').set(bearer(visitor.secretary.token));
    expectStatus(listed, 200);
    expect((listed.body.items as { id: string; title: string }[]).find((item) => item.id === critiqueCycle)?.title).toBe(TRICKY_TITLE);
  });

  it('a critique after the window closed: DEADLINE_PASSED', async () => {
    await sleep(2500);
    const response = await stack.http
      .post(`/api/cycles/${shortCycle}/critiques`)
      .set(bearer(commune.cells[b].secretary.token))
      .send({ points: [{ stage: 'content', kind: 'suggestion', text: 'Gửi muộn' }] });
    expect(errorOf(response, 409)).toBe(VI.deadlinePassed);
    const seen = await stack.http.get(`/api/cycles/${shortCycle}`).set(bearer(commune.staff.token));
    expect(seen.body.critiques).toEqual([]);
  });

  it('a username that is taken', async () => {
    const response = await stack.http
      .post('/api/users')
      .set(bearer(adminToken))
      .send({ username: commune.staff.username, password: TEST_PASSWORD, fullName: 'Trùng tên', role: 'committee', committeeId: commune.committeeId });
    expect(errorOf(response, 409)).toBe(VI.usernameTaken);
  });
});

describe('413: body too large', () => {
  it('a JSON body of ~200 KB (over the 100kb default) is refused (vi and en), not a 500', async () => {
    const body = { ...launchBody(), topic: 'Nội dung rất dài '.repeat(12_000) };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(200_000);
    const vi = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).send(body);
    expect(errorOf(vi, 413)).toBe(VI.payloadTooLarge);
    const en = await stack.http.post('/api/auth/login').set(english).send({ username: 'admin', password: 'x'.repeat(200_000) });
    expect(errorOf(en, 413)).toBe(EN.payloadTooLarge);
  });
});

describe('429: rate limit on login', () => {
  let app: INestApplication | undefined;

  afterAll(async () => {
    await app?.close();
  });

  it('after LOGIN_RATE_LIMIT attempts for one username from one address, 429 (vi and en); another username is not locked out', async () => {
    app = await createApiApp(testConfig({ LOGIN_RATE_LIMIT: '5' }));
    await app.init();
    const http = request(app.getHttpServer());
    const target = commune.staff.username;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await http.post('/api/auth/login').send({ username: target, password: `doan-mo-${attempt}` });
      expect(errorOf(response, 401)).toBe(VI.badCredentials);
    }
    const blocked = await http.post('/api/auth/login').send({ username: target, password: 'doan-mo-6' });
    expect(errorOf(blocked, 429)).toBe(VI.tooManyRequests);
    const blockedEn = await http.post('/api/auth/login').set(english).send({ username: target.toUpperCase(), password: TEST_PASSWORD });
    expect(errorOf(blockedEn, 429)).toBe(EN.tooManyRequests);
    const evenRight = await http.post('/api/auth/login').send({ username: target, password: TEST_PASSWORD });
    expect(errorOf(evenRight, 429)).toBe(VI.tooManyRequests);

    const otherUser = await http.post('/api/auth/login').send({ username: commune.cells[0].secretary.username, password: TEST_PASSWORD });
    expectStatus(otherUser, 200);
  });
});

describe('503: Temporal unreachable', () => {
  let app: INestApplication | undefined;
  let http: ReturnType<typeof request>;
  let cycleId: string;

  beforeAll(async () => {
    ({ id: cycleId } = await launch({ title: 'Đợt thử khi Temporal không trả lời' }));
    app = await createApiApp(testConfig({ TEMPORAL_ADDRESS: '127.0.0.1:1', TEMPORAL_UPDATE_TIMEOUT_MS: '1000' }));
    await app.init();
    http = request(app.getHttpServer());
  });

  afterAll(async () => {
    await app?.close();
  });

  it('GET /api/health answers 503 naming Temporal down, quickly', async () => {
    const started = Date.now();
    const response = await http.get('/api/health');
    expect(Date.now() - started).toBeLessThan(10_000);
    expectStatus(response, 503);
    expect(response.body).toMatchObject({ status: 'unavailable', database: 'up', temporal: 'down' });
  });

  it('a step answers 503 with the Vietnamese message, not a hang; the key is not used up, so a retry acts', async () => {
    const key = `retry-${randomUUID()}`;
    const started = Date.now();
    const step = await http.post(`/api/cycles/${cycleId}/cancel`).set(bearer(commune.staff.token)).set('Idempotency-Key', key).send({ reason: 'Bão lớn' });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(errorOf(step, 503)).toBe(VI.temporalUnavailable);

    const launched = await http.post('/api/cycles').set(bearer(commune.staff.token)).set(english).send(launchBody({ title: 'Không khởi tạo được' }));
    expect(errorOf(launched, 503)).toBe(EN.temporalUnavailable);

    const read = await http.get(`/api/cycles/${cycleId}`).set(bearer(commune.staff.token));
    expectStatus(read, 200);
    expect(read.body.status).toBe('PREPARATION');

    const retried = await stack.http
      .post(`/api/cycles/${cycleId}/cancel`)
      .set(bearer(commune.staff.token))
      .set('Idempotency-Key', key)
      .send({ reason: 'Bão lớn' });
    expectStatus(retried, 200);
    expect(retried.body.status).toBe('CANCELLED');
  });
});
