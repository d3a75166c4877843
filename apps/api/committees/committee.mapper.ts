import type { CellEntity } from '../../../libs/persistence/entities/cell.entity.js';
import type { CommitteeEntity } from '../../../libs/persistence/entities/committee.entity.js';

export interface CommitteeView {
  id: string;
  name: string;
  /** Set on a committee merged into another: it stays, with its name, for old timelines. */
  mergedIntoId: string | null;
  /** The district (or province) the commune is under; null while under none. */
  areaId: string | null;
}

/** A committee formed by a merger, and how much moved into it. */
export interface MergedCommitteeView {
  committee: CommitteeView;
  moved: { cells: number; people: number; cycles: number; rubrics: number };
}

export interface CellView {
  id: string;
  committeeId: string;
  name: string;
  memberCount: number;
  lastHostedAt: string | null;
  lastRating: string | null;
  /** False once the cell was dissolved or merged; its history stays readable. */
  active: boolean;
  mergedIntoCellId: string | null;
}

/** A cell the committee dissolved or merged, with the open cycles it had a part in, for the committee to decide on. */
export interface DeactivatedCellView {
  cell: CellView;
  openCycles: { id: string; title: string; status: string; part: 'host' | 'invited' }[];
}

export function toCommitteeView(committee: Pick<CommitteeEntity, 'id' | 'name'> & { mergedIntoId?: string | null; areaId?: string | null }): CommitteeView {
  return { id: committee.id, name: committee.name, mergedIntoId: committee.mergedIntoId ?? null, areaId: committee.areaId ?? null };
}

export function toCellView(cell: CellEntity): CellView {
  return {
    id: cell.id,
    committeeId: cell.committeeId,
    name: cell.name,
    memberCount: cell.memberCount,
    lastHostedAt: cell.lastHostedAt ? cell.lastHostedAt.toISOString() : null,
    lastRating: cell.lastRating,
    active: !cell.deactivatedAt,
    mergedIntoCellId: cell.mergedIntoCellId,
  };
}

/** A cell in its committee's list (api.md's shape, which leaves the committee out). */
export function toCellListItem(cell: CellEntity): Omit<CellView, 'committeeId'> {
  return {
    id: cell.id,
    name: cell.name,
    memberCount: cell.memberCount,
    lastHostedAt: cell.lastHostedAt ? cell.lastHostedAt.toISOString() : null,
    lastRating: cell.lastRating,
    active: !cell.deactivatedAt,
    mergedIntoCellId: cell.mergedIntoCellId,
  };
}
