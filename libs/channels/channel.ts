import type { ActionItemNotice, NotificationReason } from '../domain/cycle-events.js';
import type { NotificationContext } from '../wording/notification-texts.js';

/**
 * The channels that carry a notification beyond the in-app inbox (notifications.md), and the one interface
 * every provider's adapter implements. The workflow decides that someone is notified; an adapter decides how.
 */
export const CHANNELS = ['email', 'zalo', 'sms'] as const;
export type ChannelName = (typeof CHANNELS)[number];

/** What a notification's inbox row says, and what an adapter needs to carry it on its channel. */
export interface OutgoingNotification {
  notificationId: string;
  /** The delivery row's id: sent to the provider as its request / tracking id, so a retry is recognised. */
  deliveryId: string;
  reason: NotificationReason | ActionItemNotice;
  /** The inbox's own words (notification-texts.ts). */
  title: string;
  body: string;
  /** The absolute address of the page that acts on it. */
  link: string;
  recipient: { fullName: string; email: string | null; phone: string | null };
  /** The cycle as its record holds it now, for the short texts of ZNS and SMS; null for a notice without a cycle. */
  cycle: NotificationContext | null;
}

/**
 * A provider's answer, in the four kinds the delivery rules need:
 * - accepted: the provider took it (it may report delivery later, by webhook or callback);
 * - retry: it said "try again" (timeout before sending, 5xx, rate limit, quota refilled later);
 * - refused: it said "never" (bad number, template refused, opted out); `fallbackToSms` when another
 *   channel may still reach the person;
 * - unknown: no answer after the request left, so it may have been sent: settled by asking the provider,
 *   never by sending again on a channel that does not deduplicate.
 */
export type SendOutcome =
  | { kind: 'accepted'; providerMessageId: string | null }
  | { kind: 'retry'; code: string; detail: string }
  | { kind: 'refused'; code: string; detail: string; fallbackToSms: boolean }
  | { kind: 'unknown'; detail: string };

export interface ChannelAdapter {
  readonly channel: ChannelName;
  send(notification: OutgoingNotification): Promise<SendOutcome>;
}

/** What a provider reported later about a message it accepted (Zalo's webhook, the SMS gateway's callback). */
export interface DeliveryReport {
  channel: ChannelName;
  /** The provider's message id, or our delivery id where the provider echoes it. */
  providerMessageId?: string;
  deliveryId?: string;
  delivered: boolean;
  at: Date;
  code?: string;
}
