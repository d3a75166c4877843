import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { RubricCriterion } from '../../domain/cycle.js';

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
