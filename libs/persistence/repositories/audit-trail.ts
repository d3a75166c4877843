import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** One change to the organisation: who, when, what, and the record before and after. */
export interface AuditEntry {
  actorId: string | null;
  committeeId: string | null;
  entity: 'user' | 'cell' | 'committee' | 'rubric' | 'area';
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditRow extends AuditEntry {
  id: string;
  at: Date;
  actorName: string | null;
}

/** Writes an entry in the caller's transaction, so a change and its record stand or fall together. */
export async function recordAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.query(
    `INSERT INTO audit_events (actor_id, committee_id, entity, entity_id, action, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [entry.actorId, entry.committeeId, entry.entity, entry.entityId, entry.action, entry.before && JSON.stringify(entry.before), entry.after && JSON.stringify(entry.after)],
  );
}

/** The audit trail, newest first, keyset-paginated on its id. */
@Injectable()
export class AuditTrailRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async read(filter: { committeeId?: string; beforeId?: string; limit: number }): Promise<AuditRow[]> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    if (filter.committeeId) {
      // A merged committee's trail is its own and that of every committee merged into it, at any depth.
      values.push(filter.committeeId);
      conditions.push(`a.committee_id IN (
        WITH RECURSIVE lineage AS (SELECT id FROM committees WHERE id = $${values.length}
                                   UNION SELECT c.id FROM committees c JOIN lineage l ON c.merged_into_id = l.id)
        SELECT id FROM lineage)`);
    }
    if (filter.beforeId) {
      values.push(filter.beforeId);
      conditions.push(`a.id < $${values.length}`);
    }
    values.push(filter.limit);
    return this.dataSource.query<AuditRow[]>(
      `SELECT a.id::text AS id, a.at, a.actor_id AS "actorId", u.full_name AS "actorName", a.committee_id AS "committeeId", a.entity,
              a.entity_id AS "entityId", a.action, a.before, a.after
         FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY a.id DESC LIMIT $${values.length}`,
      values,
    );
  }
}
