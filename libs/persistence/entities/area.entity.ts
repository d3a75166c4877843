import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AreaKind } from '../../domain/areas.js';

/** An upper level over communes: a district (Huyện ủy), always under a province, or a province (Tỉnh ủy). */
@Entity({ name: 'areas' })
export class AreaEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: AreaKind;

  /** A district's province; a province has none. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
