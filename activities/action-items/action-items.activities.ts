import type { DataSource } from 'typeorm';
import type { ActionItemNotice } from '../../libs/domain/cycle-events.js';
import { actionItemText } from '../../libs/wording/notification-texts.js';

export interface ActionItemActivities {
  /** Writes the reminders due now; answers how many inbox rows it added. */
  sweepActionItems(options: { reminderLeadDays: number }): Promise<{ added: number }>;
}

interface DueItem {
  id: string;
  cycleId: string;
  committeeId: string;
  cellId: string;
  cycleTitle: string;
  hostCellName: string;
  title: string;
  owner: string;
  dueDate: string;
  overdue: boolean;
}

/** Today's date in Vietnam (UTC+7), computed by PostgreSQL so every process agrees. */
const TODAY_IN_VIETNAM = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/** `deliveryQueue`: as for the cycle records, the queue whose worker carries these reminders beyond the inbox. */
export function createActionItemActivities(dataSource: DataSource, deliveryQueue: string | null = null): ActionItemActivities {
  return {
    async sweepActionItems({ reminderLeadDays }) {
      const items = await dataSource.query<DueItem[]>(
        `SELECT a.id, a.cycle_id AS "cycleId", c.committee_id AS "committeeId", a.cell_id AS "cellId", c.title AS "cycleTitle",
                h.name AS "hostCellName", a.title, a.owner, to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate",
                a.due_date < ${TODAY_IN_VIETNAM} AS overdue
           FROM action_items a JOIN cycles c ON c.id = a.cycle_id JOIN cells h ON h.id = a.cell_id
          WHERE a.done_at IS NULL AND a.dropped_at IS NULL AND c.status IN ('CLOSED', 'CANCELLED')
            AND a.due_date <= ${TODAY_IN_VIETNAM} + $1::int
          ORDER BY a.due_date, a.id`,
        [reminderLeadDays],
      );
      let added = 0;
      for (const item of items) {
        const notices: { kind: ActionItemNotice; to: 'host' | 'committee' }[] = item.overdue
          ? [
              { kind: 'ACTION_ITEM_OVERDUE', to: 'host' },
              { kind: 'ACTION_ITEM_OVERDUE_ALERT', to: 'committee' },
            ]
          : [{ kind: 'ACTION_ITEM_DUE_SOON', to: 'host' }];
        for (const notice of notices) {
          const text = actionItemText(notice.kind, item);
          const inserted = await dataSource.query<unknown[]>(
            `WITH added AS (
               INSERT INTO notifications (user_id, cycle_id, reason, dedupe_key, title, body, delivery_queue)
               SELECT id, $1, $2, 'action-item:' || $3 || ':' || $2 || ':' || id::text, $4, $5, $7 FROM users
                WHERE ${notice.to === 'host' ? `role = 'secretary' AND cell_id = $6` : `role = 'committee' AND committee_id = $6`}
               ON CONFLICT (dedupe_key) DO NOTHING RETURNING 1
             ) SELECT 1 FROM added`,
            [item.cycleId, notice.kind, item.id, text.title, text.body, notice.to === 'host' ? item.cellId : item.committeeId, deliveryQueue],
          );
          added += inserted.length;
        }
      }
      return { added };
    },
  };
}
