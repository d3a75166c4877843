import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { createCommuneViaApi, type ApiCommune } from './support/commune-api.fixture.js';

let stack: ApiStack;
let commune: ApiCommune;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  stack = await startApiStack();
  commune = await createCommuneViaApi(stack, 4);
});

afterAll(async () => {
  await stack?.stopAll();
});

async function launch(title: string): Promise<string> {
  const [host, ...invited] = commune.cells;
  const response = await stack.http
    .post('/api/cycles')
    .set(bearer(commune.staff.token))
    .send({
      committeeId: commune.committeeId,
      title,
      topic: 'Chuyên đề',
      kind: 'thematic',
      hostCellId: host.id,
      invitedCellIds: invited.map((cell) => cell.id),
      meetingAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      location: 'Hội trường xã',
    })
    .expect(201);
  return response.body.id as string;
}

describe('lists are paginated', () => {
  it('pages cycles newest first with a cursor, without gaps or repeats', async () => {
    const launched = [await launch('Đợt 1'), await launch('Đợt 2'), await launch('Đợt 3')];
    const first = await stack.http.get(`/api/cycles?committeeId=${commune.committeeId}&limit=2`).set(bearer(commune.staff.token)).expect(200);
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([launched[2], launched[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await stack.http
      .get(`/api/cycles?committeeId=${commune.committeeId}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`)
      .set(bearer(commune.staff.token))
      .expect(200);
    expect(second.body.items.map((item: { id: string }) => item.id)).toEqual([launched[0]]);
    expect(second.body.nextCursor).toBeNull();
    const host = commune.cells[0].secretary;
    const tasks = await stack.http.get('/api/me/tasks?limit=2').set(bearer(host.token)).expect(200);
    expect(tasks.body).toHaveLength(2);
    expect(tasks.body.every((task: { action: string }) => task.action === 'SUBMIT_PLAN')).toBe(true);
    const rest = await stack.http.get('/api/me/tasks?limit=2&offset=2').set(bearer(host.token)).expect(200);
    expect(rest.body).toHaveLength(1);
    await stack.http.get('/api/cycles?cursor=not-a-cursor').set(bearer(commune.staff.token)).expect(400);
  });

  it('treats an id written in capitals as the same resource', async () => {
    const cycleId = await launch('Đợt viết hoa');
    const staff = bearer(commune.staff.token);
    const seen = await stack.http.get(`/api/cycles/${cycleId.toUpperCase()}`).set(staff).expect(200);
    expect(seen.body.id).toBe(cycleId);
    const moved = await stack.http
      .post(`/api/cycles/${cycleId.toUpperCase()}/reschedule`)
      .set(staff)
      .send({ meetingAt: new Date(Date.now() + 9 * 86_400_000).toISOString(), reason: 'Trùng lịch' })
      .expect(200);
    expect(moved.body.id).toBe(cycleId);
    await stack.http.get(`/api/committees/${commune.committeeId.toUpperCase()}/cells`).set(staff).expect(200);
  });

  it('pages cells, notifications and rubrics with limit and offset, bounded', async () => {
    const staff = bearer(commune.staff.token);
    const all = await stack.http.get(`/api/committees/${commune.committeeId}/cells`).set(staff).expect(200);
    const firstTwo = await stack.http.get(`/api/committees/${commune.committeeId}/cells?limit=2`).set(staff).expect(200);
    const rest = await stack.http.get(`/api/committees/${commune.committeeId}/cells?limit=2&offset=2`).set(staff).expect(200);
    expect([...firstTwo.body, ...rest.body]).toEqual(all.body);
    await stack.http.get(`/api/committees/${commune.committeeId}/cells?limit=100000`).set(staff).expect(400);
    await stack.http.get('/api/me/notifications?limit=0').set(staff).expect(400);
    const inbox = await stack.http.get('/api/me/notifications?limit=1').set(bearer(commune.cells[1].secretary.token)).expect(200);
    expect(inbox.body).toHaveLength(1);
    const rubrics = await stack.http.get('/api/rubrics?limit=1').set(staff).expect(200);
    expect(rubrics.body).toHaveLength(1);
    expect(rubrics.body[0]).toMatchObject({ version: expect.any(Number), isTemplate: true });
    expect(rubrics.body[0].criteria.reduce((sum: number, criterion: { maxPoints: number }) => sum + criterion.maxPoints, 0)).toBe(100);
  });
});
