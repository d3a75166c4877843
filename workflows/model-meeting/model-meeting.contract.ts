/**
 * The modelMeeting workflow's wire contract, used by both sides: the workflow registers these handlers,
 * the API sends these updates, and the API's DTOs implement these input types, so a renamed field fails
 * to compile instead of failing on replay.
 *
 * Workflow: modelMeeting(LaunchCycleInput), id model-meeting-<cycleId>.
 * Updates (each answers a StepResult or refuses with a CycleRejection carrying an error code):
 *   launch (with start), pickHost, postPlan, rsvp, reschedule, recordMeeting, submitCritique, fileReport,
 *   review, cancel, inviteGuests, claimAttendance.
 * Queries: state; stepRefusal (since patch answer-before-record: why a step answered before its record was
 *   written was refused afterwards, by its update id, or null).
 * Vocabulary: the timeline's event names and the inbox's notification reasons (libs/domain/cycle-events.ts).
 *
 * Every name here is held by running histories and stored rows: never rename one; change behaviour with
 * patched() in the workflow.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  CycleStage,
  MeetingKind,
  PinnedRubric,
  Rating,
  ReviewDecision,
  RsvpResponse,
  Scores,
} from '../../libs/domain/cycle.js';
import type { ActionItem, CritiquePoint, ReportResponse } from '../../libs/domain/cycle-records.js';
import type { CycleSchedule } from '../../libs/domain/cycle-schedule.js';
import type { Rejection } from '../../libs/domain/error-codes.js';
import type { CycleState } from './model-meeting.state.js';

export {
  ACTION_ITEM_NOTICES,
  CYCLE_EVENT_NAMES,
  FOLLOW_UP_EVENT_NAMES,
  NOTIFICATION_REASONS,
  type ActionItemNotice,
  type CycleEventName,
  type FollowUpEventName,
  type NotificationReason,
  type TimelineEventName,
} from '../../libs/domain/cycle-events.js';
export type { CycleSchedule } from '../../libs/domain/cycle-schedule.js';

export const MODEL_MEETING_WORKFLOW_TYPE = 'modelMeeting';

/** The workflow's signature, for a client that starts it by name (model-meeting.workflow.ts implements it). */
export type ModelMeetingWorkflow = (input: LaunchCycleInput) => Promise<{ stage: CycleStage }>;

export function modelMeetingWorkflowId(cycleId: string): string {
  return `model-meeting-${cycleId}`;
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
  /** Steps refused after they were answered (see stepRefusalQuery), by update id; absent before that patch. */
  lateRefusals?: [string, Rejection][];
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
  attendance: AttendanceInput;
  attendingCellIds: string[];
  minutes: string;
  resolution?: string;
  selfScores?: Scores;
  /** A thematic meeting held together with the regular one: it needs at least 120 minutes. */
  combined?: boolean;
}
/** Members present and absent, as the minutes count them. */
export interface AttendanceInput {
  present: number;
  total: number;
  absentWithReason?: number;
  absentWithoutReason?: number;
  exempted?: number;
}
/** One point of a critique, as its visiting cell writes it: the workflow gives it its id. */
export type CritiquePointInput = Omit<CritiquePoint, 'id'>;
export interface SubmitCritiqueInput {
  points: CritiquePointInput[];
  scores?: Scores;
  rating?: Rating;
}
/** The host's answer to one critique point, kept as written. */
export type PointResponseInput = ReportResponse;
/** Something the host commits to do, by a calendar day (YYYY-MM-DD): the workflow gives it its id. */
export type ActionItemInput = Omit<ActionItem, 'id'>;
export interface FileReportInput {
  responses: PointResponseInput[];
  lessons: string[];
  actionItems: ActionItemInput[];
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
  /**
   * false: the step was answered as soon as its decision was in the history, before its record was written
   * (patch answer-before-record). The caller waits for the record (cycle_events.step_id = the update id)
   * before it tells anyone, and asks stepRefusalQuery if it does not come. Absent: written before the answer.
   */
  written?: false;
}

/** An update that carries one person's step. */
export type StepUpdate<Input> = UpdateDefinition<StepResult, [StepEnvelope<Input>]>;

export const launchUpdate = defineUpdate<StepResult, []>('launch');
export const pickHostUpdate: StepUpdate<PickHostInput> = defineUpdate('pickHost');
export const postPlanUpdate: StepUpdate<PostPlanInput> = defineUpdate('postPlan');
export const rsvpUpdate: StepUpdate<RsvpInput> = defineUpdate('rsvp');
export const rescheduleUpdate: StepUpdate<RescheduleInput> = defineUpdate('reschedule');
export const recordMeetingUpdate: StepUpdate<RecordMeetingInput> = defineUpdate('recordMeeting');
export const submitCritiqueUpdate: StepUpdate<SubmitCritiqueInput> = defineUpdate('submitCritique');
export const fileReportUpdate: StepUpdate<FileReportInput> = defineUpdate('fileReport');
export const reviewUpdate: StepUpdate<ReviewInput> = defineUpdate('review');
export const cancelUpdate: StepUpdate<CancelInput> = defineUpdate('cancel');
export const inviteGuestsUpdate: StepUpdate<InviteGuestsInput> = defineUpdate('inviteGuests');
export const claimAttendanceUpdate: StepUpdate<ClaimAttendanceInput> = defineUpdate('claimAttendance');

export const stateQuery = defineQuery<CycleState>('state');
/** Why a step answered before its record was written was refused afterwards (the database refused the record), or null. */
export const stepRefusalQuery = defineQuery<Rejection | null, [string]>('stepRefusal');
