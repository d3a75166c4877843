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

/** An action item is due at the end of its day in Vietnam, whatever time zone the database session uses. */
const END_OF_DUE_DAY = `((due_date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;

/**
 * What waits for a person, read from the cycles' records in one query, soonest due first. Each task waits in
 * the stages cycle-policy.ts's TASKS table gives it. Cycles launched before ruleset 2 have no host, record
 * or review due time of their own: the nearest deadline stands in.
 */
@Injectable()
export class TasksRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async waitingFor(person: { id: string; role: Role; committeeId: string | null; cellId: string | null }, { take, skip }: Page): Promise<TaskRow[]> {
    // $2…: the stages each task waits in, from the policy's table (cycle-policy.ts TASKS).
    const stages = (task: TaskAction) => [...TASKS[task].stages];
    let sql: string;
    let parameters: unknown[];
    if (person.role === 'committee') {
      sql = `
        SELECT id AS "cycleId", title, 'SELECT_HOST' AS action, coalesce(host_due_at, plan_due_at) AS "dueAt", NULL::uuid AS "actionItemId", NULL::text AS "actionItemTitle"
          FROM cycles WHERE committee_id = $1 AND status = ANY($2)
        UNION ALL
        SELECT id, title, 'REVIEW_REPORT', coalesce(review_due_at, (report->>'filedAt')::timestamptz + interval '7 days', updated_at), NULL, NULL
          FROM cycles WHERE committee_id = $1 AND status = ANY($3)`;
      parameters = [person.committeeId, stages('SELECT_HOST'), stages('REVIEW_REPORT')];
    } else if (person.role === 'secretary' && person.cellId) {
      sql = `
        SELECT id AS "cycleId", title, 'SUBMIT_PLAN' AS action, plan_due_at AS "dueAt", NULL::uuid AS "actionItemId", NULL::text AS "actionItemTitle"
          FROM cycles WHERE host_cell_id = $1 AND status = ANY($2)
        UNION ALL
        SELECT id, title, 'RECORD_MEETING', coalesce(record_due_at, meeting_at), NULL, NULL FROM cycles WHERE host_cell_id = $1 AND status = ANY($3)
        UNION ALL
        SELECT id, title, 'SUBMIT_REPORT', report_due_at, NULL, NULL FROM cycles WHERE host_cell_id = $1 AND status = ANY($4)
        UNION ALL
        SELECT c.id, c.title, 'RSVP', c.meeting_at, NULL, NULL FROM cycles c JOIN cycle_invitations i ON i.cycle_id = c.id
          WHERE i.cell_id = $1 AND i.status = 'PENDING' AND c.status = ANY($5)
        UNION ALL
        SELECT c.id, c.title, 'SUBMIT_CRITIQUE', c.critique_closes_at, NULL, NULL FROM cycles c JOIN cycle_invitations i ON i.cycle_id = c.id
          WHERE i.cell_id = $1 AND i.attended AND c.status = ANY($6)
            AND NOT EXISTS (SELECT 1 FROM critiques k WHERE k.cycle_id = c.id AND k.cell_id = $1)
        UNION ALL
        SELECT c.id, c.title, 'COMPLETE_ACTION_ITEM', ${END_OF_DUE_DAY}, a.id, a.title FROM action_items a JOIN cycles c ON c.id = a.cycle_id
          WHERE a.cell_id = $1 AND c.host_cell_id = $1 AND c.status = ANY($7) AND a.done_at IS NULL AND a.dropped_at IS NULL`;
      parameters = [
        person.cellId,
        stages('SUBMIT_PLAN'),
        stages('RECORD_MEETING'),
        stages('SUBMIT_REPORT'),
        stages('RSVP'),
        stages('SUBMIT_CRITIQUE'),
        stages('COMPLETE_ACTION_ITEM'),
      ];
    } else if (person.role === 'guest') {
      sql = `
        SELECT c.id AS "cycleId", c.title, 'SUBMIT_CRITIQUE' AS action, c.critique_closes_at AS "dueAt", NULL::uuid AS "actionItemId", NULL::text AS "actionItemTitle"
          FROM cycles c JOIN cycle_guests g ON g.cycle_id = c.id
          WHERE g.user_id = $1 AND c.status = ANY($2)
            AND NOT EXISTS (SELECT 1 FROM critiques k WHERE k.cycle_id = c.id AND k.guest_id = $1)`;
      parameters = [person.id, stages('SUBMIT_CRITIQUE')];
    } else {
      return [];
    }
    const [limit, offset] = [parameters.length + 1, parameters.length + 2];
    return this.dataSource.query<TaskRow[]>(
      `SELECT * FROM (${sql}) AS tasks ORDER BY "dueAt" ASC, "cycleId", action, "actionItemId" LIMIT $${limit} OFFSET $${offset}`,
      [...parameters, take, skip],
    );
  }
}
