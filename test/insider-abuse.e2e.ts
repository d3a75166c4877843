import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../apps/api/create-api-app.js';
import { MIGRATIONS, createDataSource } from '../libs/persistence/data-source.js';
import { driveCycle } from '../scripts/lib/cycle-driver.mjs';
import { acceptReviewBody, launchBody, planBody } from '../scripts/lib/step-bodies.mjs';
import { modelMeetingWorkflowId } from '../workflows/model-meeting/model-meeting.contract.js';
import { login, startApiStack, type ApiStack } from './support/api-stack.js';
import { addCellViaApi, createCommuneViaApi, TEST_PASSWORD, type ApiCommune } from './support/commune-api.fixture.js';
import { supertestHttp } from './support/cycle-http.js';
import { eventually, sleep } from './support/eventually.js';
import { testConfig } from './support/test-stack.js';

/**
 * Issue 10, "what one hostile or careless insider can do to a cycle, and to the installation": each finding
 * the other suites do not already hold, shown closed over HTTP on the real stack (the Nest app as production
 * builds it, a worker, a Temporal dev server, PostgreSQL).
 *
 * - An unchanged RSVP is no step: 200 with the cycle, no timeline entry, no notice.
 * - Steps are limited per person and per cycle (429 with Retry-After, in words); a refused step leaves no
 *   trace; others still act; once Retry-After has passed the same person acts again.
 * - The committee and the admin cancel a cycle whose workflow is gone, with who and why on the timeline,
 *   the tasks gone and the people who knew told; a secretary still cannot cancel.
 * - Attendance is checked against the cells' answers, a left-out cell says it attended while the critique
 *   window is open, and the recorded start is bounded around the scheduled time.
 * - Passwords (length, blank, common, own password change, the first admin outside development), login
 *   throttling per address across usernames, usernames without regard to case, names in NFC without
 *   invisible or direction-changing characters.
 * - Adoption edits are bounded; a crafted list cursor is a 400; visitors see no other cell's note and no
 *   person's id, invitees nothing before the host is picked; every answer is Cache-Control: no-store but a
 *   cycle's view, private, no-cache (the browser keeps it only to ask again with its ETag: issue 17);
 *   idempotency records hold a reference and expire; a host's reschedules are bounded and each is told to
 *   the committee.
 *
 * After every refusal on a real cycle the cycle's next valid step is sent and must be accepted and shown on
 * its page (expectCycleStillMoves). Messages are compared as full sentences, written out here.
 */

type HttpResponse = request.Response;
type Http = ReturnType<typeof request>;
type Cell = ApiCommune['cells'][number];

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
};

const VI = {
  tooManyRequests: (seconds: number) => `Đồng chí đã gửi quá nhiều yêu cầu trong thời gian ngắn; đề nghị thử lại sau ${seconds} giây.`,
  wrongStage: (stage: string) => `Bước này không thực hiện được lúc này: đợt sinh hoạt đang ở bước “${stage}”.`,
  cancelled: 'Bước này không thực hiện được nữa: đợt sinh hoạt đã hủy.',
  roleNotAllowed: 'Tài khoản của đồng chí không có quyền thực hiện việc này.',
  attendingNotAccepted: 'Chỉ ghi là đã dự sinh hoạt những chi bộ đã xác nhận tham dự; có chi bộ trong danh sách chưa nhận lời.',
  alreadyDone: 'Bước này đã được thực hiện trước đó; không cần gửi lại.',
  deadlinePassed: 'Đã hết hạn thực hiện bước này.',
  meetingTimes: (why: string) => `Thời gian buổi sinh hoạt không hợp lệ: ${why}.`,
  notARealTime: (label: string) => `${label} phải là một thời điểm có thật, đủ ngày, giờ và múi giờ, từ năm 2000 đến năm 2099.`,
  weakPassword: (why: string) => `Mật khẩu chưa đủ an toàn: ${why}.`,
  tooShort: 'cần ít nhất 10 ký tự',
  blank: 'không được chỉ có dấu cách',
  common: 'đây là mật khẩu phổ biến, dễ bị đoán',
  likeUsername: 'không được chứa tên đăng nhập',
  sameAsBefore: 'mật khẩu mới phải khác mật khẩu cũ',
  badCredentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  notAuthenticated: 'Đề nghị đồng chí đăng nhập: phiên đăng nhập chưa có, không hợp lệ hoặc đã hết hạn.',
  passwordChangeRequired: 'Đề nghị đồng chí đổi mật khẩu khởi tạo trước khi sử dụng hệ thống.',
  usernameTaken: 'Tên đăng nhập này đã có người dùng; đề nghị chọn tên khác.',
  notADisplayName: (label: string) => `${label} phải có chữ hoặc số, không quá 200 ký tự, không có ký tự ẩn hay ký tự đổi chiều viết.`,
  tooManyChanges: (limit: number) => `Bước này đã được sửa ${limit} lần, là số lần tối đa trong một đợt sinh hoạt; đề nghị đồng chí liên hệ văn phòng Đảng ủy.`,
  invalidRequest: 'Nội dung gửi lên chưa đúng quy định.',
  notFound: 'Không tìm thấy nội dung này, hoặc tài khoản của đồng chí không được xem nội dung này.',
  brokenCompression: 'Nội dung nén gửi lên bị hỏng, không giải nén được.',
  keyReused: 'Yêu cầu này trùng với một yêu cầu khác đã gửi trước đó; đề nghị đồng chí mở lại biểu mẫu rồi gửi.',
  cancelledWithoutWorkflow: 'Đảng ủy hủy đợt sinh hoạt khi hệ thống không xử lý tiếp được đợt này',
};

const EN = {
  tooManyRequests: (seconds: number) => `Too many requests in a short time; try again in ${seconds} seconds.`,
  attendingNotAccepted: 'Only cells that accepted the invitation can be recorded as attending; one in the list had not.',
  weakPassword: (why: string) => `The password is not safe enough: ${why}.`,
  tooManyChanges: (limit: number) => `This step has been changed ${limit} times, the most one cycle allows; contact the committee office.`,
  brokenCompression: 'The compressed body is damaged and cannot be read.',
};

interface Invitation {
  cellId: string;
  status: string;
  delegate: string | null;
  note: string | null;
  respondedAt: string | null;
  attended: boolean;
  adoption: string | null;
}
interface Critique {
  id: string;
  cellId: string | null;
  points: { id: string; stage: string; kind: string; text: string }[];
}
interface ActionItem {
  id: string;
  title: string;
  owner: string;
  dueDate: string;
  doneAt: string | null;
  droppedAt: string | null;
}
interface TimelineEntry {
  at: string;
  event: string;
  label: string;
  actorId: string | null;
  cellId: string | null;
}
interface CycleView {
  id: string;
  title: string;
  status: string;
  hostCellId: string | null;
  meetingAt: string;
  plan: { agenda: string[]; content: string; postedBy?: string } | null;
  invitations: Invitation[];
  guests: { userId: string | null; fullName: string }[];
  meeting: { startedAt: string; endedAt: string; durationMinutes: number; attendingCellIds: string[]; recordedBy?: string } | null;
  critiques: Critique[];
  report: { lessons: string[] } | null;
  review: { decision: string; rating: string | null } | null;
  actionItems: ActionItem[];
  cancelReason: string | null;
  deadlines: { critiqueClosesAt: string | null };
  timeline: TimelineEntry[];
  updatedAt: string;
}
interface Notice {
  cycleId: string | null;
  reason: string;
  title: string;
  body: string;
}
interface Task {
  cycleId: string;
  action: string;
}

let stack: ApiStack;
let commune: ApiCommune;
let adminToken: string;
let adminId: string;
/** Every cell this suite knows a secretary of, by id. */
const cellsById = new Map<string, Cell>();
/** API apps of this suite's own (other limits), sharing the stack's database, Temporal and worker. */
const extraApps: INestApplication[] = [];

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const english = { 'Accept-Language': 'en' };

// ── what the API answers ─────────────────────────────────────────────────────────────────────────────

function expectStatus(response: HttpResponse, status: number): void {
  expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status });
}

/** A refusal: status, NestJS's body with the stable code, never a 500; returns the message. */
function errorOf(response: HttpResponse, status: number, code: string): string | string[] {
  expect({ status: response.status, body: response.body as unknown }).toMatchObject({
    status,
    body: { statusCode: status, error: REASON[status], code },
  });
  return (response.body as { message: string | string[] }).message;
}

/** A 429 with a Retry-After of 1 to 60 seconds, the same number in the sentence; returns the seconds. */
function expectTooMany(response: HttpResponse, language: 'vi' | 'en' = 'vi'): number {
  const message = errorOf(response, 429, 'TOO_MANY_REQUESTS');
  const header = String(response.headers['retry-after']);
  expect(header).toMatch(/^\d+$/);
  const seconds = Number(header);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
  expect(message).toBe(language === 'vi' ? VI.tooManyRequests(seconds) : EN.tooManyRequests(seconds));
  return seconds;
}

/** Another API process of the same installation with settings of its own (its own in-memory limits). */
async function extraApi(overrides: Record<string, string>): Promise<Http> {
  const app = await createApiApp(testConfig({ TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue, ...overrides }));
  await app.init();
  extraApps.push(app);
  return request(app.getHttpServer());
}

// ── reads ────────────────────────────────────────────────────────────────────────────────────────────

async function cycleOf(cycleId: string, token = commune.staff.token): Promise<CycleView> {
  const response = await stack.http.get(`/api/cycles/${cycleId}`).set(bearer(token));
  expectStatus(response, 200);
  return response.body as CycleView;
}

async function noticesOf(token: string, cycleId: string, reason?: string): Promise<Notice[]> {
  const response = await stack.http.get('/api/me/notifications?limit=500').set(bearer(token));
  expectStatus(response, 200);
  return (response.body as Notice[]).filter((notice) => notice.cycleId === cycleId && (reason === undefined || notice.reason === reason));
}

async function tasksOf(token: string, cycleId: string): Promise<string[]> {
  const response = await stack.http.get('/api/me/tasks?limit=500').set(bearer(token));
  expectStatus(response, 200);
  return (response.body as Task[]).filter((task) => task.cycleId === cycleId).map((task) => task.action);
}

const eventsOf = (view: CycleView, event: string) => view.timeline.filter((entry) => entry.event === event);

function invitationOf(view: CycleView, cell: Cell): Invitation {
  const invitation = view.invitations.find((candidate) => candidate.cellId === cell.id);
  if (!invitation) throw new Error(`cell ${cell.id} is not invited to cycle ${view.id}`);
  return invitation;
}

function cellOf(cellId: string): Cell {
  const cell = cellsById.get(cellId);
  if (!cell) throw new Error(`no secretary known for cell ${cellId}`);
  return cell;
}

// ── the commune and its cycles ───────────────────────────────────────────────────────────────────────

function meetingIn(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

/** The calendar day (YYYY-MM-DD) in Vietnam (UTC+7 all year) at an ISO instant. */
function vietnamDayOf(instant: string): string {
  return new Date(Date.parse(instant) + 7 * HOUR).toISOString().slice(0, 10);
}

let cellNumber = 0;

/** A new cell with its secretary: every cycle gets a host of its own (a cell never hosts two open cycles). */
async function newCell(): Promise<Cell> {
  cellNumber += 1;
  const suffix = randomUUID().slice(0, 8);
  const created = await addCellViaApi(stack, commune, {
    cell: `Chi bộ bản Pả Vi ${cellNumber} ${suffix}`,
    username: `bithu.pavi${cellNumber}.${suffix}`,
    secretary: `Đồng chí Giàng A Páo ${cellNumber}`,
  });
  cellsById.set(created.id, created);
  return created;
}

interface LaunchOptions {
  /** The host; a new cell when not given; null launches without one (HOST_SELECTION). */
  host?: Cell | null;
  invited?: Cell[];
  meetingAt?: string;
  critiqueWindow?: string;
  /** How long before its time a meeting may be recorded as started; the product's default (1 hour) when not given. */
  earlyStartTolerance?: string;
  guestIds?: string[];
}

async function launch(title: string, options: LaunchOptions = {}): Promise<{ id: string; host: Cell | null; view: CycleView }> {
  const host = options.host === undefined ? await newCell() : options.host;
  const body = launchBody({
    committeeId: commune.committeeId,
    title,
    ...(host ? { hostCellId: host.id } : {}),
    invitedCellIds: (options.invited ?? commune.cells).map((cell) => cell.id),
    meetingAt: options.meetingAt ?? meetingIn(30 * DAY),
    location: 'Nhà văn hóa bản Pả Vi',
    critiqueWindow: options.critiqueWindow,
    earlyStartTolerance: options.earlyStartTolerance ?? null,
    guestIds: options.guestIds,
  });
  const response = await stack.http.post('/api/cycles').set(bearer(commune.staff.token)).send(body);
  expectStatus(response, 201);
  return { id: response.body.id as string, host, view: response.body as CycleView };
}

async function rsvp(cycleId: string, cell: Cell, body: Record<string, unknown>, http: Http = stack.http): Promise<HttpResponse> {
  return http.post(`/api/cycles/${cycleId}/invitations/${cell.id}/rsvp`).set(bearer(cell.secretary.token)).send(body);
}

/** A cycle whose meeting is a few seconds ahead: the given answers are in and the plan is posted (SCHEDULED). */
async function launchSoon(
  title: string,
  answers: { cell: Cell; body: Record<string, unknown> }[],
  options: LaunchOptions = {},
): Promise<{ id: string; host: Cell; meetingAt: string }> {
  const host = await newCell();
  const launched = await launch(title, { meetingAt: meetingIn(8 * SECOND), invited: answers.map((answer) => answer.cell), ...options, host });
  for (const answer of answers) expectStatus(await rsvp(launched.id, answer.cell, answer.body), 200);
  expectStatus(await stack.http.post(`/api/cycles/${launched.id}/plan`).set(bearer(host.secretary.token)).send(planBody()), 200);
  return { id: launched.id, host, meetingAt: launched.view.meetingAt };
}

/** "8 giờ 05 ngày 02/12/2026": a moment as a person in Vietnam (UTC+7 all year) reads it. */
function inVietnam(epochMs: number): string {
  const local = new Date(epochMs + 7 * HOUR);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${local.getUTCHours()} giờ ${two(local.getUTCMinutes())} ngày ${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

async function waitForMeetingTime(meetingAt: string): Promise<void> {
  await sleep(Math.max(0, Date.parse(meetingAt) - Date.now() + 200));
}

/**
 * A meeting record the rules take whatever the cycle's start tolerance (at least the default hour): started 50
 * minutes before the scheduled time, ended a moment ago.
 */
function meetingRecord(meetingAt: string, attendingCellIds: string[]) {
  const endedAt = Date.now() - 2 * SECOND;
  return {
    startedAt: new Date(Date.parse(meetingAt) - 50 * MINUTE).toISOString(),
    endedAt: new Date(endedAt).toISOString(),
    attendance: { present: 20, total: 21, absentWithReason: 1 },
    attendingCellIds,
    minutes: 'Biên bản buổi sinh hoạt: chi bộ đã thảo luận, thống nhất nghị quyết tháng.',
  };
}

let stepNumber = 0;

/**
 * "After every refusal, the cycle still moves": sends the cycle's next valid step for its stage (pick a host,
 * post the plan, answer a pending invitation or record the meeting, claim attendance or critique, file the
 * report, accept it, tick off an action item), expects it accepted and the cycle's page to show it.
 */
async function expectCycleStillMoves(cycleId: string): Promise<CycleView> {
  stepNumber += 1;
  const n = stepNumber;
  const before = await cycleOf(cycleId);
  const post = (path: string, token: string) => stack.http.post(`/api/cycles/${cycleId}${path}`).set(bearer(token));
  switch (before.status) {
    case 'HOST_SELECTION': {
      const host = await newCell();
      expectStatus(await post('/host', commune.staff.token).send({ cellId: host.id }), 200);
      const after = await cycleOf(cycleId);
      expect(after).toMatchObject({ status: 'PREPARATION', hostCellId: host.id });
      return after;
    }
    case 'PREPARATION': {
      const host = cellOf(before.hostCellId as string);
      const plan = { agenda: ['Khai mạc', `Thảo luận nội dung ${n}`], content: `Chương trình, tài liệu sinh hoạt số ${n}` };
      expectStatus(await post('/plan', host.secretary.token).send(plan), 200);
      const after = await cycleOf(cycleId);
      expect(after).toMatchObject({ status: 'SCHEDULED', plan: { ...plan, postedBy: host.secretary.userId } });
      return after;
    }
    case 'SCHEDULED': {
      const host = cellOf(before.hostCellId as string);
      if (Date.now() >= Date.parse(before.meetingAt)) {
        const attending = before.invitations.filter((invitation) => invitation.status === 'ACCEPTED').map((invitation) => invitation.cellId);
        const meeting = meetingRecord(before.meetingAt, attending);
        expectStatus(await post('/meeting', host.secretary.token).send(meeting), 200);
        const after = await cycleOf(cycleId);
        expect(after).toMatchObject({
          status: 'CRITIQUE',
          meeting: { startedAt: meeting.startedAt, endedAt: meeting.endedAt, attendingCellIds: attending },
        });
        return after;
      }
      const pending = before.invitations.find((invitation) => invitation.status === 'PENDING');
      if (pending) {
        const delegate = `Đồng chí Hoàng Thị Mai ${n}, Phó Bí thư`;
        expectStatus(await post(`/invitations/${pending.cellId}/rsvp`, cellOf(pending.cellId).secretary.token).send({ response: 'accept', delegate }), 200);
        const after = await cycleOf(cycleId);
        expect(invitationOf(after, cellOf(pending.cellId))).toMatchObject({ status: 'ACCEPTED', delegate });
        return after;
      }
      const revised = { agenda: ['Khai mạc', `Nội dung sửa lần ${n}`], content: `Chương trình sửa lần ${n}` };
      expectStatus(await post('/plan', host.secretary.token).send(revised), 200);
      const after = await cycleOf(cycleId);
      expect(after).toMatchObject({ status: 'SCHEDULED', plan: revised });
      return after;
    }
    case 'CRITIQUE': {
      const submitted = new Set(before.critiques.map((critique) => critique.cellId));
      const attending = before.invitations.filter((invitation) => invitation.attended).map((invitation) => invitation.cellId);
      const critic = attending.find((cellId) => !submitted.has(cellId));
      if (critic) {
        const points = [{ stage: 'content', kind: 'suggestion', text: `Cần gửi tài liệu sớm hơn, ý kiến số ${n}` }];
        const sent = await post('/critiques', cellOf(critic).secretary.token).send({ points });
        expectStatus(sent, 201);
        const after = await cycleOf(cycleId);
        expect(after.critiques.find((critique) => critique.cellId === critic)).toMatchObject({ id: sent.body.id, points: [{ id: expect.any(String), ...points[0] }] });
        expect(after.status).toBe(attending.every((cellId) => cellId === critic || submitted.has(cellId)) ? 'REPORTING' : 'CRITIQUE');
        return after;
      }
      const leftOut = before.invitations.find((invitation) => invitation.status === 'ACCEPTED' && !invitation.attended);
      if (!leftOut) throw new Error(`cycle ${cycleId} is in CRITIQUE with nothing left to do`);
      expectStatus(await post('/attendance', cellOf(leftOut.cellId).secretary.token), 200);
      const after = await cycleOf(cycleId);
      expect(invitationOf(after, cellOf(leftOut.cellId)).attended).toBe(true);
      return after;
    }
    case 'REPORTING': {
      const host = cellOf(before.hostCellId as string);
      const responses = before.critiques
        .flatMap((critique) => critique.points)
        .filter((point) => point.kind !== 'strength')
        .map((point) => ({ pointId: point.id, stance: 'accept', text: `Chi bộ tiếp thu (${n})` }));
      const actionItems = [{ title: `Hoàn thiện mẫu biên bản (${n})`, owner: 'Đồng chí Phó Bí thư chi bộ', dueDate: vietnamDayOf(before.meetingAt) }];
      const report = { responses, lessons: [`Chuẩn bị tài liệu sớm (${n})`], actionItems };
      expectStatus(await post('/report', host.secretary.token).send(report), 200);
      const after = await cycleOf(cycleId);
      expect(after).toMatchObject({ status: 'REVIEW', report: { lessons: report.lessons } });
      return after;
    }
    case 'REVIEW': {
      const review = { decision: 'accept', rating: 'KHA', comment: `Đảng ủy thông qua (${n})` };
      expectStatus(await post('/review', commune.staff.token).send(review), 200);
      const after = await cycleOf(cycleId);
      expect(after).toMatchObject({ status: 'CLOSED', review: { decision: 'accept', rating: 'KHA' } });
      return after;
    }
    case 'CLOSED': {
      const open = before.actionItems.find((item) => item.doneAt === null && item.droppedAt === null);
      if (!open) throw new Error(`cycle ${cycleId} is CLOSED with no open action item`);
      expectStatus(await post(`/action-items/${open.id}/done`, commune.staff.token), 200);
      const after = await cycleOf(cycleId);
      expect(after.actionItems.find((item) => item.id === open.id)?.doneAt).not.toBeNull();
      expect(after.timeline.map((entry) => entry.event)).toEqual([...before.timeline.map((entry) => entry.event), 'ACTION_ITEM_DONE']);
      return after;
    }
    default:
      throw new Error(`cycle ${cycleId} is ${before.status}: no step moves it any more`);
  }
}

// ── cycles whose meeting time must have come, prepared together so the wait is paid once ──────────────

/** SCHEDULED, the meeting time passed: cells[0] and cells[1] accepted, cells[2] declined with a note. */
let attendanceCycle: { id: string; host: Cell; meetingAt: string };
/** SCHEDULED, the meeting time passed, a short critique window: cells[0] accepted. */
let shortWindowCycle: { id: string; host: Cell; meetingAt: string };
/** SCHEDULED, the meeting time passed, the product's default start tolerance: cells[0] accepted. */
let meetingTimesCycle: { id: string; host: Cell; meetingAt: string };
/** CLOSED: cells[0] attended and critiqued, cells[1] accepted; one action item open. */
let closedCycle: string;

/** Driven to CLOSED by the shared cycle driver: a host of its own, cells[0] and cells[1] accept, attend and critique. */
async function closeCycle(): Promise<string> {
  const cast = { committeeId: commune.committeeId, staff: commune.staff, host: await newCell(), invited: commune.cells.slice(0, 2) };
  const { id } = await driveCycle(supertestHttp(stack.http), cast, {
    meetingAt: meetingIn(8 * SECOND),
    launch: { title: 'Đợt đã kết thúc để ghi nhận vận dụng', location: 'Nhà văn hóa bản Pả Vi' },
    meetingMarginMs: 200,
    reviews: [acceptReviewBody({ rating: 'KHA' })],
  });
  expect((await cycleOf(id)).status).toBe('CLOSED');
  return id;
}

beforeAll(async () => {
  stack = await startApiStack();
  const admin = await stack.http.post('/api/auth/login').send({ username: 'admin', password: 'admin' });
  expectStatus(admin, 200);
  adminToken = admin.body.accessToken as string;
  adminId = admin.body.user.id as string;
  // On an empty database the app's own first start (NODE_ENV=test is not development) makes admin/admin one that
  // must change its password before anything else; the suites share admin/admin, so that requirement is lifted
  // here (the first start itself is proven in "the first admin outside development" below, on a database of its own).
  if (admin.body.user.mustChangePassword === true) {
    await stack.dataSource.query(`UPDATE users SET password_change_required = false WHERE id = $1`, [adminId]);
  }
  commune = await createCommuneViaApi(stack, 3);
  for (const cell of commune.cells) cellsById.set(cell.id, cell);

  const [a, b, c] = commune.cells;
  [attendanceCycle, shortWindowCycle, meetingTimesCycle, closedCycle] = await Promise.all([
    launchSoon(
      'Đợt ghi nhận chi bộ dự sinh hoạt',
      [
        { cell: a, body: { response: 'accept', delegate: 'Đồng chí Sùng A Tủa' } },
        { cell: b, body: { response: 'accept' } },
        { cell: c, body: { response: 'decline', note: 'Trùng lịch thu hoạch lúa nương' } },
      ],
      { earlyStartTolerance: 'PT3H' },
    ),
    launchSoon('Đợt có thời gian góp ý ngắn', [{ cell: a, body: { response: 'accept' } }], { earlyStartTolerance: 'PT3H', critiqueWindow: 'PT4S' }),
    launchSoon('Đợt kiểm tra giờ sinh hoạt', [{ cell: a, body: { response: 'accept' } }]),
    closeCycle(),
  ]);
  for (const { meetingAt } of [attendanceCycle, shortWindowCycle, meetingTimesCycle]) await waitForMeetingTime(meetingAt);
});

afterAll(async () => {
  for (const app of extraApps) await app.close();
  await stack?.stopAll();
});

// ── 2. steps are rate-limited (first, so the wait for Retry-After overlaps the other suites) ──────────

/** The person refused at the per-person limit, checked again at the end of the suite once Retry-After has passed. */
let refusedPerson: { http: Http; cycleId: string; cell: Cell; retryAt: number } | undefined;

describe('2. steps are limited per person and per cycle: 429 with Retry-After, nothing recorded, others still act', () => {
  it('STEP_RATE_PER_PERSON=5: a secretary’s 6th step in a minute is refused (vi and en); another person and the host still act', async () => {
    const limited = await extraApi({ STEP_RATE_PER_PERSON: '5' });
    const [flooder, other] = commune.cells;
    // The limit is the person's across cycles: five changed answers on two cycles (each within the cycle's own
    // bound on answers), then a sixth.
    const earlier = await launch('Đợt thử giới hạn bước của một người (đợt trước)');
    const { id, host } = await launch('Đợt thử giới hạn bước của một người');
    const steps: [string, Record<string, unknown>][] = [
      [earlier.id, { response: 'accept', delegate: 'Đồng chí Vàng A Dình 1' }],
      [earlier.id, { response: 'decline', note: 'Bận họp thôn, lần 2' }],
      [earlier.id, { response: 'accept', delegate: 'Đồng chí Vàng A Dình 3' }],
      [id, { response: 'accept', delegate: 'Đồng chí Vàng A Dình 4' }],
      [id, { response: 'decline', note: 'Bận họp thôn, lần 5' }],
    ];
    for (const [cycleId, answer] of steps) expectStatus(await rsvp(cycleId, flooder, answer, limited), 200);

    const sixth = await rsvp(id, flooder, { response: 'accept', delegate: 'Đồng chí Vàng A Dình 6' }, limited);
    const seconds = expectTooMany(sixth);
    expect(sixth.headers['cache-control']).toBe('no-store');
    const refusedAt = Date.now();
    expectTooMany(await limited.post(`/api/cycles/${id}/invitations/${flooder.id}/rsvp`).set(bearer(flooder.secretary.token)).set(english).send({ response: 'accept' }), 'en');

    // Nothing of the refused steps was recorded.
    const seen = await cycleOf(id);
    expect(invitationOf(seen, flooder)).toMatchObject({ status: 'DECLINED', delegate: null, note: 'Bận họp thôn, lần 5' });
    expect(seen.timeline.filter((entry) => entry.cellId === flooder.id).map((entry) => entry.event)).toEqual(['RSVP_ACCEPTED', 'RSVP_DECLINED']);
    expect(invitationOf(await cycleOf(earlier.id), flooder)).toMatchObject({ status: 'ACCEPTED', delegate: 'Đồng chí Vàng A Dình 3' });

    // The same cycle goes on through the same API process: another cell answers, the host posts the plan.
    expectStatus(await rsvp(id, other, { response: 'accept' }, limited), 200);
    const plan = { agenda: ['Khai mạc'], content: 'Chương trình sinh hoạt' };
    expectStatus(await limited.post(`/api/cycles/${id}/plan`).set(bearer((host as Cell).secretary.token)).send(plan), 200);
    const moved = await cycleOf(id);
    expect(invitationOf(moved, other).status).toBe('ACCEPTED');
    expect(moved).toMatchObject({ status: 'SCHEDULED', plan });
    await expectCycleStillMoves(id);
    refusedPerson = { http: limited, cycleId: id, cell: flooder, retryAt: refusedAt + seconds * SECOND };
  });

  it('STEP_RATE_PER_CYCLE=6: the 7th step on one cycle in a minute is refused whoever sends it; the same person acts on another cycle', async () => {
    const limited = await extraApi({ STEP_RATE_PER_CYCLE: '6' });
    const { id, host } = await launch('Đợt thử giới hạn bước của một đợt');
    const other = await launch('Đợt khác, không bị giới hạn');
    for (const cell of commune.cells) {
      expectStatus(await rsvp(id, cell, { response: 'accept' }, limited), 200);
      expectStatus(await rsvp(id, cell, { response: 'decline', note: 'Đổi ý' }, limited), 200);
    }
    const plan = await limited.post(`/api/cycles/${id}/plan`).set(bearer((host as Cell).secretary.token)).send({ agenda: ['Khai mạc'], content: 'Bị từ chối' });
    expectTooMany(plan);
    const cancel = await limited.post(`/api/cycles/${id}/cancel`).set(bearer(commune.staff.token)).set(english).send({ reason: 'Bị từ chối' });
    expectTooMany(cancel, 'en');
    expect(await cycleOf(id)).toMatchObject({ status: 'PREPARATION', plan: null, cancelReason: null });

    // The person is not limited, the cycle is: the same secretary acts on another cycle through the same process.
    expectStatus(await rsvp(other.id, commune.cells[0], { response: 'accept' }, limited), 200);
    expect(invitationOf(await cycleOf(other.id), commune.cells[0]).status).toBe('ACCEPTED');
    const after = await expectCycleStillMoves(id);
    expect(after.plan?.content).not.toBe('Bị từ chối');
  });
});

// ── 1. an unchanged RSVP is a no-op ──────────────────────────────────────────────────────────────────

describe('1. an RSVP that changes nothing is not a step', () => {
  it('answers 200 with the cycle, adds no timeline entry and no notice; a changed answer is a step (control)', async () => {
    const { id, host } = await launch('Đợt thử trả lời lặp lại');
    const [cell] = commune.cells;
    const answer = { response: 'accept', delegate: 'Đồng chí Mùa A Sử, Phó Bí thư', note: 'Chi bộ cử một đồng chí dự' };
    expectStatus(await rsvp(id, cell, answer), 200);
    const before = await cycleOf(id);
    const noticesBefore = await Promise.all([commune.staff.token, (host as Cell).secretary.token, cell.secretary.token].map((token) => noticesOf(token, id)));

    for (let repeat = 0; repeat < 3; repeat += 1) {
      const again = await rsvp(id, cell, answer);
      expectStatus(again, 200);
      expect(again.body).toMatchObject({ id, status: 'PREPARATION' });
      expect(invitationOf(again.body as CycleView, cell)).toEqual(invitationOf(before, cell));
    }
    expect(await cycleOf(id)).toEqual(before);
    expect(eventsOf(before, 'RSVP_ACCEPTED')).toHaveLength(1);
    expect(await Promise.all([commune.staff.token, (host as Cell).secretary.token, cell.secretary.token].map((token) => noticesOf(token, id)))).toEqual(noticesBefore);

    // A different delegate is a change: one more entry.
    const changed = await rsvp(id, cell, { ...answer, delegate: 'Đồng chí Mùa A Sử, Bí thư' });
    expectStatus(changed, 200);
    const after = await cycleOf(id);
    expect(eventsOf(after, 'RSVP_ACCEPTED')).toHaveLength(2);
    expect(invitationOf(after, cell)).toMatchObject({ status: 'ACCEPTED', delegate: 'Đồng chí Mùa A Sử, Bí thư' });
    await expectCycleStillMoves(id);
  });
});

// ── 3. a cycle whose workflow is stuck or gone can be cancelled ──────────────────────────────────────

describe('3. the committee and the admin can cancel a cycle whose workflow is gone', () => {
  const terminate = (cycleId: string) => stack.client.workflow.getHandle(modelMeetingWorkflowId(cycleId)).terminate('Dừng ngoài hệ thống (thử nghiệm)');

  it('the committee: 200, CANCELLED with its reason, on the timeline with who and why; tasks gone; everyone who knew is told', async () => {
    const [accepted, pendingA, pendingB] = commune.cells;
    const { id, host } = await launch('Đợt có quy trình bị dừng');
    const hostCell = host as Cell;
    expectStatus(await rsvp(id, accepted, { response: 'accept' }), 200);
    expect(await tasksOf(hostCell.secretary.token, id)).toEqual(['SUBMIT_PLAN']);
    expect(await tasksOf(pendingA.secretary.token, id)).toEqual(['RSVP']);
    await terminate(id);

    // The workflow is gone: a step the normal way cannot be taken any more.
    const plan = await stack.http.post(`/api/cycles/${id}/plan`).set(bearer(hostCell.secretary.token)).send({ agenda: ['Khai mạc'], content: 'Nội dung' });
    expect(errorOf(plan, 409, 'WRONG_STAGE')).toBe(VI.wrongStage('Chuẩn bị sinh hoạt'));

    const reason = 'Quy trình của đợt không phản hồi; Đảng ủy hủy để tổ chức lại';
    const cancelled = await stack.http.post(`/api/cycles/${id}/cancel`).set(bearer(commune.staff.token)).send({ reason });
    expectStatus(cancelled, 200);
    expect(cancelled.body).toMatchObject({ id, status: 'CANCELLED', cancelReason: reason });
    const seen = await cycleOf(id);
    expect(seen).toMatchObject({ status: 'CANCELLED', cancelReason: reason, plan: null });
    expect(seen.timeline[seen.timeline.length - 1]).toMatchObject({
      event: 'CYCLE_CANCELLED_WITHOUT_WORKFLOW',
      label: VI.cancelledWithoutWorkflow,
      actorId: commune.staff.userId,
    });
    const [event] = await stack.dataSource.query<{ actor_id: string; detail: { reason: string; stage: string } }[]>(
      `SELECT actor_id, detail FROM cycle_events WHERE cycle_id = $1 AND event = 'CYCLE_CANCELLED_WITHOUT_WORKFLOW'`,
      [id],
    );
    expect(event).toEqual({ actor_id: commune.staff.userId, detail: { reason, stage: 'PREPARATION' } });

    for (const token of [hostCell.secretary.token, pendingA.secretary.token, pendingB.secretary.token]) expect(await tasksOf(token, id)).toEqual([]);
    for (const token of [commune.staff.token, hostCell.secretary.token, accepted.secretary.token, pendingA.secretary.token, pendingB.secretary.token]) {
      expect((await noticesOf(token, id, 'CANCELLED')).length).toBe(1);
    }
    const again = await stack.http.post(`/api/cycles/${id}/cancel`).set(bearer(commune.staff.token)).send({ reason: 'Hủy lần nữa' });
    expect(errorOf(again, 409, 'WRONG_STAGE')).toBe(VI.cancelled);
    expect((await cycleOf(id)).cancelReason).toBe(reason);

    // What moves on is the host, free for a new cycle.
    const relaunched = await launch('Đợt tổ chức lại sau khi hủy', { host: hostCell });
    expect(relaunched.view).toMatchObject({ status: 'PREPARATION', hostCellId: hostCell.id });
  });

  it('the admin: cancels a cycle whose workflow is gone, and an ordinary one; a secretary still may not (403), and that cycle still moves', async () => {
    const gone = await launch('Đợt quản trị hủy khi quy trình đã dừng');
    await terminate(gone.id);
    const forced = await stack.http.post(`/api/cycles/${gone.id}/cancel`).set(bearer(adminToken)).send({ reason: 'Quản trị hủy thay Đảng ủy' });
    expectStatus(forced, 200);
    const forcedView = await cycleOf(gone.id);
    expect(forcedView).toMatchObject({ status: 'CANCELLED', cancelReason: 'Quản trị hủy thay Đảng ủy' });
    expect(forcedView.timeline[forcedView.timeline.length - 1]).toMatchObject({ event: 'CYCLE_CANCELLED_WITHOUT_WORKFLOW', actorId: adminId });

    const { id, host } = await launch('Đợt quản trị hủy bình thường');
    const bySecretary = await stack.http.post(`/api/cycles/${id}/cancel`).set(bearer((host as Cell).secretary.token)).send({ reason: 'Bí thư tự hủy' });
    expect(errorOf(bySecretary, 403, 'ROLE_NOT_ALLOWED')).toBe(VI.roleNotAllowed);
    expect((await cycleOf(id)).cancelReason).toBeNull();
    await expectCycleStillMoves(id);

    const byAdmin = await stack.http.post(`/api/cycles/${id}/cancel`).set(bearer(adminToken)).send({ reason: 'Sáp nhập thôn' });
    expectStatus(byAdmin, 200);
    const seen = await cycleOf(id);
    expect(seen).toMatchObject({ status: 'CANCELLED', cancelReason: 'Sáp nhập thôn' });
    expect(seen.timeline[seen.timeline.length - 1]).toMatchObject({ event: 'CYCLE_CANCELLED', actorId: adminId });
  });
});

// ── 4. attendance comes from the cells; the meeting's times are bounded ──────────────────────────────

describe('4. the host does not decide alone who attended, nor when the meeting started', () => {
  it('a cell that declined cannot be recorded as attending (400 ATTENDING_NOT_ACCEPTED, vi and en); [] while two accepted is taken, the critique stays open', async () => {
    const { id, host, meetingAt } = attendanceCycle;
    const [a, b, declined] = commune.cells;
    const vi = await stack.http.post(`/api/cycles/${id}/meeting`).set(bearer(host.secretary.token)).send(meetingRecord(meetingAt, [a.id, declined.id]));
    expect(errorOf(vi, 400, 'ATTENDING_NOT_ACCEPTED')).toBe(VI.attendingNotAccepted);
    const en = await stack.http.post(`/api/cycles/${id}/meeting`).set(bearer(host.secretary.token)).set(english).send(meetingRecord(meetingAt, [declined.id]));
    expect(errorOf(en, 400, 'ATTENDING_NOT_ACCEPTED')).toBe(EN.attendingNotAccepted);
    expect(await cycleOf(id)).toMatchObject({ status: 'SCHEDULED', meeting: null });

    // The next step: attendingCellIds [] while two cells accepted is taken, but the critique stays open and the two are told.
    const recorded = await stack.http.post(`/api/cycles/${id}/meeting`).set(bearer(host.secretary.token)).send(meetingRecord(meetingAt, []));
    expectStatus(recorded, 200);
    const seen = await cycleOf(id);
    expect(seen).toMatchObject({ status: 'CRITIQUE', meeting: { attendingCellIds: [] } });
    expect(seen.invitations.filter((invitation) => invitation.attended)).toEqual([]);
    for (const cell of [a, b]) expect(await noticesOf(cell.secretary.token, id, 'ATTENDANCE_NOT_RECORDED')).toHaveLength(1);
    expect(await noticesOf(declined.secretary.token, id, 'ATTENDANCE_NOT_RECORDED')).toEqual([]);
  });

  it('a left-out cell that accepted says it attended (naming who came) and critiques; a cell that declined cannot; twice is ALREADY_DONE', async () => {
    const { id, host } = attendanceCycle;
    const [a, b, declined] = commune.cells;
    const refused = await stack.http.post(`/api/cycles/${id}/attendance`).set(bearer(declined.secretary.token)).send({});
    expect(errorOf(refused, 400, 'ATTENDING_NOT_ACCEPTED')).toBe(VI.attendingNotAccepted);
    const afterRefusal = await cycleOf(id);
    expect(invitationOf(afterRefusal, declined)).toMatchObject({ status: 'DECLINED', attended: false });
    expect(eventsOf(afterRefusal, 'ATTENDANCE_CLAIMED')).toEqual([]);

    const delegate = 'Đồng chí Sùng A Tủa, Phó Bí thư chi bộ';
    const claimed = await stack.http.post(`/api/cycles/${id}/attendance`).set(bearer(a.secretary.token)).send({ delegate });
    expectStatus(claimed, 200);
    const seen = await cycleOf(id);
    expect(seen.status).toBe('CRITIQUE');
    expect(invitationOf(seen, a)).toMatchObject({ status: 'ACCEPTED', attended: true, delegate });
    expect(eventsOf(seen, 'ATTENDANCE_CLAIMED')).toEqual([expect.objectContaining({ cellId: a.id, actorId: a.secretary.userId })]);
    expect(await noticesOf(host.secretary.token, id, 'ATTENDANCE_CLAIMED')).toHaveLength(1);
    expect(await noticesOf(commune.staff.token, id, 'ATTENDANCE_CLAIMED')).toHaveLength(1);
    expect(errorOf(await stack.http.post(`/api/cycles/${id}/attendance`).set(bearer(a.secretary.token)).send({}), 409, 'ALREADY_DONE')).toBe(VI.alreadyDone);

    // The other left-out cell says so with an empty request; both then critique.
    expectStatus(await stack.http.post(`/api/cycles/${id}/attendance`).set(bearer(b.secretary.token)), 200);
    expect(invitationOf(await cycleOf(id), b)).toMatchObject({ attended: true, delegate: null });
    const points = [{ stage: 'chairing', kind: 'weakness', text: 'Phần điều hành còn dài' }];
    const critique = await stack.http.post(`/api/cycles/${id}/critiques`).set(bearer(a.secretary.token)).send({ points });
    expectStatus(critique, 201);
    expect(await cycleOf(id)).toMatchObject({ status: 'CRITIQUE', critiques: [expect.objectContaining({ id: critique.body.id, cellId: a.id })] });
    const after = await expectCycleStillMoves(id);
    expect(after.status).toBe('REPORTING');
  });

  it('once the critique window has closed, a cell that accepted can no longer say it attended: DEADLINE_PASSED', async () => {
    const { id, host, meetingAt } = shortWindowCycle;
    const [a] = commune.cells;
    expectStatus(await stack.http.post(`/api/cycles/${id}/meeting`).set(bearer(host.secretary.token)).send(meetingRecord(meetingAt, [])), 200);
    // The window stays open for the cell left out, and closes on its timer (PT4S).
    expect((await cycleOf(id)).status).toBe('CRITIQUE');
    await eventually(async () => (await cycleOf(id)).status === 'REPORTING');
    const late = await stack.http.post(`/api/cycles/${id}/attendance`).set(bearer(a.secretary.token)).send({});
    expect(errorOf(late, 409, 'DEADLINE_PASSED')).toBe(VI.deadlinePassed);
    const seen = await cycleOf(id);
    expect(invitationOf(seen, a).attended).toBe(false);
    expect(eventsOf(seen, 'ATTENDANCE_CLAIMED')).toEqual([]);
    await expectCycleStillMoves(id);
  });

  it('a start three hours before the scheduled time, in the year 0001 or 2000, or an end in the future is refused; the meeting is then recorded', async () => {
    const { id, host, meetingAt } = meetingTimesCycle;
    const scheduled = Date.parse(meetingAt);
    const record = (startedAt: string, endedAt: string) =>
      stack.http.post(`/api/cycles/${id}/meeting`).set(bearer(host.secretary.token)).send({ ...meetingRecord(meetingAt, [commune.cells[0].id]), startedAt, endedAt });

    // 3 hours early, ending 100 minutes later (before the scheduled time): the default tolerance is an hour.
    const early = await record(new Date(scheduled - 3 * HOUR).toISOString(), new Date(scheduled - 3 * HOUR + 100 * MINUTE).toISOString());
    expect(errorOf(early, 400, 'INVALID_MEETING_TIMES')).toBe(VI.meetingTimes(`buổi sinh hoạt không thể bắt đầu trước ${inVietnam(scheduled - HOUR)}`));
    const yearOne = await record('0001-01-01T08:00:00+07:00', new Date(Date.now() - MINUTE).toISOString());
    expect(errorOf(yearOne, 400, 'VALIDATION_FAILED')).toEqual([VI.notARealTime('Giờ bắt đầu')]);
    const yearTwoThousand = await record('2000-01-01T08:00:00+07:00', new Date(Date.now() - MINUTE).toISOString());
    expect(errorOf(yearTwoThousand, 400, 'INVALID_MEETING_TIMES')).toBe(VI.meetingTimes(`buổi sinh hoạt không thể bắt đầu trước ${inVietnam(scheduled - HOUR)}`));
    const endsLater = await record(new Date(scheduled).toISOString(), new Date(Date.now() + 2 * HOUR).toISOString());
    expect(errorOf(endsLater, 400, 'INVALID_MEETING_TIMES')).toBe(VI.meetingTimes('giờ kết thúc không được muộn hơn thời điểm hiện tại'));
    expect(await cycleOf(id)).toMatchObject({ status: 'SCHEDULED', meeting: null });

    const after = await expectCycleStillMoves(id);
    expect(after.meeting?.durationMinutes).toBe(Math.round((Date.parse(after.meeting?.endedAt ?? '') - Date.parse(after.meeting?.startedAt ?? '')) / MINUTE));
    expect(after.meeting?.durationMinutes).toBeLessThan(60);
  });
});

// ── 6. passwords ─────────────────────────────────────────────────────────────────────────────────────

describe('6. passwords', () => {
  let committeeId: string;

  beforeAll(async () => {
    const committee = await stack.http.post('/api/committees').set(bearer(adminToken)).send({ name: `Đảng ủy xã Tà Xùa ${randomUUID().slice(0, 8)}` });
    expectStatus(committee, 201);
    committeeId = committee.body.id as string;
  });

  it('creating a user with a short, blank, common or username-like password: 400 WEAK_PASSWORD saying why (vi and en); no account is made', async () => {
    const username = `canbo.matkhau.${randomUUID().slice(0, 8)}`;
    const create = (password: string) =>
      stack.http.post('/api/users').set(bearer(adminToken)).send({ username, password, fullName: 'Lò Thị Mật', role: 'committee', committeeId });
    const cases: [string, string][] = [
      ['ngan-qua', VI.tooShort],
      [' '.repeat(8), VI.blank],
      [' '.repeat(12), VI.blank],
      ['password123', VI.common],
      ['1234567890', VI.common],
      ['Matkhau123!', VI.common],
      [`${username.toUpperCase()}!2026`, VI.likeUsername],
    ];
    for (const [password, why] of cases) expect(errorOf(await create(password), 400, 'WEAK_PASSWORD')).toBe(VI.weakPassword(why));
    const en = await stack.http
      .post('/api/users')
      .set(bearer(adminToken))
      .set(english)
      .send({ username, password: '1234567890', fullName: 'Lò Thị Mật', role: 'committee', committeeId });
    expect(errorOf(en, 400, 'WEAK_PASSWORD')).toBe(EN.weakPassword('it is a common password, easily guessed'));
    const [{ count }] = await stack.dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM users WHERE lower(username) = $1`, [username]);
    expect(count).toBe(0);

    // A password that is long enough and not common is taken (control).
    expectStatus(await create('Nậm Xé mùa lúa chín 2026'), 201);
    expect((await stack.http.post('/api/auth/login').send({ username, password: 'Nậm Xé mùa lúa chín 2026' })).status).toBe(200);
  });

  it('POST /api/auth/password changes one’s own password: the current one is required, the new one follows the policy', async () => {
    const username = `canbo.doimatkhau.${randomUUID().slice(0, 8)}`;
    const first = 'Sương sớm Tà Xùa 2026';
    expectStatus(
      await stack.http.post('/api/users').set(bearer(adminToken)).send({ username, password: first, fullName: 'Hờ A Chu', role: 'committee', committeeId }),
      201,
    );
    const token = await login(stack, username, first);
    const change = (currentPassword: string, newPassword: string) =>
      stack.http.post('/api/auth/password').set(bearer(token)).send({ currentPassword, newPassword });
    expect(errorOf(await change('doan-sai-mat-khau', 'Mây trắng Tà Xùa 2027'), 401, 'BAD_CREDENTIALS')).toBe(VI.badCredentials);
    expect(errorOf(await change(first, '1234567890'), 400, 'WEAK_PASSWORD')).toBe(VI.weakPassword(VI.common));
    expect(errorOf(await change(first, ' '.repeat(10)), 400, 'WEAK_PASSWORD')).toBe(VI.weakPassword(VI.blank));
    expect(errorOf(await change(first, first), 400, 'WEAK_PASSWORD')).toBe(VI.weakPassword(VI.sameAsBefore));
    expect(errorOf(await stack.http.post('/api/auth/password').send({ currentPassword: first, newPassword: 'Mây trắng Tà Xùa 2027' }), 401, 'NOT_AUTHENTICATED')).toBe(
      VI.notAuthenticated,
    );

    // Tokens count from the second they were issued (a JWT's iat): the session before the change is a second older.
    await sleep(1000 - (Date.now() % 1000) + 20);
    expectStatus(await stack.http.get('/api/me').set(bearer(token)), 200);
    const changed = await change(first, 'Mây trắng Tà Xùa 2027');
    expectStatus(changed, 200);
    // The change ends the sessions opened before it: a token taken earlier (say, stolen) no longer works.
    expect(errorOf(await stack.http.get('/api/me').set(bearer(token)), 401, 'NOT_AUTHENTICATED')).toBe(VI.notAuthenticated);
    expect(changed.body).toMatchObject({ accessToken: expect.any(String), user: { username, mustChangePassword: false } });
    expect(changed.text).not.toContain('Mây trắng');
    expect(errorOf(await stack.http.post('/api/auth/login').send({ username, password: first }), 401, 'BAD_CREDENTIALS')).toBe(VI.badCredentials);
    const again = await stack.http.post('/api/auth/login').send({ username, password: 'Mây trắng Tà Xùa 2027' });
    expectStatus(again, 200);
    expectStatus(await stack.http.get('/api/me').set(bearer(changed.body.accessToken as string)), 200);
  });

  describe('the first admin in production, and accounts from before this rule', () => {
    const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://invalid');
    const databaseName = `${base.pathname.slice(1)}_first_admin`;
    const serverUrl = new URL(base.toString());
    serverUrl.pathname = '/postgres';
    const freshUrl = new URL(base.toString());
    freshUrl.pathname = `/${databaseName}`;

    async function onServer(sql: string): Promise<void> {
      const server = await createDataSource({ url: serverUrl.toString(), poolSize: 1, applicationName: 'test-first-admin' }).initialize();
      try {
        await server.query(sql);
      } finally {
        await server.destroy();
      }
    }

    async function onServerDatabase(sql: string): Promise<void> {
      const dataSource = await createDataSource({ url: freshUrl.toString(), poolSize: 1, applicationName: 'test-first-admin' }).initialize();
      try {
        await dataSource.query(sql);
      } finally {
        await dataSource.destroy();
      }
    }

    async function startedApp(environment: 'production' | 'development'): Promise<{ app: INestApplication; http: Http }> {
      const app = await createApiApp(testConfig({ NODE_ENV: environment, DATABASE_URL: freshUrl.toString(), ADMIN_PASSWORD: 'admin' }));
      await app.init();
      return { app, http: request(app.getHttpServer()) };
    }

    beforeAll(async () => {
      await onServer(`CREATE DATABASE "${databaseName}"`);
      const dataSource = await createDataSource({ url: freshUrl.toString(), poolSize: 1, applicationName: 'test-first-admin' }).initialize();
      await dataSource.runMigrations();
      await dataSource.destroy();
    });

    afterAll(async () => {
      await onServer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    });

    it('in production must change "admin" before anything else; in development it need not', async () => {
      const production = await startedApp('production');
      try {
        const signedIn = await production.http.post('/api/auth/login').send({ username: 'admin', password: 'admin' });
        expectStatus(signedIn, 200);
        expect(signedIn.body.user).toMatchObject({ username: 'admin', role: 'admin', mustChangePassword: true });
        const token = signedIn.body.accessToken as string;
        expect(errorOf(await production.http.get('/api/committees').set(bearer(token)), 403, 'PASSWORD_CHANGE_REQUIRED')).toBe(VI.passwordChangeRequired);
        expect(errorOf(await production.http.post('/api/committees').set(bearer(token)).send({ name: 'Đảng ủy xã mới' }), 403, 'PASSWORD_CHANGE_REQUIRED')).toBe(
          VI.passwordChangeRequired,
        );
        expect((await production.http.get('/api/me').set(bearer(token))).body).toMatchObject({ username: 'admin', mustChangePassword: true });
        const same = await production.http.post('/api/auth/password').set(bearer(token)).send({ currentPassword: 'admin', newPassword: 'admin' });
        expect(errorOf(same, 400, 'WEAK_PASSWORD')).toBe(VI.weakPassword(VI.sameAsBefore));
        const changed = await production.http.post('/api/auth/password').set(bearer(token)).send({ currentPassword: 'admin', newPassword: 'Quản trị xã Tà Xùa 2026' });
        expectStatus(changed, 200);
        expectStatus(await production.http.get('/api/committees').set(bearer(changed.body.accessToken as string)), 200);
        expect(errorOf(await production.http.post('/api/auth/login').send({ username: 'admin', password: 'admin' }), 401, 'BAD_CREDENTIALS')).toBe(VI.badCredentials);
      } finally {
        await production.app.close();
      }

      // The same first start in development (no user at all again): the admin may act at once.
      await onServerDatabase(`DELETE FROM users`);
      const development = await startedApp('development');
      try {
        const signedIn = await development.http.post('/api/auth/login').send({ username: 'admin', password: 'admin' });
        expectStatus(signedIn, 200);
        expect(signedIn.body.user).toMatchObject({ mustChangePassword: false });
        expectStatus(await development.http.get('/api/committees').set(bearer(signedIn.body.accessToken as string)), 200);
      } finally {
        await development.app.close();
      }
    });

    it('an installation whose usernames differ only in case upgrades: the oldest keeps the name, the newer is renamed, none is lost', async () => {
      const dataSource = await createDataSource({ url: freshUrl.toString(), poolSize: 1, applicationName: 'test-first-admin' }).initialize();
      try {
        // Back to the schema before the accounts migration, holding what it allowed: the same name in two cases.
        const latest = async () => (await dataSource.query<{ name: string }[]>(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`))[0].name;
        for (let undone = 0; undone < MIGRATIONS.length && (await latest()) !== 'CommuneRules1765000000000'; undone += 1) {
          await dataSource.undoLastMigration({ transaction: 'each' });
        }
        expect((await dataSource.query<{ name: string }[]>(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`))[0].name).toBe('CommuneRules1765000000000');
        const insert = `INSERT INTO users (username, password_hash, full_name, role, created_at) VALUES ($1, 'x', 'Lò Văn Pá', 'admin', $2) RETURNING id`;
        const [older] = await dataSource.query<{ id: string }[]>(insert, ['LoVanPa', '2026-01-01T00:00:00Z']);
        const [newer] = await dataSource.query<{ id: string }[]>(insert, ['lovanpa', '2026-02-01T00:00:00Z']);
        const [upper] = await dataSource.query<{ id: string }[]>(insert, ['Vang.A.Dinh', '2026-03-01T00:00:00Z']);
        await dataSource.runMigrations({ transaction: 'each' });
        const names = new Map(
          (await dataSource.query<{ id: string; username: string }[]>(`SELECT id, username FROM users WHERE id = ANY($1)`, [[older.id, newer.id, upper.id]])).map(
            (row) => [row.id, row.username],
          ),
        );
        expect(names.get(older.id)).toBe('lovanpa');
        expect(names.get(newer.id)).toBe(`lovanpa-2-${newer.id.slice(0, 4)}`);
        expect(names.get(upper.id)).toBe('vang.a.dinh');
      } finally {
        await dataSource.destroy();
      }
    });
  });
});

// ── 7. login throttling per address across usernames ─────────────────────────────────────────────────

describe('7. logins are limited per address across usernames', () => {
  it('LOGIN_ADDRESS_RATE_LIMIT=5: the 6th login from one address in a minute is 429 with Retry-After, whatever the username (vi and en)', async () => {
    const limited = await extraApi({ LOGIN_ADDRESS_RATE_LIMIT: '5' });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const sprayed = await limited.post('/api/auth/login').send({ username: `khong.co.${attempt}.${randomUUID().slice(0, 6)}`, password: 'Matkhau2026' });
      expect(errorOf(sprayed, 401, 'BAD_CREDENTIALS')).toBe(VI.badCredentials);
    }
    // Even a real account with its right password, never tried before from here.
    expectTooMany(await limited.post('/api/auth/login').send({ username: commune.staff.username, password: TEST_PASSWORD }));
    expectTooMany(await limited.post('/api/auth/login').set(english).send({ username: commune.cells[0].secretary.username, password: TEST_PASSWORD }), 'en');
    // Another API process counts its own (control: the account itself is not locked).
    expectStatus(await stack.http.post('/api/auth/login').send({ username: commune.staff.username, password: TEST_PASSWORD }), 200);
  });
});

// ── 8. usernames and names ───────────────────────────────────────────────────────────────────────────

describe('8. usernames are one name whatever their case; names are NFC, without invisible or direction-changing characters', () => {
  it('"BiThu.X" when "bithu.x" exists is 409 USERNAME_TAKEN; login takes any case; a new name is stored in lower case', async () => {
    const suffix = randomUUID().slice(0, 8);
    const staff = bearer(commune.staff.token);
    const cell = commune.cells[2];
    const user = (username: string) => ({ username, password: TEST_PASSWORD, fullName: 'Thào A Dế', role: 'secretary', cellId: cell.id });
    const created = await stack.http.post('/api/users').set(staff).send(user(`bithu.hoa.${suffix}`));
    expectStatus(created, 201);
    for (const username of [`BiThu.Hoa.${suffix}`, `BITHU.HOA.${suffix}`]) {
      expect(errorOf(await stack.http.post('/api/users').set(staff).send(user(username)), 409, 'USERNAME_TAKEN')).toBe(VI.usernameTaken);
    }
    const signedIn = await stack.http.post('/api/auth/login').send({ username: `BiThu.HOA.${suffix}`, password: TEST_PASSWORD });
    expectStatus(signedIn, 200);
    expect(signedIn.body.user).toMatchObject({ id: created.body.id, username: `bithu.hoa.${suffix}` });

    const mixed = await stack.http.post('/api/users').set(staff).send(user(`Pho.BiThu.${suffix}`));
    expectStatus(mixed, 201);
    expect(mixed.body.username).toBe(`pho.bithu.${suffix}`);
    expect(errorOf(await stack.http.post('/api/users').set(staff).send(user(`pho.bithu.${suffix}`)), 409, 'USERNAME_TAKEN')).toBe(VI.usernameTaken);
  });

  it('a name typed decomposed (NFD) is stored and shown composed (NFC)', async () => {
    const decomposed = 'Nguye\u0302\u0303n Thi\u0323 Ha\u0300';
    const composed = 'Nguy\u1ec5n Th\u1ecb H\u00e0';
    expect(decomposed).not.toBe(composed);
    const username = `nfd.${randomUUID().slice(0, 8)}`;
    const created = await stack.http
      .post('/api/users')
      .set(bearer(commune.staff.token))
      .send({ username, password: TEST_PASSWORD, fullName: decomposed, role: 'secretary', cellId: commune.cells[2].id });
    expectStatus(created, 201);
    expect(created.body.fullName).toBe(composed);
    const [row] = await stack.dataSource.query<{ full_name: string }[]>(`SELECT full_name FROM users WHERE id = $1`, [created.body.id]);
    expect(row.full_name).toBe(composed);
    const me = await stack.http.get('/api/me').set(bearer(await login(stack, username, TEST_PASSWORD)));
    expect(me.body.fullName).toBe(composed);
  });

  it('a zero-width space (U+200B) or a right-to-left override (U+202E) in a person’s, a cell’s or a committee’s name: 400; nothing is made', async () => {
    const username = `vohinh.${randomUUID().slice(0, 8)}`;
    for (const fullName of ['Lò Văn\u200bPằng', 'Lò Văn \u202egnằP', '\u200b']) {
      const refused = await stack.http
        .post('/api/users')
        .set(bearer(commune.staff.token))
        .send({ username, password: TEST_PASSWORD, fullName, role: 'secretary', cellId: commune.cells[2].id });
      expect(errorOf(refused, 400, 'VALIDATION_FAILED')).toEqual([VI.notADisplayName('Họ và tên')]);
    }
    const [{ count }] = await stack.dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM users WHERE username = $1`, [username]);
    expect(count).toBe(0);

    const cellName = `Chi bộ thôn \u202eiốH aN ${randomUUID().slice(0, 8)}`;
    const cell = await stack.http.post(`/api/committees/${commune.committeeId}/cells`).set(bearer(commune.staff.token)).send({ name: cellName, memberCount: 12 });
    expect(errorOf(cell, 400, 'VALIDATION_FAILED')).toEqual([VI.notADisplayName('Tên chi bộ')]);
    const committee = await stack.http.post('/api/committees').set(bearer(adminToken)).send({ name: `Đảng ủy xã\u200b Na Hối ${randomUUID().slice(0, 8)}` });
    expect(errorOf(committee, 400, 'VALIDATION_FAILED')).toEqual([VI.notADisplayName('Tên Đảng ủy')]);
    const cells = await stack.http.get(`/api/committees/${commune.committeeId}/cells?limit=500`).set(bearer(commune.staff.token));
    expect((cells.body as { name: string }[]).filter((listed) => listed.name === cellName)).toEqual([]);
  });
});

// ── 9. adoption is bounded ───────────────────────────────────────────────────────────────────────────

describe('9. what a cell adopts can be recorded and revised a bounded number of times', () => {
  it('5 records are taken, one timeline entry each (the same text again is none); the 6th is 409 TOO_MANY_CHANGES (vi and en)', async () => {
    const [cell, otherCell] = commune.cells;
    const adopt = (text: string, headers: Record<string, string> = {}) =>
      stack.http.post(`/api/cycles/${closedCycle}/adoption`).set(bearer(cell.secretary.token)).set(headers).send({ text });
    const adoptedEntries = async () => eventsOf(await cycleOf(closedCycle), 'LESSONS_ADOPTED').filter((entry) => entry.cellId === cell.id);

    for (let record = 1; record <= 5; record += 1) {
      const text = `Áp dụng mẫu biên bản mới, bản ${record}`;
      expectStatus(await adopt(text), 200);
      expect(await adoptedEntries()).toHaveLength(record);
      expect(invitationOf(await cycleOf(closedCycle), cell).adoption).toBe(text);
      if (record === 1) {
        // The same text again changes nothing and is no entry.
        expectStatus(await adopt(text), 200);
        expect(await adoptedEntries()).toHaveLength(1);
      }
    }
    expect(errorOf(await adopt('Áp dụng mẫu biên bản mới, bản 6'), 409, 'TOO_MANY_CHANGES')).toBe(VI.tooManyChanges(5));
    expect(errorOf(await adopt('Áp dụng mẫu biên bản mới, bản 7', english), 409, 'TOO_MANY_CHANGES')).toBe(EN.tooManyChanges(5));
    expect(await adoptedEntries()).toHaveLength(5);
    expect(invitationOf(await cycleOf(closedCycle), cell).adoption).toBe('Áp dụng mẫu biên bản mới, bản 5');

    // The limit is the cell's: another cell records what it adopts, and the host's action item is ticked off.
    expectStatus(await stack.http.post(`/api/cycles/${closedCycle}/adoption`).set(bearer(otherCell.secretary.token)).send({ text: 'Gửi tài liệu trước hai ngày' }), 200);
    expect(invitationOf(await cycleOf(closedCycle), otherCell).adoption).toBe('Gửi tài liệu trước hai ngày');
    await expectCycleStillMoves(closedCycle);
  });
});

// ── 10. a crafted cursor ─────────────────────────────────────────────────────────────────────────────

describe('10. a crafted list cursor is a 400, never a 500', () => {
  it('a cursor holding 2026-06-31, 1, 30 February or no id, and the bare strings, are refused; a cursor the API made works (control)', async () => {
    const encoded = (text: string) => Buffer.from(text).toString('base64url');
    const id = randomUUID();
    const crafted = [
      encoded(`2026-06-31|${id}`),
      encoded(`1|${id}`),
      encoded(`2027-02-30T08:00:00.000Z|${id}`),
      encoded(`2026-06-30T08:00:00.000Z|khong-phai-uuid`),
      encoded(`2026-06-30T08:00:00.000Z|${id}|thua`),
      '2026-06-31',
      '1',
    ];
    for (const cursor of crafted) {
      const response = await stack.http.get(`/api/cycles?cursor=${encodeURIComponent(cursor)}`).set(bearer(commune.staff.token));
      expect(errorOf(response, 400, 'VALIDATION_FAILED')).toBe(VI.invalidRequest);
    }
    const first = await stack.http.get('/api/cycles?limit=1').set(bearer(commune.staff.token));
    expectStatus(first, 200);
    const next = await stack.http.get(`/api/cycles?limit=1&cursor=${encodeURIComponent(first.body.nextCursor as string)}`).set(bearer(commune.staff.token));
    expectStatus(next, 200);
    expect((next.body.items as { id: string }[]).map((item) => item.id)).not.toContain((first.body.items as { id: string }[])[0].id);
  });
});

// ── 11. visitors, invitees, caching, compressed bodies ───────────────────────────────────────────────

describe('11. what visitors see, and how every answer is sent', () => {
  it('a visiting secretary sees no other cell’s decline note and no person’s user id, a guest’s included; the committee sees both (control)', async () => {
    const [visitor, decliner] = commune.cells;
    const guestName = 'Đồng chí Trần Văn Huyện, Huyện ủy viên';
    const guestUser = await stack.http
      .post('/api/users')
      .set(bearer(commune.staff.token))
      .send({ username: `daibieu.${randomUUID().slice(0, 8)}`, password: TEST_PASSWORD, fullName: guestName, role: 'guest' });
    expectStatus(guestUser, 201);
    const guestId = guestUser.body.id as string;
    const { id, host } = await launch('Đợt xem ghi chú của chi bộ khác', { invited: [visitor, decliner], guestIds: [guestId] });
    const hostCell = host as Cell;
    const secretNote = 'Chi bộ vắng vì đồng chí Bí thư đang điều trị bệnh';
    expectStatus(await rsvp(id, decliner, { response: 'decline', note: secretNote }), 200);
    expectStatus(await stack.http.post(`/api/cycles/${id}/plan`).set(bearer(hostCell.secretary.token)).send({ agenda: ['Khai mạc'], content: 'Nội dung' }), 200);
    const ownNote = 'Chi bộ cử hai đồng chí dự';
    const answered = await rsvp(id, visitor, { response: 'accept', note: ownNote });
    expectStatus(answered, 200);
    const read = await stack.http.get(`/api/cycles/${id}`).set(bearer(visitor.secretary.token));
    expectStatus(read, 200);
    const otherPeople = [commune.staff.userId, hostCell.secretary.userId, decliner.secretary.userId, guestId];
    for (const response of [answered, read]) {
      const view = response.body as CycleView;
      expect(invitationOf(view, decliner)).toMatchObject({ status: 'DECLINED', note: null });
      expect(invitationOf(view, visitor)).toMatchObject({ status: 'ACCEPTED', note: ownNote });
      expect(response.text).not.toContain(secretNote);
      for (const userId of otherPeople) expect(response.text).not.toContain(userId);
      expect(view.timeline.length).toBeGreaterThan(0);
      expect(view.timeline.every((entry) => entry.actorId === null)).toBe(true);
      expect(view.guests).toEqual([{ userId: null, fullName: guestName }]);
      expect(view.plan).toMatchObject({ content: 'Nội dung' });
      expect(view.plan).not.toHaveProperty('postedBy');
    }
    const committeeView = await cycleOf(id);
    expect(invitationOf(committeeView, decliner).note).toBe(secretNote);
    expect(committeeView.plan?.postedBy).toBe(hostCell.secretary.userId);
    expect(committeeView.guests).toEqual([{ userId: guestId, fullName: guestName }]);
    expect(committeeView.timeline.some((entry) => entry.actorId === decliner.secretary.userId)).toBe(true);
    await expectCycleStillMoves(id);
  });

  it('invitees get 404 for a cycle still in HOST_SELECTION, and do not list it; once the host is picked they see it', async () => {
    const [a, b] = commune.cells;
    const { id } = await launch('Đợt chưa chọn chi bộ điểm', { host: null, invited: [a, b] });
    for (const cell of [a, b]) {
      expect(errorOf(await stack.http.get(`/api/cycles/${id}`).set(bearer(cell.secretary.token)), 404, 'NOT_FOUND')).toBe(VI.notFound);
      expect(errorOf(await rsvp(id, cell, { response: 'accept' }), 404, 'NOT_FOUND')).toBe(VI.notFound);
      const listed = await stack.http.get('/api/cycles?limit=100').set(bearer(cell.secretary.token));
      expect((listed.body.items as { id: string }[]).map((item) => item.id)).not.toContain(id);
    }
    expect((await cycleOf(id)).invitations.every((invitation) => invitation.status === 'PENDING')).toBe(true);
    await expectCycleStillMoves(id);
    expect(await cycleOf(id, a.secretary.token)).toMatchObject({ id, status: 'PREPARATION' });
  });

  it('every JSON answer carries Cache-Control: no-store, success or refusal, but a cycle’s view (private, no-cache); a damaged gzip body is a 400 in words (vi and en), not zlib’s', async () => {
    const { id } = await launch('Đợt kiểm tra bộ nhớ đệm');
    const staff = bearer(commune.staff.token);
    const garbage = randomBytes(64);
    const damaged = (headers: Record<string, string> = {}) =>
      stack.http.post(`/api/cycles/${id}/cancel`).set(staff).set({ 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', ...headers }).send(garbage);
    const answers: [string, HttpResponse][] = [
      ['health', await stack.http.get('/api/health')],
      ['login', await stack.http.post('/api/auth/login').send({ username: commune.staff.username, password: TEST_PASSWORD })],
      ['bad login', await stack.http.post('/api/auth/login').send({ username: commune.staff.username, password: 'sai-mat-khau-roi' })],
      ['cycle', await stack.http.get(`/api/cycles/${id}`).set(staff)],
      ['list', await stack.http.get('/api/cycles?limit=5').set(staff)],
      ['step', await rsvp(id, commune.cells[0], { response: 'accept' })],
      ['tasks', await stack.http.get('/api/me/tasks').set(staff)],
      ['notifications', await stack.http.get('/api/me/notifications').set(staff)],
      ['no token', await stack.http.get('/api/cycles')],
      ['unknown cycle', await stack.http.get(`/api/cycles/${randomUUID()}`).set(staff)],
      ['unknown route', await stack.http.get('/api/khong-co').set(staff)],
      ['invalid body', await stack.http.post('/api/cycles').set(staff).send({ title: 42 })],
      ['damaged gzip', await damaged()],
      ['damaged gzip (en)', await damaged(english)],
    ];
    for (const [what, response] of answers) {
      expect({ what, contentType: response.headers['content-type'], cacheControl: response.headers['cache-control'] }).toEqual({
        what,
        contentType: expect.stringMatching(/^application\/json/),
        // No proxy may keep a cycle's view; the person's own browser may, to send its ETag the next time.
        cacheControl: what === 'cycle' ? 'private, no-cache' : 'no-store',
      });
    }
    const [vi, en] = answers.slice(-2).map(([, response]) => response);
    expect(errorOf(vi, 400, 'VALIDATION_FAILED')).toBe(VI.brokenCompression);
    expect(errorOf(en, 400, 'VALIDATION_FAILED')).toBe(EN.brokenCompression);
    for (const response of [vi, en]) expect(response.text).not.toMatch(/header check|zlib|unexpected end|Z_DATA_ERROR|Z_BUF_ERROR/i);
    expect(await cycleOf(id)).toMatchObject({ status: 'PREPARATION', cancelReason: null });
    await expectCycleStillMoves(id);
  });
});

// ── 12. idempotency records expire ───────────────────────────────────────────────────────────────────

describe('12. an Idempotency-Key record keeps the first answer for IDEMPOTENCY_TTL_HOURS, then the key is free', () => {
  it('replays the first answer (api.md) within the TTL, even 23 hours on; past it the same key is a new request', async () => {
    const [cell, other] = commune.cells;
    const first = await launch('Đợt thử khóa lặp lại thứ nhất');
    const second = await launch('Đợt thử khóa lặp lại thứ hai');
    const key = `rsvp-${randomUUID()}`;
    const keyed = (cycleId: string) =>
      stack.http.post(`/api/cycles/${cycleId}/invitations/${cell.id}/rsvp`).set(bearer(cell.secretary.token)).set('Idempotency-Key', key).send({ response: 'accept' });

    const answered = await keyed(first.id);
    expectStatus(answered, 200);
    const stored = async () =>
      (
        await stack.dataSource.query<{ status_code: number; body: unknown; created_at: Date }[]>(
          `SELECT status_code, body, created_at FROM idempotency_records WHERE user_id = $1 AND key = $2`,
          [cell.secretary.userId, key],
        )
      )[0];
    expect(await stored()).toMatchObject({ status_code: 200, body: answered.body });

    // A repeat acts once and answers what the first answered, though another cell has answered since.
    expectStatus(await rsvp(first.id, other, { response: 'decline', note: 'Trùng lịch' }), 200);
    const replayed = await keyed(first.id);
    expectStatus(replayed, 200);
    expect(replayed.body).toEqual(answered.body);
    expect(invitationOf(await cycleOf(first.id), other).status).toBe('DECLINED');
    expect(eventsOf(await cycleOf(first.id), 'RSVP_ACCEPTED')).toHaveLength(1);

    // Within the time to live (24 hours by default) the key belongs to that request, even 23 hours on.
    const age = (hours: number) =>
      stack.dataSource.query(`UPDATE idempotency_records SET created_at = now() - make_interval(hours => $3) WHERE user_id = $1 AND key = $2`, [
        cell.secretary.userId,
        key,
        hours,
      ]);
    expect(errorOf(await keyed(second.id), 409, 'IDEMPOTENCY_KEY_REUSED')).toBe(VI.keyReused);
    await age(23);
    expect(errorOf(await keyed(second.id), 409, 'IDEMPOTENCY_KEY_REUSED')).toBe(VI.keyReused);
    expect(invitationOf(await cycleOf(second.id), cell).status).toBe('PENDING');

    // Past it, the same key is a new request: it acts, and the key now belongs to it.
    await age(25);
    const fresh = await keyed(second.id);
    expectStatus(fresh, 200);
    expect(invitationOf(await cycleOf(second.id), cell).status).toBe('ACCEPTED');
    const renewed = await stored();
    expect(renewed).toMatchObject({ status_code: 200, body: fresh.body });
    expect(Date.now() - renewed.created_at.getTime()).toBeLessThan(5 * MINUTE);
    expect(errorOf(await keyed(first.id), 409, 'IDEMPOTENCY_KEY_REUSED')).toBe(VI.keyReused);
    await expectCycleStillMoves(first.id);
    await expectCycleStillMoves(second.id);
  });
});

// ── 13. a host's reschedules are bounded and told to the committee ───────────────────────────────────

describe('13. a host reschedules a bounded number of times, and the committee is told of each', () => {
  it('10 host reschedules each tell the committee (RESCHEDULED_BY_HOST); the 11th, by host or committee, is 409 TOO_MANY_CHANGES (vi and en)', async () => {
    const { id, host } = await launch('Đợt chi bộ điểm đổi lịch nhiều lần');
    const hostAuth = bearer((host as Cell).secretary.token);
    let meetingAt = '';
    for (let change = 1; change <= 10; change += 1) {
      meetingAt = meetingIn((30 + change) * DAY);
      expectStatus(await stack.http.post(`/api/cycles/${id}/reschedule`).set(hostAuth).send({ meetingAt, reason: `Chi bộ đổi lịch lần ${change}` }), 200);
      expect((await cycleOf(id)).meetingAt).toBe(meetingAt);
      expect(await noticesOf(commune.staff.token, id, 'RESCHEDULED_BY_HOST')).toHaveLength(change);
    }
    const eleventh = await stack.http.post(`/api/cycles/${id}/reschedule`).set(hostAuth).send({ meetingAt: meetingIn(50 * DAY), reason: 'Lần 11' });
    expect(errorOf(eleventh, 409, 'TOO_MANY_CHANGES')).toBe(VI.tooManyChanges(10));
    const byCommittee = await stack.http
      .post(`/api/cycles/${id}/reschedule`)
      .set(bearer(commune.staff.token))
      .set(english)
      .send({ meetingAt: meetingIn(50 * DAY), reason: 'Lần 11' });
    expect(errorOf(byCommittee, 409, 'TOO_MANY_CHANGES')).toBe(EN.tooManyChanges(10));
    const seen = await cycleOf(id);
    expect(seen.meetingAt).toBe(meetingAt);
    expect(eventsOf(seen, 'RESCHEDULED')).toHaveLength(10);
    expect(await noticesOf(commune.staff.token, id, 'RESCHEDULED_BY_HOST')).toHaveLength(10);
    await expectCycleStillMoves(id);
  });
});

// ── 2, continued: the refusal said when to try again, and it was true ────────────────────────────────

describe('2. (continued) once Retry-After has passed', () => {
  it('the secretary refused at the per-person limit acts again through the same API process', async () => {
    if (!refusedPerson) throw new Error('no one was refused at the per-person limit (see "STEP_RATE_PER_PERSON=5" above)');
    const { http, cycleId, cell, retryAt } = refusedPerson;
    await sleep(Math.max(0, retryAt - Date.now() + 500));
    const answer = { response: 'accept', delegate: 'Đồng chí Vàng A Dình, sau khi chờ' };
    expectStatus(await rsvp(cycleId, cell, answer, http), 200);
    expect(invitationOf(await cycleOf(cycleId), cell)).toMatchObject({ status: 'ACCEPTED', delegate: answer.delegate });
  });
});
