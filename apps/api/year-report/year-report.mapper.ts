import { RATINGS, type CycleStage, type Rating } from '../../../libs/domain/cycle.js';
import { VIETNAM_OFFSET_MS } from '../../../libs/domain/input-bounds.js';
import type { CellEntity } from '../../../libs/persistence/entities/cell.entity.js';
import type { ActionItemTallyRow, CellTallyRow, MeetingTallyRow, ReportTally, YearMeetingRow } from '../../../libs/persistence/repositories/dashboard.repository.js';
import type { RatingCounts } from '../dashboard/dashboard.mapper.js';

/** A quarter of the year: 1 is January to March. */
export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];

/** The stages a cycle is in once its meeting was held and recorded (a cancelled one counts for nothing). */
const HELD_STAGES: readonly CycleStage[] = ['CRITIQUE', 'REPORTING', 'REVIEW', 'CLOSED'];

/** What the visiting cells did about the meetings: invited, attended or declined, their critiques, what they adopted. */
export type VisitCountsView = ReportTally;

/** The action items host cells committed to after the period's meetings, as they stand when the report is read. */
export interface ActionItemCountsView {
  committed: number;
  done: number;
  dropped: number;
  open: number;
  /** Open past their due day (Vietnam's). */
  overdue: number;
}

export interface ReportMeetingView {
  cycleId: string;
  title: string;
  meetingAt: string;
  status: CycleStage;
  /** The meeting was held and recorded (the cycle is past its meeting). */
  held: boolean;
  hostCellId: string | null;
  hostCellName: string | null;
  rating: Rating | null;
  visitors: VisitCountsView;
  actionItems: ActionItemCountsView;
}

export interface ReportCellView {
  cellId: string;
  cellName: string;
  memberCount: number;
  active: boolean;
  /** Model meetings it hosted that were held in the period. */
  hosted: number;
  /** The ratings of those meetings (the closed ones carry one). */
  hostedRatings: RatingCounts;
  visits: VisitCountsView;
  /** What it committed to as host after those meetings. */
  actionItems: ActionItemCountsView;
}

export interface ReportTotalsView {
  /** Meetings of the period not cancelled, held or still to come. */
  planned: number;
  held: number;
  cancelled: number;
  /** Held meetings the committee has rated, and by rating. */
  rated: number;
  ratings: RatingCounts;
  /** Cells that hosted a held meeting. */
  hostCells: number;
  /** Cells that attended at least one held meeting as visitors. */
  visitingCells: number;
  visits: VisitCountsView;
  actionItems: ActionItemCountsView;
}

/** The committee's report for a year or a quarter (issue 18): the commune's totals, its meetings, every cell. */
export interface YearReportView {
  committeeId: string;
  committeeName: string;
  year: number;
  quarter: Quarter | null;
  /** The period in Vietnam's calendar: from its first moment, to the first moment after it. */
  from: string;
  to: string;
  /** When the figures were read: open action items are overdue as of this moment. */
  asOf: string;
  totals: ReportTotalsView;
  meetings: ReportMeetingView[];
  cells: ReportCellView[];
}

/** Where a year, or a quarter of it, begins and ends in Vietnam (00:00 on 1 January there is 17:00 UTC the day before). */
export function vietnamPeriodBounds(year: number, quarter: Quarter | null): { from: Date; to: Date } {
  const [firstMonth, months] = quarter === null ? [0, 12] : [(quarter - 1) * 3, 3];
  return {
    from: new Date(Date.UTC(year, firstMonth, 1) - VIETNAM_OFFSET_MS),
    to: new Date(Date.UTC(year, firstMonth + months, 1) - VIETNAM_OFFSET_MS),
  };
}

const noRatings = (): RatingCounts => ({ TOT: 0, KHA: 0, TRUNG_BINH: 0, KEM: 0 });
const noVisits = (): VisitCountsView => ({ invited: 0, attended: 0, declined: 0, onTime: 0, missed: 0, pending: 0, adopted: 0 });
const noItems = (): ActionItemCountsView => ({ committed: 0, done: 0, dropped: 0, open: 0, overdue: 0 });

const visitsOf = (row: ReportTally | undefined): VisitCountsView =>
  row
    ? { invited: row.invited, attended: row.attended, declined: row.declined, onTime: row.onTime, missed: row.missed, pending: row.pending, adopted: row.adopted }
    : noVisits();

function add<T extends object>(into: T, from: T): T {
  for (const key of Object.keys(into) as (keyof T)[]) (into[key] as number) += from[key] as number;
  return into;
}

export interface YearReportRows {
  committeeId: string;
  committeeName: string;
  year: number;
  quarter: Quarter | null;
  from: Date;
  to: Date;
  now: Date;
  /** Every cycle whose meeting falls in the period, cancelled ones too. */
  meetings: YearMeetingRow[];
  meetingTallies: MeetingTallyRow[];
  cellTallies: CellTallyRow[];
  actionItems: ActionItemTallyRow[];
  /** The committee's cells, dissolved ones too. */
  cells: Pick<CellEntity, 'id' | 'name' | 'memberCount' | 'deactivatedAt'>[];
}

/**
 * The report from the rows read for it. Every active cell has a line, whether or not it took part (a report shows
 * who did not); a dissolved cell only when it has figures in the period. Cells by name as Vietnamese sorts them.
 */
export function toYearReport(rows: YearReportRows): YearReportView {
  const tallyOfMeeting = new Map(rows.meetingTallies.map((row) => [row.cycleId, row]));
  const itemsOfMeeting = new Map<string, ActionItemCountsView>();
  const itemsOfCell = new Map<string, ActionItemCountsView>();
  for (const row of rows.actionItems) {
    const counts = { committed: row.committed, done: row.done, dropped: row.dropped, open: row.open, overdue: row.overdue };
    itemsOfMeeting.set(row.cycleId, add(itemsOfMeeting.get(row.cycleId) ?? noItems(), counts));
    itemsOfCell.set(row.cellId, add(itemsOfCell.get(row.cellId) ?? noItems(), counts));
  }

  const meetings: ReportMeetingView[] = rows.meetings
    .filter((meeting) => meeting.status !== 'CANCELLED')
    .map((meeting) => ({
      cycleId: meeting.cycleId,
      title: meeting.title,
      meetingAt: new Date(meeting.meetingAt).toISOString(),
      status: meeting.status,
      held: HELD_STAGES.includes(meeting.status),
      hostCellId: meeting.hostCellId,
      hostCellName: meeting.hostCellName,
      rating: meeting.rating,
      visitors: visitsOf(tallyOfMeeting.get(meeting.cycleId)),
      actionItems: itemsOfMeeting.get(meeting.cycleId) ?? noItems(),
    }));
  const held = meetings.filter((meeting) => meeting.held);

  const hostedBy = new Map<string, { hosted: number; ratings: RatingCounts }>();
  for (const meeting of held) {
    if (!meeting.hostCellId) continue;
    const entry = hostedBy.get(meeting.hostCellId) ?? { hosted: 0, ratings: noRatings() };
    entry.hosted += 1;
    if (meeting.rating && RATINGS.includes(meeting.rating)) entry.ratings[meeting.rating] += 1;
    hostedBy.set(meeting.hostCellId, entry);
  }
  const visitsOfCell = new Map(rows.cellTallies.map((row) => [row.cellId, row]));
  const cells: ReportCellView[] = rows.cells
    .filter((cell) => !cell.deactivatedAt || hostedBy.has(cell.id) || visitsOfCell.has(cell.id) || itemsOfCell.has(cell.id))
    .map((cell) => ({
      cellId: cell.id,
      cellName: cell.name,
      memberCount: cell.memberCount,
      active: !cell.deactivatedAt,
      hosted: hostedBy.get(cell.id)?.hosted ?? 0,
      hostedRatings: hostedBy.get(cell.id)?.ratings ?? noRatings(),
      visits: visitsOf(visitsOfCell.get(cell.id)),
      actionItems: itemsOfCell.get(cell.id) ?? noItems(),
    }))
    .sort((a, b) => a.cellName.localeCompare(b.cellName, 'vi') || a.cellId.localeCompare(b.cellId));

  const ratings = noRatings();
  for (const meeting of held) if (meeting.rating && RATINGS.includes(meeting.rating)) ratings[meeting.rating] += 1;
  const visits = rows.cellTallies.reduce((sum, row) => add(sum, visitsOf(row)), noVisits());
  const actionItems = [...itemsOfCell.values()].reduce((sum, counts) => add(sum, counts), noItems());
  return {
    committeeId: rows.committeeId,
    committeeName: rows.committeeName,
    year: rows.year,
    quarter: rows.quarter,
    from: rows.from.toISOString(),
    to: rows.to.toISOString(),
    asOf: rows.now.toISOString(),
    totals: {
      planned: meetings.length,
      held: held.length,
      cancelled: rows.meetings.length - meetings.length,
      rated: RATINGS.reduce((sum, rating) => sum + ratings[rating], 0),
      ratings,
      hostCells: hostedBy.size,
      visitingCells: rows.cellTallies.filter((row) => row.attended > 0).length,
      visits,
      actionItems,
    },
    meetings,
    cells,
  };
}
