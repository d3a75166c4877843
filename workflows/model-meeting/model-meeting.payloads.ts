/**
 * Whether an update's payload is well formed, checked in its validator before any rule: the API has checked
 * the same bounds (libs/domain/input-bounds.ts), but a client that sends an update straight to Temporal
 * must not get a value into a cycle that PostgreSQL cannot store (a half-point score on an integer column,
 * the year 0000, a NUL), because the step's record could then never be written.
 *
 * Each function answers the path of the first field that is not well formed, or null. Only validators call
 * these (they never run on replay), so tightening them never breaks a recorded history.
 */
import { CRITIQUE_STAGES, MEETING_KINDS, POINT_KINDS, RATINGS, RESPONSE_STANCES, REVIEW_DECISIONS, RSVP_RESPONSES } from '../../libs/domain/cycle.js';
import {
  LIST_LIMITS,
  TEXT_LIMITS,
  hasOwn,
  isCalendarDate,
  isMemberCount,
  isRecord,
  isScoreSheet,
  isText,
  isTextList,
  isUuid,
  parseOffsetDateTime,
} from '../../libs/domain/input-bounds.js';

/** Larger than any body the API lets through (100 KB by default), small enough for a history event. */
export const MAX_STEP_PAYLOAD_CHARS = 256 * 1024;
/** A report answers every point of the cycle at once: up to LIST_LIMITS.responses answers (REPORT_BODY_LIMIT at the API). */
export const MAX_REPORT_PAYLOAD_CHARS = 1024 * 1024;

const ACTOR_ROLES = ['admin', 'committee', 'secretary', 'guest'];

type Check = (input: Record<string, unknown>) => string | null;

/** An optional field: absent, null (as the API lets JSON say "not given"), or well formed. */
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || value === null || check(value);
const oneOf = (values: readonly string[]) => (value: unknown) => typeof value === 'string' && values.includes(value);
const first = (...problems: (string | false)[]): string | null => problems.find((problem): problem is string => typeof problem === 'string') ?? null;

function uuidList(value: unknown, max: number, min = 0): boolean {
  return Array.isArray(value) && value.length >= min && value.length <= max && value.every(isUuid) && new Set(value).size === value.length;
}

const PAYLOAD_CHECKS: Record<string, Check> = {
  pickHost: (input) => first(!isUuid(input.cellId) && 'cellId'),
  claimAttendance: (input) =>
    first(!isUuid(input.cellId) && 'cellId', !optional(input.delegate, (value) => isText(value, TEXT_LIMITS.delegate)) && 'delegate'),
  inviteGuests: (input) => first(!uuidList(input.guestIds, LIST_LIMITS.guests, 1) && 'guestIds'),
  postPlan: (input) =>
    first(
      !isTextList(input.agenda, LIST_LIMITS.agenda, TEXT_LIMITS.agendaItem, 1) && 'agenda',
      !isText(input.content, TEXT_LIMITS.planContent) && 'content',
      !optional(input.draftResolution, (value) => isText(value, TEXT_LIMITS.planContent, 0)) && 'draftResolution',
    ),
  rsvp: (input) =>
    first(
      !isUuid(input.cellId) && 'cellId',
      !oneOf(RSVP_RESPONSES)(input.response) && 'response',
      !optional(input.delegate, (value) => isText(value, TEXT_LIMITS.delegate)) && 'delegate',
      !optional(input.note, (value) => isText(value, TEXT_LIMITS.note, 0)) && 'note',
    ),
  reschedule: (input) =>
    first(parseOffsetDateTime(input.meetingAt) === null && 'meetingAt', !isText(input.reason, TEXT_LIMITS.reason) && 'reason'),
  recordMeeting: (input) => {
    const attendance = input.attendance;
    const counts = isRecord(attendance)
      ? first(
          !isMemberCount(attendance.present) && 'attendance.present',
          !(isMemberCount(attendance.total) && attendance.total >= 1) && 'attendance.total',
          !optional(attendance.absentWithReason, isMemberCount) && 'attendance.absentWithReason',
          !optional(attendance.absentWithoutReason, isMemberCount) && 'attendance.absentWithoutReason',
          !optional(attendance.exempted, isMemberCount) && 'attendance.exempted',
        )
      : 'attendance';
    return first(
      parseOffsetDateTime(input.startedAt) === null && 'startedAt',
      parseOffsetDateTime(input.endedAt) === null && 'endedAt',
      counts ?? false,
      !uuidList(input.attendingCellIds, LIST_LIMITS.invitedCells) && 'attendingCellIds',
      !isText(input.minutes, TEXT_LIMITS.record) && 'minutes',
      !optional(input.resolution, (value) => isText(value, TEXT_LIMITS.record, 0)) && 'resolution',
      !optional(input.selfScores, isScoreSheet) && 'selfScores',
      !optional(input.combined, (value) => typeof value === 'boolean') && 'combined',
    );
  },
  submitCritique: (input) => {
    const points = input.points;
    const pointProblem =
      Array.isArray(points) && points.length >= 1 && points.length <= LIST_LIMITS.points
        ? points.findIndex(
            (point) =>
              !isRecord(point) ||
              !oneOf(CRITIQUE_STAGES)(point.stage) ||
              !oneOf(POINT_KINDS)(point.kind) ||
              !isText(point.text, TEXT_LIMITS.pointText),
          )
        : -2;
    return first(
      pointProblem !== -1 && (pointProblem >= 0 ? `points.${pointProblem}` : 'points'),
      !optional(input.scores, isScoreSheet) && 'scores',
      !optional(input.rating, oneOf(RATINGS)) && 'rating',
    );
  },
  fileReport: (input) => {
    const responses = input.responses;
    const items = input.actionItems;
    const responseProblem =
      Array.isArray(responses) && responses.length <= LIST_LIMITS.responses
        ? responses.findIndex(
            (response) =>
              !isRecord(response) ||
              !isUuid(response.pointId) ||
              !oneOf(RESPONSE_STANCES)(response.stance) ||
              !isText(response.text, TEXT_LIMITS.responseText),
          )
        : -2;
    const itemProblem =
      Array.isArray(items) && items.length <= LIST_LIMITS.actionItems
        ? items.findIndex(
            (item) =>
              !isRecord(item) ||
              !isText(item.title, TEXT_LIMITS.actionTitle) ||
              !isText(item.owner, TEXT_LIMITS.actionOwner) ||
              !isCalendarDate(item.dueDate),
          )
        : -2;
    return first(
      responseProblem !== -1 && (responseProblem >= 0 ? `responses.${responseProblem}` : 'responses'),
      !isTextList(input.lessons, LIST_LIMITS.lessons, TEXT_LIMITS.lesson, 1) && 'lessons',
      itemProblem !== -1 && (itemProblem >= 0 ? `actionItems.${itemProblem}` : 'actionItems'),
    );
  },
  review: (input) =>
    first(
      !oneOf(REVIEW_DECISIONS)(input.decision) && 'decision',
      !optional(input.rating, oneOf(RATINGS)) && 'rating',
      !optional(input.comment, (value) => isText(value, TEXT_LIMITS.comment, 0)) && 'comment',
      !optional(input.scores, isScoreSheet) && 'scores',
    ),
  cancel: (input) => first(!isText(input.reason, TEXT_LIMITS.reason) && 'reason'),
};

function malformedActor(actor: unknown): string | null {
  if (!isRecord(actor)) return 'actor';
  return first(
    !isUuid(actor.userId) && 'actor.userId',
    !oneOf(ACTOR_ROLES)(actor.role) && 'actor.role',
    !(actor.committeeId === null || isUuid(actor.committeeId)) && 'actor.committeeId',
    !(actor.cellId === null || isUuid(actor.cellId)) && 'actor.cellId',
  );
}

/** The first field of an update's envelope ({ actor, input }) that is not well formed, or null. */
export function malformedStep(update: string, envelope: unknown): string | null {
  if (!isRecord(envelope)) return 'envelope';
  if (!hasOwn(PAYLOAD_CHECKS, update)) return 'update';
  const check = PAYLOAD_CHECKS[update];
  const actorProblem = malformedActor(envelope.actor);
  if (actorProblem) return actorProblem;
  if (!isRecord(envelope.input)) return 'input';
  const limit = update === 'fileReport' ? MAX_REPORT_PAYLOAD_CHARS : MAX_STEP_PAYLOAD_CHARS;
  if (JSON.stringify(envelope.input).length > limit) return 'input';
  return check(envelope.input);
}

/** Every window and lead a cycle's timers are derived from; optional ones are filled from the defaults. */
const REQUIRED_SCHEDULE_KEYS = ['critiqueWindowMs', 'reportWindowMs', 'rsvpReminderLeadMs', 'planDueLeadMs', 'critiqueReminderLeadMs', 'reportReminderLeadMs'];
/** No window or lead is longer than a year (the API's bound on durations). */
const MAX_SCHEDULE_MS = 366 * 86_400_000;

/** The first field of a launch that is not well formed, or null (the API has checked the cells and the rubric). */
export function malformedLaunch(input: unknown): string | null {
  if (!isRecord(input)) return 'input';
  const schedule = input.schedule;
  const scheduleProblem = isRecord(schedule)
    ? (REQUIRED_SCHEDULE_KEYS.find((key) => !hasOwn(schedule, key)) ??
      Object.entries(schedule).find(([, value]) => typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_SCHEDULE_MS)?.[0])
    : 'schedule';
  const rubric = input.rubric;
  const rubricProblem =
    !isRecord(rubric) ||
    !Array.isArray(rubric.criteria) ||
    !rubric.criteria.every((criterion) => isRecord(criterion) && typeof criterion.id === 'string' && typeof criterion.maxPoints === 'number');
  return first(
    !isUuid(input.cycleId) && 'cycleId',
    !isUuid(input.committeeId) && 'committeeId',
    !isText(input.title, TEXT_LIMITS.title) && 'title',
    !isText(input.topic, TEXT_LIMITS.topic) && 'topic',
    !oneOf(MEETING_KINDS)(input.kind) && 'kind',
    !(input.hostCellId === null || isUuid(input.hostCellId)) && 'hostCellId',
    !uuidList(input.invitedCellIds, LIST_LIMITS.invitedCells, 1) && 'invitedCellIds',
    parseOffsetDateTime(input.meetingAt) === null && 'meetingAt',
    !isText(input.location, TEXT_LIMITS.location) && 'location',
    rubricProblem && 'rubric',
    !isText(input.critiqueWindow, 40) && 'critiqueWindow',
    !isText(input.reportWindow, 40) && 'reportWindow',
    scheduleProblem ? `schedule${scheduleProblem === 'schedule' ? '' : `.${scheduleProblem}`}` : false,
    !isUuid(input.launchedBy) && 'launchedBy',
    !optional(input.guestIds, (value) => uuidList(value, LIST_LIMITS.guests)) && 'guestIds',
  );
}
