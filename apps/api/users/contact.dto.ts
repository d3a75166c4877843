import type { ChannelName } from '../../../libs/channels/channel.js';
import { ChannelsField, EmailField, PhoneField } from './contact-fields.js';

/** A person's own contacts and channels: an address left out stays as it is, null clears it. */
export class ContactDto {
  @EmailField()
  email?: string | null;

  @PhoneField()
  phone?: string | null;

  @ChannelsField({ required: true })
  notifyChannels: ChannelName[];
}
