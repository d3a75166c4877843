// Drives a model-meeting cycle over the HTTP API as the people in it would: committee staff launch it (and
// pick the host when none was given), the host secretary posts the plan, the invited secretaries answer,
// the host records the meeting, each attending cell critiques, the host files the report and the committee
// reviews it (a revision sends it back for another report). One function per step, and driveCycle for a
// whole cycle; bodies from step-bodies.mjs. Used by the bench and the demo. Types: cycle-driver.d.mts.
import {
  acceptInvitationBody,
  acceptReviewBody,
  critiqueBody,
  launchBody,
  meetingBody,
  pickHostBody,
  planBody,
  reportBody,
} from './step-bodies.mjs';

/**
 * @template {import('./cycle-driver.mjs').Cell} C
 * @typedef {import('./cycle-driver.mjs').DrivenCycle<C>} DrivenCycle
 */
/**
 * What an event tells beyond the step itself (the cell, its place, the round, the candidates).
 * @template {import('./cycle-driver.mjs').Cell} C
 * @typedef {Omit<import('./cycle-driver.mjs').StepEvent<C>, 'kind' | 'cycle' | 'ms' | 'sent' | 'answer'>} EventDetails
 */

/** @type {typeof import('./cycle-driver.mjs').STEP_KINDS} */
export const STEP_KINDS = ['launch', 'host', 'plan', 'rsvp', 'meeting', 'critique', 'report', 'review'];

/** Points the host must answer in its report. */
const ANSWERED_KINDS = new Set(['weakness', 'suggestion']);

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One step: the request, its status checked by the client; then what it changed is applied to the cycle
 * (`apply`, with the answer), and only then the cycle's onStep told, so that it sees the cycle after the step.
 * @template {import('./cycle-driver.mjs').Cell} C
 * @param {DrivenCycle<C>} cycle
 * @param {{ kind: import('./cycle-driver.mjs').StepKind, status: number, path: string, token: string, body: unknown, what: string, idempotencyKey?: string }} step
 * @param {EventDetails<C>} details
 * @param {(answer: any) => void} apply
 */
async function send(cycle, { kind, status, path, token, body, what, idempotencyKey }, details, apply) {
  const answer = await cycle.http.expect(status, 'POST', path, { token, body, what, ...(idempotencyKey ? { idempotencyKey } : {}) });
  const view = /** @type {any} */ (answer.body);
  apply(view);
  cycle.steps += 1;
  cycle.onStep?.({ kind, cycle, ms: answer.ms, sent: body, answer: view, ...details });
  return view;
}

/**
 * @template {import('./cycle-driver.mjs').Cell} C
 * @param {DrivenCycle<C>} cycle
 * @param {string} step
 * @param {C} cell
 */
const keyFor = (cycle, step, cell) => (cycle.idempotencyKeys ? `${cycle.idempotencyKeys}-${step}-${cycle.id}-${cell.id}` : undefined);

/** @type {typeof import('./cycle-driver.mjs').launchCycle} */
export async function launchCycle(http, { committeeId, staff, invited, host }, { meetingAt, launch = {}, idempotencyKeys = null, onStep = null }) {
  /** @type {DrivenCycle<any>} */
  const cycle = {
    http,
    committeeId,
    staff,
    id: '',
    meetingAt: new Date(meetingAt).getTime(),
    invited,
    host: host ?? null,
    visitors: host ? invited : [],
    attending: [],
    pointsToAnswer: [],
    reportsFiled: 0,
    view: /** @type {any} */ (null),
    idempotencyKeys,
    onStep,
    steps: 0,
  };
  const body = launchBody({
    ...launch,
    committeeId,
    ...(host ? { hostCellId: host.id } : {}),
    invitedCellIds: invited.map((cell) => cell.id),
    meetingAt,
  });
  await send(cycle, { kind: 'launch', status: 201, path: '/api/cycles', token: staff.token, body, what: 'khởi tạo đợt sinh hoạt' }, {}, (view) => {
    cycle.id = view.id;
    cycle.view = view;
  });
  return cycle;
}

/** @param {import('./cycle-driver.mjs').HostCandidate[]} candidates */
const firstCandidate = (candidates) => candidates[0];

/** @type {typeof import('./cycle-driver.mjs').pickHost} */
export async function pickHost(cycle, choose = firstCandidate) {
  const ranking = await cycle.http.expect(200, 'GET', `/api/cycles/${cycle.id}/host-candidates`, { token: cycle.staff.token, what: 'đề xuất chi bộ điểm' });
  /** @type {import('./cycle-driver.mjs').HostCandidate[]} */
  const candidates = /** @type {any} */ (ranking.body);
  const chosen = choose(candidates);
  const host = cycle.invited.find((cell) => cell.id === chosen.cellId);
  if (!host) throw new Error(`the host picked (${chosen.cellId}) is not among the invited cells`);
  const body = pickHostBody(host.id);
  return send(cycle, { kind: 'host', status: 200, path: `/api/cycles/${cycle.id}/host`, token: cycle.staff.token, body, what: 'chọn chi bộ điểm' }, { candidates, chosen }, (view) => {
    // The host leaves the invitation list: the others are its visitors.
    cycle.host = host;
    cycle.visitors = cycle.invited.filter((cell) => cell.id !== host.id);
    cycle.view = view;
  });
}

/**
 * @template {import('./cycle-driver.mjs').Cell} C
 * @param {DrivenCycle<C>} cycle
 */
function hostOf(cycle) {
  if (!cycle.host) throw new Error(`cycle ${cycle.id} has no host yet: pick one first`);
  return cycle.host;
}

/**
 * @template {import('./cycle-driver.mjs').Cell} C
 * @param {DrivenCycle<C>} cycle
 */
const keepView = (cycle) => (/** @type {import('./cycle-driver.mjs').CycleView} */ view) => {
  cycle.view = view;
};

/** @type {typeof import('./cycle-driver.mjs').postPlan} */
export async function postPlan(cycle, body = planBody()) {
  const path = `/api/cycles/${cycle.id}/plan`;
  return send(cycle, { kind: 'plan', status: 200, path, token: hostOf(cycle).secretary.token, body, what: 'gửi chương trình, tài liệu sinh hoạt' }, {}, keepView(cycle));
}

/** @type {typeof import('./cycle-driver.mjs').rsvp} */
export async function rsvp(cycle, visitor, body, place) {
  const path = `/api/cycles/${cycle.id}/invitations/${visitor.id}/rsvp`;
  const idempotencyKey = keyFor(cycle, 'rsvp', visitor);
  return send(cycle, { kind: 'rsvp', status: 200, path, token: visitor.secretary.token, body, what: 'xác nhận tham dự', idempotencyKey }, { cell: visitor, ...place }, (view) => {
    cycle.view = view;
    // Only cells that accepted may be recorded as attending.
    if (body.response === 'accept' && !cycle.attending.includes(visitor)) cycle.attending.push(visitor);
  });
}

/** @type {typeof import('./cycle-driver.mjs').waitForMeetingTime} */
export async function waitForMeetingTime(cycle, marginMs = 5) {
  const waitMs = Math.max(0, cycle.meetingAt - Date.now() + marginMs);
  await sleep(waitMs);
  return waitMs;
}

/** @type {typeof import('./cycle-driver.mjs').recordMeeting} */
export async function recordMeeting(cycle, body) {
  const path = `/api/cycles/${cycle.id}/meeting`;
  return send(cycle, { kind: 'meeting', status: 200, path, token: hostOf(cycle).secretary.token, body, what: 'ghi nhận buổi sinh hoạt' }, {}, keepView(cycle));
}

/** @type {typeof import('./cycle-driver.mjs').submitCritique} */
export async function submitCritique(cycle, visitor, body, place) {
  const path = `/api/cycles/${cycle.id}/critiques`;
  const idempotencyKey = keyFor(cycle, 'critique', visitor);
  return send(cycle, { kind: 'critique', status: 201, path, token: visitor.secretary.token, body, what: 'góp ý', idempotencyKey }, { cell: visitor, ...place }, (critique) => {
    cycle.pointsToAnswer.push(...critique.points.filter((/** @type {{ kind: string }} */ point) => ANSWERED_KINDS.has(point.kind)));
  });
}

/** @type {typeof import('./cycle-driver.mjs').fileReport} */
export async function fileReport(cycle, body) {
  const path = `/api/cycles/${cycle.id}/report`;
  const round = cycle.reportsFiled;
  const what = round === 0 ? 'gửi báo cáo rút kinh nghiệm' : 'gửi lại báo cáo rút kinh nghiệm';
  return send(cycle, { kind: 'report', status: 200, path, token: hostOf(cycle).secretary.token, body, what }, { round }, (view) => {
    cycle.view = view;
    cycle.reportsFiled += 1;
  });
}

/** @type {typeof import('./cycle-driver.mjs').review} */
export async function review(cycle, body) {
  const path = `/api/cycles/${cycle.id}/review`;
  const what = body.decision === 'revise' ? 'đề nghị hoàn thiện báo cáo' : 'thông qua báo cáo, xếp loại';
  return send(cycle, { kind: 'review', status: 200, path, token: cycle.staff.token, body, what }, { round: cycle.reportsFiled - 1 }, keepView(cycle));
}

/** @type {typeof import('./cycle-driver.mjs').driveCycle} */
export async function driveCycle(http, cast, options) {
  const cycle = await launchCycle(http, cast, options);
  if (!cast.host) await pickHost(cycle, options.chooseHost);
  return driveToClose(cycle, options);
}

/** @type {typeof import('./cycle-driver.mjs').driveToClose} */
export async function driveToClose(cycle, options = {}) {
  const {
    rsvpsBeforePlan = false,
    plan = () => planBody(),
    rsvp: rsvpFor = (_visitor, index) => acceptInvitationBody({ index }),
    meetingMarginMs = 5,
    meeting = (cycle) => meetingBody({ attendingCellIds: cycle.attending.map((cell) => cell.id) }),
    critique = (_visitor, index) => critiqueBody({ index }),
    report = (cycle) => reportBody({ pointIds: cycle.pointsToAnswer.map((point) => point.id) }),
    reviews = [acceptReviewBody()],
  } = options;
  const answerInvitations = async () => {
    const visitors = [...cycle.visitors];
    for (const [index, visitor] of visitors.entries()) await rsvp(cycle, visitor, rsvpFor(visitor, index, cycle), { index, count: visitors.length });
  };
  if (rsvpsBeforePlan) {
    await answerInvitations();
    await postPlan(cycle, plan(cycle));
  } else {
    await postPlan(cycle, plan(cycle));
    await answerInvitations();
  }
  const waitMs = await waitForMeetingTime(cycle, meetingMarginMs);
  await recordMeeting(cycle, meeting(cycle));
  const attending = [...cycle.attending];
  for (const [index, visitor] of attending.entries()) await submitCritique(cycle, visitor, critique(visitor, index, cycle), { index, count: attending.length });
  for (const body of reviews) {
    await fileReport(cycle, report(cycle, cycle.reportsFiled));
    await review(cycle, body);
  }
  const closed = cycle.view;
  if (closed.status !== 'CLOSED') throw new Error(`cycle ${cycle.id} ended in ${closed.status}, not CLOSED`);
  return { ...cycle, host: hostOf(cycle), waitMs, closed };
}
