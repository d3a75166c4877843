import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { DEFAULT_RUBRIC } from '../../domain/default-rubric.js';
import { CellEntity } from '../entities/cell.entity.js';
import { CommitteeEntity } from '../entities/committee.entity.js';
import { RubricEntity } from '../entities/rubric.entity.js';
import { UserEntity } from '../entities/user.entity.js';
import { recordAudit } from './audit-trail.js';
import { insertAccount } from './users.repository.js';
import { DomainError } from '../../domain/domain-error.js';

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

  /** Whether the committee takes new cells, people, sheets and cycles: it exists and was not merged into another. */
  async committeeStanding(committeeId: string): Promise<'open' | 'merged' | 'missing'> {
    const committee = await this.dataSource.getRepository(CommitteeEntity).findOne({ select: { id: true, mergedIntoId: true }, where: { id: committeeId } });
    return !committee ? 'missing' : committee.mergedIntoId ? 'merged' : 'open';
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

  /** The first of these cells that is not an active cell of the committee, or null when all are. */
  async firstCellNotOf(committeeId: string, cellIds: string[]): Promise<string | null> {
    if (cellIds.length === 0) return null;
    const found = await this.dataSource
      .getRepository(CellEntity)
      .find({ select: { id: true }, where: { id: In(cellIds), committeeId, deactivatedAt: IsNull() } });
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

  /** A change to a cell (name, members, deactivation) and its audit entry, in one transaction; null when there is no such cell. */
  async changeCell(
    actorId: string,
    cellId: string,
    action: string,
    changes: Partial<Pick<CellEntity, 'name' | 'memberCount' | 'deactivatedAt' | 'deactivationReason' | 'mergedIntoCellId'>>,
  ): Promise<CellEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.getRepository(CellEntity).findOne({ where: { id: cellId }, lock: { mode: 'pessimistic_write' } });
      if (!before) return null;
      await manager.getRepository(CellEntity).update({ id: cellId }, changes);
      const after = await manager.getRepository(CellEntity).findOneByOrFail({ id: cellId });
      await recordAudit(manager, { actorId, committeeId: after.committeeId, entity: 'cell', entityId: cellId, action, before: auditedCell(before), after: auditedCell(after) });
      return after;
    });
  }

  /** The open cycles a cell hosts or is invited to: what its committee must decide about when it is dissolved or moved. */
  openCyclesOf(cellId: string): Promise<{ id: string; title: string; status: string; part: 'host' | 'invited' }[]> {
    return this.dataSource.query(
      `SELECT y.id, y.title, y.status, CASE WHEN y.host_cell_id = $1 THEN 'host' ELSE 'invited' END AS part
         FROM cycles y
        WHERE y.status IN ('HOST_SELECTION', 'PREPARATION', 'SCHEDULED', 'CRITIQUE', 'REPORTING', 'REVIEW')
          AND (y.host_cell_id = $1 OR EXISTS (SELECT 1 FROM cycle_invitations i WHERE i.cycle_id = y.id AND i.cell_id = $1))
        ORDER BY y.meeting_at, y.id`,
      [cellId],
    );
  }

  /**
   * Moves a cell, with its secretaries, to another committee: their sessions end (what they may see has
   * changed). The cell's closed cycles stay with the committee that held them.
   */
  async moveCell(actorId: string, cellId: string, toCommitteeId: string): Promise<CellEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.getRepository(CellEntity).findOne({ where: { id: cellId }, lock: { mode: 'pessimistic_write' } });
      if (!before) return null;
      await manager.getRepository(CellEntity).update({ id: cellId }, { committeeId: toCommitteeId });
      const now = new Date();
      await manager.query(`UPDATE users SET committee_id = $2, sessions_ended_at = $3 WHERE cell_id = $1`, [cellId, toCommitteeId, now]);
      const after = await manager.getRepository(CellEntity).findOneByOrFail({ id: cellId });
      for (const committeeId of [before.committeeId, toCommitteeId]) {
        await recordAudit(manager, { actorId, committeeId, entity: 'cell', entityId: cellId, action: 'CELL_MOVED', before: auditedCell(before), after: auditedCell(after) });
      }
      return after;
    });
  }

  async renameCommittee(actorId: string, committeeId: string, name: string): Promise<CommitteeEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.getRepository(CommitteeEntity).findOne({ where: { id: committeeId }, lock: { mode: 'pessimistic_write' } });
      if (!before) return null;
      await manager.getRepository(CommitteeEntity).update({ id: committeeId }, { name });
      await recordAudit(manager, { actorId, committeeId, entity: 'committee', entityId: committeeId, action: 'COMMITTEE_RENAMED', before: { name: before.name }, after: { name } });
      return { ...before, name };
    });
  }

  /**
   * Merges committees into a new one (the 2025 commune mergers), in one transaction: their cells, people,
   * cycles (open and closed, each remembering the committee its workflow was launched for) and own score
   * sheets move; the old committees stay, named, pointing at the new one; under the district (or province) they
   * were all under, if they were all under the same. Null when one of them does not exist or was already merged.
   */
  async mergeCommittees(actorId: string, committeeIds: string[], name: string): Promise<MergeOutcome | null> {
    return this.dataSource.transaction(async (manager) => {
      const old = await manager.getRepository(CommitteeEntity).find({ where: { id: In(committeeIds) }, lock: { mode: 'pessimistic_write' } });
      if (old.length !== committeeIds.length || old.some((committee) => committee.mergedIntoId)) return null;
      // Communes of one district merge within it: the new committee stays under their upper levels (issue 18).
      const areas = new Set(old.map((source) => source.areaId));
      const committee = await manager.getRepository(CommitteeEntity).save({ name, areaId: areas.size === 1 ? [...areas][0] : null });
      const count = async (sql: string) => (await manager.query<unknown[]>(`WITH moved AS (${sql} RETURNING 1) SELECT 1 FROM moved`, [committee.id, committeeIds])).length;
      const moved = {
        cycles: await count(`UPDATE cycles SET launched_committee_id = coalesce(launched_committee_id, committee_id), committee_id = $1 WHERE committee_id = ANY($2)`),
        cells: await count(`UPDATE cells SET committee_id = $1 WHERE committee_id = ANY($2)`),
        people: await count(`UPDATE users SET committee_id = $1 WHERE committee_id = ANY($2)`),
        rubrics: await count(`UPDATE rubrics SET committee_id = $1 WHERE committee_id = ANY($2)`),
      };
      await manager.query(`UPDATE committees SET merged_into_id = $1, merged_at = now() WHERE id = ANY($2)`, [committee.id, committeeIds]);
      for (const source of old) {
        await recordAudit(manager, { actorId, committeeId: committee.id, entity: 'committee', entityId: source.id, action: 'COMMITTEE_MERGED', before: { name: source.name }, after: { name: source.name, mergedIntoId: committee.id } });
      }
      await recordAudit(manager, { actorId, committeeId: committee.id, entity: 'committee', entityId: committee.id, action: 'COMMITTEE_FORMED_BY_MERGER', before: null, after: { name, from: old.map((source) => source.name), moved } });
      return { committee, moved };
    });
  }


  /**
   * A committee's new score sheet version: the next version of its sheets of that name (a sheet is never
   * edited in place, so a cycle keeps the version it was launched with). On the audit trail.
   */
  async addRubricVersion(
    actorId: string,
    rubric: Pick<RubricEntity, 'committeeId' | 'name' | 'kind' | 'criteria' | 'pointStep' | 'basedOnId'>,
  ): Promise<RubricEntity> {
    return this.dataSource.transaction(async (manager) => {
      // One version number per (committee, name), even when two offices save at once.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`rubric:${rubric.committeeId}:${rubric.name}`]);
      const [{ version }] = await manager.query<{ version: number }[]>(
        `SELECT coalesce(max(version), 0) + 1 AS version FROM rubrics WHERE committee_id = $1 AND name = $2`,
        [rubric.committeeId, rubric.name],
      );
      const saved = await manager.getRepository(RubricEntity).save({ ...rubric, id: randomUUID(), version, isTemplate: false });
      await recordAudit(manager, {
        actorId,
        committeeId: rubric.committeeId,
        entity: 'rubric',
        entityId: saved.id,
        action: 'RUBRIC_VERSION_ADDED',
        before: null,
        after: { name: saved.name, version: saved.version, kind: saved.kind, pointStep: saved.pointStep, criteria: saved.criteria, basedOnId: saved.basedOnId },
      });
      return saved;
    });
  }


  /** What an import is planned against: the committee's cells with their active secretaries, and the usernames taken. */
  async importState(committeeId: string, manager: EntityManager = this.dataSource.manager): Promise<ImportState> {
    const [committee] = await manager.query<{ name: string }[]>(`SELECT name FROM committees WHERE id = $1`, [committeeId]);
    const cells = await manager.query<{ id: string; name: string; member_count: number; active: boolean; secretaries: { username: string; fullName: string }[] }[]>(
      `SELECT c.id, c.name, c.member_count, c.deactivated_at IS NULL AS active,
              coalesce(json_agg(json_build_object('username', u.username, 'fullName', u.full_name) ORDER BY u.created_at)
                       FILTER (WHERE u.id IS NOT NULL), '[]') AS secretaries
         FROM cells c LEFT JOIN users u ON u.cell_id = c.id AND u.role = 'secretary' AND u.deactivated_at IS NULL
        WHERE c.committee_id = $1 GROUP BY c.id`,
      [committeeId],
    );
    const users = await manager.query<{ username: string; cell_id: string | null }[]>(`SELECT lower(username) AS username, cell_id FROM users`);
    return {
      committeeName: committee?.name ?? '',
      cells: cells.map((cell) => ({ id: cell.id, name: cell.name, memberCount: cell.member_count, active: cell.active, secretaries: cell.secretaries })),
      usernames: new Map(users.map((user) => [user.username, user.cell_id])),
    };
  }

  /**
   * Writes an import in one transaction, one import per committee at a time: `plan` is made again from the
   * state inside the lock, so two offices importing the same file at once create nothing twice. Answers
   * the rows as written, or the plan with its errors (nothing written) when any row has one.
   */
  async commitImport<Row extends ImportRow>(
    actorId: string,
    committeeId: string,
    plan: (state: ImportState) => Row[],
    passwordHashOf: (row: Row) => Promise<string>,
  ): Promise<{ rows: Row[]; written: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`import:${committeeId}`]);
      const rows = plan(await this.importState(committeeId, manager));
      if (rows.some((row) => row.outcome === 'ERROR')) return { rows, written: false };
      for (const row of rows) {
        let cellId = row.cellId;
        if (!cellId) {
          const cell = await manager.getRepository(CellEntity).save({ committeeId, name: row.cell, memberCount: row.memberCount as number });
          cellId = cell.id;
          await recordAudit(manager, { actorId, committeeId, entity: 'cell', entityId: cellId, action: 'CELL_IMPORTED', before: null, after: auditedCell(cell) });
        } else if (row.updatesMembers) {
          const before = await manager.getRepository(CellEntity).findOneByOrFail({ id: cellId });
          await manager.getRepository(CellEntity).update({ id: cellId }, { memberCount: row.memberCount as number });
          await recordAudit(manager, { actorId, committeeId, entity: 'cell', entityId: cellId, action: 'CELL_IMPORTED', before: auditedCell(before), after: { ...auditedCell(before), memberCount: row.memberCount } });
        }
        if (row.createsSecretary) {
          const user = await insertAccount(manager, {
            username: row.username,
            passwordHash: await passwordHashOf(row),
            fullName: row.secretary,
            role: 'secretary',
            committeeId,
            cellId,
            passwordChangeRequired: true,
          });
          // Taken since the plan was made, by an account created outside imports: the whole import stands back.
          if (!user) throw new DomainError('USERNAME_TAKEN');
          await recordAudit(manager, {
            actorId,
            committeeId,
            entity: 'user',
            entityId: user.id,
            action: 'ACCOUNT_IMPORTED',
            before: null,
            after: { username: row.username, fullName: row.secretary, role: 'secretary', committeeId, cellId },
          });
        }
      }
      return { rows, written: true };
    });
  }

}

/** What an import is planned against (see apps/api/committees/cell-import.plan.ts). */
export interface ImportState {
  committeeName: string;
  cells: { id: string; name: string; memberCount: number; active: boolean; secretaries: { username: string; fullName: string }[] }[];
  usernames: Map<string, string | null>;
}

/** The part of a planned row the commit writes. */
export interface ImportRow {
  outcome: 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'ERROR';
  cellId: string | null;
  cell: string;
  memberCount: number | null;
  secretary: string;
  username: string;
  /** An existing cell whose member count the row changes. */
  updatesMembers: boolean;
  createsSecretary: boolean;
}

/** What moved into a merged committee. */
export interface MergeOutcome {
  committee: CommitteeEntity;
  moved: { cells: number; people: number; cycles: number; rubrics: number };
}

function auditedCell(cell: CellEntity): Record<string, unknown> {
  return {
    name: cell.name,
    committeeId: cell.committeeId,
    memberCount: cell.memberCount,
    deactivatedAt: cell.deactivatedAt ? cell.deactivatedAt.toISOString() : null,
    deactivationReason: cell.deactivationReason,
    mergedIntoCellId: cell.mergedIntoCellId,
  };
}
