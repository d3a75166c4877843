/**
 * Authorisation matrix: every route of the app × every kind of caller → the HTTP status api.md promises.
 *
 * - The matrix is data (ENDPOINTS below, expanded into MATRIX rows); one jest test per row, named after the cell.
 * - The first test reads the app's real routes from the Express router at run time and fails when a route has
 *   no rows in the matrix (or the matrix names a route the app does not have).
 * - A step that changes a cycle runs against a fresh cycle arranged, through the API, in the stage where the step
 *   is legitimately possible; the callers who must be refused go first and the allowed callers last, so a refusal
 *   is never an artefact of the stage (409) and the allowed caller really gets its 2xx: the refused callers' cycle
 *   still moves. Where one allowed caller's step ends the stage for the next (cancel), the first allowed caller
 *   acts on that cycle and each further one on a fresh cycle of its own, arranged the same way. Bodies are valid,
 *   so a 400 never hides the answer.
 * - A route may have more than one set of rows (a variant): the same GET of a cycle still in HOST_SELECTION, which
 *   only the committee (and the admin) may know of, since its invitations have not gone out (issue 10).
 * - Where the refusal's reason matters (several refusals share a status), a row also names its stable `code`.
 * - Each open cycle has its own host cell (a cell never hosts two open cycles: HOST_BUSY), made for it through the
 *   API; the caller kind "host" is the secretary of the arranged cycle's host cell.
 * - Beyond the status: a 2xx answer to a caller of another committee must not contain this committee's ids (and
 *   an uninvited secretary's or guest's must not contain the ids of cycles it has no place in), no answer carries a
 *   password or a password hash, and every 404 must be indistinguishable from the answer for ids that do not exist
 *   (existence is not leaked).
 * - The organisation endpoints (issue 12: people, cells, committees, the import, score sheets, the audit trail) need no
 *   cycle; a row that changes state acts on throwaway accounts, cells or committees made for its rows through the API
 *   (`targets`), the refused callers first, then the allowed ones (each further one on fresh targets where the first
 *   one's step changed them for good).
 *
 * Where api.md leaves a cell open, the matrix follows the implementation's documented rule (see the comments on
 * the rows): the AuthGuard answers 403 for a role an endpoint does not list before anything looks at the
 * resource, so e.g. a secretary of another committee gets 403 (not 404) on committee-only endpoints: that answer
 * is the same for every id, so it leaks nothing.
 *
 * Upper-level guests (role 'guest', notes on ruleset 2): least privilege. A guest may GET the cycles it is invited
 * to (list and detail, once the host is picked) and POST a critique there during CRITIQUE; /api/me, /api/me/tasks,
 * /api/me/notifications, /api/rubrics and POST /api/auth/password (its own password) work for any signed-in user.
 * Everything else is 403 by role, or 404 for a cycle it is not invited to.
 *
 * Upper levels (issue 18, role 'overseer'): an account of a district or province reads the figures of the communes under
 * it (the dashboard, a cell's record, its area's overview) and acts on nothing. Its own account, tasks, notifications,
 * contacts and password work as for anyone; every other route is 403 by role, and a figure of a commune not under it
 * 404, as for ids that exist nowhere.
 *
 * Ruleset 3 (issue 10): a cell is recorded as attending only if it accepted its invitation, and a cell that accepted
 * but was left out of the record may say it attended (POST /api/cycles/:id/attendance) while the critique window is
 * open, which then stays open for it. So the arranged cycles record the "attending" cell, which accepted, and the
 * "invitedAbsent" cell declines, except for the attendance rows, where it accepted and was left out.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type supertest from 'supertest';
import {
  fileReport,
  launchCycle,
  postPlan,
  recordMeeting,
  review,
  rsvp,
  submitCritique,
  waitForMeetingTime,
} from '../scripts/lib/cycle-driver.mjs';
import {
  acceptInvitationBody,
  acceptReviewBody,
  cancelBody,
  critiqueBody,
  declineInvitationBody,
  launchBody,
  meetingBody,
  reportBody,
  type CritiquePoint,
} from '../scripts/lib/step-bodies.mjs';
import { login, startApiStack, type ApiStack } from './support/api-stack.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCommune } from './support/commune-api.fixture.js';
import { supertestHttp } from './support/cycle-http.js';

// ── the caller kinds ─────────────────────────────────────────────────────────────────────────────────

const CALLERS = [
  'anonymous', // no token
  'admin', // the installation's admin (admin / admin, created at first start)
  'staff', // committee staff of THIS cycle's committee
  'otherStaff', // committee staff of another committee
  'host', // secretary of the host cell
  'attending', // secretary of an invited cell that is in the meeting's attendingCellIds
  'invitedAbsent', // secretary of an invited cell that is NOT in attendingCellIds (it declined; for the attendance rows it accepted)
  'uninvited', // secretary of a cell of the same committee, neither host nor invited
  'otherSecretary', // secretary of a cell of another committee
  'guest', // upper-level guest account of this committee, invited to the cycle (at launch: guestIds)
  'uninvitedGuest', // upper-level guest account of this committee, not invited to this cycle (nor to any other)
  'overseer', // upper level's account (issue 18) of the province this committee is under, through one of its districts
  'otherOverseer', // upper level's account of another province: this committee is not under it
] as const;
type Caller = (typeof CALLERS)[number];

/** Expected statuses in the order of CALLERS. */
type Statuses = readonly [number, number, number, number, number, number, number, number, number, number, number, number, number];

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/** The stage a fresh cycle is brought to before an endpoint's rows run. */
type Stage = 'HOST_SELECTION' | 'PREPARATION' | 'MEETING_DUE' | 'CRITIQUE' | 'REPORTING' | 'REVIEW' | 'CLOSED' | 'CANCELLED';

interface Arranged {
  cycleId: string | null;
  /** The arranged cycle's own host cell (launched with it, or picked in HOST_SELECTION), with its secretary. */
  host: HomeCell | null;
  /** Ids of the weakness and suggestion points of the arranged cycle's critique (the report must answer them). */
  pointIds: string[];
  /** Ids of the arranged cycle's action items (from the host's report). */
  actionItemIds: string[];
  /** What an organisation row acts on (issue 12), made for it through the API. */
  targets: Targets;
}

/** Throwaway accounts, cells and committees made for an organisation endpoint's rows: `:userId` and `:cellId` name them. */
interface Targets {
  userId?: string;
  /** The account's username (to sign in with after a password reset). */
  username?: string;
  cellId?: string;
  /** Committees of the admin's own making, neither the home nor the other commune (merged; where a cell moves to). */
  committeeIds?: string[];
}

/** A multipart upload (the import): the form field and the file, sent instead of a JSON body. */
interface Upload {
  field: string;
  file: Buffer;
  name: string;
}

interface ArrangeOptions {
  /** The "invitedAbsent" cell accepts its invitation (and is still left out of the meeting's record); else it declines. */
  invitedAbsentAccepts?: boolean;
}

/** An account a caller kind acts with: its credentials and its current token. */
interface Account {
  userId: string | null;
  username: string;
  password: string;
  token: string | null;
}

interface EndpointSpec {
  method: Method;
  /** The route exactly as the Express router holds it. */
  route: string;
  /** Names a further set of rows for a route that has one already (e.g. the same GET on a cycle in another stage). */
  variant?: string;
  statuses: Statuses;
  /** The stable error code a refused caller must get, where the status alone does not say which refusal it is. */
  codes?: Partial<Record<Caller, string>>;
  /** Arrange a fresh cycle in this stage; its id fills `:id`. */
  stage?: Stage;
  arrangeWith?: ArrangeOptions;
  /**
   * One allowed caller's step ends the stage for the next (cancel): the first allowed caller acts on the cycle the
   * refused callers were tried on (so it still moves), each further allowed caller on a fresh cycle arranged the same way.
   */
  freshCycleForEachFurtherAllowedCaller?: boolean;
  /** Organisation rows (issue 12): make the throwaway targets the rows act on (fills `:userId`, `:cellId`). */
  targets?: () => Promise<Targets>;
  /**
   * The allowed caller's step changes its target for good (deactivate, reset a password, move, merge): the first
   * allowed caller acts on the targets the refused callers were tried on, each further one on fresh targets.
   */
  freshTargetsForEachFurtherAllowedCaller?: boolean;
  /** The file a caller sends (multipart) in place of a JSON body. */
  upload?: () => Upload;
  /** Headers every caller sends besides its token (e.g. an If-None-Match with someone else's ETag). */
  headers?: (arranged: Arranged) => Promise<Record<string, string>>;
  /** Login carries no token: the caller kind only decides whose credentials are sent. */
  withoutToken?: boolean;
  /** The account a caller kind acts with, when not its usual one (default: the token tokenOf gives). */
  account?: (arranged: Arranged, caller: Caller) => Account;
  path?: (arranged: Arranged, caller: Caller) => string;
  body?: (arranged: Arranged, caller: Caller) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** The order in which the allowed callers act (default: the order of CALLERS), when one's step ends the stage. */
  allowedOrder?: readonly Caller[];
  /** Callers whose 2xx answer must show the arranged cycle (the control of a cycle hidden from others). */
  cycleShownTo?: readonly Caller[];
  /** Checks of a 2xx answer beyond the status (and what it changes for the rows that follow). */
  afterSuccess?: (context: {
    caller: Caller;
    account: Account;
    arranged: Arranged;
    body: Record<string, unknown> | undefined;
    response: supertest.Response;
  }) => Promise<void>;
}

interface MatrixRow {
  endpoint: EndpointSpec;
  method: Method;
  route: string;
  caller: Caller;
  expected: number;
}

// ── the commune the matrix runs against ─────────────────────────────────────────────────────────────

type HomeCell = ApiCommune['cells'][number];

let stack: ApiStack;
let home: ApiCommune; // cells: base host, attending, invitedAbsent, uninvited, spare; each arranged cycle adds its own host
let other: ApiCommune;
let people: Record<Caller, Account>;
/** The upper levels (issue 18): the province the home committee is under (through `homeDistrictId`), and another. */
let homeProvinceId: string;
let homeDistrictId: string;
let otherProvinceId: string;
/** A guest account of the home committee that only POST /api/cycles/:id/guests invites (never a caller). */
let spareGuestId: string;
/**
 * An admin account of this suite's own: the caller kind "admin" changes its password with it, since the suites share
 * one database and the installation's admin/admin must stay as it is for them (the new password policy would not
 * even let it be set back).
 */
let ownAdmin: Account;
/** Every password this suite has set: no answer may carry one. */
const passwordsSet = new Set<string>([TEST_PASSWORD]);
/** Every cycle of the home committee this suite created: none may show up for callers who have no place in it. */
const homeCycleIds = new Set<string>();
/** The home cycles the caller kind "guest" is invited to (every arranged cycle; not those POST /api/cycles launches). */
const guestCycleIds = new Set<string>();
/** Home cycles still in HOST_SELECTION: their invitations have not gone out, so no invitee may be shown them (issue 10). */
const unpickedCycleIds = new Set<string>();
/** Every cell and user of the home committee, including those made along the way: another committee never sees them. */
const homeCellIds = new Set<string>();
const homeUserIds = new Set<string>();

const DAY = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const cell = {
  host: () => home.cells[0],
  attending: () => home.cells[1],
  invitedAbsent: () => home.cells[2],
  uninvited: () => home.cells[3],
  spare: () => home.cells[4],
};

const suffix = () => randomUUID().slice(0, 8);
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A new cell of the home committee (staff create it), to host one cycle: a cell never hosts two open cycles. */
async function newCell(): Promise<{ id: string; name: string }> {
  const created = await stack.http
    .post(`/api/committees/${home.committeeId}/cells`)
    .set(auth(home.staff.token))
    .send({ name: `Chi bộ điểm ${suffix()}`, memberCount: 21 });
  if (created.status !== 201) throw new Error(`arranging: new cell → ${created.status} ${JSON.stringify(created.body)}`);
  homeCellIds.add(created.body.id as string);
  return { id: created.body.id as string, name: created.body.name as string };
}

/** A new host cell with its secretary signed in. */
async function newHostCell(): Promise<HomeCell> {
  const created = await newCell();
  const secretary = await createUser(home.staff.token, { role: 'secretary', fullName: 'Bí thư chi bộ điểm', cellId: created.id });
  return { ...created, secretary: { userId: secretary.userId, username: secretary.username, token: await login(stack, secretary.username, TEST_PASSWORD) } };
}

async function createUser(token: string, fields: Record<string, unknown>): Promise<{ userId: string; username: string }> {
  const username = `matran.${String(fields.role)}.${suffix()}`;
  const created = await stack.http
    .post('/api/users')
    .set(auth(token))
    .send({ username, password: TEST_PASSWORD, ...fields });
  if (created.status !== 201) throw new Error(`arranging: new ${String(fields.role)} → ${created.status} ${JSON.stringify(created.body)}`);
  homeUserIds.add(created.body.id as string);
  return { userId: created.body.id as string, username };
}

/** A throwaway guest account of the home committee (staff make it), for a row that edits, deactivates or resets an account. */
async function newGuest(options: { deactivated?: boolean } = {}): Promise<Targets> {
  const guest = await createUser(home.staff.token, { role: 'guest', fullName: 'Đại biểu Ủy ban Kiểm tra Huyện ủy', committeeId: home.committeeId });
  if (options.deactivated) await must('POST', `/api/users/${guest.userId}/deactivate`, home.staff.token, 200, { reason: 'Đồng chí đã nghỉ hưu' });
  return { userId: guest.userId, username: guest.username };
}

/** A throwaway cell of the home committee with its own secretary (whom a new secretary replaces). */
async function newCellWithSecretary(): Promise<Targets> {
  const created = await newCell();
  const secretary = await createUser(home.staff.token, { role: 'secretary', fullName: 'Bí thư chi bộ sắp thay', cellId: created.id });
  return { cellId: created.id, userId: secretary.userId, username: secretary.username };
}

/** A throwaway committee the admin makes (merged, or where a cell moves to): neither the home nor the other commune. */
async function newCommittee(): Promise<string> {
  const created = await must('POST', '/api/committees', people.admin.token!, 201, { name: `Đảng ủy xã tạm ${suffix()}` });
  return created.body.id as string;
}

/** The commune office's spreadsheet as CSV (with a byte-order mark): one new cell and its secretary. */
function importCsv(): Buffer {
  const rows = [
    ['Đảng bộ', 'Chi bộ', 'Số đảng viên', 'Bí thư', 'Tên đăng nhập'],
    ['', `Chi bộ thôn Sả Hồ ${suffix()}`, 26, 'Đồng chí Vàng Seo Chử', `bithu.saho.${suffix()}`],
  ];
  const lines = rows.map((row) => row.map((value) => `"${String(value).replace(/"/g, '""')}"`).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The words of every launch here (step-bodies' EARLY_START_TOLERANCE: the meeting is recorded seconds after meetingAt, having started 100 minutes earlier). */
const LAUNCH_WORDS = {
  title: 'Sinh hoạt chi bộ điểm — ma trận phân quyền',
  // Long enough that the refused callers of a CRITIQUE endpoint never outlast the window on a loaded machine.
  critiqueWindow: 'PT10M',
  reportWindow: 'PT10M',
};

function launchRequest(options: { hostCellId: string | null; meetingAt: string; guests: boolean }): Record<string, unknown> {
  return {
    ...launchBody({
      ...LAUNCH_WORDS,
      committeeId: home.committeeId,
      ...(options.hostCellId ? { hostCellId: options.hostCellId } : {}),
      invitedCellIds: [cell.attending().id, cell.invitedAbsent().id],
      ...(options.guests ? { guestIds: [people.guest.userId!] } : {}),
      meetingAt: options.meetingAt,
    }),
  };
}

const meetingRequest = () => meetingBody({ attendingCellIds: [cell.attending().id] });

/** A strength, a weakness and a suggestion: the report answers two points. */
const CRITIQUE_POINTS: CritiquePoint[] = [
  { stage: 'preparation', kind: 'strength', text: 'Tài liệu gửi trước đầy đủ' },
  { stage: 'chairing', kind: 'weakness', text: 'Phần điều hành còn dài' },
  { stage: 'minutes', kind: 'suggestion', text: 'Ghi rõ ý kiến từng đảng viên' },
];

/** A calendar day (Vietnam time) some days from now: action items are due between the meeting's day and 5 years after. */
function vietnamDay(daysAhead: number): string {
  return new Date(Date.now() + VIETNAM_OFFSET_MS + daysAhead * DAY).toISOString().slice(0, 10);
}

/** Two action items: a closed cycle has two to tick off. */
const reportRequest = (pointIds: string[]) =>
  reportBody({
    pointIds,
    actionItems: [
      { title: 'Hoàn thiện mẫu biên bản', owner: 'Đồng chí Bí thư', dueDate: vietnamDay(30) },
      { title: 'Gửi tài liệu trước 1 ngày', owner: 'Đồng chí Phó Bí thư', dueDate: vietnamDay(45) },
    ],
  });

// ── the matrix ───────────────────────────────────────────────────────────────────────────────────────
//   anonymous admin staff otherStaff host attending invitedAbsent uninvited otherSecretary guest uninvitedGuest overseer otherOverseer

/** A page without a session: every caller kind is sent to the login page (a bearer token opens no page). */
const TO_THE_LOGIN_PAGE: Statuses = [303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303];

const ENDPOINTS: EndpointSpec[] = [
  { method: 'GET', route: '/api/health', statuses: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  // The providers' delivery reports (notifications.md), public; neither provider is configured here, so both
  // addresses are 404 for every caller (test/phone-channels.e2e.ts has them configured).
  { method: 'POST', route: '/api/webhooks/zalo', statuses: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404] },
  {
    method: 'GET',
    route: '/api/webhooks/sms/:token',
    statuses: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
    path: () => `/api/webhooks/sms/${'0'.repeat(32)}`,
  },
  {
    // Public; each caller logs in with its own credentials and no token. "anonymous" has no account: it sends a
    // username that does not exist, which is a bad login (401). Guests have accounts and sign in like anyone.
    method: 'POST',
    route: '/api/auth/login',
    statuses: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    withoutToken: true,
    body: (_, caller) =>
      caller === 'anonymous'
        ? { username: `khong-co-${suffix()}`, password: 'sai-mat-khau-123' }
        : { username: people[caller].username, password: people[caller].password },
  },
  // The pages (issue 14) open with a session cookie only: a bearer token opens none of them, a post without the
  // form's token signs nobody in (403 NOT_VOUCHED), and a logout without a session ends nothing (back to the login).
  { method: 'GET', route: '/', statuses: TO_THE_LOGIN_PAGE },
  { method: 'GET', route: '/login', statuses: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  {
    method: 'POST',
    route: '/login',
    statuses: [403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    withoutToken: true,
    body: (_, caller) =>
      caller === 'anonymous'
        ? { username: `khong-co-${suffix()}`, password: 'sai-mat-khau-123' }
        : { username: people[caller].username, password: people[caller].password },
  },
  { method: 'POST', route: '/logout', statuses: TO_THE_LOGIN_PAGE },
  // The language switch is open to anyone: it only keeps the choice in a cookie and goes home.
  { method: 'GET', route: '/ngon-ngu', statuses: [303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303] },
  { method: 'GET', route: '/notifications', statuses: TO_THE_LOGIN_PAGE },
  { method: 'GET', route: '/dot/:id', stage: 'PREPARATION', statuses: TO_THE_LOGIN_PAGE },
  { method: 'GET', route: '/dot/:id/chuong-trinh', stage: 'PREPARATION', statuses: TO_THE_LOGIN_PAGE },
  {
    method: 'POST',
    route: '/dot/:id/chuong-trinh',
    stage: 'PREPARATION',
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ agenda: 'Khai mạc', content: 'Tài liệu' }),
  },
  { method: 'GET', route: '/dot/:id/gop-y', stage: 'PREPARATION', statuses: TO_THE_LOGIN_PAGE },
  {
    method: 'POST',
    route: '/dot/:id/gop-y',
    stage: 'PREPARATION',
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ rows: '1', stage_0: 'content', kind_0: 'strength', text_0: 'Nội dung sát thực tế' }),
  },
  { method: 'GET', route: '/dot/:id/bao-cao', stage: 'PREPARATION', statuses: TO_THE_LOGIN_PAGE },
  {
    method: 'POST',
    route: '/dot/:id/bao-cao',
    stage: 'PREPARATION',
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ lessons: 'Chuẩn bị kỹ nội dung', actions: '0' }),
  },
  { method: 'GET', route: '/dot/:id/buoi-sinh-hoat', stage: 'PREPARATION', statuses: TO_THE_LOGIN_PAGE },
  {
    method: 'POST',
    route: '/dot/:id/buoi-sinh-hoat',
    stage: 'PREPARATION',
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ day: '2026-12-11', start: '08:00', end: '10:00', present: '20', total: '21', minutes: 'Biên bản' }),
  },
  { method: 'GET', route: '/dot-moi', statuses: TO_THE_LOGIN_PAGE },
  {
    method: 'POST',
    route: '/dot-moi',
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ title: 'Đợt thử', topic: 'Chuyên đề', kind: 'regular', day: '2027-01-05', time: '08:00', location: 'Nhà văn hóa', allCells: '1' }),
  },
  { method: 'GET', route: '/dot/:id/chon-chi-bo-diem', stage: 'HOST_SELECTION', statuses: TO_THE_LOGIN_PAGE },
  {
    method: 'POST',
    route: '/dot/:id/chon-chi-bo-diem',
    stage: 'HOST_SELECTION',
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ cellId: randomUUID() }),
  },
  { method: 'GET', route: '/dot/:id/danh-gia', stage: 'PREPARATION', statuses: TO_THE_LOGIN_PAGE },
  {
    method: 'POST',
    route: '/dot/:id/danh-gia',
    stage: 'PREPARATION',
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ decision: 'accept', rating: 'TOT' }),
  },
  { method: 'GET', route: '/dot/:id/xac-nhan', stage: 'PREPARATION', statuses: TO_THE_LOGIN_PAGE },
  {
    method: 'POST',
    route: '/dot/:id/xac-nhan',
    stage: 'PREPARATION',
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ response: 'accept' }),
  },
  // After close (issue 14): a visiting cell's adoption, the host's action items ticked off or dropped.
  { method: 'GET', route: '/dot/:id/ap-dung', stage: 'PREPARATION', statuses: TO_THE_LOGIN_PAGE },
  {
    method: 'POST',
    route: '/dot/:id/ap-dung',
    stage: 'PREPARATION',
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ text: 'Vận dụng mẫu biên bản mới' }),
  },
  { method: 'GET', route: '/dot/:id/viec-can-lam', stage: 'PREPARATION', statuses: TO_THE_LOGIN_PAGE },
  {
    method: 'POST',
    route: '/dot/:id/viec-can-lam/:itemId/xong',
    stage: 'PREPARATION',
    statuses: TO_THE_LOGIN_PAGE,
    path: (arranged) => `/dot/${arranged.cycleId}/viec-can-lam/${randomUUID()}/xong`,
    body: () => ({ note: 'Đã in mẫu biên bản' }),
  },
  {
    method: 'POST',
    route: '/dot/:id/viec-can-lam/:itemId/bo',
    stage: 'PREPARATION',
    statuses: TO_THE_LOGIN_PAGE,
    path: (arranged) => `/dot/${arranged.cycleId}/viec-can-lam/${randomUUID()}/bo`,
    body: () => ({ reason: 'Không còn phù hợp' }),
  },
  { method: 'GET', route: '/dot', statuses: TO_THE_LOGIN_PAGE },
  { method: 'GET', route: '/dot/:id/doi-lich', stage: 'PREPARATION', statuses: TO_THE_LOGIN_PAGE },
  {
    method: 'POST',
    route: '/dot/:id/doi-lich',
    stage: 'PREPARATION',
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ day: '2027-01-05', time: '08:00', reason: 'Trùng lịch thu hoạch' }),
  },
  { method: 'GET', route: '/dot/:id/huy', stage: 'PREPARATION', statuses: TO_THE_LOGIN_PAGE },
  {
    method: 'POST',
    route: '/dot/:id/huy',
    stage: 'PREPARATION',
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ reason: 'Thời tiết xấu, đường bị sạt lở' }),
  },
  // A cycle's papers for the pages (issue 15): the session cookie a browser has, never a bearer token.
  { method: 'GET', route: '/dot/:id/van-ban/:file', stage: 'CLOSED', statuses: TO_THE_LOGIN_PAGE, path: (arranged) => `/dot/${arranged.cycleId}/van-ban/minutes.pdf` },
  // The pages' script holds no one's data: anyone may load it, as a browser does before any session.
  { method: 'GET', route: '/tep/bang-diem.js', statuses: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  // The organisation's pages (issue 14): the office's cells and secretaries, the admin's committees, one's own password.
  { method: 'GET', route: '/chi-bo', statuses: TO_THE_LOGIN_PAGE },
  { method: 'POST', route: '/chi-bo', statuses: TO_THE_LOGIN_PAGE, body: () => ({ name: `Chi bộ thôn ${suffix()}`, memberCount: '20' }) },
  { method: 'GET', route: '/chi-bo/:cellId', path: () => `/chi-bo/${cell.spare().id}`, statuses: TO_THE_LOGIN_PAGE },
  { method: 'POST', route: '/chi-bo/:cellId', path: () => `/chi-bo/${cell.spare().id}`, statuses: TO_THE_LOGIN_PAGE, body: () => ({ name: `Chi bộ thôn ${suffix()}`, memberCount: '21' }) },
  {
    method: 'POST',
    route: '/chi-bo/:cellId/bi-thu',
    path: () => `/chi-bo/${cell.spare().id}/bi-thu`,
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ fullName: 'Lò Văn Pằng', username: `bithu.${suffix()}`, password: freshPassword() }),
  },
  {
    method: 'POST',
    route: '/chi-bo/:cellId/mat-khau',
    path: () => `/chi-bo/${cell.spare().id}/mat-khau`,
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ userId: cell.spare().secretary.userId, newPassword: freshPassword() }),
  },
  {
    method: 'POST',
    route: '/chi-bo/:cellId/giai-the',
    path: () => `/chi-bo/${cell.spare().id}/giai-the`,
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ reason: 'Sáp nhập thôn' }),
  },
  { method: 'GET', route: '/quan-tri', statuses: TO_THE_LOGIN_PAGE },
  { method: 'POST', route: '/quan-tri', statuses: TO_THE_LOGIN_PAGE, body: () => ({ name: `Đảng ủy xã ${suffix()}` }) },
  { method: 'GET', route: '/quan-tri/:committeeId', statuses: TO_THE_LOGIN_PAGE },
  { method: 'POST', route: '/quan-tri/:committeeId', statuses: TO_THE_LOGIN_PAGE, body: () => ({ name: `Đảng ủy xã ${suffix()}` }) },
  {
    method: 'POST',
    route: '/quan-tri/:committeeId/can-bo',
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ fullName: 'Hoàng Thị Mai', username: `vanphong.${suffix()}`, password: freshPassword() }),
  },
  {
    method: 'POST',
    route: '/quan-tri/:committeeId/tai-khoan/:userId/ngung',
    path: () => `/quan-tri/${home.committeeId}/tai-khoan/${home.staff.userId}/ngung`,
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ reason: 'Chuyển công tác' }),
  },
  {
    method: 'POST',
    route: '/quan-tri/:committeeId/tai-khoan/:userId/mo-lai',
    path: () => `/quan-tri/${home.committeeId}/tai-khoan/${home.staff.userId}/mo-lai`,
    statuses: TO_THE_LOGIN_PAGE,
  },
  { method: 'GET', route: '/doi-mat-khau', statuses: TO_THE_LOGIN_PAGE },
  {
    method: 'POST',
    route: '/doi-mat-khau',
    statuses: TO_THE_LOGIN_PAGE,
    body: (_, caller) => ({ currentPassword: people[caller].password, newPassword: freshPassword(), repeatPassword: 'mat-khau-khac-han-2026' }),
  },
  {
    // Issue 10: any signed-in person changes its own password, proving the current one; anonymous: 401. The caller kind
    // "admin" acts with an admin account of this suite's own (ownAdmin). The answer is a new token and the caller's own
    // user; the old password no longer signs in, the new one does, and the rows that follow use the new token.
    method: 'POST',
    route: '/api/auth/password',
    statuses: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    codes: { anonymous: 'NOT_AUTHENTICATED' },
    account: (_, caller) => ownAccountOf(caller),
    body: (_, caller) => ({
      currentPassword: caller === 'anonymous' ? 'mat-khau-doan-thu-2026' : ownAccountOf(caller).password,
      newPassword: freshPassword(),
    }),
    afterSuccess: async ({ account, body, response }) => {
      const newPassword = body?.newPassword as string;
      expect(response.body).toEqual({
        accessToken: expect.any(String),
        user: expect.objectContaining({ id: account.userId, username: account.username, mustChangePassword: false }),
      });
      const oldLogin = await call('POST', '/api/auth/login', null, { username: account.username, password: account.password });
      expect({ username: account.username, oldPassword: oldLogin.status }).toEqual({ username: account.username, oldPassword: 401 });
      const newLogin = await call('POST', '/api/auth/login', null, { username: account.username, password: newPassword });
      expect({ username: account.username, newPassword: newLogin.status }).toEqual({ username: account.username, newPassword: 200 });
      account.password = newPassword;
      account.token = response.body.accessToken as string;
    },
  },
  // Guests: the committees and their cells are not theirs to browse (least privilege) → role 403.
  { method: 'GET', route: '/api/committees', statuses: [401, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403, 403] },
  {
    method: 'POST',
    route: '/api/committees',
    statuses: [401, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    body: () => ({ name: `Đảng ủy xã thử nghiệm ${suffix()}` }),
  },
  {
    method: 'GET',
    route: '/api/committees/:committeeId/cells',
    statuses: [401, 200, 200, 404, 200, 200, 200, 200, 404, 403, 403, 403, 403],
  },
  {
    // otherSecretary: 403 — secretaries may not add cells anywhere; the AuthGuard answers before the committee is looked up.
    method: 'POST',
    route: '/api/committees/:committeeId/cells',
    statuses: [401, 201, 201, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    body: () => ({ name: `Chi bộ thôn mới ${suffix()}`, memberCount: 17 }),
  },
  {
    // A secretary account for a cell of this committee. otherStaff names this committee → 404; secretaries and guests: role 403.
    method: 'POST',
    route: '/api/users',
    statuses: [401, 201, 201, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    body: () => ({
      username: `bithu.matran.${suffix()}`,
      password: TEST_PASSWORD,
      fullName: 'Bí thư mới',
      role: 'secretary',
      committeeId: home.committeeId,
      cellId: cell.spare().id,
    }),
  },
  { method: 'GET', route: '/api/me', statuses: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'GET', route: '/api/me/tasks', statuses: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'GET', route: '/api/me/notifications', statuses: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'GET', route: '/api/rubrics', statuses: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403] },
  {
    // Each launch names a host cell of its own (HOST_BUSY otherwise) and no guest: the guest's lists must not show these cycles.
    method: 'POST',
    route: '/api/cycles',
    statuses: [401, 201, 201, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    body: async () => launchRequest({ hostCellId: (await newCell()).id, meetingAt: new Date(Date.now() + 30 * DAY).toISOString(), guests: false }),
  },
  {
    // A list answers 200 with only what the caller may see (checked: no foreign ids in the body; a guest sees only the
    // cycles it is invited to, so not those POST /api/cycles launched just before).
    method: 'GET',
    route: '/api/cycles',
    statuses: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403],
    stage: 'REPORTING',
    path: () => `/api/cycles?committeeId=${home.committeeId}`,
  },
  {
    // uninvited: 403 (cycle-reads access(): a secretary of this committee whose cell is neither host nor invited).
    // uninvitedGuest: 404 — a guest sees only the cycles it is invited to.
    method: 'GET',
    route: '/api/cycles/:id',
    statuses: [401, 200, 200, 404, 200, 200, 200, 403, 404, 200, 404, 403, 403],
    stage: 'REPORTING',
  },
  {
    // Issue 17: each caller sends the committee staff's ETag of the cycle. Only the staff holds that copy (304); the
    // admin, the host and the visitors are answered their own view (an ETag names one viewer's view), and every
    // refusal is what it is without the header: no 304 ever tells someone outside the cycle that it exists.
    method: 'GET',
    route: '/api/cycles/:id',
    variant: "with the committee staff's ETag in If-None-Match",
    statuses: [401, 200, 304, 404, 200, 200, 200, 403, 404, 200, 404, 403, 403],
    stage: 'REPORTING',
    headers: async (arranged) => {
      const seen = await must('GET', `/api/cycles/${arranged.cycleId}`, home.staff.token, 200);
      return { 'If-None-Match': seen.headers.etag };
    },
  },
  {
    // Issue 10: until the host is picked the invitations have not gone out, so to every secretary (invited or not,
    // the cell that will be picked included) and to the invited guest the cycle does not exist yet: 404, exactly as
    // for an id that does not exist; the committee and the admin see it.
    method: 'GET',
    route: '/api/cycles/:id',
    variant: 'a cycle still in HOST_SELECTION',
    statuses: [401, 200, 200, 404, 404, 404, 404, 404, 404, 404, 404, 403, 403],
    codes: { host: 'NOT_FOUND', attending: 'NOT_FOUND', invitedAbsent: 'NOT_FOUND', uninvited: 'NOT_FOUND', guest: 'NOT_FOUND' },
    stage: 'HOST_SELECTION',
  },
  {
    // ...nor is it in their lists (secretsFor: unpickedCycleIds); the committee's and the admin's show it (the control).
    method: 'GET',
    route: '/api/cycles',
    variant: 'a cycle still in HOST_SELECTION',
    statuses: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403],
    stage: 'HOST_SELECTION',
    path: () => `/api/cycles?committeeId=${home.committeeId}`,
    cycleShownTo: ['admin', 'staff'],
  },
  {
    // A cycle's papers (issue 15): whoever may see the cycle's view, as GET /api/cycles/:id answers.
    method: 'GET',
    route: '/api/cycles/:id/documents',
    statuses: [401, 200, 200, 404, 200, 200, 200, 403, 404, 200, 404, 403, 403],
    stage: 'CLOSED',
  },
  {
    method: 'GET',
    route: '/api/cycles/:id/documents/:file',
    statuses: [401, 200, 200, 404, 200, 200, 200, 403, 404, 200, 404, 403, 403],
    stage: 'CLOSED',
    path: (arranged) => `/api/cycles/${arranged.cycleId}/documents/minutes.pdf`,
  },
  {
    // An invitation is the office's and the invited cell's own: the host, the other invited cell and the guest see
    // the cycle but get 404, as for a cell that was never invited.
    method: 'GET',
    route: '/api/cycles/:id/documents/:file',
    variant: "the attending cell's invitation",
    statuses: [401, 200, 200, 404, 404, 200, 404, 403, 404, 404, 404, 403, 403],
    codes: { host: 'NOT_FOUND', invitedAbsent: 'NOT_FOUND', guest: 'NOT_FOUND' },
    stage: 'CLOSED',
    path: (arranged) => `/api/cycles/${arranged.cycleId}/documents/invitation-${cell.attending().id}.docx`,
  },
  {
    // "(committee)" in api.md: admin, every secretary and every guest get the AuthGuard's 403.
    method: 'GET',
    route: '/api/cycles/:id/host-candidates',
    statuses: [401, 403, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    stage: 'REPORTING',
  },
  {
    // "host" is the secretary of the cell being picked; not yet host, and a secretary anyway: 403.
    method: 'POST',
    route: '/api/cycles/:id/host',
    statuses: [401, 403, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    stage: 'HOST_SELECTION',
    body: (arranged) => ({ cellId: hostOf(arranged).id }),
    afterSuccess: async ({ arranged, response }) => {
      expect(response.body).toMatchObject({ status: 'PREPARATION', hostCellId: hostOf(arranged).id });
      unpickedCycleIds.delete(arranged.cycleId as string);
    },
  },
  {
    // The committee invites upper-level guests (notes, ruleset 2): admin, secretaries and guests get the AuthGuard's 403.
    method: 'POST',
    route: '/api/cycles/:id/guests',
    statuses: [401, 403, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    stage: 'PREPARATION',
    body: () => ({ guestIds: [spareGuestId] }),
  },
  {
    // otherStaff: 403 — no committee role may post a plan; the AuthGuard answers before the cycle is looked up.
    method: 'POST',
    route: '/api/cycles/:id/plan',
    statuses: [401, 403, 403, 403, 200, 403, 403, 403, 404, 403, 403, 403, 403],
    stage: 'PREPARATION',
    body: () => ({ agenda: ['Khai mạc', 'Đánh giá kết quả tháng', 'Sinh hoạt chuyên đề'], content: 'Chuyên đề về phát triển đảng viên' }),
  },
  {
    // A secretary answers for its own cell (host: its cell is not invited → 403); others name the attending cell.
    method: 'POST',
    route: '/api/cycles/:id/invitations/:cellId/rsvp',
    statuses: [401, 403, 403, 403, 403, 200, 200, 403, 404, 403, 403, 403, 403],
    stage: 'PREPARATION',
    path: (arranged, caller) => `/api/cycles/${arranged.cycleId}/invitations/${ownCellOr(caller, arranged, cell.attending().id)}/rsvp`,
    body: () => ({ response: 'accept', delegate: 'Đồng chí Thào Seo Lềnh' }),
  },
  {
    // "committee, or host secretary": admin is not listed (AuthGuard 403); visiting secretaries 403 from the workflow.
    method: 'POST',
    route: '/api/cycles/:id/reschedule',
    statuses: [401, 403, 200, 404, 200, 403, 403, 403, 404, 403, 403, 403, 403],
    stage: 'PREPARATION',
    body: () => ({ meetingAt: new Date(Date.now() + 20 * DAY).toISOString(), reason: 'Trùng lịch thu hoạch' }),
  },
  {
    method: 'POST',
    route: '/api/cycles/:id/meeting',
    statuses: [401, 403, 403, 403, 200, 403, 403, 403, 404, 403, 403, 403, 403],
    stage: 'MEETING_DUE',
    body: () => ({ ...meetingRequest() }),
  },
  {
    // Ruleset 3 (issue 10): only the secretary of an invited cell that accepted and that the meeting's record left out
    // ("invitedAbsent", here accepted) says it attended, during the critique window. The attending cell is recorded
    // already (409 ALREADY_DONE, not a stage artefact); the host's cell is not invited (NOT_INVITED from the workflow);
    // the uninvited secretary is refused by the cycle's access check; committee, admin and guests: role 403.
    method: 'POST',
    route: '/api/cycles/:id/attendance',
    statuses: [401, 403, 403, 403, 403, 409, 200, 403, 404, 403, 403, 403, 403],
    codes: {
      anonymous: 'NOT_AUTHENTICATED',
      admin: 'ROLE_NOT_ALLOWED',
      staff: 'ROLE_NOT_ALLOWED',
      otherStaff: 'ROLE_NOT_ALLOWED',
      host: 'NOT_INVITED',
      attending: 'ALREADY_DONE',
      uninvited: 'NOT_INVITED',
      otherSecretary: 'NOT_FOUND',
      guest: 'ROLE_NOT_ALLOWED',
      uninvitedGuest: 'ROLE_NOT_ALLOWED',
    },
    stage: 'CRITIQUE',
    arrangeWith: { invitedAbsentAccepts: true },
    body: () => ({ delegate: 'Đồng chí Thào Seo Lềnh, Phó Bí thư chi bộ' }),
  },
  {
    // invitedAbsent: 403 (NOT_ATTENDING); host: its own meeting is not its to critique → 403. The invited guest
    // critiques (201); a guest not invited: 404. The guest goes before the attending cell, whose critique (the last
    // attending cell's) ends CRITIQUE: guests do not hold the stage open.
    method: 'POST',
    route: '/api/cycles/:id/critiques',
    statuses: [401, 403, 403, 403, 403, 201, 403, 403, 404, 201, 404, 403, 403],
    stage: 'CRITIQUE',
    body: () => ({ ...critiqueBody({ points: CRITIQUE_POINTS }) }),
    allowedOrder: ['guest', 'attending'],
  },
  {
    method: 'POST',
    route: '/api/cycles/:id/report',
    statuses: [401, 403, 403, 403, 200, 403, 403, 403, 404, 403, 403, 403, 403],
    stage: 'REPORTING',
    body: (arranged) => ({ ...reportRequest(arranged.pointIds) }),
  },
  {
    method: 'POST',
    route: '/api/cycles/:id/review',
    statuses: [401, 403, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    stage: 'REVIEW',
    body: () => ({ decision: 'accept', rating: 'TOT', comment: 'Báo cáo đầy đủ' }),
  },
  {
    // The committee of the cycle, and (issue 10) the installation's admin, cancel it. The admin cancels the cycle the
    // refused callers were tried on; the staff a fresh one of its own (a cancelled cycle cannot be cancelled again).
    method: 'POST',
    route: '/api/cycles/:id/cancel',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    stage: 'PREPARATION',
    freshCycleForEachFurtherAllowedCaller: true,
    body: () => ({ reason: 'Thời tiết xấu, đường bị sạt lở' }),
    afterSuccess: async ({ response }) => {
      expect(response.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'Thời tiết xấu, đường bị sạt lở' });
    },
  },
  {
    // Every invited cell (attending or not) records what it will adopt; the host is no visitor (403); guests: role 403.
    method: 'POST',
    route: '/api/cycles/:id/adoption',
    statuses: [401, 403, 403, 403, 403, 200, 200, 403, 404, 403, 403, 403, 403],
    stage: 'CLOSED',
    body: () => ({ text: 'Vận dụng mẫu biên bản mới, gửi tài liệu trước 1 ngày' }),
  },
  {
    // The host and the committee tick off the host's action items; ticking twice is still 200.
    method: 'POST',
    route: '/api/cycles/:id/action-items/:itemId/done',
    statuses: [401, 403, 200, 404, 200, 403, 403, 403, 404, 403, 403, 403, 403],
    stage: 'CLOSED',
    path: (arranged) => `/api/cycles/${arranged.cycleId}/action-items/${arranged.actionItemIds[0]}/done`,
  },
  {
    // The committee or the host secretary drops an open action item of a CLOSED or CANCELLED cycle (here: cancelled in
    // REVIEW, after the report named its items); each drops a different item, so both really drop one.
    // admin: not "committee" (403, as for done); guests: role 403.
    method: 'POST',
    route: '/api/cycles/:id/action-items/:itemId/drop',
    statuses: [401, 403, 200, 404, 200, 403, 403, 403, 404, 403, 403, 403, 403],
    stage: 'CANCELLED',
    path: (arranged, caller) => `/api/cycles/${arranged.cycleId}/action-items/${arranged.actionItemIds[caller === 'host' ? 1 : 0]}/drop`,
    body: () => ({ reason: 'Đợt sinh hoạt đã hủy; nội dung chuyển sang kế hoạch quý sau' }),
  },
  // ── the organisation (issue 12) ── OFFICE_ROLES: the admin for every committee, committee staff for their own.
  // Another committee's staff naming this committee, its cells or its people get 404, exactly as for ids that do not
  // exist (maySeeCommittee, accountRefusal); secretaries and guests are no office: the AuthGuard's 403 before anything is
  // looked up (otherSecretary too, as above). A route for the admin alone is 403 for every other role, this committee's
  // staff included. Rows that change state act on throwaway accounts, cells or committees made for them (`targets`).
  {
    method: 'GET',
    route: '/api/committees/:committeeId/users',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    afterSuccess: async ({ response }) => {
      const users = response.body as { committeeId: string | null }[];
      expect(users.length).toBeGreaterThan(0);
      expect(users.filter((user) => user.committeeId !== home.committeeId)).toEqual([]);
    },
  },
  {
    // A guest account of this committee made for the rows: the staff manage their committee's secretaries and guests.
    method: 'PATCH',
    route: '/api/users/:userId',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    targets: () => newGuest(),
    body: () => ({ fullName: `Đại biểu Ủy ban Kiểm tra ${suffix()}` }),
    afterSuccess: async ({ arranged, body, response }) => {
      expect(response.body).toMatchObject({ id: arranged.targets.userId, fullName: body?.fullName, role: 'guest', active: true });
    },
  },
  {
    method: 'POST',
    route: '/api/users/:userId/deactivate',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    targets: () => newGuest(),
    freshTargetsForEachFurtherAllowedCaller: true,
    body: () => ({ reason: 'Đồng chí đã chuyển công tác' }),
    afterSuccess: async ({ arranged, response }) => {
      expect(response.body).toMatchObject({ id: arranged.targets.userId, active: false });
    },
  },
  {
    // A guest account deactivated for the rows.
    method: 'POST',
    route: '/api/users/:userId/reactivate',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    targets: () => newGuest({ deactivated: true }),
    freshTargetsForEachFurtherAllowedCaller: true,
    afterSuccess: async ({ arranged, response }) => {
      expect(response.body).toMatchObject({ id: arranged.targets.userId, active: true });
    },
  },
  {
    // A temporary password: the account signs in with it and must change it; the answer never carries it.
    method: 'POST',
    route: '/api/users/:userId/password-reset',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    targets: () => newGuest(),
    freshTargetsForEachFurtherAllowedCaller: true,
    body: () => ({ newPassword: freshPassword() }),
    afterSuccess: async ({ arranged, body, response }) => {
      expect(response.body).toMatchObject({ id: arranged.targets.userId, mustChangePassword: true });
      const signedIn = await call('POST', '/api/auth/login', null, { username: arranged.targets.username, password: body?.newPassword });
      expect({ username: arranged.targets.username, status: signedIn.status, mustChangePassword: signedIn.body?.user?.mustChangePassword as unknown }).toEqual({
        username: arranged.targets.username,
        status: 200,
        mustChangePassword: true,
      });
    },
  },
  {
    // A cell of this committee made for the rows, with its secretary: the new secretary replaces (deactivates) that one.
    method: 'POST',
    route: '/api/committees/:committeeId/cells/:cellId/secretary',
    statuses: [401, 201, 201, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    targets: () => newCellWithSecretary(),
    freshTargetsForEachFurtherAllowedCaller: true,
    body: () => ({ username: `bithu.moi.${suffix()}`, password: TEST_PASSWORD, fullName: 'Đồng chí Lò Thị Hoa' }),
    afterSuccess: async ({ arranged, response }) => {
      homeUserIds.add(response.body.secretary.id as string);
      expect(response.body).toMatchObject({
        secretary: { role: 'secretary', committeeId: home.committeeId, cellId: arranged.targets.cellId, active: true },
        replaced: [{ id: arranged.targets.userId, active: false }],
      });
    },
  },
  {
    // The admin's alone: this committee's own staff may not rename it either (role 403). Nothing here reads its name.
    method: 'PATCH',
    route: '/api/committees/:committeeId',
    statuses: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    body: () => ({ name: `Đảng ủy xã Na Hối ${suffix()}` }),
    afterSuccess: async ({ body, response }) => {
      expect(response.body).toMatchObject({ id: home.committeeId, name: body?.name, mergedIntoId: null });
    },
  },
  {
    // The admin's alone. Two empty committees made for the rows (the refused callers name them too): the admin merges them.
    method: 'POST',
    route: '/api/committees/merge',
    statuses: [401, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    targets: async () => ({ committeeIds: [await newCommittee(), await newCommittee()] }),
    body: (arranged) => ({ committeeIds: arranged.targets.committeeIds, name: `Đảng ủy xã hợp nhất ${suffix()}` }),
    afterSuccess: async ({ body, response }) => {
      expect(response.body).toMatchObject({ committee: { name: body?.name, mergedIntoId: null }, moved: { cells: 0, people: 0, cycles: 0, rubrics: 0 } });
    },
  },
  {
    method: 'PATCH',
    route: '/api/committees/:committeeId/cells/:cellId',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    targets: async () => ({ cellId: (await newCell()).id }),
    body: () => ({ name: `Chi bộ thôn Na Hối Tày ${suffix()}`, memberCount: 34 }),
    afterSuccess: async ({ arranged, body, response }) => {
      expect(response.body).toMatchObject({ id: arranged.targets.cellId, committeeId: home.committeeId, name: body?.name, memberCount: 34, active: true });
    },
  },
  {
    // A cell made for the rows, in no cycle: dissolved, with no open cycle to decide on.
    method: 'POST',
    route: '/api/committees/:committeeId/cells/:cellId/deactivate',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    targets: async () => ({ cellId: (await newCell()).id }),
    freshTargetsForEachFurtherAllowedCaller: true,
    body: () => ({ reason: 'Sáp nhập thôn theo nghị quyết của Hội đồng nhân dân tỉnh' }),
    afterSuccess: async ({ arranged, response }) => {
      expect(response.body).toMatchObject({ cell: { id: arranged.targets.cellId, active: false }, openCycles: [] });
    },
  },
  {
    // The admin's alone. A cell of this committee made for the rows, in no cycle, moves to a committee made for them.
    method: 'POST',
    route: '/api/committees/:committeeId/cells/:cellId/move',
    statuses: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    targets: async () => ({ cellId: (await newCell()).id, committeeIds: [await newCommittee()] }),
    body: (arranged) => ({ committeeId: arranged.targets.committeeIds?.[0] }),
    afterSuccess: async ({ arranged, response }) => {
      expect(response.body).toMatchObject({ id: arranged.targets.cellId, committeeId: arranged.targets.committeeIds?.[0] });
    },
  },
  {
    // The preview (commit=false) of a spreadsheet with one new cell and its secretary: nothing is written.
    method: 'POST',
    route: '/api/committees/:committeeId/cells/import',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    path: () => `/api/committees/${home.committeeId}/cells/import?commit=false`,
    upload: () => ({ field: 'file', file: importCsv(), name: 'danh-sach-chi-bo.csv' }),
    afterSuccess: async ({ response }) => {
      expect(response.body).toMatchObject({ committed: false, summary: { rows: 1, cellsCreated: 1, secretariesCreated: 1, errors: 0 }, temporaryPasswords: [] });
    },
  },
  {
    // A thematic sheet: the cycles launched here are regular ones (and none is launched after these rows).
    method: 'POST',
    route: '/api/committees/:committeeId/rubrics',
    statuses: [401, 201, 201, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    body: () => ({
      name: 'Phiếu chấm sinh hoạt chuyên đề — ma trận phân quyền',
      kind: 'thematic',
      pointStep: 0.5,
      criteria: [{ id: 'time', label: 'Thời gian sinh hoạt', maxPoints: 7.5 }],
    }),
    afterSuccess: async ({ response }) => {
      expect(response.body).toMatchObject({ committeeId: home.committeeId, kind: 'thematic', isTemplate: false });
    },
  },
  {
    // This committee's trail (after the rows above: deactivations, password resets…): the admin and its staff; another
    // committee's staff naming it: 404.
    method: 'GET',
    route: '/api/audit',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    path: () => `/api/audit?committeeId=${home.committeeId}`,
    afterSuccess: async ({ response }) => {
      const entries = response.body as { committeeId: string | null }[];
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.filter((entry) => entry.committeeId !== home.committeeId)).toEqual([]);
    },
  },
  {
    // Without committeeId, committee staff read their own committee's trail: the other committee's staff 200, with no id
    // of this committee in it (secretsFor).
    method: 'GET',
    route: '/api/audit',
    variant: 'without committeeId: the caller’s own trail',
    statuses: [401, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  // ── the channels (notifications.md) ── everyone their own contacts; the office its committee's channels, a cycle's
  // delivery report and the notifications that reached nobody (another committee: 404; secretaries and guests: role 403).
  { method: 'GET', route: '/api/me/contact', statuses: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  {
    // Every channel, as every account has by default: the shared admin is left as it was.
    method: 'PUT',
    route: '/api/me/contact',
    statuses: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    body: () => ({ notifyChannels: ['email', 'zalo', 'sms'] }),
  },
  {
    method: 'GET',
    route: '/api/committees/:committeeId/channels',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    afterSuccess: async ({ response }) => {
      expect(response.body).toMatchObject({ committeeId: home.committeeId, channels: expect.any(Array), configured: expect.any(Array) });
    },
  },
  {
    method: 'PUT',
    route: '/api/committees/:committeeId/channels',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    body: () => ({ channels: ['email'] }),
    afterSuccess: async ({ response }) => {
      expect(response.body).toMatchObject({ committeeId: home.committeeId, channels: ['email'] });
    },
  },
  {
    // The cycle's committee and the admin (viewDeliveries): any secretary or guest gets the AuthGuard's 403.
    method: 'GET',
    route: '/api/cycles/:id/deliveries',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    stage: 'PREPARATION',
  },
  {
    method: 'GET',
    route: '/api/committees/:committeeId/unreached',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  },
  // ── the dashboard (issue 18) ── the office of the committee, the admin and the upper level it is under (FIGURES_ROLES);
  // another committee's staff or another province's upper level naming this committee or its cell: 404, as for ids that
  // exist nowhere; secretaries and guests: the AuthGuard's 403.
  {
    method: 'GET',
    route: '/api/committees/:committeeId/dashboard',
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 200, 404],
    afterSuccess: async ({ response }) => {
      expect(response.body).toMatchObject({ committeeId: home.committeeId, stages: expect.any(Array), late: expect.any(Array) });
    },
  },
  {
    method: 'GET',
    route: '/api/committees/:committeeId/cells/:cellId/dashboard',
    path: () => `/api/committees/${home.committeeId}/cells/${cell.attending().id}/dashboard`,
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 200, 404],
    afterSuccess: async ({ response }) => {
      expect(response.body).toMatchObject({ committeeId: home.committeeId, cell: { id: cell.attending().id } });
    },
  },
  // The year report (issue 18, part 2): the same rule as the dashboard, for the figures and both files (the upper level
  // over the commune too; another province's: 404).
  {
    method: 'GET',
    route: '/api/committees/:committeeId/year-report',
    path: () => `/api/committees/${home.committeeId}/year-report?year=2026&quarter=4`,
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 200, 404],
    afterSuccess: async ({ response }) => {
      expect(response.body).toMatchObject({ committeeId: home.committeeId, year: 2026, quarter: 4, totals: expect.any(Object), cells: expect.any(Array) });
    },
  },
  {
    method: 'GET',
    route: '/api/committees/:committeeId/year-report/export.xlsx',
    path: () => `/api/committees/${home.committeeId}/year-report/export.xlsx?year=2026`,
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 200, 404],
    afterSuccess: async ({ response }) => {
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    },
  },
  {
    method: 'GET',
    route: '/api/committees/:committeeId/year-report/export.docx',
    path: () => `/api/committees/${home.committeeId}/year-report/export.docx?year=2026`,
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 200, 404],
    afterSuccess: async ({ response }) => {
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    },
  },
  {
    method: 'GET',
    route: '/api/committees/:committeeId/year-report/export.pdf',
    path: () => `/api/committees/${home.committeeId}/year-report/export.pdf?year=2026`,
    statuses: [401, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403, 200, 404],
    afterSuccess: async ({ response }) => {
      expect(response.headers['content-type']).toBe('application/pdf');
    },
  },
  // ── upper levels (issue 18) ── the admin sets up provinces and districts and places communes under them; an upper
  // level's account reads its area's overview and the figures above (a commune not under it: 404); the office, the
  // secretaries and the guests have no area (role 403).
  {
    method: 'POST',
    route: '/api/areas',
    statuses: [401, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    body: () => ({ name: `Tỉnh ủy ${suffix()}`, kind: 'province' }),
    afterSuccess: async ({ body, response }) => {
      expect(response.body).toEqual({ id: expect.any(String), name: body?.name, kind: 'province', parentId: null });
    },
  },
  {
    method: 'GET',
    route: '/api/areas',
    statuses: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200],
    afterSuccess: async ({ caller, response }) => {
      const ids = (response.body as { id: string }[]).map((area) => area.id);
      if (caller === 'overseer') expect(ids).toEqual([homeProvinceId, homeDistrictId]);
      if (caller === 'otherOverseer') expect(ids).toEqual([otherProvinceId]);
    },
  },
  {
    // The province over the home commune: its overseer and the admin; the other province's overseer: 404.
    method: 'GET',
    route: '/api/areas/:areaId/dashboard',
    statuses: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 404],
    afterSuccess: async ({ response }) => {
      expect(response.body).toMatchObject({ areaId: homeProvinceId, kind: 'province', totals: { communes: 1 } });
      expect((response.body as { communes: { committeeId: string }[] }).communes.map((commune) => commune.committeeId)).toEqual([home.committeeId]);
    },
  },
  {
    // The admin's alone: the home commune placed (again) under its district.
    method: 'PUT',
    route: '/api/committees/:committeeId/area',
    statuses: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    body: () => ({ areaId: homeDistrictId }),
    afterSuccess: async ({ response }) => {
      expect(response.body).toMatchObject({ id: home.committeeId, areaId: homeDistrictId });
    },
  },
  { method: 'GET', route: '/tong-quan-cap-tren', statuses: TO_THE_LOGIN_PAGE },
  { method: 'GET', route: '/tong-quan', statuses: TO_THE_LOGIN_PAGE },
  { method: 'GET', route: '/bao-cao', statuses: TO_THE_LOGIN_PAGE },
  { method: 'GET', route: '/bao-cao/tep.xlsx', path: () => '/bao-cao/tep.xlsx?nam=2026', statuses: TO_THE_LOGIN_PAGE },
  { method: 'GET', route: '/bao-cao/tep.docx', path: () => '/bao-cao/tep.docx?nam=2026', statuses: TO_THE_LOGIN_PAGE },
  { method: 'GET', route: '/bao-cao/tep.pdf', path: () => '/bao-cao/tep.pdf?nam=2026', statuses: TO_THE_LOGIN_PAGE },
  { method: 'GET', route: '/chi-bo/:cellId/tinh-hinh', path: () => `/chi-bo/${cell.spare().id}/tinh-hinh`, statuses: TO_THE_LOGIN_PAGE },
  { method: 'GET', route: '/lien-lac', statuses: TO_THE_LOGIN_PAGE },
  { method: 'POST', route: '/lien-lac', statuses: TO_THE_LOGIN_PAGE, body: () => ({ email: 'lovanpang@gmail.com', notifyChannels: 'email' }) },
  { method: 'GET', route: '/kenh-gui-tin', statuses: TO_THE_LOGIN_PAGE },
  { method: 'POST', route: '/kenh-gui-tin', statuses: TO_THE_LOGIN_PAGE, body: () => ({ channels: 'email' }) },
  { method: 'GET', route: '/dot/:id/gui-tin', stage: 'PREPARATION', statuses: TO_THE_LOGIN_PAGE },
  { method: 'GET', route: '/chua-nhan-tin', statuses: TO_THE_LOGIN_PAGE },
  {
    method: 'POST',
    route: '/chi-bo/:cellId/lien-lac',
    path: () => `/chi-bo/${cell.spare().id}/lien-lac`,
    statuses: TO_THE_LOGIN_PAGE,
    body: () => ({ userId: cell.spare().secretary.userId, phone: '0912 345 678' }),
  },
];

/** The Swagger UI that createApiApp mounts (SwaggerModule.setup('api/docs')): documentation, not an API endpoint. */
const DOCUMENTATION_ROUTE = /^\/api\/docs([/-]|$)/;

const MATRIX: MatrixRow[] = ENDPOINTS.flatMap((endpoint) =>
  CALLERS.map((caller, index) => ({ endpoint, method: endpoint.method, route: endpoint.route, caller, expected: endpoint.statuses[index] })),
);

const endpointKey = (method: string, route: string) => `${method} ${route}`;
/** An endpoint's set of rows: its route, and its variant when the route has more than one. */
const specKey = (endpoint: EndpointSpec) => `${endpointKey(endpoint.method, endpoint.route)}${endpoint.variant ? ` (${endpoint.variant})` : ''}`;

/** Refusals first, the allowed callers last (in `allowedOrder` when given): their step moves the cycle on. */
function executionOrder(endpoint: EndpointSpec): MatrixRow[] {
  const rows = MATRIX.filter((row) => row.endpoint === endpoint);
  const order = endpoint.allowedOrder ?? CALLERS;
  const allowed = rows.filter((row) => row.expected < 300).sort((a, b) => order.indexOf(a.caller) - order.indexOf(b.caller));
  return [...rows.filter((row) => row.expected >= 300), ...allowed];
}

/** The arranged cycle's host cell; without a cycle, the base host cell (which hosts nothing). */
function hostOf(arranged: Arranged): HomeCell {
  return arranged.host ?? cell.host();
}

function tokenOf(caller: Caller, arranged: Arranged): string | null {
  return caller === 'host' ? hostOf(arranged).secretary.token : people[caller].token;
}

/** The fixture person behind a caller kind, whose token the arranging code uses (none for anonymous, admin and guests). */
function fixtureOf(caller: Caller): { token: string } | null {
  switch (caller) {
    case 'staff':
      return home.staff;
    case 'otherStaff':
      return other.staff;
    case 'host':
      return cell.host().secretary;
    case 'attending':
      return cell.attending().secretary;
    case 'invitedAbsent':
      return cell.invitedAbsent().secretary;
    case 'uninvited':
      return cell.uninvited().secretary;
    case 'otherSecretary':
      return other.cells[0].secretary;
    default:
      return null;
  }
}

/** The account whose password a caller kind changes: its own, the admin's being this suite's own admin (ownAdmin). */
function ownAccountOf(caller: Caller): Account {
  return caller === 'admin' ? ownAdmin : people[caller];
}

/** A new password the policy takes (long, not common, not the username) and that no one has had. */
function freshPassword(): string {
  const password = `Mùa lúa chín Na Hối ${suffix()}`;
  passwordsSet.add(password);
  return password;
}

function ownCellOr(caller: Caller, arranged: Arranged, fallback: string): string {
  switch (caller) {
    case 'host':
      return hostOf(arranged).id;
    case 'attending':
      return cell.attending().id;
    case 'invitedAbsent':
      return cell.invitedAbsent().id;
    case 'uninvited':
      return cell.uninvited().id;
    case 'otherSecretary':
      return other.cells[0].id;
    default:
      return fallback;
  }
}

// ── HTTP helpers ─────────────────────────────────────────────────────────────────────────────────────

async function call(
  method: Method,
  url: string,
  token: string | null,
  body?: Record<string, unknown>,
  upload?: Upload,
  headers: Record<string, string> = {},
): Promise<supertest.Response> {
  const sending = (test: supertest.Test) => (upload ? test.attach(upload.field, upload.file, upload.name) : test.send(body ?? {}));
  const test = (method === 'GET' ? stack.http.get(url) : sending(method === 'PATCH' ? stack.http.patch(url) : method === 'PUT' ? stack.http.put(url) : stack.http.post(url))).set(headers);
  const authorised = token ? test.set('Authorization', `Bearer ${token}`) : test;
  return await authorised;
}

async function must(method: Method, url: string, token: string, status: number, body?: Record<string, unknown>): Promise<supertest.Response> {
  const response = await call(method, url, token, body);
  if (response.status !== status) {
    throw new Error(`arranging: ${method} ${url} → ${response.status} ${JSON.stringify(response.body)} (expected ${status})`);
  }
  return response;
}

/** How far along each arranged stage is; CLOSED and CANCELLED both come after REVIEW. */
const STAGE_RANK: Record<Stage, number> = {
  HOST_SELECTION: 0,
  PREPARATION: 1,
  MEETING_DUE: 2,
  CRITIQUE: 3,
  REPORTING: 4,
  REVIEW: 5,
  CLOSED: 6,
  CANCELLED: 6,
};

/**
 * A fresh cycle of the home committee, with a host cell of its own and the caller kind "guest" invited, brought
 * through the API to `stage`. CANCELLED: cancelled in REVIEW, so the report's action items exist. From MEETING_DUE
 * on the attending cell has accepted and the invitedAbsent cell declined (or accepted, with invitedAbsentAccepts);
 * the meeting records the attending cell.
 */
async function arrange(stage: Stage, options: ArrangeOptions = {}): Promise<Arranged> {
  const staff = home.staff.token;
  const hostCell = await newHostCell();
  const reached = (step: Stage) => STAGE_RANK[stage] >= STAGE_RANK[step];
  const needsMeeting = reached('MEETING_DUE');
  const cast = {
    committeeId: home.committeeId,
    staff: home.staff,
    invited: [cell.attending(), cell.invitedAbsent()],
    ...(stage === 'HOST_SELECTION' ? {} : { host: hostCell }),
  };
  const meetingAt = Date.now() + (needsMeeting ? 2500 : 30 * DAY);
  const cycle = await launchCycle(supertestHttp(stack.http), cast, { meetingAt, launch: { ...LAUNCH_WORDS, guestIds: [people.guest.userId!] } });
  const cycleId = cycle.id;
  homeCycleIds.add(cycleId);
  guestCycleIds.add(cycleId);
  if (stage === 'HOST_SELECTION') unpickedCycleIds.add(cycleId);
  const arranged: Arranged = { cycleId, host: hostCell, pointIds: [], actionItemIds: [], targets: {} };
  if (needsMeeting) {
    await rsvp(cycle, cell.attending(), acceptInvitationBody());
    // Ruleset 3: the meeting records only the attending cell, so the other invited cell declines; had it accepted it
    // would be left out, and the critique window would stay open for it to say it attended (the attendance rows).
    await rsvp(cycle, cell.invitedAbsent(), options.invitedAbsentAccepts ? acceptInvitationBody({ index: 1 }) : declineInvitationBody({ note: 'Chi bộ trùng lịch họp thôn' }));
    await postPlan(cycle);
    // The meeting can be recorded from meetingAt on: a known instant, nothing to poll.
    await waitForMeetingTime(cycle, 200);
  }
  if (reached('CRITIQUE')) {
    await recordMeeting(cycle, meetingRequest());
  }
  if (reached('REPORTING')) {
    await submitCritique(cycle, cell.attending(), critiqueBody({ points: CRITIQUE_POINTS }));
    arranged.pointIds = cycle.pointsToAnswer.map((point) => point.id);
  }
  if (reached('REVIEW')) {
    await fileReport(cycle, reportRequest(arranged.pointIds));
  }
  if (stage === 'CLOSED') {
    await review(cycle, acceptReviewBody({ rating: 'KHA' }));
  }
  if (stage === 'CANCELLED') {
    await must('POST', `/api/cycles/${cycleId}/cancel`, staff, 200, { ...cancelBody('Chi bộ điểm sáp nhập, dừng đợt sinh hoạt') });
  }
  const expectedStatus = stage === 'MEETING_DUE' ? 'SCHEDULED' : stage;
  const seen = await must('GET', `/api/cycles/${cycleId}`, staff, 200);
  if (seen.body.status !== expectedStatus) throw new Error(`arranging: cycle ${cycleId} is ${seen.body.status}, wanted ${expectedStatus}`);
  if (reached('CLOSED')) {
    arranged.actionItemIds = ((seen.body.actionItems ?? []) as { id: string }[]).map((item) => item.id);
    if (arranged.actionItemIds.length !== 2) throw new Error(`arranging: cycle ${cycleId} shows ${JSON.stringify(seen.body.actionItems)}, wanted 2 action items`);
  }
  return arranged;
}

function pathOf(endpoint: EndpointSpec, arranged: Arranged, caller: Caller): string {
  if (endpoint.path) return endpoint.path(arranged, caller);
  return endpoint.route.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'committeeId') return home.committeeId;
    if (name === 'areaId') return homeProvinceId;
    if (name === 'id' && arranged.cycleId) return arranged.cycleId;
    if (name === 'userId' && arranged.targets.userId) return arranged.targets.userId;
    if (name === 'cellId' && arranged.targets.cellId) return arranged.targets.cellId;
    throw new Error(`no value for :${name} in ${endpoint.route}`);
  });
}

/**
 * Ids a caller must never be shown: to another committee, every id of the home committee (committee, cells, users,
 * cycles); to the uninvited secretary and the uninvited guest, the home cycles; to the guest, the home cycles it is
 * not invited to; to every secretary and guest, the cycles whose host is not picked yet.
 */
function secretsFor(caller: Caller): string[] {
  if (caller === 'otherStaff' || caller === 'otherSecretary' || caller === 'otherOverseer') {
    return [home.committeeId, ...homeCellIds, ...homeUserIds, ...homeCycleIds];
  }
  if (caller === 'uninvited' || caller === 'uninvitedGuest') return [...homeCycleIds];
  if (caller === 'guest') return [...homeCycleIds].filter((cycleId) => !guestCycleIds.has(cycleId) || unpickedCycleIds.has(cycleId));
  if (caller === 'host' || caller === 'attending' || caller === 'invitedAbsent') return [...unpickedCycleIds];
  return [];
}

/** What no answer may carry: a password (any the suite set), an Argon2 hash, or a password field of any kind. */
function passwordLeaks(text: string): string[] {
  const lower = text.toLowerCase();
  return [...passwordsSet, '$argon2', 'password_hash', 'passwordhash', '"password":'].filter((secret) => lower.includes(secret.toLowerCase()));
}

/** The same request with every id of the home committee (committee, cells, cycles, people, the areas over it) replaced by an id that exists nowhere. */
function ghostOf(url: string, body: Record<string, unknown> | undefined): { url: string; body: Record<string, unknown> | undefined } {
  const ids = [home.committeeId, ...homeCellIds, ...homeCycleIds, ...homeUserIds, homeProvinceId, homeDistrictId];
  const ghosts = new Map(ids.map((id) => [id, randomUUID()]));
  const swap = (text: string) => ids.reduce((result, id) => result.replaceAll(id, ghosts.get(id) as string), text);
  return { url: swap(url), body: body === undefined ? undefined : (JSON.parse(swap(JSON.stringify(body))) as Record<string, unknown>) };
}

/** Every route the app answers, read from the Express router at run time, as "METHOD /path". */
function appRoutes(app: INestApplication): string[] {
  interface Layer {
    route?: { path: string | string[]; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
  }
  const isNotFoundCatchAll = (route: NonNullable<Layer['route']>) =>
    route.path === '*path' && Object.entries(route.methods).every(([method, enabled]) => method === '_all' || !enabled);
  // Nest's not-found handler on each page path outside the /api prefix: `app.all(path)`, which Express 5 writes as a
  // route for every method there is (the methods a page answers are routes of their own, listed before it).
  const isEveryMethod = (route: NonNullable<Layer['route']>) => ['checkout', 'mkcol', 'unsubscribe'].every((method) => route.methods[method]);
  const express = app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  const routes: string[] = [];
  const walk = (layers: Layer[], nested: boolean) => {
    for (const layer of layers) {
      if (layer.route) {
        if (!nested && isEveryMethod(layer.route)) continue;
        if (nested) {
          // Nest's not-found handler: a sub-router under the global prefix whose one route is `all('*path')`.
          if (isNotFoundCatchAll(layer.route)) continue;
          throw new Error(`a route inside a mounted sub-router (${String(layer.route.path)}): extend appRoutes() to resolve its mount path`);
        }
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          for (const [method, enabled] of Object.entries(layer.route.methods)) {
            if (enabled) routes.push(endpointKey(method === '_all' ? 'ALL' : method.toUpperCase(), path));
          }
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, true);
      }
    }
  };
  walk(express.router.stack, false);
  return [...new Set(routes)].sort();
}

// ── the suite ────────────────────────────────────────────────────────────────────────────────────────

beforeAll(async () => {
  stack = await startApiStack();
  home = await createCommuneViaApi(stack, 5);
  other = await createCommuneViaApi(stack, 1);
  for (const homeCell of home.cells) {
    homeCellIds.add(homeCell.id);
    homeUserIds.add(homeCell.secretary.userId);
  }
  homeUserIds.add(home.staff.userId);
  const adminToken = await login(stack, 'admin', 'admin');
  // Upper-level guest accounts of the home committee: made by its staff, or by the admin for it (notes, ruleset 2).
  const guest = await createUser(home.staff.token, { role: 'guest', fullName: 'Đại biểu Huyện ủy Mường Khương', committeeId: home.committeeId });
  const uninvitedGuest = await createUser(adminToken, { role: 'guest', fullName: 'Đại biểu Tỉnh ủy Lào Cai', committeeId: home.committeeId });
  spareGuestId = (await createUser(home.staff.token, { role: 'guest', fullName: 'Đại biểu Ban Tổ chức Huyện ủy', committeeId: home.committeeId }))
    .userId;
  const person = (someone: { userId: string; username: string; token: string }) => ({
    userId: someone.userId,
    username: someone.username,
    password: TEST_PASSWORD,
    token: someone.token,
  });
  const guestPerson = async (someone: { userId: string; username: string }) => person({ ...someone, token: await login(stack, someone.username, TEST_PASSWORD) });
  // The upper levels: the home commune under a district of a province; another province with nothing of home's under it.
  const newArea = async (fields: Record<string, unknown>) => (await must('POST', '/api/areas', adminToken, 201, fields)).body.id as string;
  homeProvinceId = await newArea({ name: 'Tỉnh ủy Lào Cai', kind: 'province' });
  homeDistrictId = await newArea({ name: 'Huyện ủy Mường Khương', kind: 'district', parentId: homeProvinceId });
  otherProvinceId = await newArea({ name: 'Tỉnh ủy Hà Giang', kind: 'province' });
  await must('PUT', `/api/committees/${home.committeeId}/area`, adminToken, 200, { areaId: homeDistrictId });
  const overseer = await createUser(adminToken, { role: 'overseer', fullName: 'Đồng chí Hoàng Văn Sử, Ban Tổ chức Tỉnh ủy', areaId: homeProvinceId });
  const otherOverseer = await createUser(adminToken, { role: 'overseer', fullName: 'Đồng chí Vàng Thị Mỷ, Ban Tổ chức Tỉnh ủy', areaId: otherProvinceId });
  // Neither is one of the home committee's people: the other province's account may be shown its own id.
  homeUserIds.delete(overseer.userId);
  homeUserIds.delete(otherOverseer.userId);
  people = {
    anonymous: { userId: null, username: '', password: '', token: null },
    admin: { userId: null, username: 'admin', password: 'admin', token: adminToken },
    staff: person(home.staff),
    otherStaff: person(other.staff),
    host: person(cell.host().secretary),
    attending: person(cell.attending().secretary),
    invitedAbsent: person(cell.invitedAbsent().secretary),
    uninvited: person(cell.uninvited().secretary),
    otherSecretary: person(other.cells[0].secretary),
    guest: await guestPerson(guest),
    uninvitedGuest: await guestPerson(uninvitedGuest),
    overseer: await guestPerson(overseer),
    otherOverseer: await guestPerson(otherOverseer),
  };
  const anotherAdmin = await createUser(adminToken, { role: 'admin', fullName: 'Quản trị viên thứ hai' });
  ownAdmin = { ...anotherAdmin, password: TEST_PASSWORD, token: await login(stack, anotherAdmin.username, TEST_PASSWORD) };
});

afterAll(async () => {
  await stack?.stopAll();
});

describe('authorisation matrix', () => {
  const routeCount = new Set(ENDPOINTS.map((endpoint) => endpointKey(endpoint.method, endpoint.route))).size;
  it(`has ${MATRIX.length} rows = ${ENDPOINTS.length} sets of rows (${routeCount} routes, some in two variants) × ${CALLERS.length} caller kinds, covering every route of the app`, () => {
    expect(MATRIX).toHaveLength(ENDPOINTS.length * CALLERS.length);
    // Each set of rows is named once; a route's further sets are variants.
    expect(new Set(ENDPOINTS.map(specKey)).size).toBe(ENDPOINTS.length);
    const inMatrix = [...new Set(MATRIX.map((row) => endpointKey(row.method, row.route)))].sort();
    for (const route of inMatrix) {
      expect({ route, setsWithoutVariant: ENDPOINTS.filter((endpoint) => endpointKey(endpoint.method, endpoint.route) === route && !endpoint.variant).length }).toEqual({
        route,
        setsWithoutVariant: 1,
      });
    }
    for (const endpoint of ENDPOINTS) {
      const callers = MATRIX.filter((row) => row.endpoint === endpoint).map((row) => row.caller);
      expect(callers).toEqual([...CALLERS]);
      // A code is named only for a refusal.
      for (const caller of Object.keys(endpoint.codes ?? {}) as Caller[]) {
        expect({ endpoint: specKey(endpoint), caller, refused: endpoint.statuses[CALLERS.indexOf(caller)] >= 400 }).toEqual({ endpoint: specKey(endpoint), caller, refused: true });
      }
      if (endpoint.allowedOrder) {
        const allowed = CALLERS.filter((_, index) => endpoint.statuses[index] < 300);
        expect({ route: endpoint.route, allowedOrder: [...endpoint.allowedOrder].sort() }).toEqual({ route: endpoint.route, allowedOrder: [...allowed].sort() });
      }
    }
    const routes = appRoutes(stack.app).filter((route) => !DOCUMENTATION_ROUTE.test(route.split(' ')[1]));
    expect(routes.length).toBeGreaterThan(0);
    // Both ways: a route the app answers without rows in the matrix, or rows for a route the app does not have.
    expect({ missingFromMatrix: routes.filter((route) => !inMatrix.includes(route)), notInApp: inMatrix.filter((route) => !routes.includes(route)) }).toEqual({
      missingFromMatrix: [],
      notInApp: [],
    });
  });

  for (const endpoint of ENDPOINTS) {
    describe(specKey(endpoint), () => {
      let arranged: Arranged = { cycleId: null, host: null, pointIds: [], actionItemIds: [], targets: {} };
      /** Whether an allowed caller has acted on the shared arranged cycle yet. */
      let allowedHaveActed = false;

      beforeAll(async () => {
        if (endpoint.stage) arranged = await arrange(endpoint.stage, endpoint.arrangeWith);
        if (endpoint.targets) arranged = { ...arranged, targets: await endpoint.targets() };
      });

      for (const row of executionOrder(endpoint)) {
        const variant = endpoint.variant ? ` (${endpoint.variant})` : '';
        it(`${row.method} ${row.route}${variant} as ${row.caller} → ${row.expected}`, async () => {
          let target = arranged;
          if (row.expected < 300) {
            if (allowedHaveActed && endpoint.freshCycleForEachFurtherAllowedCaller && endpoint.stage) target = await arrange(endpoint.stage, endpoint.arrangeWith);
            if (allowedHaveActed && endpoint.freshTargetsForEachFurtherAllowedCaller && endpoint.targets) target = { ...target, targets: await endpoint.targets() };
            allowedHaveActed = true;
          }
          const account = endpoint.account?.(target, row.caller);
          const token = endpoint.withoutToken ? null : account ? account.token : tokenOf(row.caller, target);
          const url = pathOf(endpoint, target, row.caller);
          const upload = endpoint.upload?.();
          const body = endpoint.method !== 'GET' && !upload ? ((await endpoint.body?.(target, row.caller)) ?? {}) : undefined;
          const headers = (await endpoint.headers?.(target)) ?? {};
          const response = await call(endpoint.method, url, token, body, upload, headers);
          const request = `${endpoint.method} ${url} as ${row.caller}${body ? ` ${JSON.stringify(body)}` : ''}${upload ? ` (file ${upload.name})` : ''}`;
          const seen = { request, status: response.status, code: response.body?.code as unknown, message: response.body?.message as unknown };
          const code = endpoint.codes?.[row.caller];
          expect(seen).toEqual({ ...seen, status: row.expected, ...(code ? { code } : {}) });

          expect({ request, passwordLeaks: passwordLeaks(response.text ?? '') }).toEqual({ request, passwordLeaks: [] });

          if (response.status < 300) {
            if (row.route === '/api/cycles' && row.method === 'POST') homeCycleIds.add(response.body.id as string);
            const text = JSON.stringify(response.body);
            const leaked = secretsFor(row.caller).filter((id) => text.includes(id));
            expect({ request, leaked }).toEqual({ request, leaked: [] });
            if (target.cycleId && endpoint.cycleShownTo?.includes(row.caller)) {
              expect({ request, shows: target.cycleId, found: text.includes(target.cycleId) }).toEqual({ request, shows: target.cycleId, found: true });
            }
            if (endpoint.afterSuccess) {
              const acting = account ?? people[row.caller];
              await endpoint.afterSuccess({ caller: row.caller, account: acting, arranged: target, body, response });
              // The arranging code (and later rows) use the fixture's token: keep it the account's current one.
              const fixture = fixtureOf(row.caller);
              if (fixture && acting === people[row.caller] && acting.token) fixture.token = acting.token;
            }
          }

          if (row.expected === 404) {
            const ghost = ghostOf(url, body);
            const twin = await call(endpoint.method, ghost.url, token, ghost.body, upload, headers);
            const twinRequest = `${endpoint.method} ${ghost.url} as ${row.caller} (ids that exist nowhere)`;
            expect({ request: twinRequest, status: twin.status, code: twin.body?.code as unknown, message: twin.body?.message as unknown }).toEqual({
              request: twinRequest,
              status: response.status,
              code: response.body?.code as unknown,
              message: response.body?.message as unknown,
            });
          }
        });
      }
    });
  }
});
