// Every fault suite drives the same whole cycle, so that a fault can land on any of its steps and be judged by the same expectations.
import { randomUUID } from 'node:crypto';
import {
  acceptInvitationBody,
  acceptReviewBody,
  critiqueBody,
  declineInvitationBody,
  launchBody,
  meetingBody,
  pickHostBody,
  planBody,
  reportBody,
  reviseReviewBody,
  type PointResponse,
} from '../../scripts/lib/step-bodies.mjs';
import type { Commune } from './fault-commune.fixture.js';
import type { ApiClient, HttpAnswer } from './http-client.js';

export interface CycleStep {
  /** Position in the cycle, from 0. */
  index: number;
  label: string;
  /** The timeline event this step writes. */
  event: string;
  /** The 2xx it answers when it succeeds. */
  expected: 200 | 201;
  key: string;
  /** Sends the step once (the same path, body and key every time). */
  send(api: ApiClient): Promise<HttpAnswer>;
  /** Not before this moment (epoch ms): recording the meeting waits for the meeting. */
  notBefore(): number;
  /** Records what later steps need from the answer. */
  done(answer: HttpAnswer): void;
}

/** The user steps of the cycle in order: launch, host, three RSVPs, plan, meeting, two critiques, report, revision, report, acceptance. */
/** A calendar day in Vietnam (UTC+7), `days` after today: an action item is due from the meeting's day on. */
function vietnamDayFromToday(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The action items' due days of the first and the revised report (relative to today, so the script never expires). */
export const FIRST_REPORT_DUE = vietnamDayFromToday(40);
export const REVISED_REPORT_DUE = vietnamDayFromToday(45);

export const CYCLE_EVENTS = [
  'CYCLE_LAUNCHED',
  'HOST_SELECTED',
  'RSVP_ACCEPTED',
  'RSVP_ACCEPTED',
  'RSVP_DECLINED',
  'PLAN_POSTED',
  'MEETING_RECORDED',
  'CRITIQUE_SUBMITTED',
  'CRITIQUE_SUBMITTED',
  'REPORT_FILED',
  'REVISION_REQUESTED',
  'REPORT_FILED',
  'CYCLE_CLOSED',
] as const;

/** Notifications the cycle's user steps send: reason → how many (one staff member, one secretary per cell). */
export const CYCLE_NOTIFICATIONS: Record<string, number> = {
  HOST_SELECTION_NEEDED: 1,
  INVITED: 3,
  CHOSEN_AS_HOST: 1,
  PLAN_POSTED: 3,
  CRITIQUE_OPEN: 2,
  REPORT_NEEDED: 1,
  REVIEW_NEEDED: 2,
  REVISION_REQUESTED: 1,
  LESSONS_SHARED: 3,
  RATED: 1,
};

/**
 * Events without an actor that a cycle under faults may also carry, each at most once, with the
 * notifications they send: the host candidates the system ranked while the cycle waited for its host (not
 * there when the host was picked first); the plan is due one second before the meeting, and a plan delayed
 * by a fault may miss that (then the host is reminded and the committee alerted); under ruleset 2 the host
 * is due halfway between the launch and the plan's due time (the launch is that close to the meeting), and
 * a host picked late by a fault may miss that (then the committee is reminded). The other windows are 30
 * minutes or more: their reminders cannot fire during a test, and reminders due before the launch are never
 * sent.
 */
export const TOLERATED_SYSTEM_EVENTS: Record<string, Record<string, number>> = {
  HOST_CANDIDATES_RANKED: {},
  HOST_SELECTION_OVERDUE: { HOST_SELECTION_REMINDER: 1 },
  PLAN_OVERDUE: { PLAN_REMINDER: 1, PLAN_OVERDUE_ALERT: 1 },
};

/**
 * A cycle of a commune of four cells (host, two visitors who attend and critique, one who declines), driven
 * over HTTP by committee staff and secretaries; every step carries an Idempotency-Key of its own.
 */
export class CycleScript {
  cycleId = '';
  readonly steps: CycleStep[];
  private meetingAt = 0;
  private readonly points: { weakness?: string; suggestion?: string } = {};
  private readonly nonce = randomUUID().slice(0, 8);
  readonly title = `Sinh hoạt chi bộ điểm ${this.nonce}`;

  /** `meetingInMs`: how long after the launch is sent the meeting is (the steps before it must fit). */
  constructor(
    readonly commune: Commune,
    private readonly meetingInMs: number,
  ) {
    const [host, visitorA, visitorB, declining] = commune.cells;
    const staff = commune.staff.token;
    const cycle = () => `/api/cycles/${this.cycleId}`;
    const responses = (): PointResponse[] => [
      { pointId: this.points.weakness as string, stance: 'accept', text: 'Tiếp thu, rút gọn phần điều hành' },
      { pointId: this.points.suggestion as string, stance: 'partly', text: 'Ghi ý kiến chính của từng đảng viên' },
    ];
    const specs: Omit<CycleStep, 'index' | 'key' | 'send' | 'notBefore' | 'done'>[] = [];
    const senders: { token: string; path: () => string; body: () => unknown; after?: (answer: HttpAnswer) => void; notBefore?: () => number }[] = [];
    const add = (
      label: string,
      expected: 200 | 201,
      token: string,
      path: () => string,
      body: () => unknown,
      extra: { after?: (answer: HttpAnswer) => void; notBefore?: () => number } = {},
    ) => {
      specs.push({ label, event: CYCLE_EVENTS[specs.length], expected });
      senders.push({ token, path, body, ...extra });
    };

    add(
      'launch',
      201,
      staff,
      () => '/api/cycles',
      () =>
        launchBody({
          committeeId: commune.committeeId,
          title: this.title,
          invitedCellIds: [visitorA.id, visitorB.id, declining.id],
          meetingAt: (this.meetingAt = Date.now() + this.meetingInMs),
          location: 'Nhà văn hóa bản Tà Xùa',
          critiqueWindow: 'PT30M',
          reportWindow: 'PT30M',
          // The plan is due one second before the meeting; step-bodies' EARLY_START_TOLERANCE (3 h) takes the meeting below.
          reminders: { planDueLead: 'PT1S' },
        }),
      { after: (answer) => (this.cycleId = answer.body.id as string) },
    );
    add('pick host', 200, staff, () => `${cycle()}/host`, () => pickHostBody(host.id));
    add('RSVP A', 200, visitorA.secretary.token, () => `${cycle()}/invitations/${visitorA.id}/rsvp`, () => acceptInvitationBody({ index: 0 }));
    add('RSVP B', 200, visitorB.secretary.token, () => `${cycle()}/invitations/${visitorB.id}/rsvp`, () => acceptInvitationBody({ index: 1 }));
    add('RSVP C', 200, declining.secretary.token, () => `${cycle()}/invitations/${declining.id}/rsvp`, () => declineInvitationBody());
    add('plan', 200, host.secretary.token, () => `${cycle()}/plan`, () => planBody());
    add(
      'meeting',
      200,
      host.secretary.token,
      () => `${cycle()}/meeting`,
      () => meetingBody({ attendingCellIds: [visitorA.id, visitorB.id] }),
      { notBefore: () => this.meetingAt + 50 },
    );
    add(
      'critique A',
      201,
      visitorA.secretary.token,
      () => `${cycle()}/critiques`,
      // step-bodies' default: a strength, then a weakness.
      () => critiqueBody({ index: 0 }),
      { after: (answer) => (this.points.weakness = answer.body.points[1].id as string) },
    );
    add(
      'critique B',
      201,
      visitorB.secretary.token,
      () => `${cycle()}/critiques`,
      () => critiqueBody({ index: 1, points: [{ stage: 'minutes', kind: 'suggestion', text: 'Ghi rõ ý kiến từng đảng viên' }] }),
      { after: (answer) => (this.points.suggestion = answer.body.points[0].id as string) },
    );
    // Each report's action item has a due date of its own: the cycle's records must show the revised report's (cycle-records.ts).
    const report = (lessons: string[], dueDate: string) => reportBody({ responses: responses(), lessons, actionItems: [{ title: 'Hoàn thiện mẫu biên bản', owner: 'Bí thư', dueDate }] });
    add('report', 200, host.secretary.token, () => `${cycle()}/report`, () => report(['Chuẩn bị kỹ nội dung'], FIRST_REPORT_DUE));
    add('review: revise', 200, staff, () => `${cycle()}/review`, () => reviseReviewBody());
    add('revised report', 200, host.secretary.token, () => `${cycle()}/report`, () => report(['Chuẩn bị kỹ nội dung', 'Phân công cụ thể'], REVISED_REPORT_DUE));
    add('review: accept', 200, staff, () => `${cycle()}/review`, () => acceptReviewBody());

    this.steps = specs.map((spec, index) => {
      const sender = senders[index];
      let fixed: { path: string; body: unknown } | undefined;
      return {
        ...spec,
        index,
        key: `${spec.label.replace(/\W+/g, '-')}-${this.nonce}`,
        send: (api: ApiClient) => {
          // The same request every time: a repeat with the key must match the first one exactly.
          fixed ??= { path: sender.path(), body: sender.body() };
          return api.send('POST', fixed.path, { token: sender.token, body: fixed.body, key: this.steps[index].key });
        },
        notBefore: () => sender.notBefore?.() ?? 0,
        done: (answer: HttpAnswer) => sender.after?.(answer),
      };
    });
  }
}
