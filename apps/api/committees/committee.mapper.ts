import type { CellEntity } from '../../../libs/persistence/entities/cell.entity.js';
import type { CommitteeEntity } from '../../../libs/persistence/entities/committee.entity.js';

export interface CommitteeView {
  id: string;
  name: string;
}

export interface CellView {
  id: string;
  committeeId: string;
  name: string;
  memberCount: number;
  lastHostedAt: string | null;
  lastRating: string | null;
}

export function toCommitteeView(committee: Pick<CommitteeEntity, 'id' | 'name'>): CommitteeView {
  return { id: committee.id, name: committee.name };
}

export function toCellView(cell: CellEntity): CellView {
  return {
    id: cell.id,
    committeeId: cell.committeeId,
    name: cell.name,
    memberCount: cell.memberCount,
    lastHostedAt: cell.lastHostedAt ? cell.lastHostedAt.toISOString() : null,
    lastRating: cell.lastRating,
  };
}
