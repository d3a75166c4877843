import { Inject, Injectable } from '@nestjs/common';
import { maySeeCommittee } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { AreasRepository } from '../../../libs/persistence/repositories/areas.repository.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import { pageOf, type PageQuery } from '../common/page.query.js';
import { toCellListItem, toCellView, toCommitteeView, type CellView, type CommitteeView, type DeactivatedCellView, type MergedCommitteeView } from './committee.mapper.js';
import type { CellEntity } from '../../../libs/persistence/entities/cell.entity.js';
import type { ChangeCellDto, DeactivateCellDto } from './change-cell.dto.js';
import type { CreateCellDto } from './create-cell.dto.js';
import type { CreateCommitteeDto, MergeCommitteesDto } from './create-committee.dto.js';
import { requireOpenCommittee } from '../common/open-committee.js';
import { sameName } from './cell-import.plan.js';

@Injectable()
export class CommitteesService {
  constructor(
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
    @Inject(AreasRepository) private readonly areas: AreasRepository,
  ) {}

  async create(dto: CreateCommitteeDto): Promise<CommitteeView> {
    const committee = await this.organisation.createCommittee(dto.name);
    return toCommitteeView(committee);
  }

  /** The admin sees every committee; everyone else only their own. */
  async list(caller: AuthUser, page: PageQuery): Promise<CommitteeView[]> {
    const committees =
      caller.role === 'admin'
        ? await this.organisation.allCommittees(pageOf(page))
        : caller.committeeId
          ? await this.organisation.committee(caller.committeeId)
          : [];
    return committees.map(toCommitteeView);
  }

  async rename(caller: AuthUser, committeeId: string, name: string): Promise<CommitteeView> {
    const renamed = await this.organisation.renameCommittee(caller.id, committeeId, name);
    if (!renamed) throw new DomainError('NOT_FOUND');
    return toCommitteeView(renamed);
  }

  /** The commune put under a district or straight under a province (null: under none); its upper levels read its figures from then on. */
  async place(caller: AuthUser, committeeId: string, areaId: string | null): Promise<CommitteeView> {
    if (areaId && !(await this.areas.area(areaId))) throw new DomainError('INVALID_AREA');
    const placed = await this.areas.placeCommittee(caller.id, committeeId, areaId);
    if (!placed) throw new DomainError('NOT_FOUND');
    return toCommitteeView(placed);
  }

  /**
   * Merges communes into one new committee (the 2025 mergers): cells, people, open and closed cycles and own
   * score sheets move; the old committees stay with their names. An open cycle goes on under its workflow.
   */
  async merge(caller: AuthUser, dto: MergeCommitteesDto): Promise<MergedCommitteeView> {
    const outcome = await this.organisation.mergeCommittees(caller.id, dto.committeeIds, dto.name);
    if (!outcome) throw new DomainError('NOT_FOUND');
    return { committee: toCommitteeView(outcome.committee), moved: outcome.moved };
  }

  async createCell(caller: AuthUser, committeeId: string, dto: CreateCellDto): Promise<CellView> {
    await this.requireVisible(caller, committeeId);
    await requireOpenCommittee(this.organisation, committeeId);
    await this.requireFreeName(committeeId, dto.name);
    const cell = await this.organisation.createCell(committeeId, { name: dto.name, memberCount: dto.memberCount });
    return toCellView(cell);
  }

  async listCells(caller: AuthUser, committeeId: string, page: PageQuery): Promise<Omit<CellView, 'committeeId'>[]> {
    await this.requireVisible(caller, committeeId);
    const cells = await this.organisation.cellsOf(committeeId, pageOf(page));
    return cells.map(toCellListItem);
  }

  async changeCell(caller: AuthUser, committeeId: string, cellId: string, dto: ChangeCellDto): Promise<CellView> {
    const cell = await this.cellOf(caller, committeeId, cellId);
    if (dto.name !== undefined && !sameName(dto.name, cell.name)) await this.requireFreeName(committeeId, dto.name, cellId);
    const changed = await this.organisation.changeCell(caller.id, cellId, 'CELL_CHANGED', { name: dto.name ?? cell.name, memberCount: dto.memberCount ?? cell.memberCount });
    return toCellView(changed as CellEntity);
  }

  /**
   * Dissolves a cell, or merges it into another active cell of the committee: it is never a candidate or an
   * invitee again. Its open cycles go on; they are named in the answer so the committee can decide on them.
   */
  async deactivateCell(caller: AuthUser, committeeId: string, cellId: string, dto: DeactivateCellDto): Promise<DeactivatedCellView> {
    const cell = await this.cellOf(caller, committeeId, cellId);
    if (dto.mergedIntoCellId && (dto.mergedIntoCellId === cellId || (await this.organisation.firstCellNotOf(committeeId, [dto.mergedIntoCellId])))) {
      throw new DomainError('INVALID_CELL', { cellId: dto.mergedIntoCellId });
    }
    const deactivated = cell.deactivatedAt
      ? cell
      : ((await this.organisation.changeCell(caller.id, cellId, dto.mergedIntoCellId ? 'CELL_MERGED' : 'CELL_DISSOLVED', {
          deactivatedAt: new Date(),
          deactivationReason: dto.reason,
          mergedIntoCellId: dto.mergedIntoCellId ?? null,
        })) as CellEntity);
    return { cell: toCellView(deactivated), openCycles: await this.organisation.openCyclesOf(cellId) };
  }

  /** The admin moves a cell, with its secretaries, to another committee; not while it has a part in an open cycle. */
  async moveCell(caller: AuthUser, committeeId: string, cellId: string, toCommitteeId: string): Promise<CellView> {
    const cell = await this.cellOf(caller, committeeId, cellId);
    await requireOpenCommittee(this.organisation, toCommitteeId);
    if (toCommitteeId === cell.committeeId) return toCellView(cell);
    const open = await this.organisation.openCyclesOf(cellId);
    if (open.length > 0) throw new DomainError('CELL_IN_OPEN_CYCLE', { title: open[0].title });
    return toCellView((await this.organisation.moveCell(caller.id, cellId, toCommitteeId)) as CellEntity);
  }

  /** A cell of a committee the caller sees; any other is 404. */
  private async cellOf(caller: AuthUser, committeeId: string, cellId: string): Promise<CellEntity> {
    await this.requireVisible(caller, committeeId);
    const cell = await this.organisation.cell(cellId);
    if (!cell || cell.committeeId !== committeeId) throw new DomainError('NOT_FOUND');
    return cell;
  }

  /**
   * A new or renamed cell does not take the name of another active cell of its committee (compared as people read
   * it: case, spacing and Unicode form aside), so the office tells cells apart by name on every list and page; a
   * dissolved cell's name is free again. Cells merged in from another commune keep theirs until the office renames one.
   */
  private async requireFreeName(committeeId: string, name: string, exceptCellId?: string): Promise<void> {
    const cells = await this.organisation.cellsOf(committeeId, { take: 10_000, skip: 0 });
    if (cells.some((cell) => cell.id !== exceptCellId && !cell.deactivatedAt && sameName(cell.name, name))) throw new DomainError('CELL_NAME_TAKEN');
  }

  /** Another committee's data answers 404, exactly as a committee that does not exist. */
  private async requireVisible(caller: AuthUser, committeeId: string): Promise<void> {
    if (!maySeeCommittee(caller, committeeId)) throw new DomainError('NOT_FOUND');
    if (!(await this.organisation.committeeExists(committeeId))) throw new DomainError('NOT_FOUND');
  }
}
