// Types of step-bodies.mjs: each body is typed by the DTO the API validates it with, so a body that no
// longer fits the API fails the type check of whoever imports it (and `npx tsc -p scripts/lib`).
import type { CancelCycleDto } from '../../apps/api/cycles/dto/cancel-cycle.dto.js';
import type { ActionItemDto, FileReportDto, PointResponseDto } from '../../apps/api/cycles/dto/file-report.dto.js';
import type { LaunchCycleDto } from '../../apps/api/cycles/dto/launch-cycle.dto.js';
import type { PickHostDto } from '../../apps/api/cycles/dto/pick-host.dto.js';
import type { PostPlanDto } from '../../apps/api/cycles/dto/post-plan.dto.js';
import type { AttendanceDto, RecordMeetingDto } from '../../apps/api/cycles/dto/record-meeting.dto.js';
import type { ReviewDto } from '../../apps/api/cycles/dto/review.dto.js';
import type { RsvpDto } from '../../apps/api/cycles/dto/rsvp.dto.js';
import type { CritiquePointDto, SubmitCritiqueDto } from '../../apps/api/cycles/dto/submit-critique.dto.js';

/** A moment: an ISO 8601 string (sent as it is), a Date or epoch milliseconds (sent as UTC ISO). */
export type Moment = string | Date | number;

export type LaunchBody = LaunchCycleDto;
export type PickHostBody = PickHostDto;
export type PlanBody = PostPlanDto;
export type RsvpBody = RsvpDto;
export type MeetingBody = RecordMeetingDto;
export type Attendance = AttendanceDto;
export type CritiqueBody = SubmitCritiqueDto;
export type CritiquePoint = CritiquePointDto;
export type ReportBody = FileReportDto;
export type PointResponse = PointResponseDto;
export type ActionItem = ActionItemDto;
export type ReviewBody = ReviewDto;
export type CancelBody = CancelCycleDto;
export type Scores = NonNullable<CritiqueBody['scores']>;

/** How far a recorded start may precede meetingAt when none is given: a 95-minute meeting recorded moments after its time. */
export declare const EARLY_START_TOLERANCE: string;

export interface LaunchFacts {
  committeeId: string;
  /** Given: the cycle starts in PREPARATION with this host. Left out: in HOST_SELECTION, the committee picks later. */
  hostCellId?: string;
  /** At least one, same committee, not the host. */
  invitedCellIds: string[];
  /** In the future. */
  meetingAt: Moment;
  title?: string;
  topic?: string;
  kind?: LaunchBody['kind'];
  location?: string;
  /** ISO 8601 durations; left out, the API's defaults (P3D, P7D). */
  critiqueWindow?: string;
  reportWindow?: string;
  /** ISO 8601 duration; left out, the API's default. */
  reviewWindow?: string;
  /** A score sheet of the committee's; left out, its current default. */
  rubricId?: string;
  /** Upper-level guests invited to the meeting. */
  guestIds?: string[];
  /** Other reminder leads and delays (planDueLead, recordReminderDelay, …); left out, the API's defaults. */
  reminders?: Omit<NonNullable<LaunchBody['reminders']>, 'earlyStartTolerance'>;
  /** reminders.earlyStartTolerance; EARLY_START_TOLERANCE unless given; null sends none (the API's default, one hour). */
  earlyStartTolerance?: string | null;
}
/** POST /api/cycles (committee staff). */
export declare function launchBody(facts: LaunchFacts): LaunchBody;

/** POST /api/cycles/:id/host (committee): one of the ranked candidates. */
export declare function pickHostBody(cellId: string): PickHostBody;

/** POST /api/cycles/:id/plan (host secretary). */
export declare function planBody(words?: { agenda?: string[]; content?: string; draftResolution?: string }): PlanBody;

/**
 * POST /api/cycles/:id/invitations/:cellId/rsvp (that cell's secretary), accepting. `index` (0-based, the
 * cell's place among the visitors) goes into the default delegate's name, so each cell's words differ.
 */
export declare function acceptInvitationBody(options?: { delegate?: string; index?: number }): RsvpBody;
/** The same, declining, with a note. */
export declare function declineInvitationBody(options?: { note?: string }): RsvpBody;

export interface MeetingFacts {
  /** Only cells that accepted their invitation. */
  attendingCellIds: string[];
  /** How long the meeting lasted (at least 90 minutes, 120 when combined); 95 unless given. */
  durationMinutes?: number;
  /** It ended this many minutes before `now`; 5 unless given. */
  endedMinutesAgo?: number;
  now?: number;
  attendance?: Attendance;
  minutes?: string;
  resolution?: string;
  /** The host's own scores; null sends none (a rubric of other criteria). */
  selfScores?: Scores | null;
  /** A thematic meeting held together with the regular one (at least 120 minutes); left out, not sent. */
  combined?: boolean;
}
/** POST /api/cycles/:id/meeting (host secretary), allowed from meetingAt on. */
export declare function meetingBody(facts: MeetingFacts): MeetingBody;

/**
 * POST /api/cycles/:id/critiques (secretary of an attending cell). By default one strength and one weakness,
 * with `index` (0-based) in their text, and scores of the default sheet (null sends none).
 */
export declare function critiqueBody(options?: { index?: number; points?: CritiquePoint[]; scores?: Scores | null }): CritiqueBody;

/** A calendar day in Vietnam (UTC+7), "2027-01-05", `days` after today: an action item is due from the meeting's day on. */
export declare function vietnamDayFromToday(days: number): string;

/**
 * POST /api/cycles/:id/report (host secretary): every weakness and suggestion point answered. By default each
 * of `pointIds` is accepted with the same words; `responses` replaces them.
 */
export declare function reportBody(options?: { pointIds?: string[]; responses?: PointResponse[]; lessons?: string[]; actionItems?: ActionItem[] }): ReportBody;

/** POST /api/cycles/:id/review (committee), accepting: a rating is required; with a score sheet, the rating must agree with it. */
export declare function acceptReviewBody(options?: { rating?: NonNullable<ReviewBody['rating']>; comment?: string; scores?: Scores }): ReviewBody;
/** The same, sending the report back for a revision. */
export declare function reviseReviewBody(options?: { comment?: string }): ReviewBody;

/** POST /api/cycles/:id/cancel (committee). */
export declare function cancelBody(reason: string): CancelBody;
