import { Inject, Injectable } from '@nestjs/common';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
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
  constructor(@Inject(OrganisationRepository) private readonly organisation: OrganisationRepository) {}

  /** The templates and the caller's own committee's sheets, every version. */
  async list(caller: AuthUser, page: PageQuery): Promise<RubricView[]> {
    const rubrics = await this.organisation.rubrics(rubricOwnersVisibleTo(caller), pageOf(page));
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
