import { Inject, Injectable } from '@nestjs/common';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import { maySeeCommittee, rubricOwnersVisibleTo } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { isMultipleOf } from '../../../libs/domain/input-bounds.js';
import type { RubricEntity } from '../../../libs/persistence/entities/rubric.entity.js';
import type { AddRubricDto } from './add-rubric.dto.js';
import type { AuthUser } from '../auth/auth-user.js';
import { pageOf, type PageQuery } from '../common/page.query.js';
import { requireOpenCommittee } from '../common/open-committee.js';

export interface RubricView {
  id: string;
  name: string;
  version: number;
  isTemplate: boolean;
  committeeId: string | null;
  /** Scores are whole multiples of this (0.5: half points). */
  pointStep: number;
  /** The kind of meeting the sheet is for; null: either. */
  kind: string | null;
  basedOnId: string | null;
  criteria: { id: string; label: string; maxPoints: number; requiredForTop: boolean }[];
}

@Injectable()
export class RubricsService {
  constructor(@Inject(OrganisationRepository) private readonly organisation: OrganisationRepository) {}

  /** The templates and the caller's own committee's sheets, every version. */
  async list(caller: AuthUser, page: PageQuery): Promise<RubricView[]> {
    const rubrics = await this.organisation.rubrics(rubricOwnersVisibleTo(caller), pageOf(page));
    return rubrics.map(toRubricView);
  }

  /**
   * A committee's new version of a score sheet (from a template or its previous version): criteria, points,
   * which criteria gate a Tốt rating, the point step, the kind of meeting. A cycle launched before keeps its own.
   */
  async addVersion(caller: AuthUser, committeeId: string, dto: AddRubricDto): Promise<RubricView> {
    if (!maySeeCommittee(caller, committeeId)) throw new DomainError('NOT_FOUND');
    await requireOpenCommittee(this.organisation, committeeId);
    if (dto.basedOnRubricId && !(await this.organisation.rubricFor(committeeId, dto.basedOnRubricId))) throw new DomainError('NOT_FOUND');
    const offStep = dto.criteria.find((criterion) => !isMultipleOf(criterion.maxPoints, dto.pointStep));
    if (offStep) throw new DomainError('INVALID_RUBRIC', { criterion: offStep.label, step: dto.pointStep });
    const saved = await this.organisation.addRubricVersion(caller.id, {
      committeeId,
      name: dto.name,
      kind: dto.kind ?? null,
      pointStep: dto.pointStep,
      basedOnId: dto.basedOnRubricId ?? null,
      criteria: dto.criteria.map((criterion) => ({ id: criterion.id, label: criterion.label, maxPoints: criterion.maxPoints, requiredForTop: criterion.requiredForTop === true })),
    });
    return toRubricView(saved);
  }
}

function toRubricView(rubric: RubricEntity): RubricView {
  return {
    id: rubric.id,
    name: rubric.name,
    version: rubric.version,
    isTemplate: rubric.isTemplate,
    committeeId: rubric.committeeId,
    pointStep: rubric.pointStep,
    kind: rubric.kind,
    basedOnId: rubric.basedOnId,
    criteria: rubric.criteria.map((criterion) => ({ ...criterion, requiredForTop: criterion.requiredForTop === true })),
  };
}
