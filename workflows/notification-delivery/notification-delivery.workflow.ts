/**
 * notificationDelivery: one per notification, started by the worker's dispatcher once its inbox row is
 * committed (the row is the outbox). It carries the notification on the channels beyond the inbox.
 *
 * Activities (notification-delivery.activities.ts): planDelivery stores one delivery row per channel and
 *   answers which to try; sendOnChannel calls a provider once per attempt, and Temporal retries it with the
 *   plan's backoff when the provider says "try again"; holdForQuietHours, settleChannel, closeChannel keep the
 *   rows true to what happened.
 * Timers: the end of quiet hours, for Zalo and SMS (not for email, nor for what cannot wait); while an
 *   unknown Zalo outcome waits for the provider's report, a few checks within the settle window.
 * Invariants:
 *   - a channel's provider is asked at most once per attempt, and a channel that does not deduplicate (Zalo)
 *     is never asked again once an attempt's outcome is unknown;
 *   - SMS goes only where Zalo is not used, or refused, gave up or stayed unconfirmed for this person;
 *   - the workflow decides when and in which order; the activities and adapters decide how.
 */
import { ActivityFailure, proxyActivities, sleep } from '@temporalio/workflow';
import type { NotificationDeliveryActivities } from '../../activities/notification-delivery/notification-delivery.activities.js';
import type { ChannelName } from '../../libs/channels/channel.js';
import type { ChannelResult, NotificationDeliveryInput } from './notification-delivery.contract.js';
import { phoneChannelsOf, phoneSendAt, smsAfterZalo } from './notification-delivery.state.js';

const rows = proxyActivities<NotificationDeliveryActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});

const MAX_SETTLE_CHECK_MS = 60_000;

export async function notificationDelivery({ notificationId }: NotificationDeliveryInput): Promise<void> {
  const plan = await rows.planDelivery({ notificationId });
  const { sendOnChannel } = proxyActivities<NotificationDeliveryActivities>({
    // A provider's own timeout is 10 s: past this the attempt is lost with its worker, and retried.
    startToCloseTimeout: '30 seconds',
    retry: {
      initialInterval: plan.retry.initialIntervalMs,
      backoffCoefficient: 2,
      maximumInterval: plan.retry.maximumIntervalMs,
      maximumAttempts: plan.retry.maximumAttempts,
    },
  });

  const deliverOn = async (channel: ChannelName): Promise<ChannelResult> => {
    let result: ChannelResult;
    try {
      result = await sendOnChannel({ notificationId, channel });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      await rows.closeChannel({ notificationId, channel, status: 'FAILED', code: 'GAVE_UP' });
      return 'failed';
    }
    return result === 'unknown' ? settle(channel) : result;
  };

  /** An attempt whose outcome is unknown is settled by what the provider reports, within the plan's window. */
  const settle = async (channel: ChannelName): Promise<ChannelResult> => {
    const until = Date.now() + plan.settleWindowMs;
    let wait = Math.min(Math.max(plan.settleWindowMs / 10, 1000), 5000);
    while (Date.now() < until) {
      await sleep(Math.min(wait, until - Date.now()));
      if ((await rows.settleChannel({ notificationId, channel })) === 'reached') return 'reached';
      wait = Math.min(wait * 2, MAX_SETTLE_CHECK_MS);
    }
    await rows.closeChannel({ notificationId, channel, status: 'FAILED', code: 'UNCONFIRMED' });
    return 'unknown';
  };

  const deliverByPhone = async (): Promise<void> => {
    const phones = phoneChannelsOf(plan);
    if (phones.length === 0) return;
    const sendAt = phoneSendAt(Date.now(), plan);
    if (sendAt > Date.now()) {
      await rows.holdForQuietHours({ notificationId, channels: phones, until: new Date(sendAt).toISOString() });
      await sleep(sendAt - Date.now());
    }
    if (phones.includes('zalo')) {
      const zalo = await deliverOn('zalo');
      if (!phones.includes('sms')) return;
      if (!smsAfterZalo(zalo)) {
        await rows.closeChannel({ notificationId, channel: 'sms', status: 'SKIPPED', code: zalo === 'reached' ? 'NOT_NEEDED' : 'NO_FALLBACK' });
        return;
      }
    }
    await deliverOn('sms');
  };

  await Promise.all([plan.channels.includes('email') ? deliverOn('email') : Promise.resolve(), deliverByPhone()]);
}
