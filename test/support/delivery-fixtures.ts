import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Notifications and their delivery rows written straight into the tables, as the delivery workflow would leave
 * them: the report and the list of people nobody reached are read from exactly these rows. The cycles they
 * belong to are rows of their own, CLOSED, with no workflow behind them, so nothing else writes to them.
 */

export type Channel = 'email' | 'zalo' | 'sms';
export type Status = 'PENDING' | 'WAITING' | 'SENDING' | 'SENT' | 'DELIVERED' | 'FAILED' | 'SKIPPED';

export interface DeliveryFixture {
  channel: Channel;
  status: Status;
  address?: string | null;
  attempts?: number;
  errorCode?: string | null;
  sentAt?: Date | null;
  deliveredAt?: Date | null;
  notBefore?: Date | null;
}

export interface NotificationFixture {
  /** A name for the test to speak of it by. */
  name: string;
  userId: string;
  cycleId: string | null;
  reason: string;
  title: string;
  minutesAgo: number;
  read?: boolean;
  /** Taken up by the workflow (default), waiting for it, or written before the channels existed. */
  dispatch?: 'dispatched' | 'waiting' | 'beforeChannels';
  deliveries?: DeliveryFixture[];
}

export interface InsertedNotification extends NotificationFixture {
  id: string;
  createdAt: Date;
}

/** A task queue no worker polls: a notification waiting on it stays undispatched. */
const IDLE_QUEUE = 'hang-doi-khong-ai-nghe';

/** A CLOSED cycle of the committee, as a row only. */
export async function insertCycle(dataSource: DataSource, committeeId: string, createdBy: string, title: string): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO cycles (id, committee_id, title, topic, kind, status, meeting_at, location, rubric_id, rubric, critique_window, report_window, plan_due_at, created_by)
     SELECT $1, $2, $3, 'Nâng cao chất lượng sinh hoạt chi bộ', 'regular', 'CLOSED', now() - interval '3 days', 'Nhà văn hóa thôn',
            r.id, to_jsonb(r), 'P3D', 'P7D', now() - interval '5 days', $4
       FROM rubrics r WHERE r.committee_id IS NULL ORDER BY r.created_at LIMIT 1`,
    [id, committeeId, title, createdBy],
  );
  return id;
}

export async function insertNotifications(dataSource: DataSource, fixtures: NotificationFixture[]): Promise<Map<string, InsertedNotification>> {
  const inserted = new Map<string, InsertedNotification>();
  const now = Date.now();
  for (const fixture of fixtures) {
    const id = randomUUID();
    const createdAt = new Date(now - fixture.minutesAgo * 60_000);
    const dispatch = fixture.dispatch ?? 'dispatched';
    const queue = dispatch === 'beforeChannels' ? null : dispatch === 'waiting' ? IDLE_QUEUE : 'da-gui-di';
    const dispatchedAt = dispatch === 'waiting' ? null : dispatch === 'beforeChannels' ? createdAt : new Date(createdAt.getTime() + 1000);
    await dataSource.query(
      `INSERT INTO notifications (id, user_id, cycle_id, reason, dedupe_key, title, body, created_at, delivery_queue, dispatched_at, read_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [id, fixture.userId, fixture.cycleId, fixture.reason, `fixture:${id}`, fixture.title, `${fixture.title}.`, createdAt, queue, dispatchedAt, fixture.read ? new Date(createdAt.getTime() + 60_000) : null],
    );
    for (const delivery of fixture.deliveries ?? []) {
      await dataSource.query(
        `INSERT INTO notification_deliveries (notification_id, channel, status, address_masked, attempts, error_code, sent_at, delivered_at, not_before)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, delivery.channel, delivery.status, delivery.address ?? null, delivery.attempts ?? 0, delivery.errorCode ?? null, delivery.sentAt ?? null, delivery.deliveredAt ?? null, delivery.notBefore ?? null],
      );
    }
    inserted.set(fixture.name, { ...fixture, id, createdAt });
  }
  return inserted;
}

/** "8 giờ 05 ngày 05/12/2026" in Asia/Ho_Chi_Minh, written here with Intl, apart from the app's own formatting. */
export function vietnamWords(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${Number(parts.hour)} giờ ${parts.minute} ngày ${parts.day}/${parts.month}/${parts.year}`;
}
