import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CycleStage, InvitationStatus, Rating } from '../../domain/cycle.js';

export interface StageCountRow {
  status: CycleStage;
  count: number;
}

/** A cycle whose meeting falls in the year asked for, with its host's name and, once closed, its rating. */
export interface YearMeetingRow {
  cycleId: string;
  title: string;
  meetingAt: Date;
  status: CycleStage;
  hostCellId: string | null;
  hostCellName: string | null;
  rating: Rating | null;
}

export interface RatingCountRow {
  year: number;
  rating: Rating;
  count: number;
}

/**
 * How a visiting cell that attended a meeting did with its critique: the workflow takes none once the window has
 * closed, so one that is in was sent on time, and one that is not is missed once the window closed.
 */
export type CritiqueOutcome = 'ON_TIME' | 'MISSED' | 'PENDING';

/** One cell's part as a visitor in the meetings held in a span of time. */
export interface VisitTallyRow {
  cellId: string;
  cellName: string;
  /** Invited to a meeting that was held (recorded, not cancelled). */
  invited: number;
  attended: number;
  onTime: number;
  missed: number;
  pending: number;
  /** Recorded what it will take home from the lessons. */
  adopted: number;
}

export interface HostedRow {
  cycleId: string;
  title: string;
  meetingAt: Date;
  status: CycleStage;
  rating: Rating | null;
}

export interface VisitRow {
  cycleId: string;
  title: string;
  meetingAt: Date;
  hostCellName: string | null;
  rsvp: InvitationStatus;
  attended: boolean;
  /** Null when the cell did not attend: it had no critique to send. */
  critique: CritiqueOutcome | null;
  submittedAt: Date | null;
  adopted: boolean;
}

export interface VisitYearRow extends Omit<VisitTallyRow, 'cellId' | 'cellName'> {
  year: number;
}

export interface OpenActionItemRow {
  id: string;
  cycleId: string;
  cycleTitle: string;
  title: string;
  owner: string;
  /** The calendar day it is due, "2026-12-31". */
  dueDate: string;
}

/** The year report's tally of invitations (issue 18): the visit tally, and how many of them the cell declined. */
export interface ReportTally extends Omit<VisitTallyRow, 'cellId' | 'cellName'> {
  declined: number;
}

/** One held meeting's visitors, counted. */
export interface MeetingTallyRow extends ReportTally {
  cycleId: string;
}

/** One cell's part as a visitor in the meetings held in a period. */
export interface CellTallyRow extends ReportTally {
  cellId: string;
}

/** The action items a host cell committed to after one meeting, by where they stand on a given day. */
export interface ActionItemTallyRow {
  cycleId: string;
  cellId: string;
  committed: number;
  done: number;
  dropped: number;
  open: number;
  /** Open, and its due day is before the day asked about. */
  overdue: number;
}

/** The year of a moment as Vietnam's calendar has it. */
const VIETNAM_YEAR = (column: string) => `extract(year FROM ${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::int`;

/**
 * A visiting cell's invitation to a meeting that was held, and its critique if any: a cell that did not attend
 * owes none; one that attended sent it in the window or missed it; while the window is still open (the cycle in
 * CRITIQUE) one not yet sent is pending. Cancelled cycles count for nothing, whatever they reached.
 */
const VISITS = `
  FROM cycles c
  JOIN cycle_invitations i ON i.cycle_id = c.id
  LEFT JOIN critiques k ON k.cycle_id = i.cycle_id AND k.cell_id = i.cell_id`;
const HELD = `c.meeting IS NOT NULL AND c.status <> 'CANCELLED'`;
const OUTCOME = `CASE
    WHEN NOT i.attended THEN NULL
    WHEN k.id IS NOT NULL THEN 'ON_TIME'
    WHEN c.status = 'CRITIQUE' THEN 'PENDING'
    ELSE 'MISSED' END`;
const TALLY = `count(*)::int AS invited,
    count(*) FILTER (WHERE i.attended)::int AS attended,
    count(*) FILTER (WHERE ${OUTCOME} = 'ON_TIME')::int AS "onTime",
    count(*) FILTER (WHERE ${OUTCOME} = 'MISSED')::int AS missed,
    count(*) FILTER (WHERE ${OUTCOME} = 'PENDING')::int AS pending,
    count(*) FILTER (WHERE i.adoption IS NOT NULL)::int AS adopted`;

const REPORT_TALLY = `${TALLY},
    count(*) FILTER (WHERE i.status = 'DECLINED')::int AS declined`;

/** A rating counts once the cycle is closed: a report sent back keeps the review's decision, never a rating. */
const RATING = `CASE WHEN c.status = 'CLOSED' THEN c.review->>'rating' END`;

/**
 * The figures a committee reports from (issue 18), read from the cycles' records. Every read is of one committee's
 * cycles (committee_id first, then stage or meeting time: migration 1765600000000) or of one cell's (its host
 * index, its invitations, its open action items), so a commune's dashboard costs the same whatever else the
 * database holds.
 */
@Injectable()
export class DashboardRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  stageCounts(committeeId: string): Promise<StageCountRow[]> {
    return this.dataSource.query<StageCountRow[]>(`SELECT status, count(*)::int AS count FROM cycles WHERE committee_id = $1 GROUP BY status`, [committeeId]);
  }

  /** Every cycle whose meeting is in [from, to), cancelled ones too (the caller decides), the earliest first. */
  meetingsBetween(committeeId: string, from: Date, to: Date): Promise<YearMeetingRow[]> {
    return this.dataSource.query<YearMeetingRow[]>(
      `SELECT c.id AS "cycleId", c.title, c.meeting_at AS "meetingAt", c.status, c.host_cell_id AS "hostCellId", h.name AS "hostCellName", ${RATING} AS rating
         FROM cycles c LEFT JOIN cells h ON h.id = c.host_cell_id
        WHERE c.committee_id = $1 AND c.meeting_at >= $2 AND c.meeting_at < $3
        ORDER BY c.meeting_at, c.id`,
      [committeeId, from, to],
    );
  }

  /** The closed cycles' ratings, counted by the year of their meeting. */
  ratingsByYear(committeeId: string): Promise<RatingCountRow[]> {
    return this.dataSource.query<RatingCountRow[]>(
      `SELECT ${VIETNAM_YEAR('c.meeting_at')} AS year, ${RATING} AS rating, count(*)::int AS count
         FROM cycles c
        WHERE c.committee_id = $1 AND c.status = 'CLOSED' AND c.review->>'rating' IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [committeeId],
    );
  }

  /**
   * Each cell's part as a visitor in the meetings held in [from, to): only cells invited to one. Counted first, then
   * named: a hundred lookups of a cell by id, rather than a pass over every cell of the installation.
   */
  visitTallies(committeeId: string, from: Date, to: Date): Promise<VisitTallyRow[]> {
    return this.dataSource.query<VisitTallyRow[]>(
      `SELECT cell.id AS "cellId", cell.name AS "cellName", t.invited, t.attended, t."onTime", t.missed, t.pending, t.adopted
         FROM (SELECT i.cell_id, ${TALLY}
                 ${VISITS}
                WHERE c.committee_id = $1 AND c.meeting_at >= $2 AND c.meeting_at < $3 AND ${HELD}
                GROUP BY i.cell_id) AS t
         JOIN cells cell ON cell.id = t.cell_id`,
      [committeeId, from, to],
    );
  }

  /** The meetings a cell of the committee hosted (held, not cancelled), the earliest first. */
  hostedBy(committeeId: string, cellId: string): Promise<HostedRow[]> {
    return this.dataSource.query<HostedRow[]>(
      `SELECT c.id AS "cycleId", c.title, c.meeting_at AS "meetingAt", c.status, ${RATING} AS rating
         FROM cycles c
        WHERE c.host_cell_id = $2 AND c.committee_id = $1 AND ${HELD}
        ORDER BY c.meeting_at, c.id`,
      [committeeId, cellId],
    );
  }

  /** The held meetings a cell of the committee was invited to, the latest first. */
  visitsOf(committeeId: string, cellId: string): Promise<VisitRow[]> {
    return this.dataSource.query<VisitRow[]>(
      `SELECT c.id AS "cycleId", c.title, c.meeting_at AS "meetingAt", h.name AS "hostCellName", i.status AS rsvp, i.attended,
              ${OUTCOME} AS critique, k.submitted_at AS "submittedAt", i.adoption IS NOT NULL AS adopted
         ${VISITS}
         LEFT JOIN cells h ON h.id = c.host_cell_id
        WHERE i.cell_id = $2 AND c.committee_id = $1 AND ${HELD}
        ORDER BY c.meeting_at DESC, c.id`,
      [committeeId, cellId],
    );
  }

  /** The same visits counted by the year of the meeting, the earliest year first. */
  visitYearsOf(committeeId: string, cellId: string): Promise<VisitYearRow[]> {
    return this.dataSource.query<VisitYearRow[]>(
      `SELECT ${VIETNAM_YEAR('c.meeting_at')} AS year, ${TALLY}
         ${VISITS}
        WHERE i.cell_id = $2 AND c.committee_id = $1 AND ${HELD}
        GROUP BY 1 ORDER BY 1`,
      [committeeId, cellId],
    );
  }

  /** A cell's action items neither done nor dropped, from any of the committee's cycles, the soonest due first. */
  openActionItemsOf(committeeId: string, cellId: string): Promise<OpenActionItemRow[]> {
    return this.dataSource.query<OpenActionItemRow[]>(
      `SELECT a.id, a.cycle_id AS "cycleId", c.title AS "cycleTitle", a.title, a.owner, a.due_date::text AS "dueDate"
         FROM action_items a JOIN cycles c ON c.id = a.cycle_id
        WHERE a.cell_id = $2 AND c.committee_id = $1 AND a.done_at IS NULL AND a.dropped_at IS NULL
        ORDER BY a.due_date, a.title, a.id`,
      [committeeId, cellId],
    );
  }

  /** The visitors of each meeting held in [from, to), counted (the year report's meetings). */
  meetingTallies(committeeId: string, from: Date, to: Date): Promise<MeetingTallyRow[]> {
    return this.dataSource.query<MeetingTallyRow[]>(
      `SELECT c.id AS "cycleId", ${REPORT_TALLY}
         ${VISITS}
        WHERE c.committee_id = $1 AND c.meeting_at >= $2 AND c.meeting_at < $3 AND ${HELD}
        GROUP BY c.id`,
      [committeeId, from, to],
    );
  }

  /** Each cell's part as a visitor in the meetings held in [from, to), with its declined invitations (the year report's cells). */
  cellTallies(committeeId: string, from: Date, to: Date): Promise<CellTallyRow[]> {
    return this.dataSource.query<CellTallyRow[]>(
      `SELECT i.cell_id AS "cellId", ${REPORT_TALLY}
         ${VISITS}
        WHERE c.committee_id = $1 AND c.meeting_at >= $2 AND c.meeting_at < $3 AND ${HELD}
        GROUP BY i.cell_id`,
      [committeeId, from, to],
    );
  }

  /**
   * The action items committed after the meetings held in [from, to), by meeting and cell, as they stand: done,
   * dropped, open, and open past their due day (`today`, Vietnam's calendar day, is not past yet).
   */
  actionItemTallies(committeeId: string, from: Date, to: Date, today: string): Promise<ActionItemTallyRow[]> {
    return this.dataSource.query<ActionItemTallyRow[]>(
      `SELECT a.cycle_id AS "cycleId", a.cell_id AS "cellId", count(*)::int AS committed,
              count(*) FILTER (WHERE a.done_at IS NOT NULL)::int AS done,
              count(*) FILTER (WHERE a.done_at IS NULL AND a.dropped_at IS NOT NULL)::int AS dropped,
              count(*) FILTER (WHERE a.done_at IS NULL AND a.dropped_at IS NULL)::int AS open,
              count(*) FILTER (WHERE a.done_at IS NULL AND a.dropped_at IS NULL AND a.due_date < $4::date)::int AS overdue
         FROM action_items a JOIN cycles c ON c.id = a.cycle_id
        WHERE c.committee_id = $1 AND c.meeting_at >= $2 AND c.meeting_at < $3 AND ${HELD}
        GROUP BY 1, 2`,
      [committeeId, from, to, today],
    );
  }
}
