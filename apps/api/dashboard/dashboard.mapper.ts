import { CYCLE_STAGES, RATINGS, type CycleStage, type InvitationStatus, type Rating, type TaskAction } from '../../../libs/domain/cycle.js';
import { VIETNAM_OFFSET_MS } from '../../../libs/domain/input-bounds.js';
import type {
  CritiqueOutcome,
  HostedRow,
  OpenActionItemRow,
  RatingCountRow,
  StageCountRow,
  VisitRow,
  VisitTallyRow,
  VisitYearRow,
  YearMeetingRow,
} from '../../../libs/persistence/repositories/dashboard.repository.js';
import type { TaskParty, WaitingLateRow } from '../../../libs/persistence/repositories/tasks.repository.js';

const DAY_MS = 86_400_000;

export interface StageCountView {
  status: CycleStage;
  count: number;
}

/** Whose a late task is: the committee (by its name), a cell (by its name) or an upper-level guest (by name). */
export interface ResponsibleView {
  party: TaskParty;
  name: string;
}

export interface LateTaskView {
  cycleId: string;
  cycleTitle: string;
  action: TaskAction;
  dueAt: string;
  responsible: ResponsibleView;
  /** For COMPLETE_ACTION_ITEM: what the item says. */
  actionItemTitle: string | null;
}

export interface YearMeetingView {
  cycleId: string;
  title: string;
  meetingAt: string;
  status: CycleStage;
  hostCellId: string | null;
  hostCellName: string | null;
  rating: Rating | null;
}

export type RatingCounts = Record<Rating, number>;

export interface RatingYearView {
  year: number;
  counts: RatingCounts;
}

export interface VisitTallyView {
  invited: number;
  attended: number;
  onTime: number;
  missed: number;
  pending: number;
  adopted: number;
}

export interface CellPunctualityView extends VisitTallyView {
  cellId: string;
  cellName: string;
}

/** The committee's picture (issue 18): its cycles by stage, what is late now and whose it is, the year's meetings. */
export interface CommitteeDashboardView {
  committeeId: string;
  committeeName: string;
  /** The calendar year (Vietnam's) of `meetings`, `ratings` and `punctuality`. */
  year: number;
  /** When the figures were read: "late" means due before this. */
  asOf: string;
  stages: StageCountView[];
  late: LateTaskView[];
  meetings: YearMeetingView[];
  /** The year's closed meetings by rating. */
  ratings: RatingCounts;
  /** Every year with a rated meeting, the earliest first. */
  ratingsByYear: RatingYearView[];
  /** Each cell invited to a meeting held in the year, by name. */
  punctuality: CellPunctualityView[];
}

export interface HostedView {
  cycleId: string;
  title: string;
  meetingAt: string;
  status: CycleStage;
  rating: Rating | null;
}

export interface VisitView {
  cycleId: string;
  title: string;
  meetingAt: string;
  hostCellName: string | null;
  rsvp: InvitationStatus;
  attended: boolean;
  critique: CritiqueOutcome | null;
  submittedAt: string | null;
  adopted: boolean;
}

export interface VisitYearView extends VisitTallyView {
  year: number;
}

export interface OpenActionItemView {
  id: string;
  cycleId: string;
  cycleTitle: string;
  title: string;
  owner: string;
  dueDate: string;
  /** Its due day (Vietnam's) has ended. */
  overdue: boolean;
}

/** One cell's record (issue 18): the meetings it hosted and their ratings, its visits, its open action items. */
export interface CellRecordView {
  committeeId: string;
  cell: { id: string; name: string; memberCount: number; active: boolean };
  asOf: string;
  hosted: HostedView[];
  visits: { totals: VisitTallyView; years: VisitYearView[]; items: VisitView[] };
  openActionItems: OpenActionItemView[];
}

const iso = (date: Date) => new Date(date).toISOString();

const noRatings = (): RatingCounts => ({ TOT: 0, KHA: 0, TRUNG_BINH: 0, KEM: 0 });

/** Every stage, in the order a cycle goes through them, with none left out (a stage with no cycle counts 0). */
export function toStageCounts(rows: StageCountRow[]): StageCountView[] {
  const counts = new Map(rows.map((row) => [row.status, row.count]));
  return CYCLE_STAGES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

export function toLateTask(row: WaitingLateRow, committeeName: string): LateTaskView {
  return {
    cycleId: row.cycleId,
    cycleTitle: row.cycleTitle,
    action: row.action,
    dueAt: iso(row.dueAt),
    responsible: { party: row.party, name: row.party === 'committee' ? committeeName : (row.partyName ?? '') },
    actionItemTitle: row.actionItemTitle,
  };
}

export function toYearMeeting(row: YearMeetingRow): YearMeetingView {
  return { ...row, meetingAt: iso(row.meetingAt) };
}

/** The year's meetings' ratings counted (the closed ones carry one). */
export function ratingsOf(meetings: YearMeetingView[]): RatingCounts {
  const counts = noRatings();
  for (const meeting of meetings) if (meeting.rating) counts[meeting.rating] += 1;
  return counts;
}

export function toRatingYears(rows: RatingCountRow[]): RatingYearView[] {
  const years = new Map<number, RatingCounts>();
  for (const row of rows) {
    if (!RATINGS.includes(row.rating)) continue;
    const counts = years.get(row.year) ?? noRatings();
    counts[row.rating] += row.count;
    years.set(row.year, counts);
  }
  return [...years].sort(([a], [b]) => a - b).map(([year, counts]) => ({ year, counts }));
}

const tally = (row: VisitTallyView): VisitTallyView => ({
  invited: row.invited,
  attended: row.attended,
  onTime: row.onTime,
  missed: row.missed,
  pending: row.pending,
  adopted: row.adopted,
});

/** Cells by name as Vietnamese sorts them (diacritics after their base letter). */
export function toPunctuality(rows: VisitTallyRow[]): CellPunctualityView[] {
  return rows.map((row) => ({ cellId: row.cellId, cellName: row.cellName, ...tally(row) })).sort((a, b) => a.cellName.localeCompare(b.cellName, 'vi'));
}

export function toHosted(row: HostedRow): HostedView {
  return { ...row, meetingAt: iso(row.meetingAt) };
}

export function toVisit(row: VisitRow): VisitView {
  return { ...row, meetingAt: iso(row.meetingAt), submittedAt: row.submittedAt ? iso(row.submittedAt) : null };
}

export function toVisitYear(row: VisitYearRow): VisitYearView {
  return { year: row.year, ...tally(row) };
}

/** The years' tallies added up. */
export function totalOf(years: VisitTallyView[]): VisitTallyView {
  const total: VisitTallyView = { invited: 0, attended: 0, onTime: 0, missed: 0, pending: 0, adopted: 0 };
  for (const year of years) for (const key of Object.keys(total) as (keyof VisitTallyView)[]) total[key] += year[key];
  return total;
}

/** An action item is due by the end of its day in Vietnam. */
export function toOpenActionItem(row: OpenActionItemRow, nowMs: number): OpenActionItemView {
  const endOfDueDay = Date.parse(`${row.dueDate}T00:00:00.000Z`) - VIETNAM_OFFSET_MS + DAY_MS;
  return { ...row, overdue: nowMs >= endOfDueDay };
}

/** Vietnam's calendar year of a moment, and where a year begins and ends. */
export function vietnamYearOf(epochMs: number): number {
  return new Date(epochMs + VIETNAM_OFFSET_MS).getUTCFullYear();
}

export function vietnamYearBounds(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1) - VIETNAM_OFFSET_MS), to: new Date(Date.UTC(year + 1, 0, 1) - VIETNAM_OFFSET_MS) };
}
