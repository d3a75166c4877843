import type { DataSource } from 'typeorm';
import type { ChannelAdapter, ChannelName } from '../../libs/channels/channel.js';
import { createEmailAdapter } from '../../libs/channels/email/email.adapter.js';
import { createEsmsAdapter } from '../../libs/channels/sms/esms.adapter.js';
import { ZaloTokenStore } from '../../libs/channels/zalo/zalo-token.store.js';
import { createZaloZnsAdapter } from '../../libs/channels/zalo/zalo-zns.adapter.js';
import type { NotificationsConfig } from '../../libs/config/app-config.js';

export interface ChannelAdapters {
  adapters: Partial<Record<ChannelName, ChannelAdapter>>;
  close(): Promise<void>;
}

/** One adapter per channel this installation has settings for; a channel without them is simply absent. */
export function createChannelAdapters(config: NotificationsConfig, dataSource: DataSource): ChannelAdapters {
  const adapters: Partial<Record<ChannelName, ChannelAdapter>> = {};
  const email = config.email ? createEmailAdapter(config.email) : null;
  if (email) adapters.email = email;
  if (config.zalo) adapters.zalo = createZaloZnsAdapter(config.zalo, new ZaloTokenStore(dataSource, config.zalo));
  if (config.sms) adapters.sms = createEsmsAdapter(config.sms, config.publicUrl);
  return { adapters, close: async () => email?.close() };
}
