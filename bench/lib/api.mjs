// HTTP side of the bench: a small timed client, the commune seeded through the API, and one full cycle
// driven step by step the way committee staff, the host secretary and 14 visiting secretaries would (by
// scripts/lib/cycle-driver.mjs, with the bodies of scripts/lib/step-bodies.mjs).
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { driveCycle } from '../../scripts/lib/cycle-driver.mjs';
import { launchBody } from '../../scripts/lib/step-bodies.mjs';

/** Tries of one set-up request refused with 429 before the bench gives up on it. */
const SET_UP_ATTEMPTS = 10;

export class ApiError extends Error {
  constructor(what, status, body) {
    super(`${what} → ${status} ${typeof body === 'string' ? body.slice(0, 300) : JSON.stringify(body).slice(0, 300)}`);
    this.status = status;
    this.body = body;
  }
}

export class Api {
  #next = 0;

  /**
   * `baseUrls`: one API's address or several; requests go to each in turn, as a load balancer in front of
   * several API processes spreads them.
   */
  constructor(baseUrls) {
    this.baseUrls = [baseUrls].flat();
    this.baseUrl = this.baseUrls[0];
  }

  /**
   * One request; resolves with { status, body, ms } where ms runs from send to the last byte of the body.
   * (The bench sends no Idempotency-Key; the cycle driver's clients may.)
   */
  async request(method, path, { token, body, idempotencyKey } = {}) {
    const headers = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const started = performance.now();
    const baseUrl = this.baseUrls[this.#next++ % this.baseUrls.length];
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const ms = performance.now() - started;
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // keep the text
    }
    return { status: response.status, body: parsed, ms, retryAfterSeconds: Number(response.headers.get('retry-after')) || null };
  }

  async expect(status, method, path, options) {
    const answer = await this.request(method, path, options);
    if (answer.status !== status) throw new ApiError(`${method} ${path}`, answer.status, answer.body);
    return answer;
  }

  /**
   * For the bench's own set-up (accounts made and signed in, never timed): a 429 is waited out as its
   * Retry-After says and sent again. Fifty clients making a host each at once fill the API's queue of
   * password hashes, which refuses the rest for 2 s rather than let them wait without end.
   */
  async expectPatiently(status, method, path, options) {
    for (let attempt = 1; ; attempt += 1) {
      const answer = await this.request(method, path, options);
      if (answer.status === 429 && attempt < SET_UP_ATTEMPTS) {
        await sleep((answer.retryAfterSeconds ?? 1) * 1000);
        continue;
      }
      if (answer.status !== status) throw new ApiError(`${method} ${path}`, answer.status, answer.body);
      return answer;
    }
  }

  async login(username, password) {
    const { body } = await this.expectPatiently(200, 'POST', '/api/auth/login', { body: { username, password } });
    const user = body.user;
    return {
      username,
      password,
      token: body.accessToken,
      actor: { userId: user.id, role: user.role, committeeId: user.committeeId, cellId: user.cellId },
      mustChangePassword: user.mustChangePassword === true,
    };
  }
}

/** Every seeded account's password (the pages phase signs in with it through the login form). */
export const PASSWORD = 'mat-khau-do-hieu-nang-2026';

/**
 * A commune as an admin and committee staff build it through the API: a committee, its staff account and
 * `cellCount` cells with a secretary each; everyone logged in once.
 */
export async function seedCommune(api, { adminPassword, cellCount }) {
  const admin = await api.login('admin', adminPassword);
  // In production the first admin replaces the initial password before anything else, as an operator does
  // (the bench seeds once per run, on a fresh database).
  if (admin.mustChangePassword) {
    const changed = await api.expect(200, 'POST', '/api/auth/password', {
      token: admin.token,
      body: { currentPassword: adminPassword, newPassword: `${adminPassword}-da-doi` },
    });
    admin.token = changed.body.accessToken;
    admin.password = `${adminPassword}-da-doi`;
  }
  const suffix = Date.now().toString(36);
  const committee = await api.expect(201, 'POST', '/api/committees', { token: admin.token, body: { name: `Đảng ủy xã Na Hối (đo hiệu năng ${suffix})` } });
  const committeeId = committee.body.id;
  const staffName = `vanphong.bench.${suffix}`;
  await api.expect(201, 'POST', '/api/users', {
    token: admin.token,
    body: { username: staffName, password: PASSWORD, fullName: 'Lương Thị Văn Phòng', role: 'committee', committeeId },
  });
  const staff = await api.login(staffName, PASSWORD);
  const createCell = async (index) => {
    const cell = await api.expect(201, 'POST', `/api/committees/${committeeId}/cells`, {
      token: staff.token,
      body: { name: `Chi bộ thôn ${index} (${suffix})`, memberCount: 13 + index },
    });
    const username = `bithu${index}.bench.${suffix}`;
    await api.expect(201, 'POST', '/api/users', {
      token: staff.token,
      body: { username, password: PASSWORD, fullName: `Bí thư chi bộ thôn ${index}`, role: 'secretary', cellId: cell.body.id },
    });
    return { id: cell.body.id, secretary: await api.login(username, PASSWORD) };
  };
  const cells = [];
  for (let first = 1; first <= cellCount; first += 4) {
    const batch = Array.from({ length: Math.min(4, cellCount - first + 1) }, (_, offset) => createCell(first + offset));
    cells.push(...(await Promise.all(batch)));
  }
  const rubrics = await api.expect(200, 'GET', '/api/rubrics', { token: staff.token });
  return { committeeId, admin, staff, cells, rubric: rubrics.body[0] };
}

// ── the cycle every client drives: the same bodies go to the API and (as envelopes) to the floor ──────────

/** Long windows: no critique or report timer fires while a cycle runs. */
export const BENCH_WINDOW = 'PT1H';
export const BENCH_WINDOW_MS = 3_600_000;

/** The launch body's words that are the bench's own (the rest are step-bodies.mjs's defaults). */
export const BENCH_LAUNCH = { title: 'Sinh hoạt chi bộ điểm quý IV — đo hiệu năng', critiqueWindow: BENCH_WINDOW, reportWindow: BENCH_WINDOW };

/** Step kinds in the order a cycle runs them (launched with its host: no pick); 33 steps for 14 invited cells. */
export const STEP_KINDS = ['launch', 'plan', 'rsvp', 'meeting', 'critique', 'report', 'review'];

const TIMER_EVENTS = new Set(['RSVP_REMINDER_SENT', 'PLAN_OVERDUE', 'CRITIQUE_REMINDER_SENT', 'CRITIQUE_CLOSED', 'REPORT_REMINDER_SENT', 'REPORT_OVERDUE']);

let hostsMade = 0;

/**
 * A cell of its own to host one cycle (a cell never hosts two open cycles), with a secretary when the cycle
 * is driven; made before the cycle is launched, so no step's time includes it.
 */
export async function freshHost(api, commune, { withSecretary }) {
  hostsMade += 1;
  const tag = `${Date.now().toString(36)}.${hostsMade}`;
  const cell = await api.expect(201, 'POST', `/api/committees/${commune.committeeId}/cells`, {
    token: commune.staff.token,
    body: { name: `Chi bộ điểm ${tag}`, memberCount: 21 },
  });
  if (!withSecretary) return { id: cell.body.id };
  const username = `bithu.diem.${tag}`;
  await api.expectPatiently(201, 'POST', '/api/users', {
    token: commune.staff.token,
    body: { username, password: PASSWORD, fullName: `Bí thư chi bộ điểm ${tag}`, role: 'secretary', cellId: cell.body.id },
  });
  return { id: cell.body.id, secretary: await api.login(username, PASSWORD) };
}

/**
 * One full cycle over HTTP: a fresh host, the commune's other cells invited, every step with the default
 * bodies. `record(kind, ms)` gets every step's latency; `leadMs` sets meetingAt that far after the launch is
 * sent (recording the meeting is allowed from meetingAt on). The time spent waiting for meetingAt is
 * returned apart, never counted as a step.
 */
export async function driveApiCycle(api, commune, { leadMs, record, onStep, pauseMs = 0 }) {
  const host = await freshHost(api, commune, { withSecretary: true });
  const cycle = await driveCycle(
    pauseMs ? pausedBeforeSteps(api, pauseMs) : api,
    { committeeId: commune.committeeId, staff: commune.staff, invited: commune.cells.slice(1), host },
    {
      meetingAt: Date.now() + leadMs,
      launch: BENCH_LAUNCH,
      onStep: ({ kind, ms }) => {
        record(kind, ms);
        onStep?.(kind);
      },
    },
  );
  const timersFired = cycle.closed.timeline.filter((entry) => TIMER_EVENTS.has(entry.event)).length;
  return { cycleId: cycle.id, host, waitMs: cycle.waitMs, timersFired, steps: cycle.steps };
}

/** The cycle driver's client, sending each step (a POST) `pauseMs` after the last answer. */
function pausedBeforeSteps(api, pauseMs) {
  return {
    expect: async (status, method, path, options) => {
      if (method === 'POST') await sleep(pauseMs);
      return api.expect(status, method, path, options);
    },
  };
}

/**
 * Launches one cycle meant to stay open: the meeting a month ahead, so it waits on its plan and RSVP timers.
 * Answers its id and the launch request's own time (its host cell is made before).
 */
export async function launchOpenCycle(api, commune) {
  const host = await freshHost(api, commune, { withSecretary: false });
  const meetingAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const body = launchBody({ ...BENCH_LAUNCH, committeeId: commune.committeeId, hostCellId: host.id, invitedCellIds: commune.cells.slice(1).map((cell) => cell.id), meetingAt });
  const { body: cycle, ms } = await api.expect(201, 'POST', '/api/cycles', { token: commune.staff.token, body });
  return { id: cycle.id, ms };
}
