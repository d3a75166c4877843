/**
 * The delivery workflow's decisions, pure so they are tested without Temporal: which channel is tried when,
 * and what follows a channel's end. Email goes at once; Zalo and SMS carry the same notification by phone,
 * Zalo first (cheaper, richer), SMS only where Zalo is not used or could not reach the person.
 */
import type { ChannelName } from '../../libs/channels/channel.js';
import { nextSendableAt } from '../../libs/channels/quiet-hours.js';
import type { ChannelResult, DeliveryPlan } from './notification-delivery.contract.js';

/** The phone channels of a plan, in the order they are tried. */
export function phoneChannelsOf(plan: DeliveryPlan): ChannelName[] {
  return (['zalo', 'sms'] as const).filter((channel) => plan.channels.includes(channel));
}

/** When the phone channels may go: now, or when quiet hours end, unless the notification cannot wait. */
export function phoneSendAt(now: number, plan: DeliveryPlan): number {
  return plan.urgent ? now : nextSendableAt(now, plan.quietHours);
}

/** After Zalo: SMS goes only when Zalo did not reach the person and the failure leaves SMS a chance. */
export function smsAfterZalo(result: ChannelResult): boolean {
  return result === 'failed' || result === 'unknown';
}
