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
import type { ActionItem, CritiquePoint, CyclePlan, CycleReport, CycleReview, MeetingRecord } from '../../libs/domain/cycle-records.js';

export interface CycleSchedule {
  critiqueWindowMs: number;
  reportWindowMs: number;
  /** RSVP reminder this long before the meeting, to cells that have not answered. */
  rsvpReminderLeadMs: number;
  /** The plan is due this long before the meeting; then the host is reminded and the committee alerted. */
  planDueLeadMs: number;
  critiqueReminderLeadMs: number;
  reportReminderLeadMs: number;
}

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
  attendance: { present: number; total: number; absentWithReason?: number; absentWithoutReason?: number };
  attendingCellIds: string[];
  minutes: string;
  resolution?: string;
  selfScores?: Scores;
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
  | 'RSVP_REMINDER'
  | 'PLAN_OVERDUE'
  | 'CRITIQUE_REMINDER'
  | 'CRITIQUE_CLOSE'
  | 'REPORT_REMINDER'
  | 'REPORT_OVERDUE';

export type CycleEventName =
  | 'CYCLE_LAUNCHED'
  | 'HOST_CANDIDATES_RANKED'
  | 'HOST_SELECTED'
  | 'PLAN_POSTED'
  | 'PLAN_REVISED'
  | 'RSVP_ACCEPTED'
  | 'RSVP_DECLINED'
  | 'RESCHEDULED'
  | 'MEETING_RECORDED'
  | 'CRITIQUE_SUBMITTED'
  | 'CRITIQUE_CLOSED'
  | 'REPORT_FILED'
  | 'REVISION_REQUESTED'
  | 'CYCLE_CLOSED'
  | 'CYCLE_CANCELLED'
  | 'RSVP_REMINDER_SENT'
  | 'PLAN_OVERDUE'
  | 'CRITIQUE_REMINDER_SENT'
  | 'REPORT_REMINDER_SENT'
  | 'REPORT_OVERDUE';

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
  | 'REPORT_OVERDUE_ESCALATION';

export interface NotificationIntent {
  /** Secretaries of these cells, or the staff of the cycle's committee. */
  to: { cellIds: string[] } | { committee: true };
  reason: NotificationReason;
}

export interface CycleColumnChanges {
  status?: CycleStage;
  hostCellId?: string;
  meetingAt?: string;
  planDueAt?: string;
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
  invitations?: {
    cellId: string;
    status?: 'ACCEPTED' | 'DECLINED';
    delegate?: string | null;
    note?: string | null;
    respondedAt?: string;
    attended?: boolean;
  }[];
  critique?: {
    id: string;
    cellId: string;
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
