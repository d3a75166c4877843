// HTTP side of the bench: a small timed client, the commune seeded through the API, and one full cycle
// driven step by step the way committee staff, the host secretary and 14 visiting secretaries would.
import { performance } from 'node:perf_hooks';

export class ApiError extends Error {
  constructor(what, status, body) {
    super(`${what} → ${status} ${typeof body === 'string' ? body.slice(0, 300) : JSON.stringify(body).slice(0, 300)}`);
    this.status = status;
    this.body = body;
  }
}

export class Api {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** One request; resolves with { status, body, ms } where ms runs from send to the last byte of the body. */
  async request(method, path, { token, body } = {}) {
    const headers = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const ms = performance.now() - started;
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // keep the text
    }
    return { status: response.status, body: parsed, ms };
  }

  async expect(status, method, path, options) {
    const answer = await this.request(method, path, options);
    if (answer.status !== status) throw new ApiError(`${method} ${path}`, answer.status, answer.body);
    return answer;
  }

  async login(username, password) {
    const { body } = await this.expect(200, 'POST', '/api/auth/login', { body: { username, password } });
    const user = body.user;
    return {
      token: body.accessToken,
      actor: { userId: user.id, role: user.role, committeeId: user.committeeId, cellId: user.cellId },
      mustChangePassword: user.mustChangePassword === true,
    };
  }
}

const PASSWORD = 'mat-khau-do-hieu-nang-2026';

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
  return { committeeId, staff, cells, rubric: rubrics.body[0] };
}

// ── the cycle every client drives: the same bodies go to the API and (as envelopes) to the floor ──────────

/** Long windows: no critique or report timer fires while a cycle runs. */
export const BENCH_WINDOW = 'PT1H';
export const BENCH_WINDOW_MS = 3_600_000;

export const cycleBodies = {
  launch: (commune, meetingAt, hostCellId = commune.cells[0].id) => ({
    committeeId: commune.committeeId,
    title: 'Sinh hoạt chi bộ điểm quý IV — đo hiệu năng',
    topic: 'Nâng cao chất lượng sinh hoạt chi bộ, phát huy vai trò hạt nhân chính trị ở thôn bản',
    kind: 'regular',
    hostCellId,
    invitedCellIds: commune.cells.slice(1).map((cell) => cell.id),
    meetingAt,
    location: 'Nhà văn hóa thôn Na Hối Tày',
    critiqueWindow: BENCH_WINDOW,
    reportWindow: BENCH_WINDOW,
    // The bench records a 95-minute meeting moments after its time: compressed time, as in the tests.
    reminders: { earlyStartTolerance: 'PT3H' },
  }),
  plan: () => ({
    agenda: ['Khai mạc, giới thiệu đại biểu', 'Đánh giá kết quả thực hiện nghị quyết tháng', 'Sinh hoạt chuyên đề', 'Thông qua nghị quyết'],
    content: 'Chuyên đề: phát triển đảng viên ở thôn bản vùng cao; phân công đảng viên phụ trách hộ.',
    draftResolution: 'Dự thảo nghị quyết tháng: tập trung phát triển đảng viên mới, giữ vững an ninh trật tự.',
  }),
  rsvp: (index) => ({ response: 'accept', delegate: `Đồng chí Sền A Lò (chi bộ ${index + 1})` }),
  meeting: (attendingCellIds, now = Date.now()) => ({
    startedAt: new Date(now - 100 * 60_000).toISOString(),
    endedAt: new Date(now - 5 * 60_000).toISOString(),
    attendance: { present: 20, total: 21, absentWithReason: 1 },
    attendingCellIds,
    minutes: 'Biên bản buổi sinh hoạt: chi bộ đã thảo luận, thống nhất nghị quyết tháng; 12 đảng viên phát biểu.',
    resolution: 'Nghị quyết: tập trung phát triển đảng viên mới.',
    selfScores: { time: 5, attendance: 5 },
  }),
  critique: (index) => ({
    points: [
      { stage: 'preparation', kind: 'strength', text: `Tài liệu gửi trước đầy đủ, đúng hạn (ý kiến chi bộ ${index + 1})` },
      { stage: 'chairing', kind: 'weakness', text: `Phần điều hành còn dài, cần gọn hơn (ý kiến chi bộ ${index + 1})` },
    ],
    scores: { time: 5, attendance: 5, preparation: 9 },
  }),
  report: (weaknessPointIds) => ({
    responses: weaknessPointIds.map((pointId) => ({ pointId, stance: 'accept', text: 'Tiếp thu, rút gọn phần điều hành' })),
    lessons: ['Chuẩn bị kỹ nội dung trước buổi sinh hoạt', 'Phân công cụ thể từng đảng viên'],
    actionItems: [{ title: 'Hoàn thiện mẫu biên bản', owner: 'Bí thư chi bộ', dueDate: '2027-01-15' }],
  }),
  review: () => ({ decision: 'accept', rating: 'TOT', comment: 'Buổi sinh hoạt đạt yêu cầu' }),
};

/** Step kinds in the order a cycle runs them; 33 steps for 14 invited cells. */
export const STEP_KINDS = ['launch', 'plan', 'rsvp', 'meeting', 'critique', 'report', 'review'];

const TIMER_EVENTS = new Set(['RSVP_REMINDER_SENT', 'PLAN_OVERDUE', 'CRITIQUE_REMINDER_SENT', 'CRITIQUE_CLOSED', 'REPORT_REMINDER_SENT', 'REPORT_OVERDUE']);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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
  await api.expect(201, 'POST', '/api/users', {
    token: commune.staff.token,
    body: { username, password: PASSWORD, fullName: `Bí thư chi bộ điểm ${tag}`, role: 'secretary', cellId: cell.body.id },
  });
  return { id: cell.body.id, secretary: await api.login(username, PASSWORD) };
}

/**
 * One full cycle over HTTP. `record(kind, ms)` gets every step's latency; `leadMs` sets meetingAt that far
 * after the launch is sent (recording the meeting is allowed from meetingAt on). The time spent waiting for
 * meetingAt is returned apart, never counted as a step.
 */
export async function driveApiCycle(api, commune, { leadMs, record, onStep }) {
  const visitors = commune.cells.slice(1);
  const host = await freshHost(api, commune, { withSecretary: true });
  const staff = commune.staff.token;
  const step = async (kind, status, method, path, token, body) => {
    const answer = await api.expect(status, method, path, { token, body });
    record(kind, answer.ms);
    onStep?.(kind);
    return answer.body;
  };
  const meetingAt = Date.now() + leadMs;
  const launched = await step('launch', 201, 'POST', '/api/cycles', staff, cycleBodies.launch(commune, new Date(meetingAt).toISOString(), host.id));
  const id = launched.id;
  await step('plan', 200, 'POST', `/api/cycles/${id}/plan`, host.secretary.token, cycleBodies.plan());
  for (const [index, visitor] of visitors.entries()) {
    await step('rsvp', 200, 'POST', `/api/cycles/${id}/invitations/${visitor.id}/rsvp`, visitor.secretary.token, cycleBodies.rsvp(index));
  }
  const waitMs = Math.max(0, meetingAt - Date.now() + 5);
  await sleep(waitMs);
  const attending = visitors.map((visitor) => visitor.id);
  await step('meeting', 200, 'POST', `/api/cycles/${id}/meeting`, host.secretary.token, cycleBodies.meeting(attending));
  const weaknessPointIds = [];
  for (const [index, visitor] of visitors.entries()) {
    const critique = await step('critique', 201, 'POST', `/api/cycles/${id}/critiques`, visitor.secretary.token, cycleBodies.critique(index));
    weaknessPointIds.push(critique.points.find((point) => point.kind === 'weakness').id);
  }
  await step('report', 200, 'POST', `/api/cycles/${id}/report`, host.secretary.token, cycleBodies.report(weaknessPointIds));
  const closed = await step('review', 200, 'POST', `/api/cycles/${id}/review`, staff, cycleBodies.review());
  if (closed.status !== 'CLOSED') throw new Error(`cycle ${id} ended in ${closed.status}, not CLOSED`);
  const timersFired = closed.timeline.filter((entry) => TIMER_EVENTS.has(entry.event)).length;
  return { cycleId: id, waitMs, timersFired, steps: 2 * visitors.length + 5 };
}

/**
 * Launches one cycle meant to stay open: the meeting a month ahead, so it waits on its plan and RSVP timers.
 * Answers its id and the launch request's own time (its host cell is made before).
 */
export async function launchOpenCycle(api, commune) {
  const host = await freshHost(api, commune, { withSecretary: false });
  const meetingAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const { body, ms } = await api.expect(201, 'POST', '/api/cycles', { token: commune.staff.token, body: cycleBodies.launch(commune, meetingAt, host.id) });
  return { id: body.id, ms };
}
