import { Inject, Injectable } from '@nestjs/common';
import { maySeeCommittee } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import { pageOf, type PageQuery } from '../common/page.query.js';
import { toCellView, toCommitteeView, type CellView, type CommitteeView } from './committee.mapper.js';
import type { CreateCellDto } from './create-cell.dto.js';
import type { CreateCommitteeDto } from './create-committee.dto.js';

@Injectable()
export class CommitteesService {
  constructor(@Inject(OrganisationRepository) private readonly organisation: OrganisationRepository) {}

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

  async createCell(caller: AuthUser, committeeId: string, dto: CreateCellDto): Promise<CellView> {
    await this.requireVisible(caller, committeeId);
    const cell = await this.organisation.createCell(committeeId, { name: dto.name, memberCount: dto.memberCount });
    return toCellView(cell);
  }

  async listCells(caller: AuthUser, committeeId: string, page: PageQuery): Promise<Omit<CellView, 'committeeId'>[]> {
    await this.requireVisible(caller, committeeId);
    const cells = await this.organisation.cellsOf(committeeId, pageOf(page));
    return cells.map((cell) => {
      const view = toCellView(cell);
      return { id: view.id, name: view.name, memberCount: view.memberCount, lastHostedAt: view.lastHostedAt, lastRating: view.lastRating };
    });
  }

  /** Another committee's data answers 404, exactly as a committee that does not exist. */
  private async requireVisible(caller: AuthUser, committeeId: string): Promise<void> {
    if (!maySeeCommittee(caller, committeeId)) throw new DomainError('NOT_FOUND');
    if (!(await this.organisation.committeeExists(committeeId))) throw new DomainError('NOT_FOUND');
  }
}
