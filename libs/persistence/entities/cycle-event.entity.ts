import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The cycle's timeline: one row per accepted step or timer, numbered by the workflow. Doubles as the audit trail. */
@Entity({ name: 'cycle_events' })
export class CycleEventEntity {
  @PrimaryColumn({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text' })
  event: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** The update id of a step the workflow answered before writing this row (the API waits for the row). */
  @Column({ name: 'step_id', type: 'text', nullable: true })
  stepId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  detail: Record<string, unknown> | null;
}
