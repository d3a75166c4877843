import type { CycleStage, InvitationStatus, Rating, Scores } from '../../../libs/domain/cycle.js';
import type { CritiquePoint, CyclePlan, CycleReport, CycleReview, MeetingRecord } from '../../../libs/domain/cycle-records.js';
import { eventLabel, type Language } from '../../../libs/domain/messages.js';
import type { ActionItemEntity } from '../../../libs/persistence/entities/action-item.entity.js';
import type { CritiqueEntity } from '../../../libs/persistence/entities/critique.entity.js';
import type { CycleEventEntity } from '../../../libs/persistence/entities/cycle-event.entity.js';
import type { CycleInvitationEntity } from '../../../libs/persistence/entities/cycle-invitation.entity.js';
import type { CycleEntity } from '../../../libs/persistence/entities/cycle.entity.js';

export interface CritiqueView {
  id: string;
  cellId: string;
  submittedAt: string;
  points: CritiquePoint[];
  scores: Scores | null;
  scoreTotal: number | null;
  rating: Rating | null;
}

export interface CycleView {
  id: string;
  committeeId: string;
  title: string;
  topic: string;
  kind: string;
  status: CycleStage;
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
  critiques: CritiqueView[];
  /** For a visiting secretary who has not submitted yet: others' critiques stay hidden until theirs is in. */
  critiquesHidden: boolean;
  report: CycleReport | null;
  /** The host's commitments, open until ticked off, also after the cycle has closed. */
  actionItems: { id: string; title: string; owner: string; dueDate: string; doneAt: string | null }[];
  review: CycleReview | null;
  cancelReason: string | null;
  deadlines: { planDueAt: string; critiqueClosesAt: string | null; reportDueAt: string | null };
  timeline: { at: string; event: string; label: string; actorId: string | null; cellId: string | null }[];
  createdAt: string;
  updatedAt: string;
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

export function toCritiqueView(critique: CritiqueEntity): CritiqueView {
  return {
    id: critique.id,
    cellId: critique.cellId,
    submittedAt: critique.submittedAt.toISOString(),
    points: critique.points,
    scores: critique.scores,
    scoreTotal: critique.scoreTotal,
    rating: critique.rating,
  };
}

export function toCycleView(
  cycle: CycleEntity,
  invitations: CycleInvitationEntity[],
  critiques: CritiqueEntity[],
  critiquesHidden: boolean,
  events: CycleEventEntity[],
  actionItems: ActionItemEntity[],
  language: Language,
): CycleView {
  return {
    id: cycle.id,
    committeeId: cycle.committeeId,
    title: cycle.title,
    topic: cycle.topic,
    kind: cycle.kind,
    status: cycle.status,
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
    critiques: critiques.map(toCritiqueView),
    critiquesHidden,
    report: cycle.report,
    actionItems: actionItems.map((item) => ({ id: item.id, title: item.title, owner: item.owner, dueDate: item.dueDate, doneAt: iso(item.doneAt) })),
    review: cycle.review,
    cancelReason: cycle.cancelReason,
    deadlines: { planDueAt: cycle.planDueAt.toISOString(), critiqueClosesAt: iso(cycle.critiqueClosesAt), reportDueAt: iso(cycle.reportDueAt) },
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
