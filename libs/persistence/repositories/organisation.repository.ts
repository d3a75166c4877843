import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { DEFAULT_RUBRIC } from '../../domain/default-rubric.js';
import { CellEntity } from '../entities/cell.entity.js';
import { CommitteeEntity } from '../entities/committee.entity.js';
import { RubricEntity } from '../entities/rubric.entity.js';
import { UserEntity } from '../entities/user.entity.js';

/** One page of a list, as the API's page query gives it. */
export interface Page {
  take: number;
  skip: number;
}

/** Committees, their cells, the guests they invite, and the score sheets they use. */
@Injectable()
export class OrganisationRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  createCommittee(name: string): Promise<CommitteeEntity> {
    return this.dataSource.getRepository(CommitteeEntity).save({ name });
  }

  committeeExists(committeeId: string): Promise<boolean> {
    return this.dataSource.getRepository(CommitteeEntity).existsBy({ id: committeeId });
  }

  allCommittees(page: Page): Promise<CommitteeEntity[]> {
    return this.dataSource.getRepository(CommitteeEntity).find({ order: { name: 'ASC', id: 'ASC' }, ...page });
  }

  committee(committeeId: string): Promise<CommitteeEntity[]> {
    return this.dataSource.getRepository(CommitteeEntity).findBy({ id: committeeId });
  }

  createCell(committeeId: string, cell: { name: string; memberCount: number }): Promise<CellEntity> {
    return this.dataSource.getRepository(CellEntity).save({ committeeId, ...cell });
  }

  cell(cellId: string): Promise<CellEntity | null> {
    return this.dataSource.getRepository(CellEntity).findOneBy({ id: cellId });
  }

  cellsOf(committeeId: string, page: Page): Promise<CellEntity[]> {
    return this.dataSource.getRepository(CellEntity).find({ where: { committeeId }, order: { name: 'ASC', id: 'ASC' }, ...page });
  }

  /** The first of these cells that is not the committee's, or null when all are. */
  async firstCellNotOf(committeeId: string, cellIds: string[]): Promise<string | null> {
    if (cellIds.length === 0) return null;
    const found = await this.dataSource.getRepository(CellEntity).find({ select: { id: true }, where: { id: In(cellIds), committeeId } });
    const known = new Set(found.map((cell) => cell.id));
    return cellIds.find((cellId) => !known.has(cellId)) ?? null;
  }

  /** Whether every one of these users is a guest account of the committee. */
  async areGuestsOf(committeeId: string, userIds: string[]): Promise<boolean> {
    const found = await this.dataSource.getRepository(UserEntity).find({ select: { id: true }, where: { id: In(userIds), role: 'guest', committeeId } });
    const known = new Set(found.map((user) => user.id));
    return userIds.every((userId) => known.has(userId));
  }

  /** The requested rubric version (a template, or one of this committee's own), else the default template. */
  rubricFor(committeeId: string, rubricId?: string): Promise<RubricEntity | null> {
    return this.dataSource.getRepository(RubricEntity).findOne({
      where: rubricId
        ? [
            { id: rubricId, committeeId: IsNull() },
            { id: rubricId, committeeId },
          ]
        : { id: DEFAULT_RUBRIC.id },
    });
  }

  /** Score sheets owned by these committees (null: the templates), or every one. */
  rubrics(owners: 'all' | (string | null)[], page: Page): Promise<RubricEntity[]> {
    return this.dataSource.getRepository(RubricEntity).find({
      where: owners === 'all' ? {} : owners.map((committeeId) => ({ committeeId: committeeId ?? IsNull() })),
      order: { name: 'ASC', version: 'DESC', id: 'ASC' },
      ...page,
    });
  }
}
