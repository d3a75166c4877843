import { CHANNELS, type ChannelName } from '../../../libs/channels/channel.js';
import type { ActionItemNotice, NotificationReason } from '../../../libs/domain/cycle-events.js';
import type { DeliveryRow, NotificationDeliveries } from '../../../libs/persistence/repositories/delivery-outcomes.repository.js';
import { phoneTemplateKindOf } from '../../../libs/wording/channel-texts.js';
import { deliveryWhy, type DeliveryStatus } from '../../../libs/wording/delivery-words.js';
import type { Language } from '../../../libs/wording/language.js';

/** One channel of one notification: its state, where it went (masked), and why, in a sentence. */
export interface ChannelDeliveryView {
  channel: ChannelName;
  /** Null when the channel has no delivery row: it was not tried (`why` says why). */
  status: DeliveryStatus | null;
  /** Masked: "0912 *** 678", "lo***@gmail.com". */
  address: string | null;
  attempts: number;
  /** The provider's code or the reason it was skipped, as the delivery stored it. */
  errorCode: string | null;
  why: string;
  sentAt: string | null;
  deliveredAt: string | null;
  notBefore: string | null;
}

export interface DeliveryReportItemView {
  notificationId: string;
  reason: string;
  title: string;
  createdAt: string;
  readAt: string | null;
  person: { id: string; fullName: string; cellName: string | null };
  channels: ChannelDeliveryView[];
  /** Read in the app, or sent or delivered on a channel. */
  reached: boolean;
}

export interface UnreachedItemView extends DeliveryReportItemView {
  cycle: { id: string; title: string } | null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

const wasSent = (delivery: DeliveryRow | undefined) => delivery?.status === 'SENT' || delivery?.status === 'DELIVERED';

/**
 * A notification with what became of it on every channel, tried or not: a channel without a row is explained by
 * the settings as they are now (the server's, the committee's, the person's choice, the address).
 */
export function toDeliveryReportItem(row: NotificationDeliveries, configured: readonly ChannelName[], language: Language): DeliveryReportItemView {
  const byChannel = new Map(row.deliveries.map((delivery) => [delivery.channel, delivery]));
  const zaloSent = wasSent(byChannel.get('zalo'));
  const channels = CHANNELS.map((channel): ChannelDeliveryView => {
    const delivery = byChannel.get(channel);
    const currentAddress = channel === 'email' ? row.person.emailMasked : row.person.phoneMasked;
    const why = deliveryWhy(
      {
        channel,
        status: delivery?.status ?? null,
        errorCode: delivery?.errorCode ?? null,
        attempts: delivery?.attempts ?? 0,
        notBefore: delivery?.notBefore ?? null,
        sentAt: delivery?.sentAt ?? null,
        deliveredAt: delivery?.deliveredAt ?? null,
        settings: {
          configured: configured.includes(channel),
          committeeUses: row.committeeChannels.includes(channel),
          personChose: row.person.notifyChannels.includes(channel),
          hasAddress: currentAddress !== null,
          personActive: row.person.active,
        },
        // A reason the code no longer knows has no phone template, like any that goes by email alone.
        kindByPhone: phoneTemplateKindOf(row.reason as NotificationReason | ActionItemNotice) !== null,
        zaloSent,
        dispatched: row.dispatched,
        beforeChannels: row.beforeChannels,
      },
      language,
    );
    return {
      channel,
      status: delivery?.status ?? null,
      address: delivery ? delivery.addressMasked : currentAddress,
      attempts: delivery?.attempts ?? 0,
      errorCode: delivery?.errorCode ?? null,
      why,
      sentAt: iso(delivery?.sentAt ?? null),
      deliveredAt: iso(delivery?.deliveredAt ?? null),
      notBefore: iso(delivery?.notBefore ?? null),
    };
  });
  return {
    notificationId: row.notificationId,
    reason: row.reason,
    title: row.title,
    createdAt: row.createdAt.toISOString(),
    readAt: iso(row.readAt),
    person: { id: row.person.id, fullName: row.person.fullName, cellName: row.person.cellName },
    channels,
    reached: row.readAt !== null || row.deliveries.some(wasSent),
  };
}

export function toUnreachedItem(row: NotificationDeliveries, configured: readonly ChannelName[], language: Language): UnreachedItemView {
  return { ...toDeliveryReportItem(row, configured, language), cycle: row.cycle };
}
