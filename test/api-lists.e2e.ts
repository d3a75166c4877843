import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { launchBody } from '../scripts/lib/step-bodies.mjs';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { createCommuneViaApi, type ApiCommune } from './support/commune-api.fixture.js';
import { eventually } from './support/eventually.js';

/**
 * Paginated lists: cycles (cursor), tasks, cells, notifications and rubrics (limit/offset). Other suites fill
 * the same database in parallel, so every check here is about this suite's own committee, and a "not in the
 * list" check reads every page.
 *
 * A cell never hosts two open cycles (ruleset 2): cells[0..2] are only ever invited, cells[3..6] each host one
 * cycle.
 */

type Cell = ApiCommune['cells'][number];

const DAY = 86_400_000;

let stack: ApiStack;
let commune: ApiCommune;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const english = { 'Accept-Language': 'en' };

/** The cycles of the first test, oldest first, and their meeting times. */
const launched: { id: string; title: string; meetingAt: string }[] = [];

beforeAll(async () => {
  stack = await startApiStack();
  commune = await createCommuneViaApi(stack, 7);
});

afterAll(async () => {
  await stack?.stopAll();
});

async function launch(title: string, host: Cell, invited: Cell[]): Promise<{ id: string; title: string; meetingAt: string }> {
  const response = await stack.http
    .post('/api/cycles')
    .set(bearer(commune.staff.token))
    .send(
      launchBody({
        committeeId: commune.committeeId,
        title,
        topic: 'Chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
        kind: 'thematic',
        hostCellId: host.id,
        invitedCellIds: invited.map((cell) => cell.id),
        meetingAt: Date.now() + 7 * DAY,
        location: 'Hội trường xã',
        earlyStartTolerance: null,
      }),
    )
    .expect(201);
  return { id: response.body.id as string, title, meetingAt: response.body.meetingAt as string };
}

/** Every cycle the caller may list with this query, page by page to the end. */
async function everyListedCycle(token: string, query: string): Promise<{ id: string; status: string }[]> {
  const items: { id: string; status: string }[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page += 1) {
    const response = await stack.http
      .get(`/api/cycles?limit=2${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      .set(bearer(token))
      .expect(200);
    items.push(...(response.body.items as { id: string; status: string }[]));
    cursor = response.body.nextCursor as string | null;
    if (cursor === null) return items;
  }
  throw new Error('the cycle list never ended');
}

/** A refusal of a query: 400 VALIDATION_FAILED with exactly these sentences. */
async function expectRefusedQuery(path: string, token: string, language: 'vi' | 'en', ...sentences: string[]): Promise<void> {
  const response = await stack.http
    .get(path)
    .set(bearer(token))
    .set(language === 'en' ? english : {})
    .expect(400);
  expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
  const { message } = response.body as { message: string | string[] };
  expect(Array.isArray(message) ? message : [message]).toEqual(sentences);
}

describe('lists are paginated', () => {
  it('pages cycles newest first with a cursor, without gaps or repeats; tasks with limit and offset', async () => {
    const [a, b, c, hostOne, hostTwo, hostThree] = commune.cells;
    launched.push(await launch('Đợt 1', hostOne, [a, b, c]), await launch('Đợt 2', hostTwo, [a, b, c]), await launch('Đợt 3', hostThree, [a, b, c]));
    const ids = launched.map((cycle) => cycle.id);
    const first = await stack.http.get(`/api/cycles?committeeId=${commune.committeeId}&limit=2`).set(bearer(commune.staff.token)).expect(200);
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await stack.http
      .get(`/api/cycles?committeeId=${commune.committeeId}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`)
      .set(bearer(commune.staff.token))
      .expect(200);
    expect(second.body.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();

    // An invited cell has one RSVP task per cycle, due at the meeting: soonest first, paged without gaps.
    const invited = bearer(b.secretary.token);
    const rsvpTasks = launched.map((cycle) => ({ cycleId: cycle.id, title: cycle.title, action: 'RSVP', dueAt: cycle.meetingAt }));
    expect((await stack.http.get('/api/me/tasks').set(invited).expect(200)).body).toEqual(rsvpTasks);
    expect((await stack.http.get('/api/me/tasks?limit=2').set(invited).expect(200)).body).toEqual(rsvpTasks.slice(0, 2));
    expect((await stack.http.get('/api/me/tasks?limit=2&offset=2').set(invited).expect(200)).body).toEqual(rsvpTasks.slice(2));
    // Each host has the plan of its own cycle to send, and nothing of the others.
    const cycle = await stack.http.get(`/api/cycles/${ids[0]}`).set(bearer(commune.staff.token)).expect(200);
    expect((await stack.http.get('/api/me/tasks').set(bearer(hostOne.secretary.token)).expect(200)).body).toEqual([
      { cycleId: ids[0], title: 'Đợt 1', action: 'SUBMIT_PLAN', dueAt: cycle.body.deadlines.planDueAt },
    ]);

    await expectRefusedQuery('/api/cycles?cursor=not-a-cursor', commune.staff.token, 'vi', 'Nội dung gửi lên chưa đúng quy định.');
    await expectRefusedQuery('/api/cycles?cursor=not-a-cursor', commune.staff.token, 'en', 'The request is not valid.');
  });

  it('a status filter leaves out a cancelled cycle on every page, and keeps the others', async () => {
    const staff = bearer(commune.staff.token);
    await stack.http.post(`/api/cycles/${launched[1].id}/cancel`).set(staff).send({ reason: 'Trùng lịch họp của huyện' }).expect(200);
    const preparing = await everyListedCycle(commune.staff.token, `&committeeId=${commune.committeeId}&status=PREPARATION`);
    expect(preparing.map((item) => item.id)).toEqual([launched[2].id, launched[0].id]);
    expect(preparing.map((item) => item.id)).not.toContain(launched[1].id);
    const cancelled = await everyListedCycle(commune.staff.token, `&committeeId=${commune.committeeId}&status=CANCELLED`);
    expect(cancelled).toEqual([expect.objectContaining({ id: launched[1].id, status: 'CANCELLED' })]);
  });

  it('treats an id written in capitals as the same resource', async () => {
    const [, , c, , , , host] = commune.cells;
    const { id: cycleId } = await launch('Đợt viết hoa', host, [c]);
    const staff = bearer(commune.staff.token);
    const lower = await stack.http.get(`/api/cycles/${cycleId}`).set(staff).expect(200);
    const seen = await stack.http.get(`/api/cycles/${cycleId.toUpperCase()}`).set(staff).expect(200);
    expect(seen.body).toEqual(lower.body);

    const meetingAt = new Date(Date.now() + 9 * DAY).toISOString();
    const moved = await stack.http.post(`/api/cycles/${cycleId.toUpperCase()}/reschedule`).set(staff).send({ meetingAt, reason: 'Trùng lịch' }).expect(200);
    expect(moved.body).toMatchObject({ id: cycleId, meetingAt });
    expect((await stack.http.get(`/api/cycles/${cycleId}`).set(staff).expect(200)).body.meetingAt).toBe(meetingAt);

    await stack.http
      .post(`/api/cycles/${cycleId.toUpperCase()}/invitations/${c.id.toUpperCase()}/rsvp`)
      .set(bearer(c.secretary.token))
      .send({ response: 'accept' })
      .expect(200);
    const invitations = (await stack.http.get(`/api/cycles/${cycleId}`).set(staff).expect(200)).body.invitations as { cellId: string; status: string }[];
    expect(invitations.map(({ cellId, status }) => ({ cellId, status }))).toEqual([{ cellId: c.id, status: 'ACCEPTED' }]);

    const cells = await stack.http.get(`/api/committees/${commune.committeeId}/cells`).set(staff).expect(200);
    const cellsInCapitals = await stack.http.get(`/api/committees/${commune.committeeId.toUpperCase()}/cells`).set(staff).expect(200);
    expect(cells.body).toHaveLength(commune.cells.length);
    expect(cellsInCapitals.body).toEqual(cells.body);
  });

  it('pages cells, notifications and rubrics with limit and offset, bounded', async () => {
    const staff = bearer(commune.staff.token);
    const all = await stack.http.get(`/api/committees/${commune.committeeId}/cells`).set(staff).expect(200);
    expect((all.body as { id: string }[]).map((cell) => cell.id).sort()).toEqual(commune.cells.map((cell) => cell.id).sort());
    const firstTwo = await stack.http.get(`/api/committees/${commune.committeeId}/cells?limit=2`).set(staff).expect(200);
    const nextTwo = await stack.http.get(`/api/committees/${commune.committeeId}/cells?limit=2&offset=2`).set(staff).expect(200);
    const last = await stack.http.get(`/api/committees/${commune.committeeId}/cells?limit=2&offset=6`).set(staff).expect(200);
    const beyond = await stack.http.get(`/api/committees/${commune.committeeId}/cells?offset=7`).set(staff).expect(200);
    expect(firstTwo.body).toEqual(all.body.slice(0, 2));
    expect(nextTwo.body).toEqual(all.body.slice(2, 4));
    expect(last.body).toEqual(all.body.slice(6));
    expect(beyond.body).toEqual([]);
    await expectRefusedQuery(`/api/committees/${commune.committeeId}/cells?limit=100000`, commune.staff.token, 'vi', 'Số dòng mỗi trang không được lớn hơn 500.');
    await expectRefusedQuery('/api/me/notifications?limit=0', commune.staff.token, 'vi', 'Số dòng mỗi trang không được nhỏ hơn 1.');
    await expectRefusedQuery('/api/me/notifications?limit=0', commune.staff.token, 'en', 'Page size must not be less than 1.');

    // cells[1] is invited to the three cycles of the first test, one of which was cancelled, and to nothing else.
    const visitor = bearer(commune.cells[1].secretary.token);
    const expected = [
      ...launched.map((cycle) => `${cycle.id} INVITED`),
      `${launched[1].id} CANCELLED`,
    ].sort();
    const inbox = await eventually(async () => {
      const response = await stack.http.get('/api/me/notifications').set(visitor).expect(200);
      const notices = response.body as { id: string; cycleId: string; reason: string }[];
      expect(notices.map(({ cycleId, reason }) => `${cycleId} ${reason}`).sort()).toEqual(expected);
      return notices;
    });
    expect((await stack.http.get('/api/me/notifications?limit=1').set(visitor).expect(200)).body).toEqual(inbox.slice(0, 1));
    expect((await stack.http.get('/api/me/notifications?limit=1&offset=1').set(visitor).expect(200)).body).toEqual(inbox.slice(1, 2));
    expect((await stack.http.get('/api/me/notifications?limit=5&offset=2').set(visitor).expect(200)).body).toEqual(inbox.slice(2));
    expect((await stack.http.get('/api/me/notifications?offset=4').set(visitor).expect(200)).body).toEqual([]);

    // The committee sees the templates and its own sheets: give it one of its own, so that limit=1 has something to leave out.
    const ownRubric = randomUUID();
    await stack.dataSource.query(
      `INSERT INTO rubrics (id, committee_id, name, version, is_template, criteria) VALUES ($1, $2, $3, 1, false, $4)`,
      [
        ownRubric,
        commune.committeeId,
        `Phiếu chấm điểm sinh hoạt chuyên đề của Đảng ủy xã ${randomUUID().slice(0, 8)}`,
        JSON.stringify([
          { id: 'time', label: 'Thời gian, thời lượng sinh hoạt', maxPoints: 50 },
          { id: 'content', label: 'Nội dung chuyên đề', maxPoints: 50 },
        ]),
      ],
    );
    const rubrics = (await stack.http.get('/api/rubrics').set(staff).expect(200)).body as {
      id: string;
      isTemplate: boolean;
      committeeId: string | null;
      criteria: { maxPoints: number }[];
    }[];
    expect(rubrics.filter((rubric) => !rubric.isTemplate).map((rubric) => rubric.id)).toEqual([ownRubric]);
    const templates = rubrics.filter((rubric) => rubric.isTemplate);
    expect(templates.map((rubric) => rubric.committeeId)).toEqual(templates.map(() => null));
    // The template sheet is the 100-point sheet of domain.md.
    expect(templates.map((rubric) => rubric.criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0))).toContain(100);
    expect((await stack.http.get('/api/rubrics?limit=1').set(staff).expect(200)).body).toEqual(rubrics.slice(0, 1));
    expect((await stack.http.get('/api/rubrics?limit=1&offset=1').set(staff).expect(200)).body).toEqual(rubrics.slice(1, 2));
    expect((await stack.http.get(`/api/rubrics?offset=${rubrics.length}`).set(staff).expect(200)).body).toEqual([]);
  });
});
