import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ChannelName } from '../../channels/channel.js';

/** Đảng ủy xã/phường: owns cells, staff and cycles. */
@Entity({ name: 'committees' })
export class CommitteeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** The committee this one was merged into; the row stays, so old timelines keep its name. */
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @Column({ name: 'merged_at', type: 'timestamptz', nullable: true })
  mergedAt: Date | null;

  /** The district (or, with no district between, the province) the commune is under; its overseers read its figures. */
  @Column({ name: 'area_id', type: 'uuid', nullable: true })
  areaId: string | null;

  /** The channels beyond the inbox this committee uses (ZNS and SMS are paid per message). */
  @Column({ name: 'notify_channels', type: 'text', array: true, default: () => `'{email}'` })
  notifyChannels: ChannelName[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
