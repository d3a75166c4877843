import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type supertest from 'supertest';
import { login, startApiStack, type ApiStack } from './support/api-stack.js';
import { checkAccessibility, launchChromium, phoneContext, screenshot } from './support/browser.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCommune } from './support/commune-api.fixture.js';
import { insertHeldCycle, type HeldCycle } from './support/held-cycles.js';

/**
 * Upper levels (issue 18): a district's or a province's account (role overseer) reads the same figures as a commune's
 * office, for every commune under it, and acts on nothing. The figures below are counted by hand from the fixture,
 * never by the code under test. Cycles are written as the record activity leaves them (rows): their meetings lie
 * in 2025, which no workflow can hold now.
 *
 * Tỉnh ủy Lào Cai (P) has two districts, Huyện ủy Mường Khương (D1) and Huyện ủy Bảo Thắng (D2), and one commune
 * straight under it; Tỉnh ủy Hà Giang (Q) has one district with the commune outside P:
 *
 * | commune | under | cycle | meeting    | host | stage     | rating     | visitors (✓ attended; critique)       |
 * | X1      | D1    | C1    | 10/03/2025 | A    | CLOSED    | Tốt        | B ✓ on time; C ✓ not sent             |
 * | X1      | D1    | C2    | 15/09/2025 | B    | REPORTING | –          | A ✓ on time; report due 25/09/2025    |
 * | X1      | D1    | C3    | 05/05/2024 | C    | CLOSED    | Khá        | A ✓ on time                           |
 * | X2      | D2    | C4    | 20/04/2025 | A    | CLOSED    | Khá        | B ✓ on time, adopted                  |
 * | X2      | D2    | C5    | 01/06/2025 | B    | CANCELLED | –          | A ✓ not sent (cancelled: counts for nothing) |
 * | Z       | P     | C6    | 11/11/2025 | A    | CLOSED    | Trung bình | B declined                            |
 * | Y       | Q's D | C7    | 02/02/2025 | A    | CLOSED    | Kém        | B ✓ on time                           |
 *
 * 2025, by hand: X1 — open cycles 1 (C2), late 1 (C2's report), meetings 2 (C1, C2), Tốt 1, invited 3 attended 3 on
 * time 2 not sent 1. X2 — open 0, late 0, meetings 1 (C5 cancelled), Khá 1, invited 1 attended 1 on time 1 adopted 1.
 * Z — open 0, late 0, meetings 1, Trung bình 1, invited 1 attended 0. P's totals: 3 communes, open 1, late 1, meetings
 * 4, Tốt 1 Khá 1 Trung bình 1 Kém 0, invited 5 attended 4 on time 3 not sent 1 adopted 1.
 */

const DAY_MS = 86_400_000;

let stack: ApiStack;
let browser: Browser;
let baseURL: string;
let adminToken: string;
let X1: ApiCommune, X2: ApiCommune, Z: ApiCommune, Y: ApiCommune;
const area = { P: '', D1: '', D2: '', Q: '', QD: '' };
/** Overseers: of the province P, of the district D1, of the other province Q. */
const overseer = { P: { username: '', token: '' }, D1: { username: '', token: '' }, Q: { username: '', token: '' } };
const cycles = { C1: randomUUID(), C2: randomUUID(), C3: randomUUID(), C4: randomUUID(), C5: randomUUID(), C6: randomUUID(), C7: randomUUID() };
const suffix = () => randomUUID().slice(0, 8);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function newArea(name: string, kind: 'district' | 'province', parentId?: string): Promise<string> {
  const created = await stack.http
    .post('/api/areas')
    .set(bearer(adminToken))
    .send({ name, kind, ...(parentId ? { parentId } : {}) })
    .expect(201);
  expect(created.body).toEqual({ id: expect.any(String), name, kind, parentId: parentId ?? null });
  return created.body.id as string;
}

async function commune(name: string, areaId: string): Promise<ApiCommune> {
  const made = await createCommuneViaApi(stack, 3);
  await stack.http.patch(`/api/committees/${made.committeeId}`).set(bearer(adminToken)).send({ name }).expect(200);
  const placed = await stack.http.put(`/api/committees/${made.committeeId}/area`).set(bearer(adminToken)).send({ areaId }).expect(200);
  expect(placed.body).toMatchObject({ id: made.committeeId, name, areaId });
  return made;
}

async function newOverseer(fullName: string, areaId: string): Promise<{ username: string; token: string }> {
  const username = `capTren.${suffix()}`.toLowerCase();
  const created = await stack.http.post('/api/users').set(bearer(adminToken)).send({ username, password: TEST_PASSWORD, fullName, role: 'overseer', areaId }).expect(201);
  expect(created.body).toMatchObject({ role: 'overseer', areaId, committeeId: null, cellId: null });
  return { username, token: await login(stack, username, TEST_PASSWORD) };
}

beforeAll(async () => {
  stack = await startApiStack();
  await stack.app.listen(0, '127.0.0.1');
  baseURL = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
  browser = await launchChromium();
  adminToken = await login(stack, 'admin', 'admin');
  area.P = await newArea('Tỉnh ủy Lào Cai', 'province');
  area.D1 = await newArea('Huyện ủy Mường Khương', 'district', area.P);
  area.D2 = await newArea('Huyện ủy Bảo Thắng', 'district', area.P);
  area.Q = await newArea('Tỉnh ủy Hà Giang', 'province');
  area.QD = await newArea('Huyện ủy Xín Mần', 'district', area.Q);
  X1 = await commune('Đảng ủy xã Na Hối', area.D1);
  X2 = await commune('Đảng ủy xã Bản Lầu', area.D2);
  Z = await commune('Đảng ủy xã Lùng Vai', area.P);
  Y = await commune('Đảng ủy xã Cốc Pài', area.QD);
  overseer.P = await newOverseer('Đồng chí Hoàng Văn Sử, Ban Tổ chức Tỉnh ủy', area.P);
  overseer.D1 = await newOverseer('Đồng chí Lý Seo Dìn, Văn phòng Huyện ủy', area.D1);
  overseer.Q = await newOverseer('Đồng chí Vàng Thị Mỷ, Ban Tổ chức Tỉnh ủy', area.Q);

  const [a1, b1, c1] = X1.cells;
  const [a2, b2] = X2.cells;
  // Critiques sent an hour before their window closed: on time.
  const ON_TIME = 60;
  const held: HeldCycle[] = [
    { id: cycles.C1, commune: X1, title: 'Sinh hoạt chi bộ điểm quý I năm 2025', host: a1, at: '2025-03-10T08:00:00+07:00', status: 'CLOSED', rating: 'TOT',
      visitors: [{ cell: b1, rsvp: 'ACCEPTED', critique: ON_TIME }, { cell: c1, rsvp: 'ACCEPTED' }] },
    { id: cycles.C2, commune: X1, title: 'Sinh hoạt chi bộ điểm quý III năm 2025', host: b1, at: '2025-09-15T08:00:00+07:00', status: 'REPORTING',
      visitors: [{ cell: a1, rsvp: 'ACCEPTED', critique: ON_TIME }] },
    { id: cycles.C3, commune: X1, title: 'Sinh hoạt chi bộ điểm năm 2024', host: c1, at: '2024-05-05T08:00:00+07:00', status: 'CLOSED', rating: 'KHA',
      visitors: [{ cell: a1, rsvp: 'ACCEPTED', critique: ON_TIME }] },
    { id: cycles.C4, commune: X2, title: 'Sinh hoạt chi bộ điểm tháng Tư', host: a2, at: '2025-04-20T08:00:00+07:00', status: 'CLOSED', rating: 'KHA',
      visitors: [{ cell: b2, rsvp: 'ACCEPTED', critique: ON_TIME, adopted: true }] },
    { id: cycles.C5, commune: X2, title: 'Sinh hoạt chi bộ điểm đã hủy', host: b2, at: '2025-06-01T08:00:00+07:00', status: 'CANCELLED',
      visitors: [{ cell: a2, rsvp: 'ACCEPTED' }] },
    { id: cycles.C6, commune: Z, title: 'Sinh hoạt chi bộ điểm tháng Mười một', host: Z.cells[0], at: '2025-11-11T08:00:00+07:00', status: 'CLOSED', rating: 'TRUNG_BINH',
      visitors: [{ cell: Z.cells[1], rsvp: 'DECLINED' }] },
    { id: cycles.C7, commune: Y, title: 'Sinh hoạt chi bộ điểm ngoài tỉnh', host: Y.cells[0], at: '2025-02-02T08:00:00+07:00', status: 'CLOSED', rating: 'KEM',
      visitors: [{ cell: Y.cells[1], rsvp: 'ACCEPTED', critique: ON_TIME }] },
  ];
  for (const cycle of held) await insertHeldCycle(stack, cycle);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stopAll();
});

const noRatings = { TOT: 0, KHA: 0, TRUNG_BINH: 0, KEM: 0 };
const noTally = { invited: 0, attended: 0, onTime: 0, missed: 0, pending: 0, adopted: 0 };
const X1_2025 = { openCycles: 1, late: 1, meetings: 2, ratings: { ...noRatings, TOT: 1 }, critiques: { ...noTally, invited: 3, attended: 3, onTime: 2, missed: 1 } };
const X2_2025 = { openCycles: 0, late: 0, meetings: 1, ratings: { ...noRatings, KHA: 1 }, critiques: { ...noTally, invited: 1, attended: 1, onTime: 1, adopted: 1 } };
const Z_2025 = { openCycles: 0, late: 0, meetings: 1, ratings: { ...noRatings, TRUNG_BINH: 1 }, critiques: { ...noTally, invited: 1 } };

const get = (url: string, token: string) => stack.http.get(url).set(bearer(token));

describe('an upper level’s overview (GET /api/areas/:areaId/dashboard)', () => {
  it('the province: its three communes side by side (through both districts and straight under it), and their totals, as counted by hand', async () => {
    const body = (await get(`/api/areas/${area.P}/dashboard?year=2025`, overseer.P.token).expect(200)).body;
    expect(body).toMatchObject({ areaId: area.P, areaName: 'Tỉnh ủy Lào Cai', kind: 'province', year: 2025 });
    // Straight under the province first, then by district name: Bảo Thắng before Mường Khương.
    expect(body.communes).toEqual([
      { committeeId: Z.committeeId, committeeName: 'Đảng ủy xã Lùng Vai', districtName: null, ...Z_2025 },
      { committeeId: X2.committeeId, committeeName: 'Đảng ủy xã Bản Lầu', districtName: 'Huyện ủy Bảo Thắng', ...X2_2025 },
      { committeeId: X1.committeeId, committeeName: 'Đảng ủy xã Na Hối', districtName: 'Huyện ủy Mường Khương', ...X1_2025 },
    ]);
    expect(body.totals).toEqual({
      communes: 3,
      openCycles: 1,
      late: 1,
      meetings: 4,
      ratings: { TOT: 1, KHA: 1, TRUNG_BINH: 1, KEM: 0 },
      critiques: { invited: 5, attended: 4, onTime: 3, missed: 1, pending: 0, adopted: 1 },
    });
    expect(JSON.stringify(body)).not.toContain(Y.committeeId);
  });

  it('a district: its own commune only; the province reads it too; 2024 shows C3 alone', async () => {
    const district = (await get(`/api/areas/${area.D1}/dashboard?year=2025`, overseer.D1.token).expect(200)).body;
    expect(district.communes).toEqual([{ committeeId: X1.committeeId, committeeName: 'Đảng ủy xã Na Hối', districtName: 'Huyện ủy Mường Khương', ...X1_2025 }]);
    expect(district.totals).toEqual({ communes: 1, ...X1_2025 });
    const fromProvince = (await get(`/api/areas/${area.D1}/dashboard?year=2025`, overseer.P.token).expect(200)).body;
    expect(fromProvince.communes).toEqual(district.communes);
    const year2024 = (await get(`/api/areas/${area.D1}/dashboard?year=2024`, overseer.D1.token).expect(200)).body;
    // C3 closed (Khá); C2 still open and late whatever the year shown.
    expect(year2024.communes[0]).toMatchObject({ openCycles: 1, late: 1, meetings: 1, ratings: { ...noRatings, KHA: 1 }, critiques: { ...noTally, invited: 1, attended: 1, onTime: 1 } });
  });

  it('the admin reads any area; an area not above the caller is not found, as one that exists nowhere; the office and secretaries: 403', async () => {
    await get(`/api/areas/${area.Q}/dashboard?year=2025`, adminToken).expect(200);
    const refusals = [
      [`/api/areas/${area.P}/dashboard`, overseer.D1.token],
      [`/api/areas/${area.D2}/dashboard`, overseer.D1.token],
      [`/api/areas/${area.P}/dashboard`, overseer.Q.token],
      [`/api/areas/${area.QD}/dashboard`, overseer.P.token],
    ];
    const ghost = (await get(`/api/areas/${randomUUID()}/dashboard`, overseer.P.token).expect(404)).body;
    for (const [url, token] of refusals) {
      const refused = await get(url, token);
      expect({ url, status: refused.status, body: refused.body }).toEqual({ url, status: 404, body: ghost });
    }
    await get(`/api/areas/${area.D1}/dashboard`, X1.staff.token).expect(403);
    await get(`/api/areas/${area.D1}/dashboard`, X1.cells[0].secretary.token).expect(403);
    await stack.http.get(`/api/areas/${area.D1}/dashboard`).expect(401);
    await get(`/api/areas/${area.D1}/dashboard?year=1999`, overseer.D1.token).expect(400);
  });

  it('GET /api/areas: the admin every area, an overseer its own and the districts under it', async () => {
    const own = (await get('/api/areas', overseer.P.token).expect(200)).body as { id: string }[];
    expect(own.map((entry) => entry.id)).toEqual([area.P, area.D2, area.D1]);
    const district = (await get('/api/areas', overseer.D1.token).expect(200)).body as { id: string }[];
    expect(district.map((entry) => entry.id)).toEqual([area.D1]);
    const all = (await get('/api/areas?limit=100', adminToken).expect(200)).body as { id: string }[];
    expect(all.map((entry) => entry.id)).toEqual(expect.arrayContaining(Object.values(area)));
    await get('/api/areas', X1.staff.token).expect(403);
  });
});

describe('a commune’s own figures, read by the upper levels over it', () => {
  it('the province and the district read X1’s dashboard and a cell’s record, the same answer as its office gets', async () => {
    const office = (await get(`/api/committees/${X1.committeeId}/dashboard?year=2025`, X1.staff.token).expect(200)).body;
    for (const token of [overseer.P.token, overseer.D1.token]) {
      const seen = (await get(`/api/committees/${X1.committeeId}/dashboard?year=2025`, token).expect(200)).body;
      expect({ ...seen, asOf: null }).toEqual({ ...office, asOf: null });
    }
    expect(office.late.map((task: { cycleId: string; action: string }) => [task.cycleId, task.action])).toEqual([[cycles.C2, 'SUBMIT_REPORT']]);
    const record = (await get(`/api/committees/${X1.committeeId}/cells/${X1.cells[0].id}/dashboard`, overseer.D1.token).expect(200)).body;
    // A hosted C1 (Tốt); visited C3 and C2, on time both.
    expect(record.hosted.map((meeting: { cycleId: string; rating: string }) => [meeting.cycleId, meeting.rating])).toEqual([[cycles.C1, 'TOT']]);
    expect(record.visits.totals).toEqual({ ...noTally, invited: 2, attended: 2, onTime: 2 });
    // Z, straight under the province.
    await get(`/api/committees/${Z.committeeId}/dashboard`, overseer.P.token).expect(200);
  });

  it('the year report (JSON and both files) opens to the upper levels over the commune too, with the office’s figures', async () => {
    const office = (await get(`/api/committees/${X1.committeeId}/year-report?year=2025`, X1.staff.token).expect(200)).body;
    const seen = (await get(`/api/committees/${X1.committeeId}/year-report?year=2025`, overseer.D1.token).expect(200)).body;
    expect(seen.committeeId).toBe(X1.committeeId);
    expect({ totals: seen.totals, cells: seen.cells, meetings: seen.meetings }).toEqual({ totals: office.totals, cells: office.cells, meetings: office.meetings });
    await get(`/api/committees/${X1.committeeId}/year-report/export.xlsx?year=2025`, overseer.P.token).expect(200);
    await get(`/api/committees/${X1.committeeId}/year-report/export.docx?year=2025`, overseer.P.token).expect(200);
    await get(`/api/committees/${X1.committeeId}/year-report/export.pdf?year=2025`, overseer.P.token).expect(200);
    const ghost = (await get(`/api/committees/${randomUUID()}/year-report?year=2025`, overseer.P.token).expect(404)).body;
    expect((await get(`/api/committees/${Y.committeeId}/year-report?year=2025`, overseer.P.token).expect(404)).body).toEqual(ghost);
    await get(`/api/committees/${X2.committeeId}/year-report/export.xlsx?year=2025`, overseer.D1.token).expect(404);
  });

  it('a commune not under the caller is not found, exactly as a committee that exists nowhere', async () => {
    const ghost = (await get(`/api/committees/${randomUUID()}/dashboard`, overseer.P.token).expect(404)).body;
    const outside: [string, string][] = [
      [`/api/committees/${Y.committeeId}/dashboard`, overseer.P.token],
      [`/api/committees/${Y.committeeId}/cells/${Y.cells[0].id}/dashboard`, overseer.P.token],
      [`/api/committees/${X2.committeeId}/dashboard`, overseer.D1.token],
      [`/api/committees/${Z.committeeId}/dashboard`, overseer.D1.token],
      [`/api/committees/${X1.committeeId}/dashboard`, overseer.Q.token],
      [`/api/committees/${X1.committeeId}/cells/${X1.cells[0].id}/dashboard`, overseer.Q.token],
      // A cell of another commune named under one the caller oversees.
      [`/api/committees/${X1.committeeId}/cells/${Y.cells[0].id}/dashboard`, overseer.P.token],
    ];
    for (const [url, token] of outside) {
      const refused = await get(url, token);
      expect({ url, status: refused.status, body: refused.body }).toEqual({ url, status: 404, body: ghost });
    }
  });

  it('a commune taken out from under the district is closed to it at once', async () => {
    const moved = await createCommuneViaApi(stack, 1);
    await stack.http.put(`/api/committees/${moved.committeeId}/area`).set(bearer(adminToken)).send({ areaId: area.D1 }).expect(200);
    await get(`/api/committees/${moved.committeeId}/dashboard`, overseer.D1.token).expect(200);
    await stack.http.put(`/api/committees/${moved.committeeId}/area`).set(bearer(adminToken)).send({ areaId: null }).expect(200);
    await get(`/api/committees/${moved.committeeId}/dashboard`, overseer.D1.token).expect(404);
    await get(`/api/committees/${moved.committeeId}/dashboard`, overseer.P.token).expect(404);
  });
});

describe('reading only: every change and every step is refused to an upper level', () => {
  it('answers 403 to each write the API has, for the province’s overseer naming its own commune', async () => {
    const committeeId = X1.committeeId;
    const [a, b] = X1.cells;
    const writes: [string, string, Record<string, unknown>][] = [
      ['POST', '/api/cycles', { committeeId, title: 'Đợt thử', topic: 'Chuyên đề', kind: 'regular', hostCellId: a.id, invitedCellIds: [b.id], meetingAt: new Date(Date.now() + 30 * DAY_MS).toISOString(), location: 'Nhà văn hóa' }],
      ['POST', `/api/cycles/${cycles.C2}/host`, { cellId: a.id }],
      ['POST', `/api/cycles/${cycles.C2}/guests`, { guestIds: [randomUUID()] }],
      ['POST', `/api/cycles/${cycles.C2}/plan`, { agenda: ['Khai mạc'], content: 'Chuyên đề' }],
      ['POST', `/api/cycles/${cycles.C2}/invitations/${a.id}/rsvp`, { response: 'accept', delegate: 'Đồng chí Thào Seo Lềnh' }],
      ['POST', `/api/cycles/${cycles.C2}/reschedule`, { meetingAt: new Date(Date.now() + 20 * DAY_MS).toISOString(), reason: 'Trùng lịch' }],
      ['POST', `/api/cycles/${cycles.C2}/meeting`, { minutes: 'Biên bản' }],
      ['POST', `/api/cycles/${cycles.C2}/attendance`, { delegate: 'Đồng chí Thào Seo Lềnh' }],
      ['POST', `/api/cycles/${cycles.C2}/critiques`, { points: [{ stage: 'content', kind: 'strength', text: 'Tốt' }] }],
      ['POST', `/api/cycles/${cycles.C2}/report`, { responses: [], lessons: ['Chuẩn bị kỹ'], actionItems: [] }],
      ['POST', `/api/cycles/${cycles.C2}/review`, { decision: 'accept', rating: 'TOT' }],
      ['POST', `/api/cycles/${cycles.C2}/cancel`, { reason: 'Thời tiết xấu' }],
      ['POST', `/api/cycles/${cycles.C1}/adoption`, { text: 'Vận dụng mẫu biên bản' }],
      ['POST', `/api/cycles/${cycles.C1}/action-items/${randomUUID()}/done`, {}],
      ['POST', `/api/cycles/${cycles.C1}/action-items/${randomUUID()}/drop`, { reason: 'Không còn phù hợp' }],
      ['POST', '/api/committees', { name: 'Đảng ủy xã mới' }],
      ['PATCH', `/api/committees/${committeeId}`, { name: 'Đảng ủy xã đổi tên' }],
      ['PUT', `/api/committees/${committeeId}/area`, { areaId: null }],
      ['POST', '/api/committees/merge', { committeeIds: [committeeId, X2.committeeId], name: 'Đảng ủy xã hợp nhất' }],
      ['POST', `/api/committees/${committeeId}/cells`, { name: 'Chi bộ thôn mới', memberCount: 17 }],
      ['PATCH', `/api/committees/${committeeId}/cells/${a.id}`, { name: 'Chi bộ đổi tên' }],
      ['POST', `/api/committees/${committeeId}/cells/${a.id}/deactivate`, { reason: 'Sáp nhập thôn' }],
      ['POST', `/api/committees/${committeeId}/cells/${a.id}/move`, { committeeId: X2.committeeId }],
      ['POST', `/api/committees/${committeeId}/cells/${a.id}/secretary`, { username: `bithu.${suffix()}`, password: TEST_PASSWORD, fullName: 'Đồng chí Lò Thị Hoa' }],
      ['POST', `/api/committees/${committeeId}/rubrics`, { name: 'Phiếu chấm', kind: 'regular', criteria: [{ id: 'time', label: 'Thời gian', maxPoints: 10 }] }],
      ['PUT', `/api/committees/${committeeId}/channels`, { channels: ['email'] }],
      ['POST', '/api/areas', { name: 'Huyện ủy mới', kind: 'district', parentId: area.P }],
      ['POST', '/api/users', { username: `bithu.${suffix()}`, password: TEST_PASSWORD, fullName: 'Bí thư mới', role: 'secretary', committeeId, cellId: a.id }],
      ['PATCH', `/api/users/${a.secretary.userId}`, { fullName: 'Đổi tên' }],
      ['POST', `/api/users/${a.secretary.userId}/deactivate`, { reason: 'Chuyển công tác' }],
      ['POST', `/api/users/${a.secretary.userId}/reactivate`, {}],
      ['POST', `/api/users/${a.secretary.userId}/password-reset`, { newPassword: `Mùa lúa chín ${suffix()}` }],
    ];
    const send = (method: string, url: string): supertest.Test =>
      method === 'PATCH' ? stack.http.patch(url) : method === 'PUT' ? stack.http.put(url) : stack.http.post(url);
    const answers = [];
    for (const [method, url, body] of writes) {
      const response = await send(method, url).set(bearer(overseer.P.token)).send(body);
      answers.push({ request: `${method} ${url}`, status: response.status, code: response.body?.code as unknown });
    }
    expect(answers).toEqual(writes.map(([method, url]) => ({ request: `${method} ${url}`, status: 403, code: 'ROLE_NOT_ALLOWED' })));
    // Nothing changed: X1 keeps its name and its place, A its name, C2 its stage.
    const [committee] = await stack.dataSource.query<{ name: string; area_id: string }[]>(`SELECT name, area_id FROM committees WHERE id = $1`, [committeeId]);
    expect(committee).toEqual({ name: 'Đảng ủy xã Na Hối', area_id: area.D1 });
    const [cycle] = await stack.dataSource.query<{ status: string }[]>(`SELECT status FROM cycles WHERE id = $1`, [cycles.C2]);
    expect(cycle.status).toBe('REPORTING');
  });

  it('nor reads what is not figures: the cycles, the people, the trail, the cells list (403 by role)', async () => {
    for (const url of [
      `/api/cycles?committeeId=${X1.committeeId}`,
      `/api/cycles/${cycles.C2}`,
      `/api/cycles/${cycles.C1}/documents`,
      `/api/committees/${X1.committeeId}/users`,
      `/api/committees/${X1.committeeId}/cells`,
      `/api/audit?committeeId=${X1.committeeId}`,
      '/api/committees',
    ]) {
      const response = await get(url, overseer.P.token);
      expect({ url, status: response.status }).toEqual({ url, status: 403 });
    }
    // Its own account, tasks (none) and notifications are its to read.
    expect((await get('/api/me', overseer.P.token).expect(200)).body).toMatchObject({ role: 'overseer', areaId: area.P });
    expect((await get('/api/me/tasks', overseer.P.token).expect(200)).body).toEqual([]);
  });
});

describe('the admin sets up the upper levels, with its rules said in words', () => {
  it('refuses a district without a province, under a district, a province under anything, and an overseer without an area or with a committee', async () => {
    const refusals: [string, Record<string, unknown>][] = [
      ['/api/areas', { name: 'Huyện ủy lạc', kind: 'district' }],
      ['/api/areas', { name: 'Huyện ủy lạc', kind: 'district', parentId: area.D1 }],
      ['/api/areas', { name: 'Huyện ủy lạc', kind: 'district', parentId: randomUUID() }],
      ['/api/areas', { name: 'Tỉnh ủy lạc', kind: 'province', parentId: area.P }],
    ];
    for (const [url, body] of refusals) {
      const refused = await stack.http.post(url).set(bearer(adminToken)).send(body);
      expect({ body, status: refused.status, code: refused.body.code as unknown }).toEqual({ body, status: 400, code: 'INVALID_AREA' });
      expect(refused.body.message).toMatch(/^Đơn vị cấp trên được chọn không có hoặc không đúng cấp/);
    }
    const unnamed = await stack.http.post('/api/areas').set(bearer(adminToken)).send({ kind: 'huyen' }).expect(400);
    expect(unnamed.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^Tên đơn vị cấp trên/), expect.stringMatching(/^Cấp /)]));
    await stack.http.put(`/api/committees/${X1.committeeId}/area`).set(bearer(adminToken)).send({ areaId: randomUUID() }).expect(400);
    await stack.http.put(`/api/committees/${randomUUID()}/area`).set(bearer(adminToken)).send({ areaId: area.D1 }).expect(404);
    const account = { username: `captren.${suffix()}`, password: TEST_PASSWORD, fullName: 'Đồng chí Sùng A Páo', role: 'overseer' };
    await stack.http.post('/api/users').set(bearer(adminToken)).send(account).expect(400);
    await stack.http.post('/api/users').set(bearer(adminToken)).send({ ...account, areaId: area.D1, committeeId: X1.committeeId }).expect(400);
    await stack.http.post('/api/users').set(bearer(adminToken)).send({ ...account, areaId: randomUUID() }).expect(400);
    // The commune's office makes secretaries and guests, not upper levels' accounts.
    await stack.http.post('/api/users').set(bearer(X1.staff.token)).send({ ...account, areaId: area.D1 }).expect(403);
  });

  it('the admin renames and closes an upper level’s account; it never turns into a commune’s account, nor its office’s into one', async () => {
    const made = await stack.http
      .post('/api/users')
      .set(bearer(adminToken))
      .send({ username: `captren.${suffix()}`, password: TEST_PASSWORD, fullName: 'Đồng chí Sùng A Páo', role: 'overseer', areaId: area.D2 })
      .expect(201);
    const userId = made.body.id as string;
    const token = await login(stack, made.body.username as string, TEST_PASSWORD);
    const renamed = await stack.http.patch(`/api/users/${userId}`).set(bearer(adminToken)).send({ fullName: 'Đồng chí Sùng A Páo, Văn phòng Huyện ủy' }).expect(200);
    expect(renamed.body).toMatchObject({ role: 'overseer', areaId: area.D2, committeeId: null, fullName: 'Đồng chí Sùng A Páo, Văn phòng Huyện ủy' });
    await stack.http.patch(`/api/users/${userId}`).set(bearer(adminToken)).send({ role: 'committee' }).expect(400);
    await stack.http.patch(`/api/users/${X1.staff.userId}`).set(bearer(adminToken)).send({ role: 'overseer' }).expect(400);
    // The commune's office does not see the account at all.
    await stack.http.patch(`/api/users/${userId}`).set(bearer(X2.staff.token)).send({ fullName: 'Đổi tên' }).expect(404);
    await get(`/api/committees/${X2.committeeId}/dashboard`, token).expect(200);
    await stack.http.post(`/api/users/${userId}/deactivate`).set(bearer(adminToken)).send({ reason: 'Đồng chí đã nghỉ hưu' }).expect(200);
    await get(`/api/committees/${X2.committeeId}/dashboard`, token).expect(401);
  });
});

async function signedInPhone(username: string, landing: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser, { baseURL });
  const page = await context.newPage();
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === landing), page.locator('form[action="/login"] [type="submit"]').click()]);
  return { context, page };
}

/** Every form of the page that sends something (not the header's logout, not a GET), and every link to a cycle's page: an upper level has neither. */
async function waysToAct(page: Page): Promise<{ forms: number; cycleLinks: number }> {
  return { forms: await page.locator('main form:not([method="get"])').count(), cycleLinks: await page.locator('a[href^="/dot"]').count() };
}

describe('the upper level’s pages on a phone', () => {
  it('signs in to "Tổng quan cấp trên": the province’s communes by district with their figures in words, each one tap from its overview; nothing to act on', async () => {
    const { context, page } = await signedInPhone(overseer.P.username, '/tong-quan-cap-tren');
    try {
      expect((await page.goto('/tong-quan-cap-tren?nam=2025'))?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe('Tổng quan năm 2025');
      const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('Tỉnh ủy Lào Cai.');
      expect(text).toContain('Toàn tỉnh: 3 Đảng bộ xã');
      expect(text).toContain('Đợt chưa kết thúc 1 Việc quá hạn 1 Buổi sinh hoạt chi bộ điểm năm 2025 4 Xếp loại: Tốt 1, Khá 1, Trung bình 1.');
      expect(text).toContain('Chi bộ được mời: dự 4/5 buổi; nhận xét, góp ý đúng hạn 3, không gửi 1.');
      expect(text).toContain('Trực thuộc tỉnh (1) Đảng ủy xã Lùng Vai');
      expect(text).toContain('Huyện ủy Bảo Thắng (1) Đảng ủy xã Bản Lầu');
      expect(text).toContain('Huyện ủy Mường Khương (1) Đảng ủy xã Na Hối Đợt chưa kết thúc 1 Việc quá hạn 1 Buổi sinh hoạt chi bộ điểm năm 2025 2 Xếp loại: Tốt 1.');
      expect(text).not.toContain('Cốc Pài');
      expect(text).not.toMatch(/\bTOT\b|TRUNG_BINH|REPORTING|\d{4}-\d{2}-\d{2}T/);
      await expect(page.locator('figure.chart svg.bar').count()).resolves.toBe(3);
      expect(await waysToAct(page)).toEqual({ forms: 0, cycleLinks: 0 });
      await expect(page.locator('header nav a[href="/tong-quan-cap-tren"]').count()).resolves.toBe(1);
      await expect(page.locator('header nav a[href="/dot"], header nav a[href="/chi-bo"], header nav a[href="/quan-tri"]').count()).resolves.toBe(0);
      await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);
      await checkAccessibility(page, 'upper-level');
      await screenshot(page, 'upper-level');

      await Promise.all([
        page.waitForURL((url) => url.pathname === '/tong-quan' && url.searchParams.get('dang-uy') === X1.committeeId),
        page.locator('main h3 a', { hasText: 'Đảng ủy xã Na Hối' }).click(),
      ]);
      await expect(page.locator('h1').textContent()).resolves.toBe('Tổng quan năm 2025');
      const commune = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      expect(commune).toContain('Đảng ủy xã Na Hối');
      expect(commune).toContain('Việc quá hạn (1)');
      expect(commune).toMatch(new RegExp(`quá hạn \\d+ ngày ${X1.cells[1].name} chưa gửi báo cáo rút kinh nghiệm\\.`));
      expect(commune).toContain('Sinh hoạt chi bộ điểm quý I năm 2025');
      expect(await waysToAct(page)).toEqual({ forms: 0, cycleLinks: 0 });
      await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);
      await checkAccessibility(page, 'upper-level-commune');
      await screenshot(page, 'upper-level-commune');

      // The commune's year report, from its overview: the same page as its office's, for this commune.
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/bao-cao' && url.searchParams.get('dang-uy') === X1.committeeId),
        page.locator('main a', { hasText: 'Báo cáo năm 2025' }).click(),
      ]);
      const report = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      expect(report).toContain('Đảng ủy xã Na Hối');
      expect(await waysToAct(page)).toEqual({ forms: 0, cycleLinks: 0 });
      await expect(page.locator(`main a[href*="tep.xlsx"][href*="dang-uy=${X1.committeeId}"]`).count()).resolves.toBe(1);
      await checkAccessibility(page, 'upper-level-report');
      await page.goBack();

      await Promise.all([
        page.waitForURL((url) => url.pathname === `/chi-bo/${X1.cells[0].id}/tinh-hinh`),
        page.getByRole('link', { name: X1.cells[0].name }).click(),
      ]);
      const record = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      expect(record).toContain('Làm chi bộ điểm (1 lần)');
      expect(await waysToAct(page)).toEqual({ forms: 0, cycleLinks: 0 });
      await expect(page.locator(`main a[href="/chi-bo/${X1.cells[0].id}"]`).count()).resolves.toBe(0);
      await checkAccessibility(page, 'upper-level-cell');
      await screenshot(page, 'upper-level-cell');
    } finally {
      await context.close();
    }
  });

  it('a commune outside is not found; the office’s pages and forms are refused; a cycle’s page is not found', async () => {
    const { context, page } = await signedInPhone(overseer.D1.username, '/tong-quan-cap-tren');
    try {
      expect((await page.goto(`/tong-quan?dang-uy=${X2.committeeId}`))?.status()).toBe(404);
      expect((await page.goto(`/tong-quan?dang-uy=${Y.committeeId}`))?.status()).toBe(404);
      expect((await page.goto('/tong-quan'))?.status()).toBe(404);
      expect((await page.goto(`/chi-bo/${X2.cells[0].id}/tinh-hinh?dang-uy=${X2.committeeId}`))?.status()).toBe(404);
      expect((await page.goto(`/chi-bo/${X2.cells[0].id}/tinh-hinh?dang-uy=${X1.committeeId}`))?.status()).toBe(404);
      expect((await page.goto(`/bao-cao?nam=2025&dang-uy=${X2.committeeId}`))?.status()).toBe(404);
      expect((await page.goto('/bao-cao'))?.status()).toBe(404);
      expect((await page.goto(`/dot/${cycles.C2}`))?.status()).toBe(404);
      for (const path of ['/dot', '/dot-moi', '/chi-bo', '/quan-tri', '/kenh-gui-tin', '/chua-nhan-tin']) {
        const status = (await page.goto(path))?.status();
        expect({ path, status }).toEqual({ path, status: 403 });
      }
      await expect(page.locator('.error').textContent()).resolves.toMatch(/\S/);
      // Forms sent with the session's own CSRF token: refused all the same.
      await page.goto('/tong-quan-cap-tren');
      const csrf = await page.locator('header input[name="_csrf"]').getAttribute('value');
      // The office's forms: refused by role (403); a cycle's steps: the cycle is not found, as for anyone outside it.
      const posts: [string, Record<string, string>, number][] = [
        ['/dot-moi', { _csrf: csrf ?? '', title: 'Đợt thử', topic: 'Chuyên đề', kind: 'regular', day: '2027-01-05', time: '08:00', location: 'Nhà văn hóa', allCells: '1' }, 403],
        [`/dot/${cycles.C2}/huy`, { _csrf: csrf ?? '', reason: 'Thời tiết xấu' }, 404],
        [`/dot/${cycles.C2}/bao-cao`, { _csrf: csrf ?? '', lessons: 'Chuẩn bị kỹ', actions: '0' }, 404],
        ['/chi-bo', { _csrf: csrf ?? '', name: 'Chi bộ thôn mới', memberCount: '20' }, 403],
        ['/quan-tri', { _csrf: csrf ?? '', name: 'Đảng ủy xã mới' }, 403],
      ];
      const answers = [];
      for (const [path, form] of posts) answers.push({ path, status: (await page.request.post(path, { form, maxRedirects: 0 })).status() });
      expect(answers).toEqual(posts.map(([path, , status]) => ({ path, status })));
      const [cycle] = await stack.dataSource.query<{ status: string }[]>(`SELECT status FROM cycles WHERE id = $1`, [cycles.C2]);
      expect(cycle.status).toBe('REPORTING');
    } finally {
      await context.close();
    }
  });
});

describe('communes merged (the 2025 mergers)', () => {
  it('two communes of one district merged: the new committee stays under the district, the old ones leave its overview', async () => {
    const province = await newArea('Tỉnh ủy Lai Châu', 'province');
    const district = await newArea('Huyện ủy Phong Thổ', 'district', province);
    const first = await commune('Đảng ủy xã Sì Lở Lầu', district);
    const second = await commune('Đảng ủy xã Mồ Sì San', district);
    const elsewhere = await commune('Đảng ủy xã Vàng Ma Chải', province);
    const watcher = await newOverseer('Đồng chí Giàng A Chá, Văn phòng Huyện ủy', district);
    const merged = await stack.http
      .post('/api/committees/merge')
      .set(bearer(adminToken))
      .send({ committeeIds: [first.committeeId, second.committeeId], name: 'Đảng ủy xã Sì Lở Lầu mới' })
      .expect(201);
    const mergedId = merged.body.committee.id as string;
    expect(merged.body.committee).toMatchObject({ areaId: district });
    const overview = (await get(`/api/areas/${district}/dashboard`, watcher.token).expect(200)).body;
    expect(overview.communes.map((row: { committeeId: string }) => row.committeeId)).toEqual([mergedId]);
    await get(`/api/committees/${mergedId}/dashboard`, watcher.token).expect(200);
    // Communes from two different places merged: the new committee is under neither until the admin places it.
    const apart = await stack.http
      .post('/api/committees/merge')
      .set(bearer(adminToken))
      .send({ committeeIds: [mergedId, elsewhere.committeeId], name: 'Đảng ủy xã hợp nhất' })
      .expect(201);
    expect(apart.body.committee).toMatchObject({ areaId: null });
    await get(`/api/committees/${apart.body.committee.id as string}/dashboard`, watcher.token).expect(404);
  });
});
