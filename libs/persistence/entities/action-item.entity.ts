import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A commitment from the host's report; stays listed until done, after the cycle has closed. */
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
}
