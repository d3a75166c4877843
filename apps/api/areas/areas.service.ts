import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { AreasRepository } from '../../../libs/persistence/repositories/areas.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import { pageOf, type PageQuery } from '../common/page.query.js';
import { toAreaView, type AreaView } from './area.mapper.js';
import type { CreateAreaDto } from './create-area.dto.js';

/** The upper levels over communes (issue 18): the admin makes provinces and their districts. */
@Injectable()
export class AreasService {
  constructor(@Inject(AreasRepository) private readonly areas: AreasRepository) {}

  /** A province stands alone; a district belongs to a province (never to another district). */
  async create(caller: AuthUser, dto: CreateAreaDto): Promise<AreaView> {
    if (dto.kind === 'province' && dto.parentId) throw new DomainError('INVALID_AREA');
    if (dto.kind === 'district') {
      const parent = dto.parentId ? await this.areas.area(dto.parentId) : null;
      if (parent?.kind !== 'province') throw new DomainError('INVALID_AREA');
    }
    return toAreaView(await this.areas.createArea(caller.id, { name: dto.name, kind: dto.kind, parentId: dto.parentId ?? null }));
  }

  /** The admin every area; an upper level's account the areas whose figures it reads (its own and, for a province, its districts). */
  async list(caller: AuthUser, page: PageQuery): Promise<AreaView[]> {
    if (caller.role === 'admin') return (await this.areas.allAreas(pageOf(page))).map(toAreaView);
    return caller.areaId ? (await this.areas.within(caller.areaId)).map(toAreaView) : [];
  }
}
