/**
 * The data that crosses the workflow boundary: the launch input, each update's payload, and the
 * StepRecord an activity persists. Payloads are kept small: history holds every one of them.
 */
import type {
  Actor,
  CritiqueStage,
  CycleStage,
  MeetingKind,
  PinnedRubric,
  PointKind,
  Rating,
  ResponseStance,
  ReviewDecision,
  RsvpResponse,
  Scores,
} from '../../libs/domain/cycle.js';
import type { CycleSchedule } from '../../libs/domain/cycle-schedule.js';
import type { CycleState } from './model-meeting.state.js';
import type { ActionItem, CritiquePoint, CyclePlan, CycleReport, CycleReview, MeetingRecord } from '../../libs/domain/cycle-records.js';

export type { CycleSchedule } from '../../libs/domain/cycle-schedule.js';

export interface LaunchCycleInput {
  cycleId: string;
  committeeId: string;
  title: string;
  topic: string;
  kind: MeetingKind;
  hostCellId: string | null;
  invitedCellIds: string[];
  meetingAt: string;
  location: string;
  rubric: PinnedRubric;
  critiqueWindow: string;
  reportWindow: string;
  schedule: CycleSchedule;
  launchedBy: string;
  /** Upper-level guests (user ids of guest accounts) invited by name; they may critique. */
  guestIds?: string[];
  /** Set only by the workflow itself when it continues as new. */
  continued?: ContinuedRun;
}

/** What a run hands to the next when it continues as new. */
export interface ContinuedRun {
  state: CycleState;
  launchResult: StepResult;
  recentResults: [string, StepResult][];
}

export interface StepEnvelope<T> {
  actor: Actor;
  input: T;
}

export interface PickHostInput {
  cellId: string;
}
export interface PostPlanInput {
  agenda: string[];
  content: string;
  draftResolution?: string;
}
export interface RsvpInput {
  cellId: string;
  response: RsvpResponse;
  delegate?: string;
  note?: string;
}
export interface RescheduleInput {
  meetingAt: string;
  reason: string;
}
export interface RecordMeetingInput {
  startedAt: string;
  endedAt: string;
  attendance: { present: number; total: number; absentWithReason?: number; absentWithoutReason?: number; exempted?: number };
  attendingCellIds: string[];
  minutes: string;
  resolution?: string;
  selfScores?: Scores;
  /** A thematic meeting held together with the regular one: it needs at least 120 minutes. */
  combined?: boolean;
}
export interface SubmitCritiqueInput {
  points: { stage: CritiqueStage; kind: PointKind; text: string }[];
  scores?: Scores;
  rating?: Rating;
}
export interface FileReportInput {
  responses: { pointId: string; stance: ResponseStance; text: string }[];
  lessons: string[];
  actionItems: { title: string; owner: string; dueDate: string }[];
}
export interface ReviewInput {
  decision: ReviewDecision;
  rating?: Rating;
  comment?: string;
  /** The committee's own score sheet for the meeting; with it, the rating must agree with the sheet. */
  scores?: Scores;
}
export interface InviteGuestsInput {
  guestIds: string[];
}
export interface ClaimAttendanceInput {
  cellId: string;
  /** Who attended for the cell. */
  delegate?: string;
}
export interface CancelInput {
  reason: string;
}

/** What every accepted update answers: the step's number, and the ids it created. */
export interface StepResult {
  seq: number;
  stage: CycleStage;
  critiqueId?: string;
  pointIds?: string[];
}

export type TimerKind =
  | 'HOST_SELECTION_OVERDUE'
  | 'RSVP_REMINDER'
  | 'PLAN_REMINDER'
  | 'PLAN_OVERDUE'
  | 'MEETING_RECORD_REMINDER'
  | 'MEETING_RECORD_OVERDUE'
  | 'CRITIQUE_REMINDER'
  | 'CRITIQUE_CLOSE'
  | 'REPORT_REMINDER'
  | 'REPORT_OVERDUE'
  | 'REVIEW_OVERDUE';

/** Every event a cycle's timeline holds from its workflow (the names are stored: never rename them). */
export const CYCLE_EVENT_NAMES = [
  'CYCLE_LAUNCHED',
  'HOST_CANDIDATES_RANKED',
  'HOST_SELECTED',
  'PLAN_POSTED',
  'PLAN_REVISED',
  'RSVP_ACCEPTED',
  'RSVP_DECLINED',
  'RESCHEDULED',
  'MEETING_RECORDED',
  'CRITIQUE_SUBMITTED',
  'CRITIQUE_CLOSED',
  'REPORT_FILED',
  'REVISION_REQUESTED',
  'CYCLE_CLOSED',
  'CYCLE_CANCELLED',
  'RSVP_REMINDER_SENT',
  'PLAN_OVERDUE',
  'CRITIQUE_REMINDER_SENT',
  'REPORT_REMINDER_SENT',
  'REPORT_OVERDUE',
  'GUESTS_INVITED',
  'HOST_SELECTION_OVERDUE',
  'PLAN_REMINDER_SENT',
  'MEETING_RECORD_REMINDER_SENT',
  'MEETING_RECORD_OVERDUE',
  'REVIEW_OVERDUE',
  'ATTENDANCE_CLAIMED',
] as const;
export type CycleEventName = (typeof CYCLE_EVENT_NAMES)[number];

export type NotificationReason =
  | 'HOST_SELECTION_NEEDED'
  | 'INVITED'
  | 'CHOSEN_AS_HOST'
  | 'PLAN_POSTED'
  | 'PLAN_REVISED'
  | 'RESCHEDULED'
  | 'CRITIQUE_OPEN'
  | 'REPORT_NEEDED'
  | 'REVIEW_NEEDED'
  | 'REVISION_REQUESTED'
  | 'LESSONS_SHARED'
  | 'CANCELLED'
  | 'RSVP_REMINDER'
  | 'PLAN_REMINDER'
  | 'PLAN_OVERDUE_ALERT'
  | 'CRITIQUE_REMINDER'
  | 'REPORT_REMINDER'
  | 'REPORT_OVERDUE'
  | 'REPORT_OVERDUE_ESCALATION'
  | 'GUEST_INVITED'
  | 'HOST_SELECTION_REMINDER'
  | 'PLAN_DUE_SOON'
  | 'RESCHEDULED_RECONFIRM'
  | 'RESCHEDULED_BY_HOST'
  | 'MEETING_RECORD_REMINDER'
  | 'MEETING_RECORD_OVERDUE_ALERT'
  | 'CRITIQUES_MISSING'
  | 'REVIEW_REMINDER'
  | 'RATED'
  | 'ATTENDANCE_NOT_RECORDED'
  | 'ATTENDANCE_CLAIMED';

export interface NotificationIntent {
  /** Secretaries of these cells, the staff of the cycle's committee, or these people (guests). */
  to: { cellIds: string[] } | { committee: true } | { userIds: string[] };
  reason: NotificationReason;
  /** Cells the text names (those still missing a critique, say). */
  namedCellIds?: string[];
}

export interface CycleColumnChanges {
  status?: CycleStage;
  hostCellId?: string;
  meetingAt?: string;
  planDueAt?: string;
  hostDueAt?: string | null;
  recordDueAt?: string | null;
  reviewDueAt?: string | null;
  plan?: CyclePlan;
  meeting?: MeetingRecord;
  critiqueClosesAt?: string;
  reportDueAt?: string;
  report?: CycleReport;
  review?: CycleReview;
  cancelReason?: string;
}

export interface LaunchRecord {
  cycleId: string;
  committeeId: string;
  title: string;
  topic: string;
  kind: MeetingKind;
  status: CycleStage;
  hostCellId: string | null;
  meetingAt: string;
  location: string;
  rubric: PinnedRubric;
  critiqueWindow: string;
  reportWindow: string;
  planDueAt: string;
  invitedCellIds: string[];
  createdBy: string;
  /** The rules this cycle runs under (see CycleState.ruleset); absent before ruleset 2. */
  ruleset?: number;
  hostDueAt?: string | null;
  recordDueAt?: string | null;
  guestIds?: string[];
}

/** One accepted step or fired timer, as the activity writes it: atomically, at most once per (cycleId, seq). */
export interface StepRecord {
  cycleId: string;
  seq: number;
  at: string;
  event: CycleEventName;
  actorId: string | null;
  detail?: Record<string, unknown>;
  launch?: LaunchRecord;
  cycle?: CycleColumnChanges;
  /** Cells no longer invited (an invited cell picked as the host). */
  uninvitedCellIds?: string[];
  /** Guests newly invited. */
  guestIds?: string[];
  invitations?: {
    cellId: string;
    status?: 'PENDING' | 'ACCEPTED' | 'DECLINED';
    delegate?: string | null;
    note?: string | null;
    respondedAt?: string | null;
    attended?: boolean;
  }[];
  critique?: {
    id: string;
    /** The visiting cell, or null for an upper-level guest's critique. */
    cellId: string | null;
    guestId?: string | null;
    submittedBy: string;
    submittedAt: string;
    points: CritiquePoint[];
    scores: Scores | null;
    scoreTotal: number | null;
    rating: Rating | null;
  };
  actionItems?: { cellId: string; items: ActionItem[] };
  close?: { hostCellId: string; hostedAt: string; rating: Rating };
  notify?: NotificationIntent[];
}
