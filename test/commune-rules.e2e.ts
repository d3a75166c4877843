import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/create-api-app.js';
import { actionItemFollowUpWorkflowId } from '../libs/temporal/temporal.constants.js';
import {
  fileReport,
  launchCycle,
  postPlan as postDrivenPlan,
  recordMeeting as recordDrivenMeeting,
  waitForMeetingTime,
} from '../scripts/lib/cycle-driver.mjs';
import {
  acceptInvitationBody,
  acceptReviewBody,
  critiqueBody,
  launchBody,
  meetingBody,
  planBody,
  reportBody,
  type CritiquePoint,
} from '../scripts/lib/step-bodies.mjs';
import { startApiStack, login, type ApiStack } from './support/api-stack.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCommune, type ApiPerson } from './support/commune-api.fixture.js';
import { supertestHttp } from './support/cycle-http.js';
import { eventually } from './support/eventually.js';
import { testConfig } from './support/test-stack.js';

/**
 * The commune's rules of ruleset 2, each once end to end on the real stack (Nest app, worker, Temporal dev
 * server, PostgreSQL), through HTTP as committee staff, secretaries and upper-level guests act, checking what
 * they see: the cycle's page, their tasks and their inbox. The rules themselves are unit-tested in
 * model-meeting.state.spec.ts; expected values here come from domain.md, api.md and language.md.
 * Every case has its own commune and host, and short windows and reminder leads so timers fire in seconds.
 */

type HttpResponse = request.Response;
type Cell = ApiCommune['cells'][number];

interface Invitation {
  cellId: string;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  delegate: string | null;
  respondedAt: string | null;
}
interface Critique {
  id: string;
  cellId: string | null;
  guestId: string | null;
  points: { id: string; kind: string }[];
}
interface ActionItem {
  id: string;
  title: string;
  owner: string;
  dueDate: string;
  doneAt: string | null;
  droppedAt: string | null;
  dropReason: string | null;
}
interface TimelineEntry {
  at: string;
  event: string;
  label: string;
}
interface CycleView {
  id: string;
  status: string;
  hostCellId: string | null;
  meetingAt: string;
  invitations: Invitation[];
  guests: { userId: string; fullName: string }[];
  meeting: {
    qualityFlags: string[];
    combined?: boolean;
    attendance: { present: number; total: number; exempted?: number };
  } | null;
  critiques: Critique[];
  critiquesHidden: boolean;
  actionItems: ActionItem[];
  carriedOverActionItems: (ActionItem & { cycleId: string })[];
  review: { rating: string | null } | null;
  timeline: TimelineEntry[];
}
interface Task {
  cycleId: string;
  action: string;
  dueAt: string;
  actionItemId?: string;
}
interface Notification {
  cycleId: string | null;
  reason: string;
  title: string;
  body: string;
}
interface HostCandidate {
  cellId: string;
  name: string;
  score: number;
  reasons: string[];
  hasSecretary: boolean;
}

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const VIETNAM_OFFSET = 7 * HOUR;

let stack: ApiStack;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  stack = await startApiStack();
});

afterAll(async () => {
  await stack?.stopAll();
});

// ── dates as people in Vietnam count them ──────────────────────────────────────────────────────────────

/** The calendar day (YYYY-MM-DD) in Vietnam (UTC+7) of an instant. */
function vietnamDateOf(epochMs: number): string {
  return new Date(epochMs + VIETNAM_OFFSET).toISOString().slice(0, 10);
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** "11/12/2026", as a notification writes a day. */
function writtenDay(epochMs: number): string {
  const [year, month, day] = vietnamDateOf(epochMs).split('-');
  return `${day}/${month}/${year}`;
}

// ── what a person reads ────────────────────────────────────────────────────────────────────────────────

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const CODE = /\b[A-Z]+(?:_[A-Z]+)+\b|\b(?:TOT|KHA|KEM)\b/;

/** language.md: no ISO time, no id, no code in what a person reads. */
function expectReadable(text: string): void {
  expect(text).not.toMatch(ISO_DATE);
  expect(text).not.toMatch(UUID);
  expect(text).not.toMatch(CODE);
}

function expectReadableNotice(notice: Notification): void {
  expectReadable(notice.title);
  expectReadable(notice.body);
}

async function inbox(token: string): Promise<Notification[]> {
  const response = await stack.http.get('/api/me/notifications?limit=500').set(bearer(token)).expect(200);
  return response.body as Notification[];
}

async function noticesOf(token: string, cycleId: string, reason: string, match: (notice: Notification) => boolean = () => true): Promise<Notification[]> {
  return (await inbox(token)).filter((notice) => notice.cycleId === cycleId && notice.reason === reason && match(notice));
}

/** Waits for the notification (it may come from a durable timer or the follow-up sweeper). */
async function notified(token: string, cycleId: string, reason: string, match?: (notice: Notification) => boolean): Promise<Notification> {
  return eventually(async () => (await noticesOf(token, cycleId, reason, match))[0], 20 * SECOND, 250);
}

async function tasksOf(token: string): Promise<Task[]> {
  return (await stack.http.get('/api/me/tasks').set(bearer(token)).expect(200)).body as Task[];
}

function expectError(response: HttpResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
}

function expectOk(response: HttpResponse, status = 200): void {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
}

// ── acting on a cycle as the people would ──────────────────────────────────────────────────────────────

interface LaunchOptions {
  host: Cell | null;
  invited: { id: string }[];
  meetingInMs?: number;
  kind?: 'regular' | 'thematic';
  title?: string;
  critiqueWindow?: string;
  reportWindow?: string;
  reviewWindow?: string;
  reminders?: Record<string, string>;
  guestIds?: string[];
}

/** The words of a launch here: short windows so timers fire in seconds (step-bodies' EARLY_START_TOLERANCE lets a meeting be recorded seconds after its time). */
function launchWords(options: Omit<Partial<LaunchOptions>, 'host' | 'invited' | 'meetingInMs'>) {
  return {
    ...(options.title ? { title: options.title } : {}),
    ...(options.kind ? { kind: options.kind } : {}),
    critiqueWindow: options.critiqueWindow ?? 'PT60S',
    reportWindow: options.reportWindow ?? 'PT60S',
    ...(options.reviewWindow ? { reviewWindow: options.reviewWindow } : {}),
    ...(options.reminders ? { reminders: options.reminders } : {}),
    ...(options.guestIds ? { guestIds: options.guestIds } : {}),
  };
}

function launchRequest(commune: ApiCommune, { host, invited, meetingInMs, ...words }: LaunchOptions) {
  return launchBody({
    ...launchWords(words),
    committeeId: commune.committeeId,
    ...(host ? { hostCellId: host.id } : {}),
    invitedCellIds: invited.map((cell) => cell.id),
    meetingAt: Date.now() + (meetingInMs ?? 2500),
  });
}

async function launch(commune: ApiCommune, options: LaunchOptions): Promise<CycleView> {
  const response = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).send(launchRequest(commune, options));
  expectOk(response, 201);
  return response.body as CycleView;
}

async function getCycle(token: string, cycleId: string): Promise<CycleView> {
  return (await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(token)).expect(200)).body as CycleView;
}

async function postPlan(cycleId: string, host: Cell): Promise<void> {
  expectOk(await stack.http.post(`/api/cycles/${cycleId}/plan`).set(bearer(host.secretary.token)).send(planBody()));
}

interface MeetingOptions {
  lengthMinutes?: number;
  combined?: boolean;
  attendance?: { present: number; total: number; absentWithReason?: number; absentWithoutReason?: number; exempted?: number };
  attendingCellIds?: string[];
}

/** Each cell's secretary accepts the invitation: only cells that accepted may be recorded as attending (ruleset 3). */
async function acceptInvitations(cycleId: string, cells: Cell[]): Promise<void> {
  for (const [index, cell] of cells.entries()) {
    expectOk(await stack.http.post(`/api/cycles/${cycleId}/invitations/${cell.id}/rsvp`).set(bearer(cell.secretary.token)).send(acceptInvitationBody({ index })));
  }
}

/** The host records the meeting as soon as its time has come. */
async function recordMeeting(cycle: CycleView, host: Cell, options: MeetingOptions = {}): Promise<HttpResponse> {
  await waitForMeetingTime({ meetingAt: Date.parse(cycle.meetingAt) }, 100);
  const body = meetingBody({
    attendingCellIds: options.attendingCellIds ?? [],
    ...(options.lengthMinutes ? { durationMinutes: options.lengthMinutes } : {}),
    ...(options.attendance ? { attendance: options.attendance } : {}),
    ...(options.combined !== undefined ? { combined: options.combined } : {}),
  });
  return stack.http.post(`/api/cycles/${cycle.id}/meeting`).set(bearer(host.secretary.token)).send(body);
}

async function critique(cycleId: string, token: string, text: string): Promise<HttpResponse> {
  const points: CritiquePoint[] = [
    { stage: 'preparation', kind: 'strength', text: 'Tài liệu gửi trước đầy đủ' },
    { stage: 'chairing', kind: 'weakness', text },
  ];
  return stack.http.post(`/api/cycles/${cycleId}/critiques`).set(bearer(token)).send(critiqueBody({ points }));
}

interface NewActionItem {
  title: string;
  owner: string;
  dueDate: string;
}

/**
 * Launch with a host, plan, meeting recorded with no visiting cell attending (so the critique stage ends at
 * once), report filed with the given items: the cycle is in REVIEW. Driven by the shared cycle driver.
 */
async function runToReview(
  commune: ApiCommune,
  host: Cell,
  options: { items?: (meetingDay: string) => NewActionItem[]; meeting?: MeetingOptions; launch?: Partial<LaunchOptions> } = {},
): Promise<CycleView> {
  const cast = { committeeId: commune.committeeId, staff: commune.staff, host, invited: commune.cells.filter((cell) => cell.id !== host.id) };
  const cycle = await launchCycle(supertestHttp(stack.http), cast, { meetingAt: Date.now() + (options.launch?.meetingInMs ?? 2500), launch: launchWords(options.launch ?? {}) });
  await postDrivenPlan(cycle);
  await waitForMeetingTime(cycle, 100);
  const { attendance, lengthMinutes } = options.meeting ?? {};
  const recorded = await recordDrivenMeeting(
    cycle,
    meetingBody({ attendingCellIds: [], ...(attendance ? { attendance } : {}), ...(lengthMinutes ? { durationMinutes: lengthMinutes } : {}) }),
  );
  expect(recorded.status).toBe('REPORTING');
  const meetingDay = vietnamDateOf(cycle.meetingAt);
  const report = await fileReport(cycle, reportBody({ lessons: ['Chuẩn bị kỹ nội dung, phân công cụ thể'], actionItems: options.items?.(meetingDay) ?? [] }));
  expect(report.status).toBe('REVIEW');
  return report as unknown as CycleView;
}

async function closeWithRating(commune: ApiCommune, cycleId: string, rating: 'TOT' | 'KHA' = 'KHA'): Promise<CycleView> {
  const response = await stack.http.post(`/api/cycles/${cycleId}/review`).set(bearer(commune.staff.token)).send(acceptReviewBody({ rating }));
  expectOk(response);
  expect(response.body.status).toBe('CLOSED');
  return response.body as CycleView;
}

async function createGuest(commune: ApiCommune, fullName: string): Promise<ApiPerson> {
  const username = `daibieu.${randomUUID().slice(0, 8)}`;
  const created = await stack.http
    .post('/api/users')
    .set(bearer(commune.staff.token))
    .send({ username, password: TEST_PASSWORD, fullName, role: 'guest' });
  expectOk(created, 201);
  expect(created.body).toMatchObject({ role: 'guest', committeeId: commune.committeeId, cellId: null, fullName });
  expect(created.body).not.toHaveProperty('passwordHash');
  return { userId: created.body.id, username, token: await login(stack, username, TEST_PASSWORD) };
}

function byTitle(items: ActionItem[], title: string): ActionItem {
  const item = items.find((candidate) => candidate.title === title);
  if (!item) throw new Error(`no action item “${title}” in ${JSON.stringify(items)}`);
  return item;
}

// ── 1 ────────────────────────────────────────────────────────────────────────────────────────────────────

describe('1. the host is picked among the invited cells', () => {
  it('ranks every invited cell best first, the last host last, a cell without a secretary flagged; the picked cell leaves the invitations', async () => {
    const { http, dataSource } = stack;
    const commune = await createCommuneViaApi(stack, 4);
    const staff = bearer(commune.staff.token);
    const [, , hostedLongAgo, hostedLast] = commune.cells;
    const bare = await http
      .post(`/api/committees/${commune.committeeId}/cells`)
      .set(staff)
      .send({ name: `Chi bộ Trạm Y tế xã ${randomUUID().slice(0, 8)}`, memberCount: 6 })
      .expect(201);
    const bareCell = { id: bare.body.id as string, name: bare.body.name as string };
    await dataSource.query(`UPDATE cells SET last_hosted_at = now() - interval '200 days', last_rating = 'KHA' WHERE id = $1`, [hostedLongAgo.id]);
    await dataSource.query(`UPDATE cells SET last_hosted_at = now() - interval '20 days', last_rating = 'TOT' WHERE id = $1`, [hostedLast.id]);

    const cycle = await launch(commune, { host: null, invited: [...commune.cells, bareCell], meetingInMs: 30 * DAY });
    expect(cycle.status).toBe('HOST_SELECTION');

    const candidates = (await http.get(`/api/cycles/${cycle.id}/host-candidates`).set(staff).expect(200)).body as HostCandidate[];
    expect(candidates.map((candidate) => candidate.cellId).sort()).toEqual([...commune.cells.map((cell) => cell.id), bareCell.id].sort());
    for (let index = 1; index < candidates.length; index += 1) expect(candidates[index].score).toBeLessThanOrEqual(candidates[index - 1].score);
    // The cell that hosted most recently comes last, and says why.
    const last = candidates[candidates.length - 1];
    expect(last.cellId).toBe(hostedLast.id);
    expect(last.reasons.join(' ')).toMatch(/gần nhất/);
    expect(candidates[candidates.length - 2].score).toBeGreaterThan(last.score);
    // A cell without a secretary account is flagged, with a reason a person reads.
    const bareCandidate = candidates.find((candidate) => candidate.cellId === bareCell.id)!;
    expect(bareCandidate.hasSecretary).toBe(false);
    expect(bareCandidate.reasons.join(' ')).toMatch(/tài khoản/);
    for (const candidate of candidates.filter((other) => other.cellId !== bareCell.id)) expect(candidate.hasSecretary).toBe(true);
    for (const candidate of candidates) for (const reason of candidate.reasons) expectReadable(reason);
    // Never hosted, with a secretary: these are the best.
    const [best] = candidates;
    expect([commune.cells[0].id, commune.cells[1].id]).toContain(best.cellId);
    const chosen = commune.cells.find((cell) => cell.id === best.cellId)!;

    const picked = await http.post(`/api/cycles/${cycle.id}/host`).set(staff).send({ cellId: chosen.id });
    expectOk(picked);
    const after = await getCycle(commune.staff.token, cycle.id);
    expect(after).toMatchObject({ status: 'PREPARATION', hostCellId: chosen.id });
    expect(after.invitations.map((invitation) => invitation.cellId).sort()).toEqual(
      [...commune.cells.filter((cell) => cell.id !== chosen.id).map((cell) => cell.id), bareCell.id].sort(),
    );

    const chosenNotice = await notified(chosen.secretary.token, cycle.id, 'CHOSEN_AS_HOST');
    expectReadableNotice(chosenNotice);
    expect(await noticesOf(chosen.secretary.token, cycle.id, 'INVITED')).toEqual([]);
    for (const visitor of commune.cells.filter((cell) => cell.id !== chosen.id)) {
      const invitation = await notified(visitor.secretary.token, cycle.id, 'INVITED');
      expect(invitation.body).toContain(chosen.name);
      expectReadableNotice(invitation);
      expect(await noticesOf(visitor.secretary.token, cycle.id, 'CHOSEN_AS_HOST')).toEqual([]);
    }
  });
});

// ── 2 ────────────────────────────────────────────────────────────────────────────────────────────────────

describe('2. a cell never hosts two open cycles', () => {
  it('refuses a launch (and a pick) naming a host busy with an open cycle with 409 HOST_BUSY, and allows it once that cycle is cancelled', async () => {
    const { http } = stack;
    const commune = await createCommuneViaApi(stack, 3);
    const staff = bearer(commune.staff.token);
    const [host, visitorA, visitorB] = commune.cells;
    const first = await launch(commune, { host, invited: [visitorA], meetingInMs: 20 * DAY });
    expect(first.status).toBe('PREPARATION');

    const secondBody = launchRequest(commune, { host, invited: [visitorB], meetingInMs: 25 * DAY, title: 'Đợt thứ hai cùng chi bộ điểm' });
    expectError(await http.post('/api/cycles').set(staff).send(secondBody), 409, 'HOST_BUSY');
    const unhosted = await launch(commune, { host: null, invited: [visitorA, visitorB], meetingInMs: 25 * DAY });
    expectError(await http.post(`/api/cycles/${unhosted.id}/host`).set(staff).send({ cellId: host.id }), 409, 'HOST_BUSY');

    expectOk(await http.post(`/api/cycles/${first.id}/cancel`).set(staff).send({ reason: 'Trùng lịch thu hoạch mùa' }));
    const second = await http.post('/api/cycles').set(staff).send(secondBody);
    expectOk(second, 201);
    expect(second.body).toMatchObject({ status: 'PREPARATION', hostCellId: host.id });
  });
});

// ── 3 ────────────────────────────────────────────────────────────────────────────────────────────────────

describe('3. stuck stages get timers', () => {
  it('reminds the committee to pick the host when HOST_SELECTION is left alone, and the timeline shows it', async () => {
    const commune = await createCommuneViaApi(stack, 2);
    // Plan due 60 s before a meeting 120 s away, host due 52 s before that: the reminder is due about 8 s after launch.
    const cycle = await launch(commune, {
      host: null,
      invited: commune.cells,
      meetingInMs: 120 * SECOND,
      reminders: { planDueLead: 'PT60S', hostPickLead: 'PT52S' },
    });
    expect(cycle.status).toBe('HOST_SELECTION');
    expect(await noticesOf(commune.staff.token, cycle.id, 'HOST_SELECTION_REMINDER')).toEqual([]);

    const reminder = await notified(commune.staff.token, cycle.id, 'HOST_SELECTION_REMINDER');
    expectReadableNotice(reminder);
    const seen = await getCycle(commune.staff.token, cycle.id);
    expect(seen.status).toBe('HOST_SELECTION');
    const entry = seen.timeline.find((item) => item.event === 'HOST_SELECTION_OVERDUE');
    expect(entry).toBeDefined();
    await stack.http.post(`/api/cycles/${cycle.id}/cancel`).set(bearer(commune.staff.token)).send({ reason: 'Kết thúc kiểm thử' }).expect(200);
    // The timeline is read by people: its label is words, not the event's code.
    expect(entry!.label).not.toBe(entry!.event);
    expectReadable(entry!.label);
  });

  it('reminds the host to record a meeting whose time has passed, then alerts the committee naming the host cell', async () => {
    const commune = await createCommuneViaApi(stack, 2);
    const [host, visitor] = commune.cells;
    const cycle = await launch(commune, {
      host,
      invited: [visitor],
      reminders: { recordReminderDelay: 'PT1S', recordDueDelay: 'PT4S' },
    });
    await postPlan(cycle.id, host);

    const reminder = await notified(host.secretary.token, cycle.id, 'MEETING_RECORD_REMINDER');
    expectReadableNotice(reminder);
    const alert = await notified(commune.staff.token, cycle.id, 'MEETING_RECORD_OVERDUE_ALERT');
    expect(alert.body).toContain(host.name);
    expectReadableNotice(alert);
    const events = (await getCycle(commune.staff.token, cycle.id)).timeline.map((entry) => entry.event);
    expect(events).toContain('MEETING_RECORD_REMINDER_SENT');
    expect(events.indexOf('MEETING_RECORD_REMINDER_SENT')).toBeLessThan(events.indexOf('MEETING_RECORD_OVERDUE'));
    // The visiting cell is not the one to record it.
    expect(await noticesOf(visitor.secretary.token, cycle.id, 'MEETING_RECORD_REMINDER')).toEqual([]);
  });

  it('reminds the committee of a report left in REVIEW past its review window', async () => {
    const commune = await createCommuneViaApi(stack, 2);
    const [host] = commune.cells;
    const cycle = await runToReview(commune, host, { launch: { reviewWindow: 'PT2S' } });
    const reminder = await notified(commune.staff.token, cycle.id, 'REVIEW_REMINDER');
    expect(reminder.body).toContain(host.name);
    expectReadableNotice(reminder);
    const seen = await getCycle(commune.staff.token, cycle.id);
    expect(seen.status).toBe('REVIEW');
    expect(seen.timeline.map((entry) => entry.event)).toContain('REVIEW_OVERDUE');
  });

  it('reminds the host before its plan is due', async () => {
    const commune = await createCommuneViaApi(stack, 2);
    const [host, visitor] = commune.cells;
    // Plan due 100 s before a meeting 120 s away (20 s from now), reminder 17 s before that.
    const cycle = await launch(commune, { host, invited: [visitor], meetingInMs: 120 * SECOND, reminders: { planDueLead: 'PT100S', planReminderLead: 'PT17S' } });
    const reminder = await notified(host.secretary.token, cycle.id, 'PLAN_DUE_SOON');
    expectReadableNotice(reminder);
    // Sent before the due time: nothing is overdue yet.
    expect(await noticesOf(commune.staff.token, cycle.id, 'PLAN_OVERDUE_ALERT')).toEqual([]);
    expect((await getCycle(commune.staff.token, cycle.id)).status).toBe('PREPARATION');
    await stack.http.post(`/api/cycles/${cycle.id}/cancel`).set(bearer(commune.staff.token)).send({ reason: 'Kết thúc kiểm thử' }).expect(200);
  });
});

// ── 4 ────────────────────────────────────────────────────────────────────────────────────────────────────

describe('4. a reschedule asks the cells that accepted to confirm again', () => {
  it('puts accepted invitations back to PENDING, asks those cells to reconfirm, tells the committee, and takes their new answer', async () => {
    const { http } = stack;
    const commune = await createCommuneViaApi(stack, 4);
    const [host, first, second, silent] = commune.cells;
    const cycle = await launch(commune, { host, invited: [first, second, silent], meetingInMs: 10 * DAY });
    for (const cell of [first, second]) {
      expectOk(await http.post(`/api/cycles/${cycle.id}/invitations/${cell.id}/rsvp`).set(bearer(cell.secretary.token)).send({ response: 'accept', delegate: 'Đồng chí Thào Seo Lềnh' }));
      expect((await tasksOf(cell.secretary.token)).filter((task) => task.cycleId === cycle.id)).toEqual([]);
    }

    const newMeetingAt = Date.now() + 12 * DAY;
    const moved = await http
      .post(`/api/cycles/${cycle.id}/reschedule`)
      .set(bearer(host.secretary.token))
      .send({ meetingAt: new Date(newMeetingAt).toISOString(), reason: 'Trùng lịch họp dân thôn' });
    expectOk(moved);

    const seen = await getCycle(commune.staff.token, cycle.id);
    const statusOf = (cell: Cell) => seen.invitations.find((invitation) => invitation.cellId === cell.id);
    expect(statusOf(first)).toMatchObject({ status: 'PENDING', respondedAt: null });
    expect(statusOf(second)).toMatchObject({ status: 'PENDING', respondedAt: null });
    expect(statusOf(silent)).toMatchObject({ status: 'PENDING' });

    for (const cell of [first, second]) {
      const reconfirm = await notified(cell.secretary.token, cycle.id, 'RESCHEDULED_RECONFIRM');
      expect(reconfirm.body).toContain(writtenDay(newMeetingAt));
      expectReadableNotice(reconfirm);
      expect((await tasksOf(cell.secretary.token)).filter((task) => task.cycleId === cycle.id).map((task) => task.action)).toEqual(['RSVP']);
    }
    // The cell that never answered is told of the new date, not asked to confirm "again".
    expect(await noticesOf(silent.secretary.token, cycle.id, 'RESCHEDULED_RECONFIRM')).toEqual([]);
    expect(await noticesOf(silent.secretary.token, cycle.id, 'RESCHEDULED')).toHaveLength(1);
    const toCommittee = await notified(commune.staff.token, cycle.id, 'RESCHEDULED_BY_HOST');
    expect(toCommittee.body).toContain(host.name);
    expect(toCommittee.body).toContain(writtenDay(newMeetingAt));
    expectReadableNotice(toCommittee);

    const again = await http.post(`/api/cycles/${cycle.id}/invitations/${first.id}/rsvp`).set(bearer(first.secretary.token)).send({ response: 'accept' });
    expectOk(again);
    expect((again.body as CycleView).invitations.find((invitation) => invitation.cellId === first.id)?.status).toBe('ACCEPTED');
  });
});

// ── 5 ────────────────────────────────────────────────────────────────────────────────────────────────────

describe('5. meeting length and exempted members', () => {
  it('flags a combined meeting of 100 minutes as short but not a regular one of 95; exempted members are not counted', async () => {
    const commune = await createCommuneViaApi(stack, 3);
    const [combinedHost, regularHost, visitor] = commune.cells;
    const [combined, regular] = await Promise.all([
      launch(commune, { host: combinedHost, invited: [visitor], kind: 'thematic', title: 'Sinh hoạt chuyên đề kết hợp thường kỳ' }),
      launch(commune, { host: regularHost, invited: [visitor], kind: 'regular', title: 'Sinh hoạt thường kỳ tháng 12' }),
    ]);
    await Promise.all([postPlan(combined.id, combinedHost), postPlan(regular.id, regularHost)]);
    await Promise.all([acceptInvitations(combined.id, [visitor]), acceptInvitations(regular.id, [visitor])]);
    const [combinedRecord, regularRecord] = await Promise.all([
      // 18 of the 20 expected (22 minus 2 exempted) is 90 %: enough.
      recordMeeting(combined, combinedHost, {
        lengthMinutes: 100,
        combined: true,
        attendance: { present: 18, total: 22, absentWithReason: 2, exempted: 2 },
        attendingCellIds: [visitor.id],
      }),
      // 17 of the 20 expected is 85 %: too few.
      recordMeeting(regular, regularHost, {
        lengthMinutes: 95,
        attendance: { present: 17, total: 22, absentWithReason: 3, exempted: 2 },
        attendingCellIds: [visitor.id],
      }),
    ]);
    expectOk(combinedRecord);
    expectOk(regularRecord);

    const combinedMeeting = (await getCycle(commune.staff.token, combined.id)).meeting!;
    expect(combinedMeeting.combined).toBe(true);
    expect(combinedMeeting.attendance.exempted).toBe(2);
    expect(combinedMeeting.qualityFlags).toContain('SHORT_MEETING');
    expect(combinedMeeting.qualityFlags).not.toContain('LOW_ATTENDANCE');

    const regularMeeting = (await getCycle(commune.staff.token, regular.id)).meeting!;
    expect(regularMeeting.combined).toBe(false);
    expect(regularMeeting.attendance.exempted).toBe(2);
    expect(regularMeeting.qualityFlags).not.toContain('SHORT_MEETING');
    expect(regularMeeting.qualityFlags).toContain('LOW_ATTENDANCE');
  });
});

// ── 6 ────────────────────────────────────────────────────────────────────────────────────────────────────

describe('6. the critique window closes naming the cells that sent nothing', () => {
  it('tells the committee which two of three attending cells are missing when the window closes on its timer', async () => {
    const commune = await createCommuneViaApi(stack, 4);
    const [host, diligent, missingA, missingB] = commune.cells;
    const cycle = await launch(commune, { host, invited: [diligent, missingA, missingB], critiqueWindow: 'PT6S' });
    await postPlan(cycle.id, host);
    await acceptInvitations(cycle.id, [diligent, missingA, missingB]);
    expectOk(await recordMeeting(cycle, host, { attendingCellIds: [diligent.id, missingA.id, missingB.id] }));
    expectOk(await critique(cycle.id, diligent.secretary.token, 'Phần điều hành còn dài'), 201);
    expect((await getCycle(commune.staff.token, cycle.id)).status).toBe('CRITIQUE');

    const missing = await notified(commune.staff.token, cycle.id, 'CRITIQUES_MISSING');
    expect(missing.body).toContain(missingA.name);
    expect(missing.body).toContain(missingB.name);
    expect(missing.body).not.toContain(diligent.name);
    expectReadableNotice(missing);
    expect((await getCycle(commune.staff.token, cycle.id)).status).toBe('REPORTING');
  });
});

// ── 7 ────────────────────────────────────────────────────────────────────────────────────────────────────

describe('7. the rating agrees with the meeting record and the score sheet', () => {
  // The default sheet: time 5, attendance 5, preparation 10, conduct 30, speaking 10, principles 5, results 30, closing 5.
  const sheetOf60 = { time: 4, attendance: 4, preparation: 6, conduct: 18, speaking: 6, principles: 3, results: 16, closing: 3 };
  const sheetOf80 = { time: 5, attendance: 5, preparation: 8, conduct: 24, speaking: 8, principles: 4, results: 22, closing: 4 };

  it('refuses Tốt after an unexcused absence and a rating the sheet disagrees with, then closes with Khá and tells the host', async () => {
    const { http } = stack;
    const commune = await createCommuneViaApi(stack, 2);
    const staff = bearer(commune.staff.token);
    const [host] = commune.cells;
    const cycle = await runToReview(commune, host, { meeting: { attendance: { present: 20, total: 21, absentWithoutReason: 1 } } });
    expect(Object.values(sheetOf60).reduce((sum, points) => sum + points, 0)).toBe(60);
    expect(Object.values(sheetOf80).reduce((sum, points) => sum + points, 0)).toBe(80);

    expectError(await http.post(`/api/cycles/${cycle.id}/review`).set(staff).send({ decision: 'accept', rating: 'TOT' }), 400, 'RATING_NOT_ALLOWED');
    const disagreeing = await http.post(`/api/cycles/${cycle.id}/review`).set(staff).send({ decision: 'accept', rating: 'KHA', scores: sheetOf60 });
    expectError(disagreeing, 400, 'RATING_NOT_ALLOWED');
    // The message says which band the sheet gives, by its label.
    expect(String(disagreeing.body.message)).toContain('Trung bình');
    expectReadable(String(disagreeing.body.message));
    expect((await getCycle(commune.staff.token, cycle.id)).status).toBe('REVIEW');

    const accepted = await http.post(`/api/cycles/${cycle.id}/review`).set(staff).send({ decision: 'accept', rating: 'KHA', scores: sheetOf80 });
    expectOk(accepted);
    expect(accepted.body).toMatchObject({ status: 'CLOSED', review: { rating: 'KHA' } });
    const rated = await notified(host.secretary.token, cycle.id, 'RATED');
    expect(rated.body).toContain('Khá');
    expectReadableNotice(rated);
  });
});

// ── 8 ────────────────────────────────────────────────────────────────────────────────────────────────────

describe('8. action items are followed up after the cycle closes', () => {
  it('lists them as the host’s tasks, reminds of one due soon, reports an overdue one to host and committee once, and leaves settled ones alone', async () => {
    const { http, client, config, dataSource } = stack;
    const commune = await createCommuneViaApi(stack, 2);
    const [host] = commune.cells;
    const titles = {
      soon: 'Hoàn thiện mẫu biên bản sinh hoạt',
      late: 'Kiện toàn tổ đảng thôn',
      done: 'Rà soát danh sách đảng viên miễn sinh hoạt',
      dropped: 'Tổ chức tọa đàm về nghị quyết',
      far: 'Xây dựng quy chế làm việc nhiệm kỳ mới',
    };
    const inReview = await runToReview(commune, host, {
      items: (meetingDay) => [
        { title: titles.soon, owner: 'Đồng chí Phó Bí thư', dueDate: addDays(meetingDay, 2) },
        { title: titles.late, owner: 'Đồng chí Bí thư', dueDate: meetingDay },
        { title: titles.done, owner: 'Đồng chí Chi ủy viên', dueDate: addDays(meetingDay, 1) },
        { title: titles.dropped, owner: 'Đồng chí Bí thư', dueDate: meetingDay },
        { title: titles.far, owner: 'Chi ủy', dueDate: addDays(meetingDay, 30) },
      ],
    });
    const cycleId = inReview.id;
    const closed = await closeWithRating(commune, cycleId);
    const items = Object.fromEntries(Object.entries(titles).map(([key, title]) => [key, byTitle(closed.actionItems, title)])) as Record<
      keyof typeof titles,
      ActionItem
    >;

    // Every open item is the host's to carry out, due at the end of its due day in Vietnam.
    const hostTasks = (await tasksOf(host.secretary.token)).filter((task) => task.cycleId === cycleId);
    expect(hostTasks.map((task) => task.actionItemId).sort()).toEqual(Object.values(items).map((item) => item.id).sort());
    for (const task of hostTasks) expect(task.action).toBe('COMPLETE_ACTION_ITEM');
    const soonTask = hostTasks.find((task) => task.actionItemId === items.soon.id)!;
    const endOfDueDay = Date.parse(`${addDays(items.soon.dueDate, 1)}T00:00:00+07:00`);
    expect(Date.parse(soonTask.dueAt)).toBeGreaterThanOrEqual(endOfDueDay - 60 * SECOND);
    expect(Date.parse(soonTask.dueAt)).toBeLessThanOrEqual(endOfDueDay);

    expectOk(await http.post(`/api/cycles/${cycleId}/action-items/${items.done.id}/done`).set(bearer(host.secretary.token)));
    expectOk(
      await http
        .post(`/api/cycles/${cycleId}/action-items/${items.dropped.id}/drop`)
        .set(bearer(host.secretary.token))
        .send({ reason: 'Nội dung đã gộp vào kế hoạch quý sau' }),
    );
    // Two items fall overdue: one open, one dropped.
    await dataSource.query(`UPDATE action_items SET due_date = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 1 WHERE id = ANY($1::uuid[])`, [
      [items.late.id, items.dropped.id],
    ]);

    const workflowId = actionItemFollowUpWorkflowId(config.temporal.taskQueue);
    const sweeper = await client.workflow.start('actionItemFollowUp', {
      workflowId,
      taskQueue: config.temporal.taskQueue,
      args: [{ intervalMs: 1000, reminderLeadDays: 3 }],
    });
    try {
      const about = (item: ActionItem) => (notice: Notification) => notice.body.includes(item.title);
      const dueSoon = await notified(host.secretary.token, cycleId, 'ACTION_ITEM_DUE_SOON', about(items.soon));
      const overdue = await notified(host.secretary.token, cycleId, 'ACTION_ITEM_OVERDUE', about(items.late));
      const alert = await notified(commune.staff.token, cycleId, 'ACTION_ITEM_OVERDUE_ALERT', about(items.late));
      expect(alert.body).toContain(host.name);
      for (const notice of [dueSoon, overdue, alert]) expectReadableNotice(notice);

      // Let several more sweeps run, then count.
      const sweepsDone = async () =>
        (await sweeper.fetchHistory()).events?.filter((event) => event.activityTaskCompletedEventAttributes).length ?? 0;
      const sweepsSoFar = await sweepsDone();
      await eventually(async () => (await sweepsDone()) >= sweepsSoFar + 3, 20 * SECOND, 250);

      const hostInbox = (await inbox(host.secretary.token)).filter((notice) => notice.cycleId === cycleId && notice.reason.startsWith('ACTION_ITEM_'));
      const staffInbox = (await inbox(commune.staff.token)).filter((notice) => notice.cycleId === cycleId && notice.reason.startsWith('ACTION_ITEM_'));
      const count = (list: Notification[], reason: string, item: ActionItem) => list.filter((notice) => notice.reason === reason && about(item)(notice)).length;
      expect(count(hostInbox, 'ACTION_ITEM_DUE_SOON', items.soon)).toBe(1);
      expect(count(hostInbox, 'ACTION_ITEM_OVERDUE', items.late)).toBe(1);
      expect(count(staffInbox, 'ACTION_ITEM_OVERDUE_ALERT', items.late)).toBe(1);
      // Only those three: nothing for the item ticked off, the one dropped, or the one due in a month.
      expect(hostInbox).toHaveLength(2);
      expect(staffInbox).toHaveLength(1);
      for (const item of [items.done, items.dropped, items.far]) {
        expect([...hostInbox, ...staffInbox].filter(about(item))).toEqual([]);
      }
      expect(
        (await tasksOf(host.secretary.token))
          .filter((task) => task.cycleId === cycleId)
          .map((task) => task.actionItemId)
          .sort(),
      ).toEqual([items.soon.id, items.late.id, items.far.id].sort());
    } finally {
      await sweeper.terminate('end of the follow-up case');
    }
  });
});

describe('8b. an action item’s task is due at the end of its day in Vietnam, whatever the database server’s time zone', () => {
  it('gives the same due time when PostgreSQL sessions run in Asia/Ho_Chi_Minh, as a server set up in Vietnam does', async () => {
    const commune = await createCommuneViaApi(stack, 2);
    const [host] = commune.cells;
    const inReview = await runToReview(commune, host, {
      items: (meetingDay) => [{ title: 'Hoàn thiện mẫu biên bản sinh hoạt', owner: 'Đồng chí Phó Bí thư', dueDate: addDays(meetingDay, 5) }],
    });
    const [item] = (await closeWithRating(commune, inReview.id)).actionItems;
    const endOfDueDay = Date.parse(`${addDays(item.dueDate, 1)}T00:00:00+07:00`);

    // The same API on the same database, its sessions in Vietnam's time zone (the server's own setting in Vietnam).
    const url = process.env.TEST_DATABASE_URL as string;
    const config = testConfig({ DATABASE_URL: `${url}${url.includes('?') ? '&' : '?'}options=-c%20TimeZone%3DAsia%2FHo_Chi_Minh` });
    const app = await createApiApp(config);
    await app.init();
    try {
      const [session] = await app.get(DataSource).query<{ TimeZone: string }[]>('SHOW TimeZone');
      expect(session.TimeZone).toBe('Asia/Ho_Chi_Minh');
      const http = request(app.getHttpServer());
      const inVietnam = await http.get('/api/me/tasks').set(bearer(host.secretary.token)).expect(200);
      const task = (inVietnam.body as Task[]).find((candidate) => candidate.actionItemId === item.id);
      expect(task).toBeDefined();
      // Same answer as from a UTC session: the end of the due day, not 7 hours before it.
      const inUtc = (await tasksOf(host.secretary.token)).find((candidate) => candidate.actionItemId === item.id)!;
      expect(Date.parse(inUtc.dueAt)).toBeGreaterThanOrEqual(endOfDueDay - 60 * SECOND);
      expect(Date.parse(inUtc.dueAt)).toBeLessThanOrEqual(endOfDueDay);
      expect(Date.parse(task!.dueAt)).toBe(Date.parse(inUtc.dueAt));
    } finally {
      await app.close();
    }
  });
});

// ── 9 ────────────────────────────────────────────────────────────────────────────────────────────────────

describe('9. open action items carry over to the host’s next cycle', () => {
  it('lists the previous cycle’s open items on the next cycle of the same host, not the settled ones', async () => {
    const { http } = stack;
    const commune = await createCommuneViaApi(stack, 2);
    const [host, visitor] = commune.cells;
    const first = await runToReview(commune, host, {
      items: (meetingDay) => [
        { title: 'Hoàn thiện mẫu biên bản sinh hoạt', owner: 'Đồng chí Phó Bí thư', dueDate: addDays(meetingDay, 20) },
        { title: 'Kiện toàn tổ đảng thôn', owner: 'Đồng chí Bí thư', dueDate: addDays(meetingDay, 10) },
        { title: 'Tổ chức tọa đàm về nghị quyết', owner: 'Chi ủy', dueDate: addDays(meetingDay, 15) },
      ],
    });
    const closed = await closeWithRating(commune, first.id);
    const open = byTitle(closed.actionItems, 'Hoàn thiện mẫu biên bản sinh hoạt');
    const done = byTitle(closed.actionItems, 'Kiện toàn tổ đảng thôn');
    const dropped = byTitle(closed.actionItems, 'Tổ chức tọa đàm về nghị quyết');
    expectOk(await http.post(`/api/cycles/${first.id}/action-items/${done.id}/done`).set(bearer(host.secretary.token)));
    expectOk(await http.post(`/api/cycles/${first.id}/action-items/${dropped.id}/drop`).set(bearer(host.secretary.token)).send({ reason: 'Không còn phù hợp' }));

    const next = await launch(commune, { host, invited: [visitor], meetingInMs: 20 * DAY, title: 'Sinh hoạt chi bộ điểm quý I' });
    const seen = await getCycle(host.secretary.token, next.id);
    expect(seen.carriedOverActionItems).toEqual([expect.objectContaining({ id: open.id, cycleId: first.id, title: open.title, dueDate: open.dueDate })]);
    expect((await getCycle(commune.staff.token, next.id)).carriedOverActionItems.map((item) => item.id)).toEqual([open.id]);
  });
});

// ── 10 ───────────────────────────────────────────────────────────────────────────────────────────────────

describe('10. the action items of a cycle cancelled after its report', () => {
  it('can be ticked off and dropped with a reason by the host; an unknown item is 404; the timeline gains exactly two entries', async () => {
    const { http } = stack;
    const commune = await createCommuneViaApi(stack, 2);
    const [host] = commune.cells;
    const inReview = await runToReview(commune, host, {
      items: (meetingDay) => [
        { title: 'Hoàn thiện mẫu biên bản sinh hoạt', owner: 'Đồng chí Phó Bí thư', dueDate: addDays(meetingDay, 20) },
        { title: 'Kiện toàn tổ đảng thôn', owner: 'Đồng chí Bí thư', dueDate: addDays(meetingDay, 10) },
      ],
    });
    const cancelled = await http.post(`/api/cycles/${inReview.id}/cancel`).set(bearer(commune.staff.token)).send({ reason: 'Sáp nhập chi bộ' });
    expectOk(cancelled);
    expect(cancelled.body.status).toBe('CANCELLED');
    const before = (await getCycle(commune.staff.token, inReview.id)).timeline;
    const toTick = byTitle(inReview.actionItems, 'Hoàn thiện mẫu biên bản sinh hoạt');
    const toDrop = byTitle(inReview.actionItems, 'Kiện toàn tổ đảng thôn');

    expectOk(await http.post(`/api/cycles/${inReview.id}/action-items/${toTick.id}/done`).set(bearer(host.secretary.token)));
    const reason = 'Chi bộ đã sáp nhập; việc chuyển cho chi bộ mới';
    expectOk(await http.post(`/api/cycles/${inReview.id}/action-items/${toDrop.id}/drop`).set(bearer(host.secretary.token)).send({ reason }));
    expectError(await http.post(`/api/cycles/${inReview.id}/action-items/${randomUUID()}/done`).set(bearer(host.secretary.token)), 404, 'NOT_FOUND');

    const after = await getCycle(host.secretary.token, inReview.id);
    expect(after.status).toBe('CANCELLED');
    expect(byTitle(after.actionItems, toTick.title).doneAt).not.toBeNull();
    const droppedView = byTitle(after.actionItems, toDrop.title);
    expect(droppedView).toMatchObject({ dropReason: reason, doneAt: null });
    expect(Number.isNaN(Date.parse(droppedView.droppedAt ?? ''))).toBe(false);
    const added = after.timeline.slice(before.length);
    expect(after.timeline.slice(0, before.length)).toEqual(before);
    expect(added.map((entry) => entry.event)).toEqual(['ACTION_ITEM_DONE', 'ACTION_ITEM_DROPPED']);
    // People read the timeline: each entry is labelled in words.
    for (const entry of added) {
      expect(entry.label).not.toBe(entry.event);
      expectReadable(entry.label);
    }
  });
});

// ── 11 ───────────────────────────────────────────────────────────────────────────────────────────────────

describe('11. upper-level guests', () => {
  it('are invited once the host is known, see only their cycles, critique once without closing the window, and can be added later', async () => {
    const { http } = stack;
    const commune = await createCommuneViaApi(stack, 4);
    const staff = bearer(commune.staff.token);
    const [host, visitorA, visitorB, outsider] = commune.cells;
    const guest = await createGuest(commune, 'Đồng chí Vàng Seo Phử, Ban Tổ chức Huyện ủy');

    const cycle = await launch(commune, { host: null, invited: [host, visitorA, visitorB], guestIds: [guest.userId] });
    const other = await launch(commune, { host: null, invited: [outsider], meetingInMs: 20 * DAY });
    // Before the host is known only the committee knows of the meeting.
    expect((await inbox(guest.token)).filter((notice) => notice.cycleId === cycle.id)).toEqual([]);
    expectError(await http.get(`/api/cycles/${cycle.id}`).set(bearer(guest.token)), 404, 'NOT_FOUND');
    expectError(await http.get(`/api/cycles/${other.id}`).set(bearer(guest.token)), 404, 'NOT_FOUND');

    expectOk(await http.post(`/api/cycles/${cycle.id}/host`).set(staff).send({ cellId: host.id }));
    expect((await http.get(`/api/cycles/${cycle.id}`).set(bearer(guest.token))).status).toBe(200);
    const invitation = await notified(guest.token, cycle.id, 'GUEST_INVITED');
    expect(invitation.body).toContain(host.name);
    expectReadableNotice(invitation);

    const secondGuest = await createGuest(commune, 'Đồng chí Lường Thị Mai, Ủy ban Kiểm tra Huyện ủy');
    expectOk(await http.post(`/api/cycles/${cycle.id}/guests`).set(staff).send({ guestIds: [secondGuest.userId] }));
    const withGuests = await getCycle(commune.staff.token, cycle.id);
    expect([...withGuests.guests].sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
      [
        { userId: guest.userId, fullName: 'Đồng chí Vàng Seo Phử, Ban Tổ chức Huyện ủy' },
        { userId: secondGuest.userId, fullName: 'Đồng chí Lường Thị Mai, Ủy ban Kiểm tra Huyện ủy' },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    );
    expect((await http.get(`/api/cycles/${cycle.id}`).set(bearer(secondGuest.token))).status).toBe(200);

    await postPlan(cycle.id, host);
    await acceptInvitations(cycle.id, [visitorA, visitorB]);
    expectOk(await recordMeeting(cycle, host, { attendingCellIds: [visitorA.id, visitorB.id] }));
    expectOk(await critique(cycle.id, visitorA.secretary.token, 'Phần điều hành còn dài'), 201);

    const hidden = await getCycle(guest.token, cycle.id);
    expect(hidden.critiques).toEqual([]);
    expect(hidden.critiquesHidden).toBe(true);
    expect((await tasksOf(guest.token)).filter((task) => task.cycleId === cycle.id).map((task) => task.action)).toEqual(['SUBMIT_CRITIQUE']);

    const fromGuest = await critique(cycle.id, guest.token, 'Cần liên hệ thực tiễn địa phương nhiều hơn');
    expectOk(fromGuest, 201);
    expect(fromGuest.body).toMatchObject({ cellId: null, guestId: guest.userId });
    const afterGuest = await getCycle(guest.token, cycle.id);
    expect(afterGuest.status).toBe('CRITIQUE');
    expect(afterGuest.critiquesHidden).toBe(false);
    expect(afterGuest.critiques.map((item) => item.guestId ?? item.cellId).sort()).toEqual([guest.userId, visitorA.id].sort());
    expectError(await critique(cycle.id, guest.token, 'Ý kiến gửi lần hai'), 409, 'ALREADY_DONE');
    expect((await tasksOf(guest.token)).filter((task) => task.cycleId === cycle.id)).toEqual([]);

    expectOk(await critique(cycle.id, visitorB.secretary.token, 'Biên bản cần ghi rõ ý kiến'), 201);
    expect((await getCycle(commune.staff.token, cycle.id)).status).toBe('REPORTING');
  });
});
