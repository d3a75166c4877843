// Types of cycle-driver.mjs. The answers are typed by what the API sends back (CycleView, CritiqueView,
// HostCandidate); the bodies by step-bodies.d.mts.
import type { CritiqueView, CycleView } from '../../apps/api/cycles/cycle.mapper.js';
import type { HostCandidate } from '../../libs/domain/host-ranking.js';
import type { CritiqueBody, LaunchFacts, MeetingBody, Moment, PlanBody, ReportBody, ReviewBody, RsvpBody } from './step-bodies.mjs';

export type { CritiqueView, CycleView, HostCandidate };

/** One request as the driver sends it. */
export interface StepRequest {
  token: string;
  body?: unknown;
  /** Sent as the Idempotency-Key header when given. */
  idempotencyKey?: string;
  /** What the step is, in Vietnamese, for the client's error message ('gửi chương trình, tài liệu sinh hoạt'). */
  what: string;
}

/**
 * The HTTP client the driver talks through (the bench's timed client, the demo's, a test's supertest
 * wrapper): sends one request to `path` (which starts with /api), and throws when the answer's status is
 * not `status`; `ms`, when the client measures it, is the request's own time.
 */
export interface CycleHttp {
  expect(status: number, method: 'GET' | 'POST', path: string, request: StepRequest): Promise<{ status: number; body: unknown; ms?: number }>;
}

export interface Person {
  token: string;
}
export interface Cell {
  id: string;
  secretary: Person;
}

/** Who takes part: the committee staff, the invited cells and, when already chosen, the host. */
export interface CycleCast<C extends Cell = Cell> {
  committeeId: string;
  staff: Person;
  /** Launched with a host, the invited cells are its visitors; without, the host is picked among them. */
  invited: C[];
  host?: C;
}

export type StepKind = 'launch' | 'host' | 'plan' | 'rsvp' | 'meeting' | 'critique' | 'report' | 'review';
/** Every kind of step the driver sends, in the order of a cycle. */
export declare const STEP_KINDS: readonly StepKind[];

/** A cycle being driven: what the steps so far have made known. */
export interface DrivenCycle<C extends Cell = Cell> {
  http: CycleHttp;
  committeeId: string;
  staff: Person;
  id: string;
  /** Epoch ms. */
  meetingAt: number;
  invited: C[];
  /** Known once launched with a host, or once picked. */
  host: C | null;
  /** The invited cells other than the host. */
  visitors: C[];
  /** Visitors that accepted their invitation, in the order they answered. */
  attending: C[];
  /** The weakness and suggestion points of the critiques so far: the report must answer them all. */
  pointsToAnswer: CritiqueView['points'];
  reportsFiled: number;
  /** The cycle as the last step answered it. */
  view: CycleView;
  /** Prefix of the Idempotency-Key sent with RSVPs and critiques (`<prefix>-rsvp-<cycle>-<cell>`); none when null. */
  idempotencyKeys: string | null;
  onStep: ((event: StepEvent<C>) => void) | null;
  /** Steps sent so far. */
  steps: number;
}

/** Told after each step, once its answer is in. */
export interface StepEvent<C extends Cell = Cell> {
  kind: StepKind;
  cycle: DrivenCycle<C>;
  /** The request's own time, when the client measures it. */
  ms: number | undefined;
  sent: unknown;
  /** The critique for a critique, else the cycle. */
  answer: CycleView | CritiqueView;
  /** RSVP and critique: the cell that sent it, its place and how many send one. */
  cell?: C;
  index?: number;
  count?: number;
  /** Report and review: 0 for the first, 1 after one revision, … */
  round?: number;
  /** Picking the host: the ranking offered and the candidate chosen. */
  candidates?: HostCandidate[];
  chosen?: HostCandidate;
}

export interface LaunchOptions<C extends Cell = Cell> {
  meetingAt: Moment;
  /** Words of the launch body (title, topic, location, windows, …). */
  launch?: Omit<LaunchFacts, 'committeeId' | 'hostCellId' | 'invitedCellIds' | 'meetingAt'>;
  idempotencyKeys?: string | null;
  onStep?: ((event: StepEvent<C>) => void) | null;
}

// ── one step each; the cycle object carries what the next step needs ─────────────────────────────────
export declare function launchCycle<C extends Cell>(http: CycleHttp, cast: CycleCast<C>, options: LaunchOptions<C>): Promise<DrivenCycle<C>>;
/** Reads the ranked candidates and picks one (the first unless `choose` says otherwise); the host must be among the invited. */
export declare function pickHost<C extends Cell>(cycle: DrivenCycle<C>, choose?: (candidates: HostCandidate[]) => HostCandidate): Promise<CycleView>;
export declare function postPlan<C extends Cell>(cycle: DrivenCycle<C>, body?: PlanBody): Promise<CycleView>;
export declare function rsvp<C extends Cell>(cycle: DrivenCycle<C>, visitor: C, body: RsvpBody, place?: { index: number; count: number }): Promise<CycleView>;
/** Sleeps until `marginMs` after meetingAt (recording the meeting is allowed from then on); answers how long it slept. */
export declare function waitForMeetingTime(cycle: Pick<DrivenCycle, 'meetingAt'>, marginMs?: number): Promise<number>;
export declare function recordMeeting<C extends Cell>(cycle: DrivenCycle<C>, body: MeetingBody): Promise<CycleView>;
export declare function submitCritique<C extends Cell>(cycle: DrivenCycle<C>, visitor: C, body: CritiqueBody, place?: { index: number; count: number }): Promise<CritiqueView>;
export declare function fileReport<C extends Cell>(cycle: DrivenCycle<C>, body: ReportBody): Promise<CycleView>;
export declare function review<C extends Cell>(cycle: DrivenCycle<C>, body: ReviewBody): Promise<CycleView>;

// ── a whole cycle ─────────────────────────────────────────────────────────────────────────────────────
/** The steps after the launch and the host's pick, each by default as below. */
export interface StepOptions<C extends Cell = Cell> {
  /** The invited cells answer before the host posts its plan (by default the plan comes first). */
  rsvpsBeforePlan?: boolean;
  plan?: (cycle: DrivenCycle<C>) => PlanBody;
  /** Every visitor answers; by default each accepts (acceptInvitationBody with its index). */
  rsvp?: (visitor: C, index: number, cycle: DrivenCycle<C>) => RsvpBody;
  /** How long after meetingAt the meeting is recorded (ms, 5 by default). */
  meetingMarginMs?: number;
  /** By default meetingBody with the cells that accepted. */
  meeting?: (cycle: DrivenCycle<C>) => MeetingBody;
  /** Every attending cell critiques; by default critiqueBody with its index. */
  critique?: (visitor: C, index: number, cycle: DrivenCycle<C>) => CritiqueBody;
  /** The report of each round; by default reportBody answering cycle.pointsToAnswer. */
  report?: (cycle: DrivenCycle<C>, round: number) => ReportBody;
  /** One review per report, in order; the last must accept. By default [acceptReviewBody()]. */
  reviews?: ReviewBody[];
}

export interface DriveOptions<C extends Cell = Cell> extends LaunchOptions<C>, StepOptions<C> {
  /** Without cast.host: which candidate the committee picks (the first by default). */
  chooseHost?: (candidates: HostCandidate[]) => HostCandidate;
}

export interface DrivenToClose<C extends Cell = Cell> extends DrivenCycle<C> {
  host: C;
  /** How long the driver slept for meetingAt: time no step took. */
  waitMs: number;
  /** The cycle as the last review answered it: CLOSED. */
  closed: CycleView;
}

/**
 * Launch → pick host (when none given) → plan and RSVPs → meeting → critiques → report → review (with a
 * report again after each revision), over HTTP, as the committee staff, the host secretary and the
 * visiting secretaries would; throws when a step is refused or the cycle does not end CLOSED.
 */
export declare function driveCycle<C extends Cell>(http: CycleHttp, cast: CycleCast<C>, options: DriveOptions<C>): Promise<DrivenToClose<C>>;
/**
 * The rest of a cycle already launched with its host (or whose host is picked): plan and RSVPs → meeting →
 * critiques → report → review, as driveCycle goes on after the launch. The bench's burst launches many cycles
 * first and drives them all afterwards.
 */
export declare function driveToClose<C extends Cell>(cycle: DrivenCycle<C>, options?: StepOptions<C>): Promise<DrivenToClose<C>>;
