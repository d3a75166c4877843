import type { CritiqueStage, PointKind, Rating, ResponseStance, ReviewDecision, Scores } from './cycle.js';

/** The shapes of what people record in a cycle, as kept in PostgreSQL and shown by the API. */
export interface CyclePlan {
  agenda: string[];
  content: string;
  draftResolution: string | null;
  postedAt: string;
  postedBy: string;
}

export interface Attendance {
  present: number;
  total: number;
  absentWithReason: number;
  absentWithoutReason: number;
}

export interface MeetingRecord {
  startedAt: string;
  endedAt: string;
  durationMinutes: number;
  attendance: Attendance;
  attendingCellIds: string[];
  minutes: string;
  resolution: string | null;
  selfScores: Scores | null;
  selfScoreTotal: number | null;
  selfRating: Rating | null;
  /** Quality observations the guidance asks for (short meeting, low attendance, unexcused absence). */
  qualityFlags: string[];
  recordedAt: string;
  recordedBy: string;
}

export interface CritiquePoint {
  id: string;
  stage: CritiqueStage;
  kind: PointKind;
  text: string;
}

/** A critique as kept: by a visiting cell, or (cellId null) by an upper-level guest. */
export interface CritiqueRecord {
  id: string;
  cellId: string | null;
  guestId: string | null;
  submittedAt: string;
  points: CritiquePoint[];
  scores: Scores | null;
  scoreTotal: number | null;
  rating: Rating | null;
}

export interface ReportResponse {
  pointId: string;
  stance: ResponseStance;
  text: string;
}

export interface ActionItem {
  id: string;
  title: string;
  owner: string;
  dueDate: string;
}

export interface CycleReport {
  responses: ReportResponse[];
  lessons: string[];
  actionItems: ActionItem[];
  revision: number;
  filedAt: string;
  filedBy: string;
  late: boolean;
}

export interface CycleReview {
  decision: ReviewDecision;
  rating: Rating | null;
  comment: string | null;
  reviewedAt: string;
  reviewedBy: string;
}

/**
 * The last_seq of a cycle cancelled without its workflow (which was terminated): higher than any step, so
 * a write of that workflow still under way finds the cycle already past it and changes nothing.
 */
export const FORCED_LAST_SEQ = 2_000_000_000;
