import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CycleStage, MeetingKind, PinnedRubric } from '../../domain/cycle.js';
import type { CyclePlan, CycleReport, CycleReview, MeetingRecord } from '../../domain/cycle-records.js';

/**
 * The durable record of one cycle, written only by the workflow's activities. `lastSeq` is the number of
 * the last step applied: a retried activity with a step already applied changes nothing.
 */
@Entity({ name: 'cycles' })
@Index(['committeeId', 'createdAt'])
@Index(['status'])
export class CycleEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'committee_id', type: 'uuid' })
  committeeId: string;

  /** Set when the cycle moved with a committee merge: the committee its workflow was launched for (the workflow knows no other). */
  @Column({ name: 'launched_committee_id', type: 'uuid', nullable: true })
  launchedCommitteeId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'text' })
  kind: MeetingKind;

  @Column({ type: 'text' })
  status: CycleStage;

  @Column({ name: 'host_cell_id', type: 'uuid', nullable: true })
  hostCellId: string | null;

  @Column({ name: 'meeting_at', type: 'timestamptz' })
  meetingAt: Date;

  @Column({ type: 'text' })
  location: string;

  @Column({ name: 'rubric_id', type: 'uuid' })
  rubricId: string;

  @Column({ type: 'jsonb' })
  rubric: PinnedRubric;

  @Column({ name: 'critique_window', type: 'text' })
  critiqueWindow: string;

  @Column({ name: 'report_window', type: 'text' })
  reportWindow: string;

  @Column({ type: 'jsonb', nullable: true })
  plan: CyclePlan | null;

  @Column({ type: 'jsonb', nullable: true })
  meeting: MeetingRecord | null;

  @Column({ type: 'jsonb', nullable: true })
  report: CycleReport | null;

  @Column({ type: 'jsonb', nullable: true })
  review: CycleReview | null;

  @Column({ name: 'plan_due_at', type: 'timestamptz' })
  planDueAt: Date;

  /** When the committee should have picked the host (HOST_SELECTION), the meeting be on record, the report be reviewed. */
  @Column({ name: 'host_due_at', type: 'timestamptz', nullable: true })
  hostDueAt: Date | null;

  @Column({ name: 'record_due_at', type: 'timestamptz', nullable: true })
  recordDueAt: Date | null;

  @Column({ name: 'review_due_at', type: 'timestamptz', nullable: true })
  reviewDueAt: Date | null;

  /** The rules the cycle's workflow runs under (1 for cycles launched before ruleset 2). */
  @Column({ type: 'integer', default: 1 })
  ruleset: number;

  @Column({ name: 'critique_closes_at', type: 'timestamptz', nullable: true })
  critiqueClosesAt: Date | null;

  @Column({ name: 'report_due_at', type: 'timestamptz', nullable: true })
  reportDueAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
