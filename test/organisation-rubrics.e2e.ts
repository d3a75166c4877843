import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { acceptInvitationBody, launchBody, meetingBody, planBody } from '../scripts/lib/step-bodies.mjs';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { createCommuneViaApi, type ApiCommune } from './support/commune-api.fixture.js';
import { sleep } from './support/eventually.js';

/**
 * Issue 12, score sheets: every province adapts the sheet. A committee makes its own versions from the
 * template; a version is never edited in place, so a cycle running on an earlier version keeps it.
 */
let stack: ApiStack;
let commune: ApiCommune;
let other: ApiCommune;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

interface Criterion {
  id: string;
  label: string;
  maxPoints: number;
  requiredForTop: boolean;
}
interface Rubric {
  id: string;
  name: string;
  version: number;
  isTemplate: boolean;
  committeeId: string | null;
  pointStep: number;
  kind: string | null;
  basedOnId: string | null;
  criteria: Criterion[];
}

beforeAll(async () => {
  stack = await startApiStack();
  commune = await createCommuneViaApi(stack, 3);
  other = await createCommuneViaApi(stack, 1);
}, 120_000);

afterAll(async () => {
  await stack?.stopAll();
});

async function rubricsOf(token: string): Promise<Rubric[]> {
  return (await stack.http.get('/api/rubrics?limit=500').set(bearer(token)).expect(200)).body as Rubric[];
}

async function addVersion(token: string, body: Record<string, unknown>, committeeId = commune.committeeId) {
  return stack.http.post(`/api/committees/${committeeId}/rubrics`).set(bearer(token)).send(body);
}

describe('a committee’s own score sheet', () => {
  it('is made from the template, gets a new version for every change, and a running cycle keeps the version it was launched with', async () => {
    const template = (await rubricsOf(commune.staff.token)).find((rubric) => rubric.isTemplate)!;
    const name = `Phiếu chấm điểm của Đảng bộ xã ${Date.now()}`;
    const first = await addVersion(commune.staff.token, { name, pointStep: 0.5, criteria: template.criteria, basedOnRubricId: template.id });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name, version: 1, isTemplate: false, committeeId: commune.committeeId, pointStep: 0.5, basedOnId: template.id });

    // A cycle launched on version 1, brought to its critique window.
    const [host, visitorA, visitorB] = commune.cells;
    const meetingAt = Date.now() + 2500;
    const launched = await stack.http
      .post('/api/cycles')
      .set(bearer(commune.staff.token))
      .send({ ...launchBody({ committeeId: commune.committeeId, hostCellId: host.id, invitedCellIds: [visitorA.id, visitorB.id], meetingAt }), rubricId: first.body.id });
    expect(launched.status).toBe(201);
    const cycleId = launched.body.id as string;
    await stack.http.post(`/api/cycles/${cycleId}/plan`).set(bearer(host.secretary.token)).send(planBody()).expect(200);
    for (const visitor of [visitorA, visitorB]) {
      await stack.http.post(`/api/cycles/${cycleId}/invitations/${visitor.id}/rsvp`).set(bearer(visitor.secretary.token)).send(acceptInvitationBody()).expect(200);
    }
    await sleep(Math.max(0, meetingAt - Date.now() + 100));
    await stack.http.post(`/api/cycles/${cycleId}/meeting`).set(bearer(host.secretary.token)).send(meetingBody({ attendingCellIds: [visitorA.id, visitorB.id] })).expect(200);

    // Version 2 while the cycle runs: whole points, "speaking" worth 15, "closing" gone, a new criterion.
    const changed = template.criteria
      .filter((criterion) => criterion.id !== 'closing')
      .map((criterion) => (criterion.id === 'speaking' ? { ...criterion, maxPoints: 15 } : criterion))
      .concat([{ id: 'lessons-spread', label: 'Nhân rộng kinh nghiệm', maxPoints: 1, requiredForTop: false }]);
    const second = await addVersion(commune.staff.token, { name, pointStep: 1, criteria: changed, basedOnRubricId: first.body.id });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ version: 2, pointStep: 1, basedOnId: first.body.id });

    const running = (await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(commune.staff.token)).expect(200)).body;
    expect(running.rubric).toMatchObject({ id: first.body.id, version: 1, pointStep: 0.5 });
    expect(running.rubric.criteria.map((criterion: Criterion) => criterion.id)).toEqual(template.criteria.map((criterion) => criterion.id));

    // The critiques are scored on version 1: its half points and its "closing" count, version 2's criterion does not.
    const points = [{ stage: 'content', kind: 'strength', text: 'Nội dung thiết thực' }];
    const onSecond = await stack.http.post(`/api/cycles/${cycleId}/critiques`).set(bearer(visitorA.secretary.token)).send({ points, scores: { 'lessons-spread': 1 } });
    expect({ status: onSecond.status, code: onSecond.body.code }).toEqual({ status: 400, code: 'INVALID_SCORES' });
    const onFirst = await stack.http.post(`/api/cycles/${cycleId}/critiques`).set(bearer(visitorA.secretary.token)).send({ points, scores: { closing: 4.5, speaking: 9.5 } });
    expect(onFirst.status).toBe(201);
    expect(onFirst.body.scoreTotal).toBe(14);

    // A cycle launched now pins version 2.
    const later = await stack.http
      .post('/api/cycles')
      .set(bearer(commune.staff.token))
      .send({ ...launchBody({ committeeId: commune.committeeId, invitedCellIds: [visitorA.id], meetingAt: Date.now() + 7 * 86_400_000 }), rubricId: second.body.id });
    expect(later.status).toBe(201);
    expect(later.body.rubric).toMatchObject({ id: second.body.id, version: 2, pointStep: 1 });

    // Both versions are the committee's: another committee sees neither, and cannot launch on them.
    const theirs = await rubricsOf(other.staff.token);
    expect(theirs.map((rubric) => rubric.id)).not.toContain(first.body.id);
    expect(theirs.map((rubric) => rubric.id)).not.toContain(second.body.id);
    const borrowed = await stack.http
      .post('/api/cycles')
      .set(bearer(other.staff.token))
      .send({ ...launchBody({ committeeId: other.committeeId, invitedCellIds: [other.cells[0].id], meetingAt: Date.now() + 7 * 86_400_000 }), rubricId: second.body.id });
    expect(borrowed.status).toBe(404);
    const trail = (await stack.http.get('/api/audit').set(bearer(commune.staff.token)).expect(200)).body as { action: string; entityId: string }[];
    expect(trail.filter((entry) => entry.action === 'RUBRIC_VERSION_ADDED').map((entry) => entry.entityId)).toEqual(expect.arrayContaining([first.body.id, second.body.id]));
  }, 120_000);

  it('refuses a sheet that does not add up, one for the other kind of meeting, and anyone outside the committee’s office', async () => {
    const criteria = [{ id: 'time', label: 'Thời gian sinh hoạt', maxPoints: 7.5 }];
    const offStep = await addVersion(commune.staff.token, { name: 'Phiếu thử', pointStep: 1, criteria });
    expect({ status: offStep.status, code: offStep.body.code }).toEqual({ status: 400, code: 'INVALID_RUBRIC' });
    expect(offStep.body.message).toContain('Thời gian sinh hoạt');
    const twice = await addVersion(commune.staff.token, { name: 'Phiếu thử', pointStep: 0.5, criteria: [...criteria, ...criteria] });
    expect(twice.status).toBe(400);
    const badStep = await addVersion(commune.staff.token, { name: 'Phiếu thử', pointStep: 0.3, criteria });
    expect(badStep.status).toBe(400);
    const badId = await addVersion(commune.staff.token, { name: 'Phiếu thử', pointStep: 0.5, criteria: [{ ...criteria[0], id: 'Thời gian' }] });
    expect(badId.status).toBe(400);

    const thematic = await addVersion(commune.staff.token, { name: 'Phiếu chấm sinh hoạt chuyên đề', kind: 'thematic', pointStep: 0.5, criteria });
    expect(thematic.status).toBe(201);
    const wrongKind = await stack.http
      .post('/api/cycles')
      .set(bearer(commune.staff.token))
      .send({ ...launchBody({ committeeId: commune.committeeId, invitedCellIds: [commune.cells[1].id], meetingAt: Date.now() + 7 * 86_400_000 }), rubricId: thematic.body.id });
    expect({ status: wrongKind.status, code: wrongKind.body.code }).toEqual({ status: 400, code: 'RUBRIC_NOT_FOR_KIND' });

    expect((await addVersion(other.staff.token, { name: 'Phiếu lạ', pointStep: 0.5, criteria })).status).toBe(404);
    expect((await addVersion(commune.cells[0].secretary.token, { name: 'Phiếu lạ', pointStep: 0.5, criteria })).status).toBe(403);
    const basedOnForeign = await addVersion(other.staff.token, { name: 'Phiếu lạ', pointStep: 0.5, criteria, basedOnRubricId: thematic.body.id }, other.committeeId);
    expect(basedOnForeign.status).toBe(404);
  });
});
