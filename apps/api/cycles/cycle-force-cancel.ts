import type { DataSource } from 'typeorm';
import { FORCED_LAST_SEQ } from '../../../libs/domain/cycle-records.js';
import { OPEN_STAGES } from '../../../libs/domain/cycle.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { notificationText, type NotificationContext } from '../../../libs/domain/notification-texts.js';

/**
 * Writes a cancellation the cycle's workflow could not take (it had been terminated first): the status,
 * the reason, a timeline entry with who and why, and the notices the workflow would have sent. The cycle's
 * last_seq becomes FORCED_LAST_SEQ, so a write of the terminated workflow that was still under way changes
 * nothing after it.
 */
export async function forceCancel(dataSource: DataSource, cycleId: string, actorId: string, reason: string): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const [cycle] = await manager.query<{ status: string; host_cell_id: string | null }[]>(
      `SELECT status, host_cell_id FROM cycles WHERE id = $1 FOR UPDATE`,
      [cycleId],
    );
    if (!cycle) throw new DomainError('NOT_FOUND');
    if (!(OPEN_STAGES as readonly string[]).includes(cycle.status)) throw new DomainError('WRONG_STAGE', { stage: cycle.status });
    const [{ seq }] = await manager.query<{ seq: number }[]>(
      `INSERT INTO cycle_events (cycle_id, seq, at, event, actor_id, detail)
       SELECT $1, coalesce(max(seq), 0) + 1, now(), 'CYCLE_CANCELLED_WITHOUT_WORKFLOW', $2, $3 FROM cycle_events WHERE cycle_id = $1
       RETURNING seq`,
      [cycleId, actorId, JSON.stringify({ reason, stage: cycle.status })],
    );
    await manager.query(
      `UPDATE cycles SET status = 'CANCELLED', cancel_reason = $2, last_seq = $3, host_due_at = NULL, record_due_at = NULL, review_due_at = NULL,
              updated_at = now() WHERE id = $1`,
      [cycleId, reason, FORCED_LAST_SEQ],
    );
    const [context] = await manager.query<(Omit<NotificationContext, 'rating' | 'cellNames'> & { committeeId: string })[]>(
      `SELECT y.title, y.committee_id AS "committeeId", y.meeting_at AS "meetingAt", y.location, h.name AS "hostCellName",
              y.plan_due_at AS "planDueAt", y.critique_closes_at AS "critiqueClosesAt", y.report_due_at AS "reportDueAt",
              y.review_due_at AS "reviewDueAt", y.cancel_reason AS "cancelReason"
         FROM cycles y LEFT JOIN cells h ON h.id = y.host_cell_id WHERE y.id = $1`,
      [cycleId],
    );
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
