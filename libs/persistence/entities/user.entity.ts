import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../../domain/roles.js';
import type { ChannelName } from '../../channels/channel.js';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  username: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'committee_id', type: 'uuid', nullable: true })
  committeeId: string | null;

  @Column({ name: 'cell_id', type: 'uuid', nullable: true })
  cellId: string | null;

  /** An overseer's district or province (and nobody else's): the communes whose figures it reads. */
  @Column({ name: 'area_id', type: 'uuid', nullable: true })
  areaId: string | null;

  /** Set on an account whose password was given to it (the first admin, in production): it must change it first. */
  @Column({ name: 'password_change_required', type: 'boolean', default: false })
  passwordChangeRequired: boolean;

  /** When the password was last changed: access tokens issued before it no longer count. */
  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  /** A deactivated account cannot sign in, and its sessions end at once; its past steps stay on the timelines. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  /** Set when the office changes this person (role, cell, deactivation, password reset): sessions opened before end. */
  @Column({ name: 'sessions_ended_at', type: 'timestamptz', nullable: true })
  sessionsEndedAt: Date | null;

  /** The one place a phone number is kept, in 84… form; everything else shows it masked (libs/channels/phone-number.ts). */
  @Column({ type: 'text', nullable: true, select: false })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** The channels this person chose; a channel also needs the committee to use it and an address to reach. */
  @Column({ name: 'notify_channels', type: 'text', array: true, default: () => `'{email,zalo,sms}'` })
  notifyChannels: ChannelName[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
