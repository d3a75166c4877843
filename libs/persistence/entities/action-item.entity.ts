import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A commitment from the host's report; stays listed until done or dropped, after the cycle has closed (or been cancelled). */
@Entity({ name: 'action_items' })
@Index(['cycleId'])
export class ActionItemEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @Column({ name: 'cell_id', type: 'uuid' })
  cellId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  owner: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ name: 'done_by', type: 'uuid', nullable: true })
  doneBy: string | null;

  /** An item given up, with the reason (a cancelled cycle's, or one that no longer applies). */
  @Column({ name: 'dropped_at', type: 'timestamptz', nullable: true })
  droppedAt: Date | null;

  @Column({ name: 'dropped_by', type: 'uuid', nullable: true })
  droppedBy: string | null;

  @Column({ name: 'drop_reason', type: 'text', nullable: true })
  dropReason: string | null;
}
