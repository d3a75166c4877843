import type { ChannelName } from '../../libs/channels/channel.js';
import type { QuietHours } from '../../libs/channels/quiet-hours.js';

/** The delivery workflow's wire name. Never rename: running histories hold it. */
export const NOTIFICATION_DELIVERY_WORKFLOW_TYPE = 'notificationDelivery';

/** One delivery workflow per notification: its id is what makes a second start of it act once. */
export function notificationDeliveryWorkflowId(notificationId: string): string {
  return `notification-delivery-${notificationId}`;
}

export interface NotificationDeliveryInput {
  notificationId: string;
}

/** What planDelivery decided and stored as delivery rows: the channels to try, and the settings the workflow needs. */
export interface DeliveryPlan {
  /** Channels with a PENDING row: chosen by the person, used by the committee, configured, with an address. */
  channels: ChannelName[];
  /** Whether this notification goes out on SMS and Zalo in quiet hours. */
  urgent: boolean;
  quietHours: QuietHours | null;
  retry: { initialIntervalMs: number; maximumIntervalMs: number; maximumAttempts: number };
  /** How long an unknown outcome waits for the provider's report before SMS is tried instead. */
  settleWindowMs: number;
}

/** How one channel ended for this notification, as the workflow needs it to decide the next. */
export type ChannelResult = 'reached' | 'failed' | 'failed-no-fallback' | 'unknown';
