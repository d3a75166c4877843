import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { RubricCriterion } from '../../domain/cycle.js';
import { NUMERIC } from './numeric.transformer.js';

/** A versioned scoring sheet. Rows are never edited in place: a change is a new version, so pinned cycles keep theirs. */
@Entity({ name: 'rubrics' })
export class RubricEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Null for the installation-wide templates. */
  @Column({ name: 'committee_id', type: 'uuid', nullable: true })
  committeeId: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'is_template', type: 'boolean', default: false })
  isTemplate: boolean;

  @Column({ type: 'jsonb' })
  criteria: RubricCriterion[];

  /** Scores on this sheet are whole multiples of this (0.5: half points). */
  @Column({ name: 'point_step', type: 'numeric', default: 0.5, transformer: NUMERIC })
  pointStep: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
