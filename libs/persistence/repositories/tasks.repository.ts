import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TaskAction } from '../../domain/cycle.js';
import { TASKS } from '../../domain/cycle-policy.js';
import type { Role } from '../../domain/roles.js';
import type { Page } from './organisation.repository.js';

export interface TaskRow {
  cycleId: string;
  title: string;
  action: TaskAction;
  dueAt: Date;
  actionItemId: string | null;
  /** For COMPLETE_ACTION_ITEM: what the item says, so the task can name it. */
  actionItemTitle: string | null;
}

/** Whose a task is: the committee's staff, a cell's secretary, or an upper-level guest. */
export type TaskParty = 'committee' | 'cell' | 'guest';

/** A task waiting in a cycle, whoever it waits for: what an overview of the cycles marks when it is late. */
export interface WaitingRow {
  cycleId: string;
  action: TaskAction;
  dueAt: Date;
  actionItemId: string | null;
  party: TaskParty;
  /** The committee's, the cell's or the guest's id. */
  partyId: string;
  /** The cell's or the guest's name; null for the committee. */
  partyName: string | null;
}

/** A late task of a committee's cycles, as its dashboard lists it: the cycle's title and, for an action item, what it says. */
export interface WaitingLateRow extends WaitingRow {
  cycleTitle: string;
  actionItemTitle: string | null;
}

/** An action item is due at the end of its day in Vietnam, whatever time zone the database session uses. */
const END_OF_DUE_DAY = `((a.due_date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;

/**
 * Every task waiting in any cycle, one row each with whose it is (party, partyId) and the cycle's committee, written
 * once for the reads below. $1…$8: the stages each task waits in, from the policy's table (cycle-policy.ts TASKS). Cycles launched
 * before ruleset 2 have no host, record or review due time of their own: the nearest deadline stands in.
 */
const WAITING = `
  SELECT c.id AS "cycleId", c.title, 'SELECT_HOST' AS action, coalesce(c.host_due_at, c.plan_due_at) AS "dueAt", NULL::uuid AS "actionItemId",
         NULL::text AS "actionItemTitle", 'committee' AS party, c.committee_id AS "partyId", c.committee_id AS "committeeId"
    FROM cycles c WHERE c.status = ANY($1)
  UNION ALL
  SELECT c.id, c.title, 'REVIEW_REPORT', coalesce(c.review_due_at, (c.report->>'filedAt')::timestamptz + interval '7 days', c.updated_at), NULL, NULL, 'committee', c.committee_id, c.committee_id
    FROM cycles c WHERE c.status = ANY($2)
  UNION ALL
  SELECT c.id, c.title, 'SUBMIT_PLAN', c.plan_due_at, NULL, NULL, 'cell', c.host_cell_id, c.committee_id FROM cycles c WHERE c.status = ANY($3)
  UNION ALL
  SELECT c.id, c.title, 'RECORD_MEETING', coalesce(c.record_due_at, c.meeting_at), NULL, NULL, 'cell', c.host_cell_id, c.committee_id FROM cycles c WHERE c.status = ANY($4)
  UNION ALL
  SELECT c.id, c.title, 'SUBMIT_REPORT', c.report_due_at, NULL, NULL, 'cell', c.host_cell_id, c.committee_id FROM cycles c WHERE c.status = ANY($5)
  UNION ALL
  SELECT c.id, c.title, 'RSVP', c.meeting_at, NULL, NULL, 'cell', i.cell_id, c.committee_id FROM cycles c JOIN cycle_invitations i ON i.cycle_id = c.id
    WHERE i.status = 'PENDING' AND c.status = ANY($6)
  UNION ALL
  SELECT c.id, c.title, 'SUBMIT_CRITIQUE', c.critique_closes_at, NULL, NULL, 'cell', i.cell_id, c.committee_id FROM cycles c JOIN cycle_invitations i ON i.cycle_id = c.id
    WHERE i.attended AND c.status = ANY($7)
      AND NOT EXISTS (SELECT 1 FROM critiques k WHERE k.cycle_id = c.id AND k.cell_id = i.cell_id)
  UNION ALL
  SELECT c.id, c.title, 'COMPLETE_ACTION_ITEM', ${END_OF_DUE_DAY}, a.id, a.title, 'cell', a.cell_id, c.committee_id FROM action_items a JOIN cycles c ON c.id = a.cycle_id
    WHERE a.cell_id = c.host_cell_id AND c.status = ANY($8) AND a.done_at IS NULL AND a.dropped_at IS NULL
  UNION ALL
  SELECT c.id, c.title, 'SUBMIT_CRITIQUE', c.critique_closes_at, NULL, NULL, 'guest', g.user_id, c.committee_id FROM cycles c JOIN cycle_guests g ON g.cycle_id = c.id
    WHERE c.status = ANY($7)
      AND NOT EXISTS (SELECT 1 FROM critiques k WHERE k.cycle_id = c.id AND k.guest_id = g.user_id)`;

/** The stages of each task in WAITING's order ($1…$8). */
const WAITING_STAGES = (['SELECT_HOST', 'REVIEW_REPORT', 'SUBMIT_PLAN', 'RECORD_MEETING', 'SUBMIT_REPORT', 'RSVP', 'SUBMIT_CRITIQUE', 'COMPLETE_ACTION_ITEM'] as const).map(
  (task) => [...TASKS[task].stages],
);

/**
 * What waits for whom, read from the cycles' records, soonest due first. Each task waits in the stages
 * cycle-policy.ts's TASKS table gives it; a person's tasks and an overview of cycles read the same rows.
 */
@Injectable()
export class TasksRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** What waits for this person: the staff their committee's, a secretary their cell's, a guest their own. */
  async waitingFor(person: { id: string; role: Role; committeeId: string | null; cellId: string | null }, { take, skip }: Page): Promise<TaskRow[]> {
    const party: [TaskParty, string | null] | null =
      person.role === 'committee' ? ['committee', person.committeeId] : person.role === 'secretary' ? ['cell', person.cellId] : person.role === 'guest' ? ['guest', person.id] : null;
    if (!party || !party[1]) return [];
    return this.dataSource.query<TaskRow[]>(
      `SELECT "cycleId", title, action, "dueAt", "actionItemId", "actionItemTitle" FROM (${WAITING}) AS tasks WHERE party = $9 AND "partyId" = $10
        ORDER BY "dueAt" ASC, "cycleId", action, "actionItemId" LIMIT $11 OFFSET $12`,
      [...WAITING_STAGES, ...party, take, skip],
    );
  }

  /**
   * What is late now in one committee's cycles (due before `now`), most overdue first, with the cell's or guest's
   * name: the committee's dashboard. The committee filter reaches every branch of WAITING, so each reads the
   * committee's open cycles by (committee_id, status) rather than every open cycle of the installation.
   */
  lateIn(committeeId: string, now: Date): Promise<WaitingLateRow[]> {
    return this.dataSource.query<WaitingLateRow[]>(
      `SELECT tasks."cycleId", tasks.title AS "cycleTitle", tasks.action, tasks."dueAt", tasks."actionItemId", tasks."actionItemTitle", tasks.party,
              tasks."partyId", CASE tasks.party WHEN 'cell' THEN cell.name WHEN 'guest' THEN person.full_name END AS "partyName"
         FROM (${WAITING}) AS tasks
         LEFT JOIN cells cell ON tasks.party = 'cell' AND cell.id = tasks."partyId"
         LEFT JOIN users person ON tasks.party = 'guest' AND person.id = tasks."partyId"
        WHERE tasks."committeeId" = $9 AND tasks."dueAt" < $10
        ORDER BY tasks."dueAt" ASC, tasks."cycleId", tasks.action, tasks."partyId", tasks."actionItemId"`,
      [...WAITING_STAGES, committeeId, now],
    );
  }

  /** Everything still waiting in these cycles, whoever it waits for, with the cell's or guest's name. */
  waitingIn(cycleIds: string[]): Promise<WaitingRow[]> {
    if (cycleIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query<WaitingRow[]>(
      `SELECT tasks."cycleId", tasks.action, tasks."dueAt", tasks."actionItemId", tasks.party, tasks."partyId",
              CASE tasks.party WHEN 'cell' THEN cell.name WHEN 'guest' THEN person.full_name END AS "partyName"
         FROM (${WAITING}) AS tasks
         LEFT JOIN cells cell ON tasks.party = 'cell' AND cell.id = tasks."partyId"
         LEFT JOIN users person ON tasks.party = 'guest' AND person.id = tasks."partyId"
        WHERE tasks."cycleId" = ANY($9::uuid[])
        ORDER BY tasks."dueAt" ASC, tasks."cycleId", tasks.action, tasks."partyId", tasks."actionItemId"`,
      [...WAITING_STAGES, cycleIds],
    );
  }
}
