import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type request from 'supertest';
import { waitForMeetingTime } from '../scripts/lib/cycle-driver.mjs';
import { acceptInvitationBody, launchBody, meetingBody, planBody, type LaunchFacts } from '../scripts/lib/step-bodies.mjs';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { createCommuneViaApi, type ApiCommune } from './support/commune-api.fixture.js';
import { eventually } from './support/eventually.js';

/**
 * What api.md and domain.md promise and no other suite checked, over HTTP on the real stack (Nest app,
 * worker, Temporal dev server, PostgreSQL): a rubric chosen at launch and pinned, the default critique and
 * report windows, the task list, the plan-overdue alert, and the host candidates best first.
 * Expected values are worked out here from the published rules, not taken from the code under test.
 */

type HttpResponse = request.Response;
type Cell = ApiCommune['cells'][number];

interface TimelineEntry {
  at: string;
  event: string;
}
interface CycleView {
  id: string;
  status: string;
  hostCellId: string | null;
  meetingAt: string;
  rubricId: string;
  rubric: { id: string; name: string; version: number; criteria: unknown[]; pointStep?: number };
  plan: { late?: boolean } | null;
  meeting: { recordedAt: string } | null;
  critiques: { id: string; cellId: string | null; submittedAt: string; points: { id: string; kind: string }[] }[];
  actionItems: { id: string; title: string; dueDate: string }[];
  deadlines: {
    planDueAt: string;
    recordDueAt: string | null;
    critiqueClosesAt: string | null;
    reportDueAt: string | null;
    reviewDueAt: string | null;
  };
  timeline: TimelineEntry[];
}
interface Task {
  cycleId: string;
  action: string;
  dueAt: string | null;
  actionItemId?: string;
}
interface Notification {
  cycleId: string | null;
  reason: string;
}

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let stack: ApiStack;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  stack = await startApiStack();
});

afterAll(async () => {
  await stack?.stopAll();
});

function expectRefusal(response: HttpResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
}

/** The calendar day in Vietnam (UTC+7) of an instant, plus `days`. */
function vietnamDay(epochMs: number, days = 0): string {
  return new Date(epochMs + 7 * HOUR + days * DAY).toISOString().slice(0, 10);
}

/** Start of a Vietnamese calendar day (00:00 in UTC+7), as an instant. */
function vietnamMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00+07:00`);
}

function expectWithinASecond(actualIso: string | null | undefined, expectedMs: number): void {
  expect(typeof actualIso).toBe('string');
  expect(Math.abs(Date.parse(actualIso as string) - expectedMs)).toBeLessThanOrEqual(SECOND);
}

/** A launch of step-bodies' words, with these facts (its title unique). */
async function launch(commune: ApiCommune, facts: Omit<LaunchFacts, 'committeeId'>): Promise<CycleView> {
  const body = launchBody({ title: `Sinh hoạt chi bộ điểm ${randomUUID().slice(0, 8)}`, ...facts, committeeId: commune.committeeId });
  const response = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).send(body);
  expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status: 201 });
  return response.body as CycleView;
}

async function view(cycleId: string, token: string): Promise<CycleView> {
  const response = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(token));
  expect(response.status).toBe(200);
  return response.body as CycleView;
}

async function tasksOf(token: string): Promise<Task[]> {
  const response = await stack.http.get('/api/me/tasks').set(bearer(token));
  expect(response.status).toBe(200);
  return response.body as Task[];
}

async function notificationsOf(token: string): Promise<Notification[]> {
  const response = await stack.http.get('/api/me/notifications').set(bearer(token));
  expect(response.status).toBe(200);
  return response.body as Notification[];
}

async function post(path: string, token: string, body: unknown, status: number): Promise<HttpResponse> {
  const response = await stack.http.post(path).set(bearer(token)).send(body as object);
  expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status });
  return response;
}

async function postPlan(cycleId: string, host: Cell): Promise<CycleView> {
  const response = await post(`/api/cycles/${cycleId}/plan`, host.secretary.token, planBody(), 200);
  return response.body as CycleView;
}

async function accept(cycleId: string, cell: Cell): Promise<void> {
  await post(`/api/cycles/${cycleId}/invitations/${cell.id}/rsvp`, cell.secretary.token, acceptInvitationBody(), 200);
}

/**
 * A meeting of 95 minutes that ended 5 minutes ago (the launch allows a start up to 3 hours early), recorded
 * once its time has come; no self scores (a cycle here may use a rubric of other criteria).
 */
async function recordMeetingWhenDue(cycle: CycleView, host: Cell, attending: Cell[]): Promise<CycleView> {
  await waitForMeetingTime({ meetingAt: Date.parse(cycle.meetingAt) }, 150);
  const body = meetingBody({ attendingCellIds: attending.map((cell) => cell.id), selfScores: null });
  const response = await post(`/api/cycles/${cycle.id}/meeting`, host.secretary.token, body, 200);
  return response.body as CycleView;
}

/** Tasks are due soonest first, and every one has a due time. */
function expectSoonestFirst(tasks: Task[]): void {
  for (const task of tasks) expect(Number.isNaN(Date.parse(task.dueAt as string))).toBe(false);
  for (let index = 1; index < tasks.length; index += 1) {
    expect(Date.parse(tasks[index].dueAt as string)).toBeGreaterThanOrEqual(Date.parse(tasks[index - 1].dueAt as string));
  }
}

describe('rubricId at launch (domain.md: a rubric is versioned data, chosen at launch and pinned to the cycle)', () => {
  it('pins the committee’s own rubric version; another committee’s is 404; a later version changes nothing for the running cycle', async () => {
    const commune = await createCommuneViaApi(stack, 3);
    const otherCommune = await createCommuneViaApi(stack, 1);
    const [host, visitor, nextHost] = commune.cells;
    const { dataSource } = stack;
    const insertRubric = (rubric: { id: string; committeeId: string; version: number; pointStep: number; criteria: unknown[] }) =>
      dataSource.query(
        `INSERT INTO rubrics (id, committee_id, name, version, is_template, criteria, point_step) VALUES ($1, $2, $3, $4, false, $5, $6)`,
        [rubric.id, rubric.committeeId, 'Phiếu chấm điểm sinh hoạt chi bộ của xã', rubric.version, JSON.stringify(rubric.criteria), rubric.pointStep],
      );

    // Version 1: whole points only, two criteria.
    const v1 = {
      id: randomUUID(),
      committeeId: commune.committeeId,
      version: 1,
      pointStep: 1,
      criteria: [
        { id: 'chuan_bi', label: 'Công tác chuẩn bị', maxPoints: 40 },
        { id: 'noi_dung', label: 'Nội dung sinh hoạt', maxPoints: 60 },
      ],
    };
    await insertRubric(v1);
    const foreign = { ...v1, id: randomUUID(), committeeId: otherCommune.committeeId };
    await insertRubric(foreign);

    const meetingAt = new Date(Date.now() + 3000).toISOString();
    const body = {
      hostCellId: host.id,
      invitedCellIds: [visitor.id],
      meetingAt,
      critiqueWindow: 'PT60S',
      reportWindow: 'PT60S',
    };
    const refused = await stack.http
      .post('/api/cycles')
      .set(bearer(commune.staff.token))
      .send(launchBody({ ...body, committeeId: commune.committeeId, title: 'Đợt dùng phiếu xã khác', rubricId: foreign.id }));
    expectRefusal(refused, 404, 'NOT_FOUND');

    const launched = await launch(commune, { ...body, rubricId: v1.id });
    const pinnedV1 = { id: v1.id, version: 1, criteria: v1.criteria, pointStep: 1 };
    expect(launched.rubricId).toBe(v1.id);
    expect(launched.rubric).toMatchObject(pinnedV1);

    // Version 2 of the same sheet: a new criterion, other maximums, half points.
    const v2 = {
      id: randomUUID(),
      committeeId: commune.committeeId,
      version: 2,
      pointStep: 0.5,
      criteria: [
        { id: 'chuan_bi', label: 'Công tác chuẩn bị', maxPoints: 50 },
        { id: 'noi_dung', label: 'Nội dung sinh hoạt', maxPoints: 40 },
        { id: 'thao_luan', label: 'Đảng viên phát biểu, thảo luận', maxPoints: 10 },
      ],
    };
    await insertRubric(v2);
    const rubrics = (await stack.http.get('/api/rubrics').set(bearer(commune.staff.token)).expect(200)).body as { id: string }[];
    expect(rubrics.map((rubric) => rubric.id)).toEqual(expect.arrayContaining([v1.id, v2.id]));
    expect(rubrics.map((rubric) => rubric.id)).not.toContain(foreign.id);

    const afterNewVersion = await view(launched.id, commune.staff.token);
    expect(afterNewVersion.rubricId).toBe(v1.id);
    expect(afterNewVersion.rubric).toMatchObject(pinnedV1);

    await accept(launched.id, visitor);
    await postPlan(launched.id, host);
    const recorded = await recordMeetingWhenDue(launched, host, [visitor]);
    expect(recorded.status).toBe('CRITIQUE');

    // Scores are checked against the pinned version 1, not the newer version 2.
    const critiquePath = `/api/cycles/${launched.id}/critiques`;
    const points = [{ stage: 'content', kind: 'weakness', text: 'Thảo luận chưa sôi nổi' }];
    expectRefusal(await stack.http.post(critiquePath).set(bearer(visitor.secretary.token)).send({ points, scores: { thao_luan: 8 } }), 400, 'INVALID_SCORES');
    expectRefusal(await stack.http.post(critiquePath).set(bearer(visitor.secretary.token)).send({ points, scores: { chuan_bi: 45 } }), 400, 'INVALID_SCORES');
    expectRefusal(await stack.http.post(critiquePath).set(bearer(visitor.secretary.token)).send({ points, scores: { chuan_bi: 35.5 } }), 400, 'INVALID_SCORES');
    const scored = await post(critiquePath, visitor.secretary.token, { points, scores: { chuan_bi: 38, noi_dung: 55 } }, 201);
    expect(scored.body).toMatchObject({ scores: { chuan_bi: 38, noi_dung: 55 }, scoreTotal: 93 });
    expect((await view(launched.id, commune.staff.token)).rubric).toMatchObject(pinnedV1);

    // A cycle launched now with version 2 pins version 2.
    const later = await launch(commune, {
      hostCellId: nextHost.id,
      invitedCellIds: [visitor.id],
      meetingAt: new Date(Date.now() + 20 * DAY).toISOString(),
      rubricId: v2.id,
    });
    expect(later.rubricId).toBe(v2.id);
    expect(later.rubric).toMatchObject({ id: v2.id, version: 2, criteria: v2.criteria, pointStep: 0.5 });
  });
});

describe('default windows (api.md: critiqueWindow defaults to P3D, reportWindow to P7D)', () => {
  it('records P3D and P7D, closes critique 3 days after the meeting is recorded, and makes the report due 7 days after critique closed', async () => {
    const commune = await createCommuneViaApi(stack, 3);
    const [host, visitorA, visitorB] = commune.cells;
    const launched = await launch(commune, {
      hostCellId: host.id,
      invitedCellIds: [visitorA.id, visitorB.id],
      meetingAt: new Date(Date.now() + 2500).toISOString(),
    });
    const [row] = await stack.dataSource.query<{ critique_window: string; report_window: string }[]>(
      `SELECT critique_window, report_window FROM cycles WHERE id = $1`,
      [launched.id],
    );
    expect(row).toEqual({ critique_window: 'P3D', report_window: 'P7D' });

    await accept(launched.id, visitorA);
    await accept(launched.id, visitorB);
    await postPlan(launched.id, host);
    await recordMeetingWhenDue(launched, host, [visitorA, visitorB]);
    const inCritique = await view(launched.id, commune.staff.token);
    expect(inCritique.status).toBe('CRITIQUE');
    expectWithinASecond(inCritique.deadlines.critiqueClosesAt, Date.parse(inCritique.meeting!.recordedAt) + 3 * DAY);
    expect(inCritique.deadlines.reportDueAt).toBeNull();

    const points = [{ stage: 'procedure', kind: 'suggestion', text: 'Nên chuẩn bị tài liệu sớm hơn' }];
    await post(`/api/cycles/${launched.id}/critiques`, visitorA.secretary.token, { points }, 201);
    await post(`/api/cycles/${launched.id}/critiques`, visitorB.secretary.token, { points }, 201);
    // Every attending cell is in: critique closed early, with the last critique.
    const reporting = await view(launched.id, commune.staff.token);
    expect(reporting.status).toBe('REPORTING');
    const closedAt = Math.max(...reporting.critiques.map((critique) => Date.parse(critique.submittedAt)));
    expect(closedAt).toBeLessThan(Date.parse(inCritique.deadlines.critiqueClosesAt!) - 2 * DAY);
    expectWithinASecond(reporting.deadlines.reportDueAt, closedAt + 7 * DAY);
  });
});

describe('GET /api/me/tasks (api.md: what is mine to do, soonest first, each with its due time)', () => {
  it('shows each step to the person whose turn it is, due when the cycle says, soonest first across cycles', async () => {
    const commune = await createCommuneViaApi(stack, 3);
    const [host, visitor, otherHost] = commune.cells;
    const staffToken = commune.staff.token;
    const hostToken = host.secretary.token;
    const taskOf = (tasks: Task[], cycleId: string, action: string) => tasks.filter((task) => task.cycleId === cycleId && task.action === action);

    // Cycle 1 goes all the way; the host's and the committee's tasks follow it.
    const first = await launch(commune, {
      hostCellId: host.id,
      invitedCellIds: [visitor.id],
      meetingAt: new Date(Date.now() + 3000).toISOString(),
      critiqueWindow: 'PT60S',
      reportWindow: 'PT2H',
    });
    expect(taskOf(await tasksOf(hostToken), first.id, 'SUBMIT_PLAN')).toEqual([expect.objectContaining({ dueAt: first.deadlines.planDueAt })]);
    expect(taskOf(await tasksOf(visitor.secretary.token), first.id, 'RSVP')).toHaveLength(1);

    const scheduled = await postPlan(first.id, host);
    expect(scheduled.status).toBe('SCHEDULED');
    expect(scheduled.deadlines.recordDueAt).not.toBeNull();
    const hostTasksScheduled = await tasksOf(hostToken);
    expect(taskOf(hostTasksScheduled, first.id, 'RECORD_MEETING')).toEqual([
      { cycleId: first.id, title: expect.any(String), action: 'RECORD_MEETING', dueAt: scheduled.deadlines.recordDueAt },
    ]);
    expect(taskOf(hostTasksScheduled, first.id, 'SUBMIT_PLAN')).toEqual([]);

    await accept(first.id, visitor);
    const recorded = await recordMeetingWhenDue(first, host, [visitor]);
    expect(taskOf(await tasksOf(hostToken), first.id, 'RECORD_MEETING')).toEqual([]);
    expect(taskOf(await tasksOf(visitor.secretary.token), first.id, 'SUBMIT_CRITIQUE')).toEqual([
      expect.objectContaining({ dueAt: recorded.deadlines.critiqueClosesAt }),
    ]);
    const critique = await post(
      `/api/cycles/${first.id}/critiques`,
      visitor.secretary.token,
      { points: [{ stage: 'tasks', kind: 'weakness', text: 'Phân công nhiệm vụ chưa rõ người, rõ việc' }] },
      201,
    );
    const reporting = await view(first.id, hostToken);
    expect(reporting.status).toBe('REPORTING');
    expect(taskOf(await tasksOf(hostToken), first.id, 'SUBMIT_REPORT')).toEqual([
      { cycleId: first.id, title: expect.any(String), action: 'SUBMIT_REPORT', dueAt: reporting.deadlines.reportDueAt },
    ]);

    // Two action items: one due on the meeting's own day (Vietnam time), one a month later.
    const meetingDay = vietnamDay(Date.parse(first.meetingAt));
    const laterDay = vietnamDay(Date.parse(first.meetingAt), 30);
    const filed = await post(
      `/api/cycles/${first.id}/report`,
      hostToken,
      {
        responses: [{ pointId: critique.body.points[0].id, stance: 'accept', text: 'Tiếp thu, phân công cụ thể' }],
        lessons: ['Phân công rõ người, rõ việc'],
        actionItems: [
          { title: 'Hoàn thiện biên bản', owner: 'Bí thư', dueDate: meetingDay },
          { title: 'Rà soát nghị quyết', owner: 'Phó Bí thư', dueDate: laterDay },
        ],
      },
      200,
    );
    const inReview = filed.body as CycleView;
    expect(inReview.status).toBe('REVIEW');
    expect(inReview.deadlines.reviewDueAt).not.toBeNull();
    expect(taskOf(await tasksOf(staffToken), first.id, 'REVIEW_REPORT')).toEqual([
      { cycleId: first.id, title: expect.any(String), action: 'REVIEW_REPORT', dueAt: inReview.deadlines.reviewDueAt },
    ]);
    expect(taskOf(await tasksOf(hostToken), first.id, 'SUBMIT_REPORT')).toEqual([]);

    const closed = (await post(`/api/cycles/${first.id}/review`, staffToken, { decision: 'accept', rating: 'KHA' }, 200)).body as CycleView;
    expect(closed.status).toBe('CLOSED');
    expect(taskOf(await tasksOf(staffToken), first.id, 'REVIEW_REPORT')).toEqual([]);
    const itemSoon = closed.actionItems.find((item) => item.dueDate === meetingDay)!;
    const itemLater = closed.actionItems.find((item) => item.dueDate === laterDay)!;
    expect(itemSoon).toBeDefined();
    expect(itemLater).toBeDefined();
    const itemTasks = taskOf(await tasksOf(hostToken), first.id, 'COMPLETE_ACTION_ITEM');
    expect(itemTasks.map((task) => task.actionItemId).sort()).toEqual([itemSoon.id, itemLater.id].sort());
    for (const task of itemTasks) {
      // Due on the item's day in Vietnam.
      const day = task.actionItemId === itemSoon.id ? meetingDay : laterDay;
      const dueAt = Date.parse(task.dueAt as string);
      expect(dueAt).toBeGreaterThanOrEqual(vietnamMidnight(day));
      expect(dueAt).toBeLessThanOrEqual(vietnamMidnight(vietnamDay(vietnamMidnight(day), 1)));
    }

    // Cycle 2: the same host again (cycle 1 is closed), meeting in two weeks, plan posted.
    const second = await launch(commune, {
      hostCellId: host.id,
      invitedCellIds: [visitor.id],
      meetingAt: new Date(Date.now() + 14 * DAY).toISOString(),
    });
    const secondScheduled = await postPlan(second.id, host);
    // Cycle 3: another host; our host's cell is invited and has not answered. Its meeting is in a week.
    const third = await launch(commune, {
      hostCellId: otherHost.id,
      invitedCellIds: [host.id],
      meetingAt: new Date(Date.now() + 7 * DAY).toISOString(),
    });

    const all = await tasksOf(hostToken);
    expectSoonestFirst(all);
    const rsvp = taskOf(all, third.id, 'RSVP');
    expect(rsvp).toHaveLength(1);
    // An invitation is answered by the meeting at the latest.
    expect(Date.parse(rsvp[0].dueAt as string)).toBeLessThanOrEqual(Date.parse(third.meetingAt));
    expect(taskOf(all, second.id, 'RECORD_MEETING')).toEqual([expect.objectContaining({ dueAt: secondScheduled.deadlines.recordDueAt })]);
    // The item due on the meeting's day, the answer due within a week, the meeting recorded after two weeks, the item due in a month.
    expect(all.map((task) => [task.cycleId, task.action, task.actionItemId ?? null])).toEqual([
      [first.id, 'COMPLETE_ACTION_ITEM', itemSoon.id],
      [third.id, 'RSVP', null],
      [second.id, 'RECORD_MEETING', null],
      [first.id, 'COMPLETE_ACTION_ITEM', itemLater.id],
    ]);
    expectSoonestFirst(await tasksOf(staffToken));
    expectSoonestFirst(await tasksOf(visitor.secretary.token));

    // Ticked off, the item is no longer a task.
    await post(`/api/cycles/${first.id}/action-items/${itemSoon.id}/done`, hostToken, {}, 200);
    expect(taskOf(await tasksOf(hostToken), first.id, 'COMPLETE_ACTION_ITEM').map((task) => task.actionItemId)).toEqual([itemLater.id]);
  });
});

describe('plan overdue, end to end (domain.md: reminders, then an alert to the committee)', () => {
  it('puts PLAN_OVERDUE on the timeline, reminds the host, alerts the committee, and marks a plan posted afterwards late', async () => {
    const commune = await createCommuneViaApi(stack, 3);
    const [host, visitor, punctualHost] = commune.cells;
    const meetingAtMs = Date.now() + 10_000;
    // The plan is due 6 s before the meeting, so about 4 s from now.
    const overdue = await launch(commune, {
      hostCellId: host.id,
      invitedCellIds: [visitor.id],
      meetingAt: new Date(meetingAtMs).toISOString(),
      reminders: { planDueLead: 'PT6S' },
    });
    expect(Date.parse(overdue.deadlines.planDueAt)).toBe(Date.parse(overdue.meetingAt) - 6000);
    expect(overdue.timeline.map((entry) => entry.event)).not.toContain('PLAN_OVERDUE');

    const timeline = await eventually(async () => {
      const seen = await view(overdue.id, commune.staff.token);
      if (!seen.timeline.some((entry) => entry.event === 'PLAN_OVERDUE')) throw new Error('no PLAN_OVERDUE on the timeline yet');
      return seen.timeline;
    }, 30_000);
    const overdueAt = Date.parse(timeline.find((entry) => entry.event === 'PLAN_OVERDUE')!.at);
    expect(overdueAt).toBeGreaterThanOrEqual(Date.parse(overdue.deadlines.planDueAt));

    const mine = (notifications: Notification[], reason: string) =>
      notifications.filter((notification) => notification.cycleId === overdue.id && notification.reason === reason);
    expect(mine(await notificationsOf(host.secretary.token), 'PLAN_REMINDER')).toHaveLength(1);
    expect(mine(await notificationsOf(commune.staff.token), 'PLAN_OVERDUE_ALERT')).toHaveLength(1);
    // Neither goes to a visiting cell.
    const visitorInbox = await notificationsOf(visitor.secretary.token);
    expect([...mine(visitorInbox, 'PLAN_REMINDER'), ...mine(visitorInbox, 'PLAN_OVERDUE_ALERT')]).toEqual([]);

    const late = await postPlan(overdue.id, host);
    expect(late.status).toBe('SCHEDULED');
    expect(late.plan).toMatchObject({ late: true });
    const events = late.timeline.map((entry) => entry.event);
    expect(events.indexOf('PLAN_OVERDUE')).toBeLessThan(events.indexOf('PLAN_POSTED'));

    // A plan posted in time is not late, and no alert is raised.
    const punctual = await launch(commune, {
      hostCellId: punctualHost.id,
      invitedCellIds: [visitor.id],
      meetingAt: new Date(Date.now() + 20 * DAY).toISOString(),
    });
    const onTime = await postPlan(punctual.id, punctualHost);
    expect(onTime.plan).toMatchObject({ late: false });
    expect(onTime.timeline.map((entry) => entry.event)).not.toContain('PLAN_OVERDUE');
  });
});

describe('GET /api/cycles/:id/host-candidates (domain.md: ranked with reasons, best first)', () => {
  /**
   * The published weights (libs/domain/host-ranking.ts, notes on ruleset 2), written out here:
   * never hosted 100; otherwise days since hosting / 1095 × 90, at most 90; the last rating's need KEM 9,
   * TRUNG_BINH 6, KHA 3, TOT 0; size min(members, 100) / 100 × 3; no secretary account −50; the cell that
   * hosted most recently comes last.
   */
  function expectedPoints(cell: { daysSinceHosted: number | null; rating: 'TOT' | 'KHA' | 'TRUNG_BINH' | 'KEM' | null; members: number; secretary: boolean }): number {
    const ratingNeed = { KEM: 9, TRUNG_BINH: 6, KHA: 3, TOT: 0 };
    let points = cell.daysSinceHosted === null ? 100 : (Math.min(cell.daysSinceHosted, 1095) / 1095) * 90;
    if (cell.rating) points += ratingNeed[cell.rating];
    points += (Math.min(cell.members, 100) / 100) * 3;
    if (!cell.secretary) points -= 50;
    return points;
  }

  it('orders the cells by the published points, best first, the previous host last', async () => {
    const commune = await createCommuneViaApi(stack, 7);
    const staff = bearer(commune.staff.token);
    // One more cell, without a secretary account.
    const bare = await stack.http.post(`/api/committees/${commune.committeeId}/cells`).set(staff).send({ name: 'Chi bộ thôn chưa có bí thư', memberCount: 40 });
    expect(bare.status).toBe(201);
    const [a, b, c, d, e, g, p] = commune.cells;
    const setup = [
      { key: 'A', id: a.id, daysSinceHosted: null, rating: null, members: 50, secretary: true },
      { key: 'B', id: b.id, daysSinceHosted: null, rating: null, members: 20, secretary: true },
      // 1200 days: capped at three years, else it would come first.
      { key: 'C', id: c.id, daysSinceHosted: 1200, rating: 'KEM', members: 30, secretary: true },
      { key: 'D', id: d.id, daysSinceHosted: 730, rating: 'TRUNG_BINH', members: 100, secretary: true },
      // 150 members count as 100.
      { key: 'E', id: e.id, daysSinceHosted: 365, rating: 'KHA', members: 150, secretary: true },
      { key: 'F', id: bare.body.id as string, daysSinceHosted: null, rating: null, members: 40, secretary: false },
      { key: 'G', id: g.id, daysSinceHosted: 100, rating: 'TOT', members: 10, secretary: true },
      // Hosted most recently: its points (30 days, KEM, 100 members ≈ 14.5) would put it above G, yet it comes last.
      { key: 'P', id: p.id, daysSinceHosted: 30, rating: 'KEM', members: 100, secretary: true },
    ] as const;
    const now = Date.now();
    for (const cell of setup) {
      // Half a day more than the whole days, so the day count is the same whenever the request is served.
      const lastHostedAt = cell.daysSinceHosted === null ? null : new Date(now - cell.daysSinceHosted * DAY - 12 * HOUR);
      await stack.dataSource.query(`UPDATE cells SET member_count = $2, last_hosted_at = $3, last_rating = $4 WHERE id = $1`, [
        cell.id,
        cell.members,
        lastHostedAt,
        cell.rating,
      ]);
    }

    // Launched without a host; B is invited, and invited cells are candidates too (ruleset 2).
    const cycle = await launch(commune, { invitedCellIds: [b.id], meetingAt: new Date(Date.now() + 30 * DAY).toISOString() });
    expect(cycle.status).toBe('HOST_SELECTION');
    const response = await stack.http.get(`/api/cycles/${cycle.id}/host-candidates`).set(staff);
    expect(response.status).toBe(200);
    const candidates = response.body as { cellId: string; name: string; score: number; reasons: string[]; hasSecretary: boolean }[];

    const previous = setup.find((cell) => cell.key === 'P')!;
    const others = setup
      .filter((cell) => cell.key !== 'P')
      .map((cell) => ({ ...cell, points: expectedPoints(cell) }))
      .sort((x, y) => y.points - x.points);
    const keyOf = new Map(setup.map((cell) => [cell.id, cell.key]));
    expect(candidates.map((candidate) => keyOf.get(candidate.cellId))).toEqual([...others.map((cell) => cell.key), 'P']);
    expect(candidates.map((candidate) => keyOf.get(candidate.cellId))).toEqual(['A', 'B', 'C', 'D', 'F', 'E', 'G', 'P']);
    for (const [index, cell] of others.entries()) {
      expect(candidates[index].score).toBeCloseTo(cell.points, 1);
      expect(candidates[index].hasSecretary).toBe(cell.secretary);
    }
    expect(candidates[candidates.length - 1]).toMatchObject({ cellId: previous.id, hasSecretary: true });
    for (let index = 1; index < candidates.length; index += 1) {
      expect(candidates[index].score).toBeLessThanOrEqual(candidates[index - 1].score);
    }
    expect(candidates[candidates.length - 1].score).toBeLessThan(candidates[candidates.length - 2].score);
    for (const cell of setup.filter((candidate) => candidate.daysSinceHosted === null)) {
      expect(candidates.find((candidate) => candidate.cellId === cell.id)!.reasons).toContain('Chưa từng làm chi bộ điểm');
    }
  });
});
