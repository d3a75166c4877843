import type { NotificationsConfig } from '../config/app-config.js';
import { CHANNELS, type ChannelName } from './channel.js';

/** The channels this installation can send on: those whose provider has its settings (app-config.ts). */
export function configuredChannels(config: Pick<NotificationsConfig, ChannelName>): ChannelName[] {
  return CHANNELS.filter((channel) => config[channel] !== null);
}

/** Chosen channels kept in the one order they are listed everywhere, whatever order they were ticked in. */
export function inChannelOrder(channels: readonly ChannelName[]): ChannelName[] {
  return CHANNELS.filter((channel) => channels.includes(channel));
}

/** The channels of a person of no committee (the admin): email alone, as the delivery workflow sends them. */
export const NO_COMMITTEE_CHANNELS: readonly ChannelName[] = ['email'];
