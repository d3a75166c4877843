import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChannelName } from '../../channels/channel.js';
import { NO_COMMITTEE_CHANNELS } from '../../channels/channel-settings.js';
import { maskEmail, maskPhone } from '../../channels/phone-number.js';
import type { DeliveryStatus } from '../../wording/delivery-words.js';
import type { Page } from './organisation.repository.js';

/** One channel's delivery of a notification, as its row holds it. */
export interface DeliveryRow {
  channel: ChannelName;
  status: DeliveryStatus;
  addressMasked: string | null;
  attempts: number;
  errorCode: string | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  notBefore: Date | null;
}

/** A notification with its person, its cycle, the settings that decide its channels, and its delivery rows. */
export interface NotificationDeliveries {
  notificationId: string;
  reason: string;
  title: string;
  createdAt: Date;
  readAt: Date | null;
  /** The workflow has taken it up (dispatched_at). */
  dispatched: boolean;
  /** Written before the channels existed: the migration marked it dispatched as it stood. */
  beforeChannels: boolean;
  cycle: { id: string; title: string } | null;
  person: {
    id: string;
    fullName: string;
    cellName: string | null;
    /** Masked here, so a full address never leaves this repository. */
    emailMasked: string | null;
    phoneMasked: string | null;
    notifyChannels: ChannelName[];
    active: boolean;
  };
  /** The channels the person's committee (else the cycle's) uses, as the delivery workflow reads them. */
  committeeChannels: ChannelName[];
  deliveries: DeliveryRow[];
}

/** What one row of SELECTED holds before masking. */
interface RawRow {
  notificationId: string;
  reason: string;
  title: string;
  createdAt: Date;
  readAt: Date | null;
  dispatched: boolean;
  beforeChannels: boolean;
  cycleId: string | null;
  cycleTitle: string | null;
  personId: string;
  fullName: string;
  cellName: string | null;
  email: string | null;
  phone: string | null;
  notifyChannels: ChannelName[];
  active: boolean;
  committeeChannels: ChannelName[] | null;
  deliveries: (Omit<DeliveryRow, 'sentAt' | 'deliveredAt' | 'notBefore'> & { sentAt: string | null; deliveredAt: string | null; notBefore: string | null })[];
}

/**
 * A notification, its person (the phone is read only to be masked below), its cycle, the committee whose channels
 * apply (the person's, else the cycle's, as the delivery workflow takes them), and its delivery rows as one JSON list.
 */
const SELECTED = `
  SELECT n.id AS "notificationId", n.reason, n.title, n.created_at AS "createdAt", n.read_at AS "readAt",
         n.dispatched_at IS NOT NULL AS dispatched,
         (n.delivery_queue IS NULL AND n.dispatched_at = n.created_at) AS "beforeChannels",
         y.id AS "cycleId", y.title AS "cycleTitle",
         u.id AS "personId", u.full_name AS "fullName", c.name AS "cellName", u.email, u.phone, u.notify_channels AS "notifyChannels",
         u.deactivated_at IS NULL AS active, k.notify_channels AS "committeeChannels",
         coalesce((SELECT json_agg(json_build_object('channel', d.channel, 'status', d.status, 'addressMasked', d.address_masked,
                                                     'attempts', d.attempts, 'errorCode', d.error_code, 'sentAt', d.sent_at,
                                                     'deliveredAt', d.delivered_at, 'notBefore', d.not_before) ORDER BY d.channel)
                     FROM notification_deliveries d WHERE d.notification_id = n.id), '[]'::json) AS deliveries
    FROM notifications n
    JOIN users u ON u.id = n.user_id
    LEFT JOIN cells c ON c.id = u.cell_id
    LEFT JOIN cycles y ON y.id = n.cycle_id
    LEFT JOIN committees k ON k.id = coalesce(u.committee_id, y.committee_id)`;

/**
 * Reached by nobody: not read in the app, taken up by the workflow, and no channel sent, delivered or still
 * trying ($1 the committee, $2 since when). A notification's committee is its cycle's, else its person's;
 * deactivated accounts are left out, since nobody acts on them any more.
 */
const UNREACHED = `
  FROM notifications n
  JOIN users u ON u.id = n.user_id
  LEFT JOIN cycles y ON y.id = n.cycle_id
  WHERE coalesce(y.committee_id, u.committee_id) = $1 AND n.created_at >= $2
    AND n.read_at IS NULL AND n.dispatched_at IS NOT NULL AND u.deactivated_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM notification_deliveries d
                     WHERE d.notification_id = n.id AND d.status IN ('PENDING', 'WAITING', 'SENDING', 'SENT', 'DELIVERED'))`;

const date = (value: string | null) => (value === null ? null : new Date(value));

function fromRaw(row: RawRow): NotificationDeliveries {
  return {
    notificationId: row.notificationId,
    reason: row.reason,
    title: row.title,
    createdAt: row.createdAt,
    readAt: row.readAt,
    dispatched: row.dispatched,
    beforeChannels: row.beforeChannels,
    cycle: row.cycleId ? { id: row.cycleId, title: row.cycleTitle ?? '' } : null,
    person: {
      id: row.personId,
      fullName: row.fullName,
      cellName: row.cellName,
      emailMasked: row.email ? maskEmail(row.email) : null,
      phoneMasked: row.phone ? maskPhone(row.phone) : null,
      notifyChannels: row.notifyChannels,
      active: row.active,
    },
    committeeChannels: row.committeeChannels ?? [...NO_COMMITTEE_CHANNELS],
    deliveries: row.deliveries.map((delivery) => ({
      ...delivery,
      sentAt: date(delivery.sentAt),
      deliveredAt: date(delivery.deliveredAt),
      notBefore: date(delivery.notBefore),
    })),
  };
}

/** What became of notifications on each channel: a cycle's report, and the committee's list of people nobody reached. */
@Injectable()
export class DeliveryOutcomesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** A cycle's notifications, newest first. */
  async ofCycle(cycleId: string, { take, skip }: Page): Promise<NotificationDeliveries[]> {
    const rows = await this.dataSource.query<RawRow[]>(`${SELECTED} WHERE n.cycle_id = $1 ORDER BY n.created_at DESC, n.id LIMIT $2 OFFSET $3`, [cycleId, take, skip]);
    return rows.map(fromRaw);
  }

  /** The committee's notifications that reached nobody since `since`, newest first. */
  async unreached(committeeId: string, since: Date, { take, skip }: Page): Promise<NotificationDeliveries[]> {
    const rows = await this.dataSource.query<RawRow[]>(
      `${SELECTED} WHERE n.id IN (SELECT n.id ${UNREACHED}) ORDER BY n.created_at DESC, n.id LIMIT $3 OFFSET $4`,
      [committeeId, since, take, skip],
    );
    return rows.map(fromRaw);
  }

  async countUnreached(committeeId: string, since: Date): Promise<number> {
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS count ${UNREACHED}`, [committeeId, since]);
    return count;
  }
}
