import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OPEN_STAGES, type CycleStage } from '../../domain/cycle.js';
import { FORCED_LAST_SEQ } from '../../domain/cycle-records.js';
import { DomainError } from '../../domain/domain-error.js';
import { notificationText } from '../../wording/notification-texts.js';
import { notificationContextOf } from '../queries/notification-context.query.js';
import { adoptionEdits, appendEventAfterWorkflow } from './cycle-timeline.js';

/**
 * What is written to a cycle outside its workflow: after it ended (what a cell adopts, action items
 * settled) or instead of it (a cancellation the committee forces on a workflow that does not answer).
 */
@Injectable()
export class CycleFollowUpRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Records what a cell adopts: the same text again changes nothing; past `editLimit` records it is refused. */
  async recordAdoption(cycleId: string, cellId: string, actorId: string, text: string, editLimit: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [standing] = await manager.query<{ adoption: string | null }[]>(
        `SELECT adoption FROM cycle_invitations WHERE cycle_id = $1 AND cell_id = $2 FOR UPDATE`,
        [cycleId, cellId],
      );
      if (standing?.adoption === text) return;
      if ((await adoptionEdits(manager, cycleId, cellId)) >= editLimit) throw new DomainError('TOO_MANY_CHANGES', { limit: editLimit });
      await manager.query(`UPDATE cycle_invitations SET adoption = $3 WHERE cycle_id = $1 AND cell_id = $2`, [cycleId, cellId, text]);
      await appendEventAfterWorkflow(manager, cycleId, 'LESSONS_ADOPTED', actorId, { cellId });
    });
  }

  /** Settles an open action item once, as done or dropped; settling it again changes nothing; an unknown item is 404. */
  async settleActionItem(
    cycleId: string,
    itemId: string,
    actorId: string,
    settlement: { done: true; note: string | null } | { done: false; reason: string },
  ): Promise<void> {
    const [assignments, values, event, detail] = settlement.done
      ? ([`done_at = now(), done_by = $3`, [actorId], 'ACTION_ITEM_DONE', { note: settlement.note }] as const)
      : ([`dropped_at = now(), dropped_by = $3, drop_reason = $4`, [actorId, settlement.reason], 'ACTION_ITEM_DROPPED', { reason: settlement.reason }] as const);
    await this.dataSource.transaction(async (manager) => {
      // A SELECT over the UPDATE: TypeORM answers a bare UPDATE with [rows, count], which is never empty.
      const updated = await manager.query<unknown[]>(
        `WITH settled AS (
           UPDATE action_items SET ${assignments} WHERE id = $1 AND cycle_id = $2 AND done_at IS NULL AND dropped_at IS NULL RETURNING id
         ) SELECT id FROM settled`,
        [itemId, cycleId, ...values],
      );
      if (updated.length > 0) {
        await appendEventAfterWorkflow(manager, cycleId, event, actorId, { actionItemId: itemId, ...detail });
        return;
      }
      const [exists] = await manager.query<unknown[]>(`SELECT 1 FROM action_items WHERE id = $1 AND cycle_id = $2`, [itemId, cycleId]);
      if (!exists) throw new DomainError('NOT_FOUND');
    });
  }

  /**
   * Writes a cancellation the cycle's workflow could not take (it had been terminated first): the status,
   * the reason, a timeline entry with who and why, and the notices the workflow would have sent. The cycle's
   * last_seq becomes FORCED_LAST_SEQ, so a write of the terminated workflow that was still under way changes
   * nothing after it.
   */
  async forceCancel(cycleId: string, actorId: string, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [cycle] = await manager.query<{ status: CycleStage; host_cell_id: string | null }[]>(
        `SELECT status, host_cell_id FROM cycles WHERE id = $1 FOR UPDATE`,
        [cycleId],
      );
      if (!cycle) throw new DomainError('NOT_FOUND');
      if (!OPEN_STAGES.includes(cycle.status)) throw new DomainError('WRONG_STAGE', { stage: cycle.status });
      const seq = await appendEventAfterWorkflow(manager, cycleId, 'CYCLE_CANCELLED_WITHOUT_WORKFLOW', actorId, { reason, stage: cycle.status });
      await manager.query(
        `UPDATE cycles SET status = 'CANCELLED', cancel_reason = $2, last_seq = $3, host_due_at = NULL, record_due_at = NULL, review_due_at = NULL,
                updated_at = now() WHERE id = $1`,
        [cycleId, reason, FORCED_LAST_SEQ],
      );
      const context = await notificationContextOf(manager, cycleId);
      if (!context) throw new DomainError('NOT_FOUND');
      const text = notificationText('CANCELLED', context);
      // Those who knew of the meeting (the committee always; the cells and guests once the host was known).
      await manager.query(
        `INSERT INTO notifications (user_id, cycle_id, reason, dedupe_key, title, body)
         SELECT u.id, $1::uuid, 'CANCELLED', $1::text || ':' || $2::text || ':CANCELLED:' || u.id::text, $3, $4 FROM users u
          WHERE (u.role = 'committee' AND u.committee_id = $5::uuid)
             OR ($6 AND u.role = 'secretary' AND (u.cell_id = $7::uuid OR u.cell_id IN (SELECT cell_id FROM cycle_invitations WHERE cycle_id = $1::uuid)))
             OR ($6 AND u.id IN (SELECT user_id FROM cycle_guests WHERE cycle_id = $1::uuid))
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [cycleId, seq, text.title, text.body, context.committeeId, cycle.host_cell_id !== null, cycle.host_cell_id],
      );
    });
  }
}
