import { Inject, Injectable } from '@nestjs/common';
import type { ChannelName } from '../../../libs/channels/channel.js';
import { configuredChannels, inChannelOrder } from '../../../libs/channels/channel-settings.js';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { maySeeCommittee } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { CommitteeChannelsRepository } from '../../../libs/persistence/repositories/committee-channels.repository.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import { requireOpenCommittee } from '../common/open-committee.js';

export interface CommitteeChannelsView {
  committeeId: string;
  channels: ChannelName[];
  /** What the installation can send on: a channel chosen but not configured sends nothing yet. */
  configured: ChannelName[];
}

/**
 * The channels a committee uses beyond the inbox, for its staff and the admin (another committee's: 404). A
 * committee may choose a channel the server is not configured for yet: the page says so, and it starts
 * sending once the server is.
 */
@Injectable()
export class CommitteeChannelsService {
  constructor(
    @Inject(CommitteeChannelsRepository) private readonly channels: CommitteeChannelsRepository,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async of(caller: AuthUser, committeeId: string): Promise<CommitteeChannelsView> {
    if (!maySeeCommittee(caller, committeeId)) throw new DomainError('NOT_FOUND');
    const channels = await this.channels.of(committeeId);
    if (!channels) throw new DomainError('NOT_FOUND');
    return this.view(committeeId, channels);
  }

  async set(caller: AuthUser, committeeId: string, channels: ChannelName[]): Promise<CommitteeChannelsView> {
    if (!maySeeCommittee(caller, committeeId)) throw new DomainError('NOT_FOUND');
    await requireOpenCommittee(this.organisation, committeeId);
    const saved = await this.channels.set(caller.id, committeeId, inChannelOrder(channels));
    if (!saved) throw new DomainError('NOT_FOUND');
    return this.view(committeeId, saved);
  }

  private view(committeeId: string, channels: ChannelName[]): CommitteeChannelsView {
    return { committeeId, channels, configured: configuredChannels(this.config.notifications) };
  }
}
