import { ApplicationFailure, Context } from '@temporalio/activity';
import type { DataSource, EntityManager } from 'typeorm';
import type { ChannelAdapter, ChannelName, OutgoingNotification } from '../../libs/channels/channel.js';
import { NO_COMMITTEE_CHANNELS } from '../../libs/channels/channel-settings.js';
import { deepLinkOf } from '../../libs/channels/deep-link.js';
import { maskEmail, maskPhone } from '../../libs/channels/phone-number.js';
import type { NotificationsConfig } from '../../libs/config/app-config.js';
import type { ActionItemNotice, NotificationReason } from '../../libs/domain/cycle-events.js';
import { notificationContextOf } from '../../libs/persistence/queries/notification-context.query.js';
import { phoneTemplateKindOf } from '../../libs/wording/channel-texts.js';
import type { ChannelResult, DeliveryPlan } from '../../workflows/notification-delivery/notification-delivery.contract.js';

export interface NotificationDeliveryActivities {
  planDelivery(input: { notificationId: string }): Promise<DeliveryPlan>;
  holdForQuietHours(input: { notificationId: string; channels: ChannelName[]; until: string }): Promise<void>;
  sendOnChannel(input: { notificationId: string; channel: ChannelName }): Promise<ChannelResult>;
  settleChannel(input: { notificationId: string; channel: ChannelName }): Promise<'reached' | 'pending'>;
  closeChannel(input: { notificationId: string; channel: ChannelName; status: 'FAILED' | 'SKIPPED'; code: string }): Promise<void>;
}

export interface DeliverySettings {
  config: NotificationsConfig;
  /** The adapters of the channels this installation has configured. */
  adapters: Partial<Record<ChannelName, ChannelAdapter>>;
}

/** The retry error type: Temporal retries it with the plan's backoff. */
const PROVIDER_ASKED_TO_RETRY = 'ProviderAskedToRetry';

/** Why a channel is not tried for a notification; the codes the delivery report explains. */
type SkipCode = 'DEACTIVATED' | 'NOT_USED_BY_COMMITTEE' | 'NOT_CONFIGURED' | 'NOT_CHOSEN' | 'NO_ADDRESS';

interface Recipient {
  reason: NotificationReason | ActionItemNotice;
  email: string | null;
  phone: string | null;
  chosen: ChannelName[];
  committeeChannels: ChannelName[] | null;
  deactivated: boolean;
}

/**
 * The channels' side of a notification (architecture.md: the notification row is the outbox). Each
 * channel has one delivery row per notification; it is claimed (SENDING) before the provider is called, so a
 * retry that finds it still SENDING knows an earlier call may have reached the provider: Zalo, which does
 * not deduplicate, is then settled by the provider's report, never called again; SMS repeats with the same
 * request id, which the gateway recognises; email repeats with the same Message-ID.
 */
export function createNotificationDeliveryActivities(dataSource: DataSource, settings: DeliverySettings): NotificationDeliveryActivities {
  const { config, adapters } = settings;

  const planDelivery = async ({ notificationId }: { notificationId: string }): Promise<DeliveryPlan> => {
    const [recipient] = await dataSource.query<Recipient[]>(
      `SELECT n.reason, u.email, u.phone, u.notify_channels AS chosen, c.notify_channels AS "committeeChannels",
              u.deactivated_at IS NOT NULL AS deactivated
         FROM notifications n JOIN users u ON u.id = n.user_id
         LEFT JOIN cycles y ON y.id = n.cycle_id
         LEFT JOIN committees c ON c.id = COALESCE(u.committee_id, y.committee_id)
        WHERE n.id = $1`,
      [notificationId],
    );
    if (recipient) {
      for (const channel of channelsFor(recipient.reason)) {
        const skip = skipCodeOf(channel, recipient);
        const address = channel === 'email' ? recipient.email && maskEmail(recipient.email) : recipient.phone && maskPhone(recipient.phone);
        await dataSource.query(
          `INSERT INTO notification_deliveries (notification_id, channel, status, error_code, address_masked)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (notification_id, channel) DO NOTHING`,
          [notificationId, channel, skip ? 'SKIPPED' : 'PENDING', skip, address],
        );
      }
    }
    // Read back: a retried plan keeps what the first one stored.
    const open = await dataSource.query<{ channel: ChannelName }[]>(
      `SELECT channel FROM notification_deliveries WHERE notification_id = $1 AND status IN ('PENDING', 'WAITING', 'SENDING')`,
      [notificationId],
    );
    return {
      channels: open.map((row) => row.channel),
      urgent: recipient ? config.urgentReasons.includes(recipient.reason) : false,
      quietHours: config.quietHours,
      retry: config.retry,
      settleWindowMs: config.zalo?.settleWindowMs ?? 600_000,
    };
  };

  /** Email carries every notification; Zalo and SMS only those with a phone template (channel-texts.ts). */
  function channelsFor(reason: NotificationReason | ActionItemNotice): ChannelName[] {
    return phoneTemplateKindOf(reason) ? ['email', 'zalo', 'sms'] : ['email'];
  }

  function skipCodeOf(channel: ChannelName, recipient: Recipient): SkipCode | null {
    if (recipient.deactivated) return 'DEACTIVATED';
    if (!(recipient.committeeChannels ?? NO_COMMITTEE_CHANNELS).includes(channel)) return 'NOT_USED_BY_COMMITTEE';
    if (!adapters[channel] || (channel === 'zalo' && !config.zalo?.templates[phoneTemplateKindOf(recipient.reason) ?? ''])) return 'NOT_CONFIGURED';
    if (!recipient.chosen.includes(channel)) return 'NOT_CHOSEN';
    if (!(channel === 'email' ? recipient.email : recipient.phone)) return 'NO_ADDRESS';
    return null;
  }

  const holdForQuietHours = async ({ notificationId, channels, until }: { notificationId: string; channels: ChannelName[]; until: string }) => {
    await dataSource.query(
      `UPDATE notification_deliveries SET status = 'WAITING', not_before = $3, updated_at = now()
        WHERE notification_id = $1 AND channel = ANY($2::text[]) AND status = 'PENDING'`,
      [notificationId, channels, until],
    );
  };

  const sendOnChannel = async ({ notificationId, channel }: { notificationId: string; channel: ChannelName }): Promise<ChannelResult> => {
    const claim = await dataSource.transaction((manager) => claimDelivery(manager, notificationId, channel));
    if ('result' in claim) return claim.result;
    const adapter = adapters[channel];
    if (!adapter) {
      await close(claim.deliveryId, 'FAILED', 'NOT_CONFIGURED');
      return 'failed';
    }
    const message = await outgoingOf(notificationId, claim.deliveryId);
    const outcome = await adapter.send(message);
    switch (outcome.kind) {
      // Each outcome's state and its line in the attempts' log are written together: a reader (the office's
      // deliveries page) never sees a row SENT, PENDING or FAILED without the attempt that made it so.
      case 'accepted':
        await dataSource.transaction(async (manager) => {
          // A delivery report may have come in first: it stays DELIVERED.
          await manager.query(
            `UPDATE notification_deliveries
                SET status = CASE WHEN status = 'DELIVERED' THEN status ELSE 'SENT' END,
                    provider_message_id = COALESCE($2, provider_message_id), sent_at = COALESCE(sent_at, now()),
                    error_code = NULL, updated_at = now()
              WHERE id = $1`,
            [claim.deliveryId, outcome.providerMessageId],
          );
          await attempt(claim.deliveryId, 'accepted', null, null, manager);
        });
        return 'reached';
      case 'retry':
        await dataSource.transaction(async (manager) => {
          await manager.query(
            `UPDATE notification_deliveries SET status = 'PENDING', error_code = $2, updated_at = now() WHERE id = $1 AND status = 'SENDING'`,
            [claim.deliveryId, outcome.code],
          );
          await attempt(claim.deliveryId, 'retry', outcome.code, outcome.detail, manager);
        });
        throw ApplicationFailure.retryable(`${channel}: ${outcome.code}`, PROVIDER_ASKED_TO_RETRY);
      case 'refused':
        await dataSource.transaction(async (manager) => {
          await close(claim.deliveryId, 'FAILED', outcome.code, manager);
          await attempt(claim.deliveryId, 'refused', outcome.code, outcome.detail, manager);
        });
        return outcome.fallbackToSms ? 'failed' : 'failed-no-fallback';
      case 'unknown':
        await attempt(claim.deliveryId, 'unknown', null, outcome.detail);
        Context.current().log.warn('A message may have been sent without an answer; waiting for the provider to report it', {
          notificationId,
          channel,
        });
        return 'unknown';
    }
  };

  /** Takes a delivery row for one call to its provider, or answers at once when an earlier attempt settled it. */
  async function claimDelivery(
    manager: EntityManager,
    notificationId: string,
    channel: ChannelName,
  ): Promise<{ deliveryId: string } | { result: ChannelResult }> {
    const [row] = await manager.query<{ id: string; status: string; readAt: Date | null; reason: string; cycleStatus: string | null }[]>(
      `SELECT d.id, d.status, n.read_at AS "readAt", n.reason, y.status AS "cycleStatus"
         FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id LEFT JOIN cycles y ON y.id = n.cycle_id
        WHERE d.notification_id = $1 AND d.channel = $2 FOR UPDATE OF d`,
      [notificationId, channel],
    );
    if (!row) return { result: 'failed-no-fallback' };
    if (row.status === 'SENT' || row.status === 'DELIVERED') return { result: 'reached' };
    if (row.status === 'FAILED' || row.status === 'SKIPPED') return { result: 'failed' };
    if (row.status === 'SENDING' && channel === 'zalo') {
      await attempt(row.id, 'unknown', null, 'an earlier attempt ended before its answer was stored', manager);
      return { result: 'unknown' };
    }
    if (channel !== 'email' && row.readAt) {
      // Read in the app while it waited for quiet hours to end: a paid message would tell nothing new.
      await close(row.id, 'SKIPPED', 'READ_IN_APP', manager);
      return { result: 'reached' };
    }
    if (row.cycleStatus === 'CANCELLED' && row.reason !== 'CANCELLED') {
      await close(row.id, 'SKIPPED', 'CYCLE_CANCELLED', manager);
      return { result: 'failed-no-fallback' };
    }
    await manager.query(
      `UPDATE notification_deliveries SET status = 'SENDING', attempts = attempts + 1, updated_at = now() WHERE id = $1`,
      [row.id],
    );
    return { deliveryId: row.id };
  }

  async function outgoingOf(notificationId: string, deliveryId: string): Promise<OutgoingNotification> {
    return dataSource.transaction(async (manager) => {
      const [row] = await manager.query<
        { reason: NotificationReason | ActionItemNotice; title: string; body: string; cycleId: string | null; fullName: string; email: string | null; phone: string | null }[]
      >(
        `SELECT n.reason, n.title, n.body, n.cycle_id AS "cycleId", u.full_name AS "fullName", u.email, u.phone
           FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = $1`,
        [notificationId],
      );
      const cycle = row.cycleId ? ((await notificationContextOf(manager, row.cycleId)) ?? null) : null;
      return {
        notificationId,
        deliveryId,
        reason: row.reason,
        title: row.title,
        body: row.body,
        link: deepLinkOf(config.publicUrl, row.reason, row.cycleId),
        recipient: { fullName: row.fullName, email: row.email, phone: row.phone },
        cycle,
      };
    });
  }

  async function close(deliveryId: string, status: 'FAILED' | 'SKIPPED', code: string, manager: EntityManager = dataSource.manager) {
    await manager.query(`UPDATE notification_deliveries SET status = $2, error_code = $3, updated_at = now() WHERE id = $1`, [deliveryId, status, code]);
  }

  async function attempt(deliveryId: string, outcome: string, code: string | null, detail: string | null, manager: EntityManager = dataSource.manager) {
    await manager.query(`INSERT INTO notification_delivery_attempts (delivery_id, outcome, code, detail) VALUES ($1, $2, $3, $4)`, [
      deliveryId,
      outcome,
      code,
      detail,
    ]);
  }

  const settleChannel = async ({ notificationId, channel }: { notificationId: string; channel: ChannelName }) => {
    const [row] = await dataSource.query<{ status: string }[]>(
      `SELECT status FROM notification_deliveries WHERE notification_id = $1 AND channel = $2`,
      [notificationId, channel],
    );
    return row?.status === 'SENT' || row?.status === 'DELIVERED' ? ('reached' as const) : ('pending' as const);
  };

  const closeChannel = async ({ notificationId, channel, status, code }: { notificationId: string; channel: ChannelName; status: 'FAILED' | 'SKIPPED'; code: string }) => {
    // Never over a channel that reached the person, whatever arrives late.
    await dataSource.query(
      `UPDATE notification_deliveries SET status = $3, error_code = $4, updated_at = now()
        WHERE notification_id = $1 AND channel = $2 AND status NOT IN ('SENT', 'DELIVERED')`,
      [notificationId, channel, status, code],
    );
  };

  return { planDelivery, holdForQuietHours, sendOnChannel, settleChannel, closeChannel };
}
