import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AreaKind } from '../../domain/areas.js';
import { AreaEntity } from '../entities/area.entity.js';
import { CommitteeEntity } from '../entities/committee.entity.js';
import { recordAudit } from './audit-trail.js';
import type { Page } from './organisation.repository.js';

/** A commune as an upper level lists it: with the district it is under (null when straight under the province). */
export interface CommuneUnderRow {
  id: string;
  name: string;
  districtId: string | null;
  districtName: string | null;
}

/** Districts and provinces over communes, and where each commune sits. */
@Injectable()
export class AreasRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** A new area and its audit entry, in one transaction. */
  createArea(actorId: string, area: { name: string; kind: AreaKind; parentId: string | null }): Promise<AreaEntity> {
    return this.dataSource.transaction(async (manager) => {
      const created = await manager.getRepository(AreaEntity).save(area);
      await recordAudit(manager, { actorId, committeeId: null, entity: 'area', entityId: created.id, action: 'AREA_CREATED', before: null, after: { ...area } });
      return created;
    });
  }

  area(areaId: string): Promise<AreaEntity | null> {
    return this.dataSource.getRepository(AreaEntity).findOneBy({ id: areaId });
  }

  /** Provinces first, then each district under its province, by name. */
  allAreas(page: Page): Promise<AreaEntity[]> {
    return this.dataSource.query<AreaEntity[]>(
      `SELECT a.id, a.name, a.kind, a.parent_id AS "parentId", a.created_at AS "createdAt"
         FROM areas a LEFT JOIN areas p ON p.id = a.parent_id
        ORDER BY COALESCE(p.name, a.name), a.kind DESC, a.name, a.id LIMIT $1 OFFSET $2`,
      [page.take, page.skip],
    );
  }

  /** An area and the districts under it (a province's), the area first. */
  within(areaId: string): Promise<AreaEntity[]> {
    return this.dataSource.query<AreaEntity[]>(
      `SELECT id, name, kind, parent_id AS "parentId", created_at AS "createdAt" FROM areas WHERE id = $1 OR parent_id = $1
        ORDER BY (id = $1) DESC, name, id`,
      [areaId],
    );
  }

  /** The commune put under an area (or taken out from under any, with null), on the audit trail; null when there is no such commune. */
  placeCommittee(actorId: string, committeeId: string, areaId: string | null): Promise<CommitteeEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.getRepository(CommitteeEntity).findOne({ where: { id: committeeId }, lock: { mode: 'pessimistic_write' } });
      if (!before) return null;
      await manager.getRepository(CommitteeEntity).update({ id: committeeId }, { areaId });
      await recordAudit(manager, { actorId, committeeId, entity: 'committee', entityId: committeeId, action: 'COMMITTEE_PLACED', before: { areaId: before.areaId }, after: { areaId } });
      return { ...before, areaId };
    });
  }

  /** The commune's name and the areas over it (its district, then that district's province), or null when it does not exist. */
  async placeOf(committeeId: string): Promise<{ name: string; areasAbove: string[] } | null> {
    const [row] = await this.dataSource.query<{ name: string; areaId: string | null; parentId: string | null }[]>(
      `SELECT c.name, c.area_id AS "areaId", a.parent_id AS "parentId" FROM committees c LEFT JOIN areas a ON a.id = c.area_id WHERE c.id = $1`,
      [committeeId],
    );
    if (!row) return null;
    return { name: row.name, areasAbove: [row.areaId, row.parentId].filter((id): id is string => id !== null) };
  }

  /**
   * The communes under an area, directly or through one of its districts, by district then name. A commune merged
   * into another is left out: its cycles moved with it to the new committee, which is listed if it is placed here.
   */
  communesUnder(areaId: string): Promise<CommuneUnderRow[]> {
    return this.dataSource.query<CommuneUnderRow[]>(
      `SELECT c.id, c.name, d.id AS "districtId", d.name AS "districtName"
         FROM committees c JOIN areas a ON a.id = c.area_id
         LEFT JOIN areas d ON d.id = a.id AND a.kind = 'district'
        WHERE c.merged_into_id IS NULL AND (a.id = $1 OR a.parent_id = $1)
        ORDER BY d.name NULLS FIRST, c.name, c.id`,
      [areaId],
    );
  }
}
