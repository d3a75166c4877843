import type { CycleStage, InvitationStatus } from '../../../libs/domain/cycle.js';
import type { CritiqueRecord, CyclePlan, CycleReport, CycleReview, MeetingRecord } from '../../../libs/domain/cycle-records.js';
import { RATING_LABELS, STAGE_LABELS, labelOf } from '../../../libs/wording/labels.js';
import type { Language } from '../../../libs/wording/language.js';
import { eventLabel } from '../../../libs/wording/timeline-labels.js';
import type { ActionItemEntity } from '../../../libs/persistence/entities/action-item.entity.js';
import type { CritiqueEntity } from '../../../libs/persistence/entities/critique.entity.js';
import type { CycleEventEntity } from '../../../libs/persistence/entities/cycle-event.entity.js';
import type { CycleInvitationEntity } from '../../../libs/persistence/entities/cycle-invitation.entity.js';
import type { CycleEntity } from '../../../libs/persistence/entities/cycle.entity.js';

/**
 * The version of what toCycleView and forVisitor make of a cycle: part of every ETag and cached rendering of a
 * view (cycle-reads.service.ts), so a client's copy of an older shape is never answered 304. Raise it with any
 * change of the fields or the words a view holds; cycle-view-schema.spec.ts fails on a change of the fields.
 */
export const CYCLE_VIEW_SCHEMA = 1;

export interface CritiqueView extends CritiqueRecord {
  /** For a guest's critique, the guest's name (as the cycle's guest list gives it). */
  guestName?: string | null;
}

export interface CycleView {
  id: string;
  committeeId: string;
  title: string;
  topic: string;
  kind: string;
  status: CycleStage;
  /** The stage as people read it ("Báo cáo rút kinh nghiệm"), in the request's language. */
  statusLabel: string;
  hostCellId: string | null;
  meetingAt: string;
  location: string;
  rubricId: string;
  rubric: CycleEntity['rubric'];
  plan: CyclePlan | null;
  invitations: {
    cellId: string;
    status: InvitationStatus;
    delegate: string | null;
    note: string | null;
    respondedAt: string | null;
    attended: boolean;
    adoption: string | null;
  }[];
  meeting: MeetingRecord | null;
  /** Upper-level guests invited by name: they may critique, and their critiques are marked as theirs. */
  guests: { userId: string | null; fullName: string }[];
  critiques: CritiqueView[];
  /** For a visiting secretary who has not submitted yet: others' critiques stay hidden until theirs is in. */
  critiquesHidden: boolean;
  report: CycleReport | null;
  /** The host's commitments, open until ticked off or dropped, also after the cycle has closed. */
  actionItems: ActionItemView[];
  /** The host cell's commitments from earlier cycles that are still open. */
  carriedOverActionItems: (ActionItemView & { cycleId: string })[];
  review: ReviewView | null;
  cancelReason: string | null;
  deadlines: {
    hostDueAt: string | null;
    planDueAt: string;
    recordDueAt: string | null;
    critiqueClosesAt: string | null;
    reportDueAt: string | null;
    reviewDueAt: string | null;
  };
  timeline: { at: string; event: string; label: string; actorId: string | null; cellId: string | null }[];
  createdAt: string;
  updatedAt: string;
}

export interface ReviewView extends CycleReview {
  /** The rating as people read it ("Tốt"), in the request's language; only when the meeting was rated. */
  ratingLabel?: string;
}

export interface ActionItemView {
  id: string;
  title: string;
  owner: string;
  dueDate: string;
  doneAt: string | null;
  droppedAt: string | null;
  dropReason: string | null;
}

export interface CycleSummary {
  id: string;
  committeeId: string;
  title: string;
  kind: string;
  status: CycleStage;
  hostCellId: string | null;
  meetingAt: string;
  location: string;
  createdAt: string;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

function toReviewView(review: CycleReview | null, language: Language): ReviewView | null {
  if (!review?.rating) return review;
  return { ...review, ratingLabel: labelOf(RATING_LABELS, review.rating, language) };
}

export function toCritiqueView(critique: CritiqueEntity): CritiqueView {
  return {
    id: critique.id,
    cellId: critique.cellId,
    guestId: critique.guestId,
    submittedAt: critique.submittedAt.toISOString(),
    points: critique.points,
    scores: critique.scores,
    scoreTotal: critique.scoreTotal,
    rating: critique.rating,
  };
}

export function toActionItemView(item: ActionItemEntity): ActionItemView {
  return {
    id: item.id,
    title: item.title,
    owner: item.owner,
    dueDate: item.dueDate,
    doneAt: iso(item.doneAt),
    droppedAt: iso(item.droppedAt),
    dropReason: item.dropReason,
  };
}

/** Everything a cycle's page shows, as read from PostgreSQL, already cut to what the caller may see. */
export interface CycleParts {
  cycle: CycleEntity;
  invitations: CycleInvitationEntity[];
  guests: { userId: string; fullName: string }[];
  critiques: CritiqueEntity[];
  critiquesHidden: boolean;
  events: CycleEventEntity[];
  actionItems: ActionItemEntity[];
  carriedOver: ActionItemEntity[];
}

export function toCycleView(
  { cycle, invitations, guests, critiques, critiquesHidden, events, actionItems, carriedOver }: CycleParts,
  language: Language,
): CycleView {
  return {
    id: cycle.id,
    committeeId: cycle.committeeId,
    title: cycle.title,
    topic: cycle.topic,
    kind: cycle.kind,
    status: cycle.status,
    statusLabel: labelOf(STAGE_LABELS, cycle.status, language),
    hostCellId: cycle.hostCellId,
    meetingAt: cycle.meetingAt.toISOString(),
    location: cycle.location,
    rubricId: cycle.rubricId,
    rubric: cycle.rubric,
    plan: cycle.plan,
    invitations: invitations.map((invitation) => ({
      cellId: invitation.cellId,
      status: invitation.status,
      delegate: invitation.delegate,
      note: invitation.note,
      respondedAt: iso(invitation.respondedAt),
      attended: invitation.attended,
      adoption: invitation.adoption,
    })),
    meeting: cycle.meeting,
    guests,
    critiques: critiques.map((critique) => ({
      ...toCritiqueView(critique),
      ...(critique.guestId ? { guestName: guests.find((guest) => guest.userId === critique.guestId)?.fullName ?? null } : {}),
    })),
    critiquesHidden,
    report: cycle.report,
    actionItems: actionItems.map(toActionItemView),
    carriedOverActionItems: carriedOver.map((item) => ({ ...toActionItemView(item), cycleId: item.cycleId })),
    review: toReviewView(cycle.review, language),
    cancelReason: cycle.cancelReason,
    deadlines: {
      hostDueAt: iso(cycle.hostDueAt),
      planDueAt: cycle.planDueAt.toISOString(),
      recordDueAt: iso(cycle.recordDueAt),
      critiqueClosesAt: iso(cycle.critiqueClosesAt),
      reportDueAt: iso(cycle.reportDueAt),
      reviewDueAt: iso(cycle.reviewDueAt),
    },
    timeline: events.map((event) => ({
      at: event.at.toISOString(),
      event: event.event,
      label: eventLabel(event.event, language),
      actorId: event.actorId,
      cellId: typeof event.detail?.cellId === 'string' ? event.detail.cellId : null,
    })),
    createdAt: cycle.createdAt.toISOString(),
    updatedAt: cycle.updatedAt.toISOString(),
  };
}

export function toCycleSummary(cycle: CycleEntity): CycleSummary {
  return {
    id: cycle.id,
    committeeId: cycle.committeeId,
    title: cycle.title,
    kind: cycle.kind,
    status: cycle.status,
    hostCellId: cycle.hostCellId,
    meetingAt: cycle.meetingAt.toISOString(),
    location: cycle.location,
    createdAt: cycle.createdAt.toISOString(),
  };
}

/**
 * What a visiting secretary or a guest sees: no other cell's note on its answer, and no person's user id
 * (timeline actors, who posted, recorded, filed and reviewed, the guests' and other guests' accounts).
 */
export function forVisitor(view: CycleView, caller: { id: string; cellId: string | null }): CycleView {
  const withoutAuthor = <T extends object>(record: T | null, field: string): T | null => {
    if (!record) return record;
    const copy = { ...record } as Record<string, unknown>;
    delete copy[field];
    return copy as T;
  };
  return {
    ...view,
    plan: withoutAuthor(view.plan, 'postedBy'),
    meeting: withoutAuthor(view.meeting, 'recordedBy'),
    report: withoutAuthor(view.report, 'filedBy'),
    review: withoutAuthor(view.review, 'reviewedBy'),
    invitations: view.invitations.map((invitation) => (invitation.cellId === caller.cellId ? invitation : { ...invitation, note: null })),
    guests: view.guests.map((guest) => ({ ...guest, userId: guest.userId === caller.id ? guest.userId : null })),
    critiques: view.critiques.map((critique) => (critique.guestId && critique.guestId !== caller.id ? { ...critique, guestId: null } : critique)),
    timeline: view.timeline.map((entry) => ({ ...entry, actorId: null })),
  };
}
