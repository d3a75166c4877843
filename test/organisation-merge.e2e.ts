import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  driveCycle,
  fileReport,
  launchCycle,
  postPlan,
  recordMeeting,
  review,
  rsvp,
  submitCritique,
  waitForMeetingTime,
  type DrivenCycle,
} from '../scripts/lib/cycle-driver.mjs';
import { acceptInvitationBody, acceptReviewBody, critiqueBody, meetingBody, reportBody } from '../scripts/lib/step-bodies.mjs';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { supertestHttp } from './support/cycle-http.js';
import { createCommuneViaApi, type ApiCell, type ApiCommune } from './support/commune-api.fixture.js';

/**
 * Issue 12, the 2025 commune mergers: three communes, each with a closed and an open cycle, become one
 * committee. Every cycle stays readable, the open ones are finished by the merged committee's staff (even
 * staff who came from another commune), and the old committees keep their names.
 */
let stack: ApiStack;
let adminToken: string;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  stack = await startApiStack();
  adminToken = (await stack.http.post('/api/auth/login').send({ username: 'admin', password: 'admin' }).expect(200)).body.accessToken;
}, 120_000);

afterAll(async () => {
  await stack?.stopAll();
});

/** A cycle brought to its critique window: its host recorded the meeting that every visitor attended. */
async function openInCritique(commune: ApiCommune): Promise<DrivenCycle<ApiCell>> {
  const [, host, ...visitors] = commune.cells;
  const cycle = await launchCycle(supertestHttp(stack.http), { committeeId: commune.committeeId, staff: commune.staff, host, invited: visitors }, { meetingAt: Date.now() + 2500 });
  await postPlan(cycle);
  for (const visitor of visitors) await rsvp(cycle, visitor, acceptInvitationBody());
  await waitForMeetingTime(cycle);
  await recordMeeting(cycle, meetingBody({ attendingCellIds: visitors.map((cell) => cell.id) }));
  return cycle;
}

describe('three communes merged into one committee', () => {
  it('keeps every cycle readable, lets the merged staff finish the open ones, and the old committees keep their names', async () => {
    const communes = await Promise.all([createCommuneViaApi(stack, 4), createCommuneViaApi(stack, 4), createCommuneViaApi(stack, 4)]);
    const closed = [];
    const open = [];
    for (const commune of communes) {
      const [host, ...visitors] = commune.cells;
      closed.push(await driveCycle(supertestHttp(stack.http), { committeeId: commune.committeeId, staff: commune.staff, host, invited: visitors }, { meetingAt: Date.now() + 2500 }));
      open.push(await openInCritique(commune));
    }

    const started = Date.now();
    const merged = await stack.http
      .post('/api/committees/merge')
      .set(bearer(adminToken))
      .send({ committeeIds: communes.map((commune) => commune.committeeId), name: `Đảng ủy xã Na Hối ${Date.now()}` });
    const mergeMs = Date.now() - started;
    expect(merged.status).toBe(201);
    const committeeId = merged.body.committee.id as string;
    expect(merged.body.moved).toEqual({ cells: 12, people: 3 + 12, cycles: 6, rubrics: 0 });

    // The old committees stay, named, pointing at the merged one; nobody can merge them again.
    const listed = (await stack.http.get('/api/committees?limit=500').set(bearer(adminToken)).expect(200)).body as { id: string; mergedIntoId: string | null }[];
    for (const commune of communes) expect(listed.find((row) => row.id === commune.committeeId)?.mergedIntoId).toBe(committeeId);
    // A committee merged away takes nothing new: cells, people, score sheets and cycles go to the merged one.
    const old = communes[0].committeeId;
    const attempts = [
      stack.http.post(`/api/committees/${old}/cells`).set(bearer(adminToken)).send({ name: 'Chi bộ thôn Mới', memberCount: 20 }),
      stack.http
        .post('/api/users')
        .set(bearer(adminToken))
        .send({ username: `canbo.moi.${Date.now()}`, password: 'mat-khau-can-bo-moi-2026', fullName: 'Đồng chí Hà Thị Lan', role: 'committee', committeeId: old }),
      stack.http
        .post(`/api/committees/${old}/rubrics`)
        .set(bearer(adminToken))
        .send({ name: 'Phiếu mới', pointStep: 1, criteria: [{ id: 'time', label: 'Thời gian sinh hoạt', maxPoints: 10 }] }),
      stack.http
        .post('/api/cycles')
        .set(bearer(adminToken))
        .send({
          committeeId: old,
          title: 'Đợt trong Đảng ủy cũ',
          topic: 'Thử',
          kind: 'regular',
          invitedCellIds: [communes[0].cells[1].id],
          meetingAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          location: 'Hội trường',
        }),
    ];
    for (const attempt of await Promise.all(attempts)) expect({ status: attempt.status, code: attempt.body.code }).toEqual({ status: 409, code: 'COMMITTEE_MERGED' });
    const again = await stack.http.post('/api/committees/merge').set(bearer(adminToken)).send({ committeeIds: communes.slice(0, 2).map((commune) => commune.committeeId), name: 'Lần nữa' });
    expect(again.status).toBe(404);

    // Every former office now sees the merged committee's cells and every cycle, open and closed.
    const staffOfA = communes[0].staff.token;
    const cells = (await stack.http.get(`/api/committees/${committeeId}/cells`).set(bearer(staffOfA)).expect(200)).body as { id: string }[];
    expect(cells.map((cell) => cell.id).sort()).toEqual(communes.flatMap((commune) => commune.cells.map((cell) => cell.id)).sort());
    for (const cycle of [...closed, ...open]) {
      const view = await stack.http.get(`/api/cycles/${cycle.id}`).set(bearer(staffOfA)).expect(200);
      expect(view.body.committeeId).toBe(committeeId);
    }
    for (const cycle of closed) {
      const view = (await stack.http.get(`/api/cycles/${cycle.id}`).set(bearer(staffOfA)).expect(200)).body;
      expect(view).toMatchObject({ status: 'CLOSED', review: cycle.closed.review, critiques: cycle.closed.critiques });
    }
    const listedCycles = (await stack.http.get('/api/cycles?limit=100').set(bearer(staffOfA)).expect(200)).body.items as { id: string }[];
    expect(listedCycles.map((cycle) => cycle.id)).toEqual(expect.arrayContaining([...closed, ...open].map((cycle) => cycle.id)));

    // The open cycles are finished: critiques by their visitors, reports by their hosts, reviews by staff
    // who came from another commune (the workflow knows the committee it was launched for).
    for (const [index, cycle] of open.entries()) {
      for (const visitor of cycle.attending) await submitCritique(cycle, visitor, critiqueBody({ index }));
      await fileReport(cycle, reportBody({ pointIds: cycle.pointsToAnswer.map((point) => point.id) }));
      const otherStaff = communes[(index + 1) % communes.length].staff;
      const finished = await review({ ...cycle, staff: otherStaff }, acceptReviewBody({ rating: 'KHA' }));
      expect(finished.status).toBe('CLOSED');
    }

    // The merged committee launches across former communes; its trail holds the old committees' changes too.
    const launched = await stack.http
      .post('/api/cycles')
      .set(bearer(communes[2].staff.token))
      .send({
        committeeId,
        title: 'Sinh hoạt chi bộ điểm đầu tiên sau hợp nhất',
        topic: 'Kiện toàn tổ chức sau hợp nhất',
        kind: 'regular',
        hostCellId: communes[0].cells[3].id,
        invitedCellIds: [communes[1].cells[3].id, communes[2].cells[3].id],
        meetingAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        location: 'Hội trường Đảng ủy xã',
      });
    expect(launched.status).toBe(201);
    const trail = (await stack.http.get('/api/audit?limit=500').set(bearer(staffOfA)).expect(200)).body as { action: string; entityId: string }[];
    expect(trail.filter((entry) => entry.action === 'COMMITTEE_MERGED').map((entry) => entry.entityId).sort()).toEqual(communes.map((commune) => commune.committeeId).sort());
    expect(trail.filter((entry) => entry.action === 'ACCOUNT_CREATED').length).toBeGreaterThanOrEqual(15);

    console.log(`merge of 3 communes: ${cells.length} cells, 15 people, ${closed.length + open.length} cycles (${open.length} open) moved in ${mergeMs} ms`);
  }, 240_000);
});
