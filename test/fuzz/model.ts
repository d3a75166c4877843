import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_RUBRIC } from '../../libs/domain/default-rubric.js';
import { vietnamDay } from './values.js';

/**
 * The suite's own model of every cycle it touches: what was accepted, step by step, so that after every
 * case the cycle's GET can be compared with exactly that, as each kind of person sees it. The rules the
 * generators need (rating bands, meeting quality, due-date range, who attends and when the critique window
 * closes) are written here from the documents (domain.md, the ruleset-2 notes, the README's ruleset 3 and
 * "Security in production"), not taken from the code under test.
 */

export type Stage = 'HOST_SELECTION' | 'PREPARATION' | 'SCHEDULED' | 'CRITIQUE' | 'REPORTING' | 'REVIEW' | 'CLOSED' | 'CANCELLED';
export const OPEN: readonly Stage[] = ['HOST_SELECTION', 'PREPARATION', 'SCHEDULED', 'CRITIQUE', 'REPORTING', 'REVIEW'];
export type Rating = 'TOT' | 'KHA' | 'TRUNG_BINH' | 'KEM';
export type Scores = Record<string, number>;

// ---------------------------------------------------------------------------------------------------
// Rules from the documents.

export const CRITERIA = DEFAULT_RUBRIC.criteria.map((criterion) => ({
  id: criterion.id,
  maxPoints: criterion.maxPoints,
  requiredForTop: 'requiredForTop' in criterion && criterion.requiredForTop === true,
}));

export const isComplete = (scores: Scores) => CRITERIA.every((criterion) => Object.hasOwn(scores, criterion.id));
export const total = (scores: Scores) => Object.values(scores).reduce((sum, points) => sum + points, 0);
/** domain.md: a rating of Tốt needs full points on attendance, duration, members speaking and minutes. */
export const fullOnRequired = (scores: Scores) => CRITERIA.filter((criterion) => criterion.requiredForTop).every((criterion) => scores[criterion.id] === criterion.maxPoints);

/** domain.md's bands of the 100-point sheet; a complete sheet decides the band, a partial one none. */
export function band(scores: Scores | null): Rating | null {
  if (!scores || !isComplete(scores)) return null;
  const sum = total(scores);
  if (sum >= 90) return fullOnRequired(scores) ? 'TOT' : 'KHA';
  if (sum >= 70) return 'KHA';
  if (sum >= 50) return 'TRUNG_BINH';
  return 'KEM';
}

export interface MeetingModel {
  startedAt: number;
  endedAt: number;
  attendance: { present: number; total: number; absentWithReason: number; absentWithoutReason: number; exempted: number };
  attendingCellIds: string[];
  minutes: string;
  resolution: string | null;
  selfScores: Scores | null;
  combined: boolean;
  recordedBy: string;
}

/**
 * What rules a rating of Tốt out (notes, rule 6; domain.md): a meeting shorter than 90 minutes (120 when
 * combined), fewer than 90% of the members present (exempted ones not counted), an unexcused absence.
 */
export function topRuledOut(meeting: MeetingModel | null): boolean {
  if (!meeting) return false;
  const minutes = (meeting.endedAt - meeting.startedAt) / 60_000;
  const short = minutes < (meeting.combined ? 120 : 90);
  const expected = meeting.attendance.total - meeting.attendance.exempted;
  const low = 10 * meeting.attendance.present < 9 * expected;
  return short || low || meeting.attendance.absentWithoutReason > 0;
}

/** Notes, rule 7: an action item is due between the meeting's day (Vietnam time) and 5 years after it. */
export function dueRange(meetingAt: number): { earliest: string; latest: string } {
  const earliest = vietnamDay(meetingAt);
  const latest = `${Number(earliest.slice(0, 4)) + 5}${earliest.slice(4)}`;
  // The suite's meetings are never on 29 February, where "5 years after" would be a matter of reading.
  return { earliest, latest };
}

// ---------------------------------------------------------------------------------------------------
// A cycle as the suite knows it.

export interface InvitationModel {
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  delegate: string | null;
  note: string | null;
  answers: number;
  responded: boolean;
  attended: boolean;
  adoption: string | null;
  /** How many times the cell recorded (or revised) what it adopts: a post and at most 4 edits. */
  adoptions: number;
}

/** A cell records what it adopts once and revises it at most 4 times (issue 10: adoption is bounded). */
export const ADOPTION_RECORDS = 5;
/** Ruleset 3 (README, "the rules a commune meets"): each cell answers its invitation this often, plus once per new date. */
export const RSVP_ANSWERS = 10;

export interface PointModel {
  id: string;
  stage: string;
  kind: string;
  text: string;
}

export interface CritiqueModel {
  id: string;
  cellId: string | null;
  guestId: string | null;
  points: PointModel[];
  scores: Scores | null;
  rating: Rating | null;
}

export interface ItemModel {
  id: string;
  title: string;
  owner: string;
  dueDate: string;
  done: boolean;
  dropReason: string | null;
}

export interface Lane {
  id: string;
  /** What the suite made it for (a pool name), or "launched" for a cycle a fuzz case created. */
  tag: string;
  committeeId: string;
  /** The identity whose GET shows everything of this cycle (committee staff). */
  viewer: string;
  title: string;
  topic: string;
  kind: string;
  location: string;
  rubricId: string;
  status: Stage;
  hostCellId: string | null;
  meetingAt: number;
  toleranceMs: number;
  invitations: Map<string, InvitationModel>;
  guests: Set<string>;
  guestsCritiqued: Set<string>;
  plan: { agenda: string[]; content: string; draftResolution: string | null; postedBy: string } | null;
  planPosts: number;
  reschedules: number;
  meeting: MeetingModel | null;
  /** Cells that accepted, were left out of the meeting's record, and said they attended (ruleset 3). */
  claimedCells: string[];
  critiquedCells: Set<string>;
  critiques: CritiqueModel[];
  report: { responses: { pointId: string; stance: string; text: string }[]; lessons: string[]; itemIds: string[]; revision: number; filedBy: string } | null;
  revisions: number;
  review: { decision: string; rating: Rating | null; comment: string | null; scores: Scores | null; reviewedBy: string } | null;
  cancelReason: string | null;
  items: ItemModel[];
  /** The user id behind every accepted step, in order: the timeline's entries with an actor. */
  actors: string[];
  /** Set once the cycle's GET disagreed with the model: it is used no further. */
  tainted: string | null;
}

export const isOpen = (lane: Lane) => OPEN.includes(lane.status);
export const lower = (id: string) => id.toLowerCase();

export interface LaunchBody {
  committeeId: string;
  title: string;
  topic: string;
  kind: string;
  hostCellId?: string;
  invitedCellIds: string[];
  meetingAt: string;
  location: string;
  rubricId?: string;
  reminders?: { earlyStartTolerance?: string };
  guestIds?: string[];
}

export function newLane(id: string, tag: string, viewer: string, body: LaunchBody, toleranceMs: number, actor: string): Lane {
  return {
    id: lower(id),
    tag,
    committeeId: lower(body.committeeId),
    viewer,
    title: body.title,
    topic: body.topic,
    kind: body.kind,
    location: body.location,
    rubricId: lower(body.rubricId ?? DEFAULT_RUBRIC.id),
    status: body.hostCellId ? 'PREPARATION' : 'HOST_SELECTION',
    hostCellId: body.hostCellId ? lower(body.hostCellId) : null,
    meetingAt: Date.parse(body.meetingAt),
    toleranceMs,
    invitations: new Map(
      body.invitedCellIds.map((cellId) => [
        lower(cellId),
        { status: 'PENDING', delegate: null, note: null, answers: 0, responded: false, attended: false, adoption: null, adoptions: 0 },
      ]),
    ),
    guests: new Set((body.guestIds ?? []).map(lower)),
    guestsCritiqued: new Set(),
    plan: null,
    planPosts: 0,
    reschedules: 0,
    meeting: null,
    claimedCells: [],
    critiquedCells: new Set(),
    critiques: [],
    report: null,
    revisions: 0,
    review: null,
    cancelReason: null,
    items: [],
    actors: [actor],
    tainted: null,
  };
}

/** The cells attending now: those the host recorded, and those that said they attended since. */
export const attendingCells = (lane: Lane): string[] => (lane.meeting ? [...lane.meeting.attendingCellIds, ...lane.claimedCells] : []);

/** Cells that accepted and are not attending: after the meeting is recorded they may say they attended. */
export const leftOutCells = (lane: Lane): string[] => {
  const attending = attendingCells(lane);
  return [...lane.invitations.entries()].filter(([cellId, invitation]) => invitation.status === 'ACCEPTED' && !attending.includes(cellId)).map(([cellId]) => cellId);
};

/**
 * The answers that give a meeting every kind of invitation to record or refuse: one cell accepts, and of
 * three or more one declines while the rest stay unanswered (what remains to answer, else null).
 */
export function mixedAnswerWanted(lane: Lane): { cellId: string; response: 'accept' | 'decline' } | null {
  const entries = [...lane.invitations.entries()];
  const unanswered = entries.filter(([, invitation]) => invitation.answers === 0).map(([cellId]) => cellId);
  if (acceptedCells(lane).length === 0) {
    const cellId = unanswered[0] ?? entries.find(([, invitation]) => invitation.answers < RSVP_ANSWERS + lane.reschedules)?.[0];
    return cellId ? { cellId, response: 'accept' } : null;
  }
  if (entries.length >= 3 && !entries.some(([, invitation]) => invitation.status === 'DECLINED') && unanswered.length > 0) return { cellId: unanswered[unanswered.length - 1], response: 'decline' };
  return null;
}

export const acceptedCells = (lane: Lane): string[] => [...lane.invitations.entries()].filter(([, invitation]) => invitation.status === 'ACCEPTED').map(([cellId]) => cellId);

/** Cells that attended and have not critiqued yet, and invited guests who have not. */
export function openSlots(lane: Lane): { cells: string[]; guests: string[] } {
  if (lane.status !== 'CRITIQUE' || !lane.meeting) return { cells: [], guests: [] };
  return {
    cells: attendingCells(lane).filter((cellId) => !lane.critiquedCells.has(cellId)),
    guests: [...lane.guests].filter((guestId) => !lane.guestsCritiqued.has(guestId)),
  };
}

/** Left-out cells that may still say they attended: the critique window is open (its timer is days away in the suite's cycles). */
export const claimable = (lane: Lane): string[] => (lane.status === 'CRITIQUE' ? leftOutCells(lane) : []);

/**
 * Whether the cells alone can close the critique window early (ruleset 3: every attending cell has
 * critiqued and no cell that accepted is left out); a window with guests only closes on its timer.
 */
export const cellsCanClose = (lane: Lane): boolean => lane.status === 'CRITIQUE' && (openSlots(lane).cells.length > 0 || claimable(lane).length > 0);

/** Ruleset 3: the window closes early once every attending cell has critiqued and no accepted cell is left out. */
const everyCellHasSpoken = (lane: Lane) => attendingCells(lane).every((cellId) => lane.critiquedCells.has(cellId)) && leftOutCells(lane).length === 0;

/** Every weakness and suggestion point of the cycle's critiques: the report must answer each once. */
export const pointsToAnswer = (lane: Lane) => lane.critiques.flatMap((critique) => critique.points).filter((point) => point.kind !== 'strength');
export const allPoints = (lane: Lane) => lane.critiques.flatMap((critique) => critique.points);

// ---------------------------------------------------------------------------------------------------
// What an accepted step changes.

export type StepName = 'host' | 'guests' | 'plan' | 'rsvp' | 'reschedule' | 'meeting' | 'attendance' | 'critique' | 'report' | 'review' | 'cancel' | 'adoption' | 'done' | 'drop';

export interface Actor {
  userId: string;
  role: string;
  cellId: string | null;
}

type Body = Record<string, unknown>;
const str = (value: unknown) => value as string;
const optionalText = (value: unknown) => (value === undefined ? null : (value as string));
/** README: names are stored in NFC (a delegate named when saying the cell attended is a name). */
export const nfc = (value: string) => value.normalize('NFC');

/** An RSVP exactly like the cell's standing answer (response, delegate and note) is not a step (issue 10). */
export function unchangedRsvp(invitation: InvitationModel, body: Body): boolean {
  const status = body.response === 'accept' ? 'ACCEPTED' : 'DECLINED';
  const delegate = typeof body.delegate === 'string' ? nfc(body.delegate) : optionalText(body.delegate);
  return invitation.status === status && invitation.delegate === delegate && invitation.note === optionalText(body.note);
}

/** Applies an accepted step to the model: `body` as the server read it, `answer` what it answered (ids it created). */
export function applyStep(lane: Lane, step: StepName, actor: Actor, pathIds: string[], body: Body, answer: unknown, busy: Map<string, string>): void {
  const view = answer as { points?: { id: string }[]; id?: string; report?: { actionItems?: { id: string }[] } } | undefined;
  switch (step) {
    case 'host': {
      const cellId = lower(str(body.cellId));
      lane.invitations.delete(cellId);
      lane.hostCellId = cellId;
      lane.status = 'PREPARATION';
      busy.set(cellId, lane.id);
      break;
    }
    case 'guests':
      for (const guestId of body.guestIds as string[]) lane.guests.add(lower(guestId));
      break;
    case 'plan':
      lane.plan = { agenda: body.agenda as string[], content: str(body.content), draftResolution: optionalText(body.draftResolution), postedBy: actor.userId };
      lane.planPosts += 1;
      lane.status = 'SCHEDULED';
      break;
    case 'rsvp': {
      const invitation = lane.invitations.get(lower(pathIds[1]))!;
      // The same answer again changes nothing: no event, not counted.
      if (unchangedRsvp(invitation, body)) return;
      invitation.status = body.response === 'accept' ? 'ACCEPTED' : 'DECLINED';
      // A delegate is a name: stored in NFC.
      invitation.delegate = typeof body.delegate === 'string' ? nfc(body.delegate) : optionalText(body.delegate);
      invitation.note = optionalText(body.note);
      invitation.answers += 1;
      invitation.responded = true;
      break;
    }
    case 'reschedule':
      lane.meetingAt = Date.parse(str(body.meetingAt));
      lane.reschedules += 1;
      // Notes, rule 4: the cells that had accepted are asked to confirm again (delegate and note are kept).
      for (const invitation of lane.invitations.values()) {
        if (invitation.status === 'ACCEPTED') {
          invitation.status = 'PENDING';
          invitation.responded = false;
        }
      }
      break;
    case 'meeting': {
      const attendance = body.attendance as Record<string, number>;
      const attending = [...new Set((body.attendingCellIds as string[]).map(lower))];
      lane.meeting = {
        startedAt: Date.parse(str(body.startedAt)),
        endedAt: Date.parse(str(body.endedAt)),
        attendance: {
          present: attendance.present,
          total: attendance.total,
          absentWithReason: attendance.absentWithReason ?? 0,
          absentWithoutReason: attendance.absentWithoutReason ?? 0,
          exempted: attendance.exempted ?? 0,
        },
        attendingCellIds: attending,
        minutes: str(body.minutes),
        resolution: optionalText(body.resolution),
        selfScores: (body.selfScores as Scores | undefined) ?? null,
        combined: body.combined === true,
        recordedBy: actor.userId,
      };
      for (const cellId of attending) lane.invitations.get(cellId)!.attended = true;
      // Ruleset 3: the critique window opens unless nobody attended, nobody who accepted was left out, and no guest is invited.
      lane.status = attending.length === 0 && leftOutCells(lane).length === 0 && lane.guests.size === 0 ? 'REPORTING' : 'CRITIQUE';
      break;
    }
    case 'attendance': {
      const cellId = actor.cellId!;
      const invitation = lane.invitations.get(cellId)!;
      lane.claimedCells.push(cellId);
      invitation.attended = true;
      // The delegate named when accepting stays unless the cell names who came.
      if (typeof body.delegate === 'string') invitation.delegate = nfc(body.delegate);
      break;
    }
    case 'critique': {
      const sent = body.points as { stage: string; kind: string; text: string }[];
      const ids = (view?.points ?? []).map((point) => point.id);
      const scores = (body.scores as Scores | undefined) ?? null;
      const guest = actor.role === 'guest';
      lane.critiques.push({
        id: String(view?.id),
        cellId: guest ? null : actor.cellId,
        guestId: guest ? actor.userId : null,
        points: sent.map((point, index) => ({ id: ids[index], stage: point.stage, kind: point.kind, text: point.text })),
        scores,
        rating: (body.rating as Rating | undefined) ?? band(scores),
      });
      if (guest) lane.guestsCritiqued.add(actor.userId);
      else lane.critiquedCells.add(actor.cellId!);
      // Ruleset 3: the window closes early only when every attending cell has critiqued and no cell that
      // accepted is left out; a guest's critique never closes it (nor holds it open: it closes on its timer).
      if (!guest && everyCellHasSpoken(lane)) lane.status = 'REPORTING';
      break;
    }
    case 'report': {
      const items = body.actionItems as { title: string; owner: string; dueDate: string }[];
      const ids = (view?.report?.actionItems ?? []).map((item) => item.id);
      lane.report = {
        responses: (body.responses as { pointId: string; stance: string; text: string }[]).map((response) => ({ ...response, pointId: lower(response.pointId) })),
        lessons: body.lessons as string[],
        itemIds: ids,
        revision: lane.revisions,
        filedBy: actor.userId,
      };
      // A new report replaces the open action items of the one before.
      lane.items = lane.items.filter((item) => item.done || item.dropReason !== null);
      items.forEach((item, index) => lane.items.push({ id: ids[index], title: item.title, owner: item.owner, dueDate: item.dueDate, done: false, dropReason: null }));
      lane.status = 'REVIEW';
      break;
    }
    case 'review': {
      const revise = body.decision === 'revise';
      lane.review = {
        decision: str(body.decision),
        rating: revise ? null : (body.rating as Rating),
        comment: optionalText(body.comment),
        scores: (body.scores as Scores | undefined) ?? null,
        reviewedBy: actor.userId,
      };
      if (revise) {
        lane.revisions += 1;
        lane.status = 'REPORTING';
      } else {
        lane.status = 'CLOSED';
        if (lane.hostCellId) busy.delete(lane.hostCellId);
      }
      break;
    }
    case 'cancel':
      lane.status = 'CANCELLED';
      lane.cancelReason = str(body.reason);
      if (lane.hostCellId) busy.delete(lane.hostCellId);
      break;
    case 'adoption': {
      const invitation = lane.invitations.get(actor.cellId!)!;
      // The same text again changes nothing and writes nothing.
      if (invitation.adoption === str(body.text)) return;
      invitation.adoption = str(body.text);
      invitation.adoptions += 1;
      break;
    }
    case 'done':
    case 'drop': {
      const item = lane.items.find((candidate) => candidate.id === lower(pathIds[1]));
      if (!item || item.done || item.dropReason !== null) return; // settled already: nothing changes, nothing is written
      if (step === 'done') item.done = true;
      else item.dropReason = str(body.reason);
      break;
    }
  }
  lane.actors.push(actor.userId);
}

// ---------------------------------------------------------------------------------------------------
// The GET compared with the model.

/** JSON's own equality (-0 is 0): what the server stores and answers is JSON. */
const same = (a: unknown, b: unknown) => isDeepStrictEqual(JSON.parse(JSON.stringify(a ?? null)), JSON.parse(JSON.stringify(b ?? null)));
const sameSet = (a: Iterable<string>, b: Iterable<string>) => same([...a].map(lower).sort(), [...b].map(lower).sort());
const instant = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : NaN);

type ViewRecord = Record<string, unknown>;

/**
 * Who reads the GET. The committee's staff, the host secretary and the admin see everything; a visitor (the
 * secretary of an invited cell, or an invited guest) sees no other cell's note on its answer and no person's
 * user id (issue 10): not who posted, recorded, filed or reviewed, not the timeline's actors, not the other
 * guests' accounts; and the others' critiques only once its own is in.
 */
export type Viewer = { kind: 'full' } | { kind: 'visitor'; userId: string; cellId: string | null };
export const FULL: Viewer = { kind: 'full' };

/** Every difference between the cycle's GET, as `viewer` reads it, and what the suite knows was accepted. */
export function differences(view: ViewRecord, lane: Lane, viewer: Viewer = FULL): string[] {
  const visitor = viewer.kind === 'visitor' ? viewer : null;
  const out: string[] = [];
  const expect = (what: string, actual: unknown, expected: unknown) => {
    if (same(actual, expected)) return;
    // Long lists: the first item that differs.
    if (Array.isArray(actual) && Array.isArray(expected) && actual.length === expected.length) {
      const index = actual.findIndex((item, at) => !same(item, expected[at]));
      out.push(`${what}[${index}]: GET shows ${clip(JSON.stringify(actual[index]))}, accepted was ${clip(JSON.stringify(expected[index]))}`);
      return;
    }
    out.push(`${what}: GET shows ${clip(JSON.stringify(actual))}, accepted was ${clip(JSON.stringify(expected))}`);
  };
  /** A field a visitor must not be shown at all, and everyone else must be shown as accepted. */
  const author = (what: string, record: ViewRecord, field: string, expected: string) => {
    if (!visitor) expect(`${what}.${field}`, record[field], expected);
    else if (Object.hasOwn(record, field)) out.push(`${what}.${field}: a visitor is shown ${clip(JSON.stringify(record[field]))}`);
  };
  expect('status', view.status, lane.status);
  expect('hostCellId', typeof view.hostCellId === 'string' ? lower(view.hostCellId) : view.hostCellId, lane.hostCellId);
  expect('meetingAt', instant(view.meetingAt), lane.meetingAt);
  for (const field of ['title', 'topic', 'kind', 'location'] as const) expect(field, view[field], lane[field]);
  expect('rubricId', lower(String(view.rubricId)), lane.rubricId);

  const invitations = (view.invitations as ViewRecord[]) ?? [];
  expect(
    'invited cells',
    invitations.map((invitation) => lower(String(invitation.cellId))).sort(),
    [...lane.invitations.keys()].sort(),
  );
  for (const invitation of invitations) {
    const model = lane.invitations.get(lower(String(invitation.cellId)));
    if (!model) continue;
    const at = `invitation ${String(invitation.cellId)}`;
    expect(`${at} status`, invitation.status, model.status);
    expect(`${at} delegate`, invitation.delegate, model.delegate);
    // A visitor reads its own cell's note only (a decline note says why a cell stays away).
    expect(`${at} note`, invitation.note, visitor && lower(String(invitation.cellId)) !== visitor.cellId ? null : model.note);
    expect(`${at} answered`, invitation.respondedAt !== null, model.responded);
    expect(`${at} attended`, invitation.attended, model.attended);
    expect(`${at} adoption`, invitation.adoption, model.adoption);
  }
  const guestIds = ((view.guests as ViewRecord[]) ?? []).map((guest) => (typeof guest.userId === 'string' ? lower(guest.userId) : (guest.userId as null)));
  if (!visitor) {
    if (!sameSet(guestIds.map(String), lane.guests)) expect('guests', guestIds, [...lane.guests]);
  } else {
    // A guest sees its own account among the guests; nobody else's.
    const expected = [...lane.guests].map((guestId) => (guestId === visitor.userId ? guestId : null));
    const order = (ids: (string | null)[]) => ids.map((id) => id ?? '').sort();
    expect('guests (user ids as a visitor sees them)', order(guestIds), order(expected));
  }

  const plan = view.plan as ViewRecord | null;
  if (!lane.plan || !plan) expect('plan', plan, lane.plan);
  else {
    expect('plan.agenda', plan.agenda, lane.plan.agenda);
    expect('plan.content', plan.content, lane.plan.content);
    expect('plan.draftResolution', plan.draftResolution, lane.plan.draftResolution);
    author('plan', plan, 'postedBy', lane.plan.postedBy);
  }

  const meeting = view.meeting as ViewRecord | null;
  if (!lane.meeting || !meeting) expect('meeting', meeting, lane.meeting);
  else {
    const model = lane.meeting;
    expect('meeting.startedAt', instant(meeting.startedAt), model.startedAt);
    expect('meeting.endedAt', instant(meeting.endedAt), model.endedAt);
    expect('meeting.attendance', meeting.attendance, model.attendance);
    expect('meeting.attendingCellIds', ((meeting.attendingCellIds as string[]) ?? []).map(lower).sort(), [...model.attendingCellIds].sort());
    expect('meeting.minutes', meeting.minutes, model.minutes);
    expect('meeting.resolution', meeting.resolution, model.resolution);
    expect('meeting.selfScores', meeting.selfScores, model.selfScores);
    expect('meeting.combined', meeting.combined, model.combined);
    author('meeting', meeting, 'recordedBy', model.recordedBy);
  }

  const critiques = (view.critiques as ViewRecord[]) ?? [];
  // A visitor sees the others' critiques once its own is in; until then none, and that some are hidden.
  const ownIn = !visitor || lane.critiques.some((critique) => (visitor.cellId ? critique.cellId === visitor.cellId : critique.guestId === visitor.userId));
  const shown = ownIn ? lane.critiques : [];
  expect('critiquesHidden', view.critiquesHidden, !ownIn && lane.critiques.length > 0);
  expect('critique ids', critiques.map((critique) => critique.id).sort(), shown.map((critique) => critique.id).sort());
  for (const model of shown) {
    const critique = critiques.find((candidate) => candidate.id === model.id);
    if (!critique) continue;
    const at = `critique ${model.id}`;
    expect(`${at} cellId`, critique.cellId, model.cellId);
    expect(`${at} guestId`, critique.guestId, visitor && model.guestId !== visitor.userId ? null : model.guestId);
    expect(`${at} points`, critique.points, model.points);
    expect(`${at} scores`, critique.scores, model.scores);
    expect(`${at} rating`, critique.rating, model.rating);
  }

  const report = view.report as ViewRecord | null;
  if (!lane.report || !report) expect('report', report, lane.report);
  else {
    expect('report.responses', ((report.responses as ViewRecord[]) ?? []).map((response) => ({ ...response, pointId: lower(String(response.pointId)) })), lane.report.responses);
    expect('report.lessons', report.lessons, lane.report.lessons);
    expect('report.actionItems', ((report.actionItems as ViewRecord[]) ?? []).map((item) => item.id), lane.report.itemIds);
    expect('report.revision', report.revision, lane.report.revision);
    author('report', report, 'filedBy', lane.report.filedBy);
  }

  const items = (view.actionItems as ViewRecord[]) ?? [];
  expect('action item ids', items.map((item) => item.id).sort(), lane.items.map((item) => item.id).sort());
  for (const model of lane.items) {
    const item = items.find((candidate) => candidate.id === model.id);
    if (!item) continue;
    const at = `action item ${model.id}`;
    expect(`${at} title`, item.title, model.title);
    expect(`${at} owner`, item.owner, model.owner);
    expect(`${at} dueDate`, item.dueDate, model.dueDate);
    expect(`${at} done`, item.doneAt !== null, model.done);
    expect(`${at} dropped`, item.droppedAt !== null, model.dropReason !== null);
    expect(`${at} dropReason`, item.dropReason, model.dropReason);
  }

  const review = view.review as ViewRecord | null;
  if (!lane.review || !review) expect('review', review, lane.review);
  else {
    expect('review.decision', review.decision, lane.review.decision);
    expect('review.rating', review.rating, lane.review.rating);
    expect('review.comment', review.comment, lane.review.comment);
    if (lane.review.scores) expect('review.scores', review.scores, lane.review.scores);
    author('review', review, 'reviewedBy', lane.review.reviewedBy);
  }
  expect('cancelReason', view.cancelReason, lane.cancelReason);

  const timeline = (view.timeline as ViewRecord[]) ?? [];
  expect(
    visitor ? 'timeline actors a visitor is shown (none)' : 'who did the accepted steps (timeline entries with an actor, in order)',
    timeline.filter((entry) => entry.actorId !== null).map((entry) => entry.actorId),
    visitor ? [] : lane.actors,
  );
  return out;
}

function clip(text: string | undefined, max = 300): string {
  if (text === undefined) return 'undefined';
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}
