import type { EntityManager } from 'typeorm';
import type { NotificationContext } from '../../wording/notification-texts.js';

/** What a notification tells about its cycle, as the cycle's record holds it when the notification is written. */
export async function notificationContextOf(
  manager: EntityManager,
  cycleId: string,
): Promise<(Omit<NotificationContext, 'rating' | 'cellNames'> & { committeeId: string }) | undefined> {
  const [context] = await manager.query<(Omit<NotificationContext, 'rating' | 'cellNames'> & { committeeId: string })[]>(
    `SELECT y.title, y.committee_id AS "committeeId", y.meeting_at AS "meetingAt", y.location, h.name AS "hostCellName",
            y.host_due_at AS "hostDueAt", y.plan_due_at AS "planDueAt", y.critique_closes_at AS "critiqueClosesAt",
            y.report_due_at AS "reportDueAt", y.review_due_at AS "reviewDueAt", y.cancel_reason AS "cancelReason"
       FROM cycles y LEFT JOIN cells h ON h.id = y.host_cell_id WHERE y.id = $1`,
    [cycleId],
  );
  return context;
}
