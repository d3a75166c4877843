import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TaskAction } from '../../../libs/domain/cycle.js';
import type { AuthUser } from '../auth/auth-user.js';
import { pageOf, type PageQuery } from '../common/page.query.js';

export interface TaskView {
  cycleId: string;
  title: string;
  action: TaskAction;
  dueAt: string | null;
}

/**
 * What is the caller's to do now, soonest due first, read from the cycles' records: committee staff pick
 * hosts and review reports; a secretary answers invitations, critiques what the cell attended, and, as
 * host, posts the plan, records the meeting and files the report.
 */
@Injectable()
export class TasksService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async forUser(caller: AuthUser, page: PageQuery): Promise<TaskView[]> {
    const { take, skip } = pageOf(page);
    let sql: string;
    let parameters: unknown[];
    if (caller.role === 'committee') {
      sql = `
        SELECT id AS "cycleId", title, 'SELECT_HOST' AS action, plan_due_at AS "dueAt" FROM cycles
          WHERE committee_id = $1 AND status = 'HOST_SELECTION'
        UNION ALL
        SELECT id, title, 'REVIEW_REPORT', NULL FROM cycles WHERE committee_id = $1 AND status = 'REVIEW'`;
      parameters = [caller.committeeId];
    } else if (caller.role === 'secretary' && caller.cellId) {
      sql = `
        SELECT id AS "cycleId", title, 'SUBMIT_PLAN' AS action, plan_due_at AS "dueAt" FROM cycles
          WHERE host_cell_id = $1 AND status = 'PREPARATION'
        UNION ALL
        SELECT id, title, 'RECORD_MEETING', meeting_at FROM cycles WHERE host_cell_id = $1 AND status = 'SCHEDULED'
        UNION ALL
        SELECT id, title, 'SUBMIT_REPORT', report_due_at FROM cycles WHERE host_cell_id = $1 AND status = 'REPORTING'
        UNION ALL
        SELECT c.id, c.title, 'RSVP', c.meeting_at FROM cycles c JOIN cycle_invitations i ON i.cycle_id = c.id
          WHERE i.cell_id = $1 AND i.status = 'PENDING' AND c.status IN ('PREPARATION', 'SCHEDULED')
        UNION ALL
        SELECT c.id, c.title, 'SUBMIT_CRITIQUE', c.critique_closes_at FROM cycles c JOIN cycle_invitations i ON i.cycle_id = c.id
          WHERE i.cell_id = $1 AND i.attended AND c.status = 'CRITIQUE'
            AND NOT EXISTS (SELECT 1 FROM critiques k WHERE k.cycle_id = c.id AND k.cell_id = $1)`;
      parameters = [caller.cellId];
    } else {
      return [];
    }
    const rows = await this.dataSource.query<{ cycleId: string; title: string; action: TaskAction; dueAt: Date | null }[]>(
      `SELECT * FROM (${sql}) AS tasks ORDER BY "dueAt" ASC NULLS LAST, "cycleId", action LIMIT $2 OFFSET $3`,
      [...parameters, take, skip],
    );
    return rows.map((row) => ({ cycleId: row.cycleId, title: row.title, action: row.action, dueAt: row.dueAt ? new Date(row.dueAt).toISOString() : null }));
  }
}
