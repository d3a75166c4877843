import { ACTION_ROWS, type ActionRow } from './pages/report.page.js';
import { POINT_ROWS, type PointRow } from './pages/critique.page.js';
import { newSecret } from './web-sessions.service.js';

/**
 * What a posted form holds, as typed: plain strings read by name (a name posted twice, or not as one string,
 * reads as absent), ticked boxes as lists. Turning them into a step's input is the service's job.
 */
export type FormBody = Record<string, unknown>;

export function field(body: FormBody, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

/** Ticked boxes of one name: one arrives as a string, several as a list. */
function ticked(body: FormBody, name: string): string[] {
  const value = body[name];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

/** How many rows a form with "Thêm dòng" posted, within bounds. */
function rowCount(body: FormBody, name: string, fallback: number, most: number): number {
  return Math.min(Math.max(Number(field(body, name)) || fallback, 1), most);
}

/** The form's own idempotency key: the same form sent again acts once. */
export function formKey(body: FormBody): string {
  return field(body, '_key') ?? newSecret();
}

/** "Thêm dòng" was pressed: show the form again with more rows, send nothing. */
export function wantsMoreRows(body: FormBody): boolean {
  return field(body, 'more') === '1';
}

/** "Tính tổng điểm" was pressed (a phone without JavaScript): show the form again with the total, send nothing. */
export function wantsTally(body: FormBody): boolean {
  return field(body, 'tally') === '1';
}

/** The score sheet's lines (score_<criterion>), as typed. */
export function scoreFields(body: FormBody): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body).flatMap(([name, value]) => (name.startsWith('score_') && typeof value === 'string' ? [[name.slice('score_'.length), value]] : [])),
  );
}

export const rsvpFields = (body: FormBody) => ({ response: field(body, 'response'), delegate: field(body, 'delegate'), note: field(body, 'note') });

export const planFields = (body: FormBody) => ({ agenda: field(body, 'agenda'), content: field(body, 'content'), draftResolution: field(body, 'draftResolution') });

export function critiqueFields(body: FormBody): { rows: PointRow[]; scores: Record<string, string> } {
  const rows = Array.from({ length: rowCount(body, 'rows', POINT_ROWS, 100) }, (_, index) => ({
    stage: field(body, `stage_${index}`),
    kind: field(body, `kind_${index}`),
    text: field(body, `text_${index}`),
  }));
  return { rows, scores: scoreFields(body) };
}

export function reportFields(body: FormBody): { answers: Record<string, { stance?: string; text?: string }>; lessons?: string; actions: ActionRow[] } {
  const answers: Record<string, { stance?: string; text?: string }> = {};
  for (const [name, value] of Object.entries(body)) {
    const match = /^(stance|text)_([0-9a-f-]{36})$/.exec(name);
    if (match && typeof value === 'string') (answers[match[2]] ??= {})[match[1] as 'stance' | 'text'] = value;
  }
  const actions = Array.from({ length: rowCount(body, 'actions', ACTION_ROWS, 50) }, (_, index) => ({
    title: field(body, `action_title_${index}`),
    owner: field(body, `action_owner_${index}`),
    dueDate: field(body, `action_due_${index}`),
  }));
  return { answers, lessons: field(body, 'lessons'), actions };
}

export const meetingFields = (body: FormBody) => ({
  day: field(body, 'day'),
  start: field(body, 'start'),
  end: field(body, 'end'),
  combined: field(body, 'combined') === '1',
  present: field(body, 'present'),
  total: field(body, 'total'),
  absentWithReason: field(body, 'absentWithReason'),
  absentWithoutReason: field(body, 'absentWithoutReason'),
  attendingCellIds: ticked(body, 'attending'),
  minutes: field(body, 'minutes'),
  resolution: field(body, 'resolution'),
});

export const launchFields = (body: FormBody) => ({
  title: field(body, 'title'),
  topic: field(body, 'topic'),
  kind: field(body, 'kind'),
  day: field(body, 'day'),
  time: field(body, 'time'),
  location: field(body, 'location'),
  invitedCellIds: ticked(body, 'invited'),
  allCells: field(body, 'allCells') === '1',
  hostCellId: field(body, 'hostCellId'),
  critiqueDays: field(body, 'critiqueDays'),
  reportDays: field(body, 'reportDays'),
});

export const reviewFields = (body: FormBody) => ({
  decision: field(body, 'decision'),
  rating: field(body, 'rating'),
  comment: field(body, 'comment'),
  scores: scoreFields(body),
});

export const hostFields = (body: FormBody) => ({ cellId: field(body, 'cellId') });

export const adoptionFields = (body: FormBody) => ({ text: field(body, 'text') });

export const settleFields = (body: FormBody) => ({ note: field(body, 'note'), reason: field(body, 'reason') });
