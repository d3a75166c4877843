/**
 * The vocabulary of a model-meeting cycle (sinh hoạt chi bộ điểm), shared by the workflow, the
 * activities and the API. Plain data only: the workflow sandbox imports this file.
 */
export const CYCLE_STAGES = [
  'HOST_SELECTION',
  'PREPARATION',
  'SCHEDULED',
  'CRITIQUE',
  'REPORTING',
  'REVIEW',
  'CLOSED',
  'CANCELLED',
] as const;
export type CycleStage = (typeof CYCLE_STAGES)[number];

export const OPEN_STAGES: readonly CycleStage[] = ['HOST_SELECTION', 'PREPARATION', 'SCHEDULED', 'CRITIQUE', 'REPORTING', 'REVIEW'];

export const MEETING_KINDS = ['regular', 'thematic'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const RATINGS = ['TOT', 'KHA', 'TRUNG_BINH', 'KEM'] as const;
export type Rating = (typeof RATINGS)[number];

export const CRITIQUE_STAGES = ['preparation', 'procedure', 'content', 'chairing', 'minutes', 'tasks'] as const;
export type CritiqueStage = (typeof CRITIQUE_STAGES)[number];

export const POINT_KINDS = ['strength', 'weakness', 'suggestion'] as const;
export type PointKind = (typeof POINT_KINDS)[number];

export const RSVP_RESPONSES = ['accept', 'decline'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const RESPONSE_STANCES = ['accept', 'partly', 'disagree'] as const;
export type ResponseStance = (typeof RESPONSE_STANCES)[number];

export const REVIEW_DECISIONS = ['accept', 'revise'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const TASK_ACTIONS = [
  'SELECT_HOST',
  'SUBMIT_PLAN',
  'RSVP',
  'RECORD_MEETING',
  'SUBMIT_CRITIQUE',
  'SUBMIT_REPORT',
  'REVIEW_REPORT',
  'COMPLETE_ACTION_ITEM',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export interface RubricCriterion {
  id: string;
  label: string;
  maxPoints: number;
  /** A rating of Tốt needs full points on every criterion marked so (attendance, duration, speaking, minutes). */
  requiredForTop?: boolean;
}

export interface PinnedRubric {
  id: string;
  name: string;
  version: number;
  criteria: RubricCriterion[];
  /** Scores are whole multiples of this (0.5: half points, as provincial sheets allow); 0.5 when absent. */
  pointStep?: number;
}

/** The finest step a score sheet may use when the rubric names none: half points. */
export const DEFAULT_POINT_STEP = 0.5;

export type Scores = Record<string, number>;

/** Who sends a step: resolved by the API from the signed-in user, checked again by the workflow against this cycle. */
export interface Actor {
  userId: string;
  role: 'admin' | 'committee' | 'secretary' | 'guest';
  committeeId: string | null;
  cellId: string | null;
}
