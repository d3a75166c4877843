import { Inject, Injectable } from '@nestjs/common';
import type { ChannelName } from '../../../libs/channels/channel.js';
import { configuredChannels, NO_COMMITTEE_CHANNELS } from '../../../libs/channels/channel-settings.js';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { UserEntity } from '../../../libs/persistence/entities/user.entity.js';
import { CommitteeChannelsRepository } from '../../../libs/persistence/repositories/committee-channels.repository.js';
import { UsersRepository } from '../../../libs/persistence/repositories/users.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { ContactDto } from './contact.dto.js';
import { toContactView, type ContactView } from './user.mapper.js';
import { contactOf } from './users.service.js';

/** One's own contacts, and what besides one's choice decides whether each channel reaches one. */
export interface OwnContactView extends ContactView {
  committeeChannels: ChannelName[];
  configured: ChannelName[];
}

/** A person's own email, phone and channels (GET and PUT /api/me/contact): everyone sets their own. */
@Injectable()
export class ContactService {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(CommitteeChannelsRepository) private readonly committeeChannels: CommitteeChannelsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async own(caller: AuthUser): Promise<OwnContactView> {
    const user = await this.users.findWithContact(caller.id);
    if (!user) throw new DomainError('NOT_FOUND');
    return this.view(user);
  }

  /** The addresses named are set (null clears one), the others kept; the channels always replaced. */
  async setOwn(caller: AuthUser, dto: ContactDto): Promise<OwnContactView> {
    const changed = await this.users.change(caller.id, caller.id, 'CONTACT_CHANGED', contactOf(dto), false);
    if (!changed) throw new DomainError('NOT_FOUND');
    return this.view(changed);
  }

  private async view(user: UserEntity): Promise<OwnContactView> {
    const committeeChannels = user.committeeId ? ((await this.committeeChannels.of(user.committeeId)) ?? []) : [...NO_COMMITTEE_CHANNELS];
    return { ...toContactView(user), committeeChannels, configured: configuredChannels(this.config.notifications) };
  }
}
