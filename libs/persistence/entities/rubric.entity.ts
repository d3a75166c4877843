import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { MeetingKind, RubricCriterion } from '../../domain/cycle.js';
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

  /** The kind of meeting the sheet is for (regular or thematic); null: either. */
  @Column({ type: 'text', nullable: true })
  kind: MeetingKind | null;

  /** The sheet this version was made from (a template, or the committee's previous version). */
  @Column({ name: 'based_on_id', type: 'uuid', nullable: true })
  basedOnId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
