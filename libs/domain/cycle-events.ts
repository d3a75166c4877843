/**
 * The words a cycle's timeline and inbox are written in. They are stored (cycle_events.event,
 * notifications.reason) and held by running histories: never rename one. Plain data: the workflow
 * sandbox imports this file, and the workflow contract re-exports it beside the messages.
 */

/** Events the modelMeeting workflow writes, one per accepted step or fired timer. */
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

/**
 * Events written after (or without) the workflow: what a cell adopts, action items settled, and a
 * cancellation the committee forced on a workflow that did not answer.
 */
export const FOLLOW_UP_EVENT_NAMES = ['LESSONS_ADOPTED', 'ACTION_ITEM_DONE', 'ACTION_ITEM_DROPPED', 'CYCLE_CANCELLED_WITHOUT_WORKFLOW'] as const;
export type FollowUpEventName = (typeof FOLLOW_UP_EVENT_NAMES)[number];

/** Everything a timeline can hold. */
export type TimelineEventName = CycleEventName | FollowUpEventName;

/** Why the workflow writes a notification to someone's inbox. */
export const NOTIFICATION_REASONS = [
  'HOST_SELECTION_NEEDED',
  'INVITED',
  'CHOSEN_AS_HOST',
  'PLAN_POSTED',
  'PLAN_REVISED',
  'RESCHEDULED',
  'CRITIQUE_OPEN',
  'REPORT_NEEDED',
  'REVIEW_NEEDED',
  'REVISION_REQUESTED',
  'LESSONS_SHARED',
  'CANCELLED',
  'RSVP_REMINDER',
  'PLAN_REMINDER',
  'PLAN_OVERDUE_ALERT',
  'CRITIQUE_REMINDER',
  'REPORT_REMINDER',
  'REPORT_OVERDUE',
  'REPORT_OVERDUE_ESCALATION',
  'GUEST_INVITED',
  'HOST_SELECTION_REMINDER',
  'PLAN_DUE_SOON',
  'RESCHEDULED_RECONFIRM',
  'RESCHEDULED_BY_HOST',
  'MEETING_RECORD_REMINDER',
  'MEETING_RECORD_OVERDUE_ALERT',
  'CRITIQUES_MISSING',
  'REVIEW_REMINDER',
  'RATED',
  'ATTENDANCE_NOT_RECORDED',
  'ATTENDANCE_CLAIMED',
] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

/** Reminders the action-item sweeper writes once a cycle is over. */
export const ACTION_ITEM_NOTICES = ['ACTION_ITEM_DUE_SOON', 'ACTION_ITEM_OVERDUE', 'ACTION_ITEM_OVERDUE_ALERT'] as const;
export type ActionItemNotice = (typeof ACTION_ITEM_NOTICES)[number];
