import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { RubricEntity } from '../../../libs/persistence/entities/rubric.entity.js';
import { rubricOwnersVisibleTo } from '../../../libs/domain/cycle-policy.js';
import type { AuthUser } from '../auth/auth-user.js';
import { pageOf, type PageQuery } from '../common/page.query.js';

export interface RubricView {
  id: string;
  name: string;
  version: number;
  isTemplate: boolean;
  committeeId: string | null;
  /** Scores are whole multiples of this (0.5: half points). */
  pointStep: number;
  criteria: { id: string; label: string; maxPoints: number; requiredForTop: boolean }[];
}

@Injectable()
export class RubricsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The templates and the caller's own committee's sheets, every version. */
  async list(caller: AuthUser, page: PageQuery): Promise<RubricView[]> {
    const repository = this.dataSource.getRepository(RubricEntity);
    const owners = rubricOwnersVisibleTo(caller);
    const rubrics = await repository.find({
      where: owners === 'all' ? {} : owners.map((committeeId) => ({ committeeId: committeeId ?? IsNull() })),
      order: { name: 'ASC', version: 'DESC', id: 'ASC' },
      ...pageOf(page),
    });
    return rubrics.map((rubric) => ({
      id: rubric.id,
      name: rubric.name,
      version: rubric.version,
      isTemplate: rubric.isTemplate,
      committeeId: rubric.committeeId,
      pointStep: rubric.pointStep,
      criteria: rubric.criteria.map((criterion) => ({ ...criterion, requiredForTop: criterion.requiredForTop === true })),
    }));
  }
}
