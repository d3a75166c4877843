import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Rating, Scores } from '../../domain/cycle.js';
import type { CritiquePoint } from '../../domain/cycle-records.js';
import { NUMERIC } from './numeric.transformer.js';

@Entity({ name: 'critiques' })
@Index(['cycleId', 'cellId'], { unique: true })
export class CritiqueEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  /** The visiting cell; null for an upper-level guest's critique. */
  @Column({ name: 'cell_id', type: 'uuid', nullable: true })
  cellId: string | null;

  @Column({ name: 'guest_id', type: 'uuid', nullable: true })
  guestId: string | null;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'jsonb' })
  points: CritiquePoint[];

  @Column({ type: 'jsonb', nullable: true })
  scores: Scores | null;

  @Column({ name: 'score_total', type: 'numeric', nullable: true, transformer: NUMERIC })
  scoreTotal: number | null;

  @Column({ type: 'text', nullable: true })
  rating: Rating | null;
}
