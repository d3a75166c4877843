import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Chi bộ. `lastHostedAt` and `lastRating` feed the host-candidate ranking and change when a cycle closes. */
@Entity({ name: 'cells' })
@Index(['committeeId'])
export class CellEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'committee_id', type: 'uuid' })
  committeeId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'member_count', type: 'integer' })
  memberCount: number;

  @Column({ name: 'last_hosted_at', type: 'timestamptz', nullable: true })
  lastHostedAt: Date | null;

  @Column({ name: 'last_rating', type: 'text', nullable: true })
  lastRating: string | null;

  /** A dissolved or merged cell is never a candidate or an invitee again; its history stays. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  @Column({ name: 'deactivation_reason', type: 'text', nullable: true })
  deactivationReason: string | null;

  /** The cell it was merged into, where its history is read. */
  @Column({ name: 'merged_into_cell_id', type: 'uuid', nullable: true })
  mergedIntoCellId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
