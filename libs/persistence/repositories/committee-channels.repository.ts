import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChannelName } from '../../channels/channel.js';
import { CommitteeEntity } from '../entities/committee.entity.js';
import { recordAudit } from './audit-trail.js';

/** The channels beyond the inbox each committee uses (ZNS and SMS are paid per message). */
@Injectable()
export class CommitteeChannelsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Null when there is no such committee. */
  async of(committeeId: string): Promise<ChannelName[] | null> {
    const committee = await this.dataSource.getRepository(CommitteeEntity).findOne({ select: { notifyChannels: true }, where: { id: committeeId } });
    return committee ? committee.notifyChannels : null;
  }

  /** The committee's channels replaced, with its audit entry, in one transaction; null when there is no such committee. */
  async set(actorId: string, committeeId: string, channels: ChannelName[]): Promise<ChannelName[] | null> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.getRepository(CommitteeEntity).findOne({ where: { id: committeeId }, lock: { mode: 'pessimistic_write' } });
      if (!before) return null;
      await manager.getRepository(CommitteeEntity).update({ id: committeeId }, { notifyChannels: channels });
      await recordAudit(manager, {
        actorId,
        committeeId,
        entity: 'committee',
        entityId: committeeId,
        action: 'COMMITTEE_CHANNELS_CHANGED',
        before: { notifyChannels: before.notifyChannels },
        after: { notifyChannels: channels },
      });
      return channels;
    });
  }
}
