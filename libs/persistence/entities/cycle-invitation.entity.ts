import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { InvitationStatus } from '../../domain/cycle.js';

@Entity({ name: 'cycle_invitations' })
@Index(['cellId'])
export class CycleInvitationEntity {
  @PrimaryColumn({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @PrimaryColumn({ name: 'cell_id', type: 'uuid' })
  cellId: string;

  @Column({ type: 'text' })
  status: InvitationStatus;

  @Column({ type: 'text', nullable: true })
  delegate: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  /** Set when the host records the meeting: only attending cells critique. */
  @Column({ type: 'boolean', default: false })
  attended: boolean;

  /** What this cell will take home from the lessons (nhân rộng), once the cycle is closed. */
  @Column({ type: 'text', nullable: true })
  adoption: string | null;
}
