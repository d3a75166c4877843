/**
 * What the workflow hands its activities: the StepRecord a step or timer becomes, and the notifications it
 * asks for. The messages people send are in model-meeting.contract.ts. Payloads are kept small: history
 * holds every one of them.
 */
import type { CycleStage, MeetingKind, PinnedRubric, Rating } from '../../libs/domain/cycle.js';
import type { CycleEventName, NotificationReason } from '../../libs/domain/cycle-events.js';
import type { ActionItem, CritiqueRecord, CyclePlan, CycleReport, CycleReview, MeetingRecord } from '../../libs/domain/cycle-records.js';

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
  /** The update id of a step answered before this record was written (patch answer-before-record): the API waits for it. */
  stepId?: string;
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
  /** guestId is absent from a cell's critique in recorded histories. */
  critique?: Omit<CritiqueRecord, 'guestId'> & { guestId?: string | null; submittedBy: string };
  actionItems?: { cellId: string; items: ActionItem[] };
  close?: { hostCellId: string; hostedAt: string; rating: Rating };
  notify?: NotificationIntent[];
}
