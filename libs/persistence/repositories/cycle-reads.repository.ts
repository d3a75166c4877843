import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, In } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { CycleStage } from '../../domain/cycle.js';
import { OPEN_STAGES } from '../../domain/cycle.js';
import type { HostCandidate } from '../../domain/host-ranking.js';
import type { Role } from '../../domain/roles.js';
import { ActionItemEntity } from '../entities/action-item.entity.js';
import { CritiqueEntity } from '../entities/critique.entity.js';
import { CycleEventEntity } from '../entities/cycle-event.entity.js';
import { CycleGuestEntity } from '../entities/cycle-guest.entity.js';
import { CycleInvitationEntity } from '../entities/cycle-invitation.entity.js';
import { CycleEntity } from '../entities/cycle.entity.js';
import { UserEntity } from '../entities/user.entity.js';
import { hostCandidatesForCycle } from '../queries/host-candidates.query.js';

/** Everything a cycle's page shows, read in one go. */
export interface CycleRecords {
  invitations: CycleInvitationEntity[];
  guests: { userId: string; fullName: string }[];
  critiques: CritiqueEntity[];
  events: CycleEventEntity[];
  actionItems: ActionItemEntity[];
  /** The host cell's open commitments from cycles launched before this one. */
  carriedOver: ActionItemEntity[];
}

/**
 * What a cycle's view depends on, read in one statement: who may see it (the cycle's parties, and whether the
 * viewer's cell or the viewer as a guest is invited) and `version`, which changes whenever anything the view
 * shows changes. That is the timeline's last number (every step of the workflow, and every write after it or
 * instead of it, appends a timeline row in the same transaction), the committee (a merge moves the cycle
 * without a step), the guests' names (the office may rename a person) and the host cell's open action items
 * from earlier cycles (settled or replaced in those cycles, not this one).
 */
export interface CycleViewStamp {
  committeeId: string;
  hostCellId: string | null;
  status: CycleStage;
  cellInvited: boolean;
  guestInvited: boolean;
  version: string;
}

/**
 * A statement PostgreSQL parses and plans once per pooled connection (a node-postgres named statement), then
 * only executes: for a read on every request whose planning costs more than running it (the view stamp: about
 * 0.9 ms to plan, 0.2 ms to run). Same pool, timeouts and errors as the DataSource's own queries.
 */
async function preparedQuery<Row>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as PostgresDriver).master as { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }> };
  return (await pool.query({ name, text, values })).rows;
}

/** Who is listing cycles, and which of them: the scope follows cycle-policy.ts's relations. */
export interface CycleListFilter {
  viewer: { id: string; role: Role; committeeId: string | null; cellId: string | null };
  committeeId?: string;
  status?: CycleStage;
  /** Keyset position (created_at, id) of the last row already seen. */
  after?: [string, string];
  limit: number;
}

/** Reads of cycles and what hangs off them; the workflow's activity is their only writer while a cycle runs. */
@Injectable()
export class CycleReadsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  find(cycleId: string): Promise<CycleEntity | null> {
    return this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId });
  }

  async status(cycleId: string): Promise<CycleStage | null> {
    const cycle = await this.dataSource.getRepository(CycleEntity).findOne({ select: { status: true }, where: { id: cycleId } });
    return cycle?.status ?? null;
  }

  /**
   * The cycle's CycleViewStamp for a viewer (a cell, or a guest by user id), or null when there is no such cycle.
   * Each part is an index lookup: the cycle's row, its invitation and guest rows by primary key, its last
   * timeline row (primary key, read backwards), the host cell's open action items (action_items_open_cell_idx).
   */
  async viewStamp(cycleId: string, viewer: { id: string; cellId: string | null }): Promise<CycleViewStamp | null> {
    const [row] = await preparedQuery<{ committee_id: string; host_cell_id: string | null; status: CycleStage; cell_invited: boolean; guest_invited: boolean; version: string }>(
      this.dataSource,
      'cycle-view-stamp',
      `SELECT c.committee_id, c.host_cell_id, c.status,
              EXISTS (SELECT 1 FROM cycle_invitations i WHERE i.cycle_id = c.id AND i.cell_id = $2::uuid) AS cell_invited,
              EXISTS (SELECT 1 FROM cycle_guests g WHERE g.cycle_id = c.id AND g.user_id = $3::uuid) AS guest_invited,
              concat_ws('/',
                (SELECT e.seq FROM cycle_events e WHERE e.cycle_id = c.id ORDER BY e.seq DESC LIMIT 1),
                c.committee_id,
                coalesce((SELECT md5(string_agg(g.user_id::text || ':' || u.full_name, ',' ORDER BY g.user_id))
                            FROM cycle_guests g JOIN users u ON u.id = g.user_id WHERE g.cycle_id = c.id), ''),
                coalesce((SELECT md5(string_agg(concat_ws(':', a.id, a.cycle_id, a.title, a.owner, a.due_date), ',' ORDER BY a.id))
                            FROM action_items a JOIN cycles origin ON origin.id = a.cycle_id
                           WHERE a.cell_id = c.host_cell_id AND a.done_at IS NULL AND a.dropped_at IS NULL
                             AND origin.created_at < c.created_at), '')
              ) AS version
         FROM cycles c WHERE c.id = $1`,
      [cycleId, viewer.cellId, viewer.id],
    );
    if (!row) return null;
    return {
      committeeId: row.committee_id,
      hostCellId: row.host_cell_id,
      status: row.status,
      cellInvited: row.cell_invited,
      guestInvited: row.guest_invited,
      version: row.version,
    };
  }

  isCellInvited(cycleId: string, cellId: string): Promise<boolean> {
    return this.dataSource.getRepository(CycleInvitationEntity).existsBy({ cycleId, cellId });
  }

  isGuestInvited(cycleId: string, userId: string): Promise<boolean> {
    return this.dataSource.getRepository(CycleGuestEntity).existsBy({ cycleId, userId });
  }

  /** Whether the cell hosts an open cycle other than this one. */
  async hostsAnOpenCycle(cellId: string, exceptCycleId?: string): Promise<boolean> {
    const open = await this.dataSource.getRepository(CycleEntity).find({ select: { id: true }, where: { hostCellId: cellId, status: In([...OPEN_STAGES]) } });
    return open.some((cycle) => cycle.id !== exceptCycleId);
  }

  critique(critiqueId: string): Promise<CritiqueEntity> {
    return this.dataSource.getRepository(CritiqueEntity).findOneByOrFail({ id: critiqueId });
  }

  /** The text of one critique point of a cycle, or null when the cycle has no such point. */
  async pointText(cycleId: string, pointId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ text: string }[]>(
      `SELECT point->>'text' AS text FROM critiques, jsonb_array_elements(points) AS point WHERE cycle_id = $1 AND point->>'id' = $2 LIMIT 1`,
      [cycleId, pointId],
    );
    return row?.text ?? null;
  }

  async records(cycle: CycleEntity): Promise<CycleRecords> {
    const [invitations, guestRows, critiques, events, actionItems, carriedOver] = await Promise.all([
      this.dataSource.getRepository(CycleInvitationEntity).find({ where: { cycleId: cycle.id }, order: { cellId: 'ASC' } }),
      this.dataSource.getRepository(CycleGuestEntity).find({ where: { cycleId: cycle.id }, order: { userId: 'ASC' } }),
      this.dataSource.getRepository(CritiqueEntity).find({ where: { cycleId: cycle.id }, order: { submittedAt: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(CycleEventEntity).find({ where: { cycleId: cycle.id }, order: { seq: 'ASC' } }),
      this.dataSource.getRepository(ActionItemEntity).find({ where: { cycleId: cycle.id }, order: { dueDate: 'ASC', id: 'ASC' } }),
      this.carriedOverActionItems(cycle),
    ]);
    const guestUsers = guestRows.length
      ? await this.dataSource.getRepository(UserEntity).find({ select: { id: true, fullName: true }, where: { id: In(guestRows.map((row) => row.userId)) } })
      : [];
    const names = new Map(guestUsers.map((user) => [user.id, user.fullName]));
    const guests = guestRows.map((row) => ({ userId: row.userId, fullName: names.get(row.userId) ?? '' }));
    return { invitations, guests, critiques, events, actionItems, carriedOver };
  }

  private async carriedOverActionItems(cycle: CycleEntity): Promise<ActionItemEntity[]> {
    if (!cycle.hostCellId) return [];
    return this.dataSource
      .getRepository(ActionItemEntity)
      .createQueryBuilder('item')
      .innerJoin(CycleEntity, 'origin', 'origin.id = item.cycleId')
      .where('item.cellId = :cellId', { cellId: cycle.hostCellId })
      .andWhere('item.doneAt IS NULL AND item.droppedAt IS NULL')
      .andWhere('origin.createdAt < :createdAt', { createdAt: cycle.createdAt })
      .orderBy('item.dueDate', 'ASC')
      .addOrderBy('item.id', 'ASC')
      .getMany();
  }

  /** Newest first on (created_at, id), one more row than the limit (so the caller knows whether more follow). */
  list(filter: CycleListFilter): Promise<CycleEntity[]> {
    const { viewer } = filter;
    const builder = this.dataSource.getRepository(CycleEntity).createQueryBuilder('cycle');
    if (viewer.role === 'guest') {
      builder.andWhere('EXISTS (SELECT 1 FROM cycle_guests g WHERE g.cycle_id = cycle.id AND g.user_id = :guestId)', { guestId: viewer.id });
      builder.andWhere(`cycle.status <> 'HOST_SELECTION'`);
    } else if (viewer.role !== 'admin') {
      builder.andWhere('cycle.committeeId = :own', { own: viewer.committeeId });
    }
    if (filter.committeeId) builder.andWhere('cycle.committeeId = :committeeId', { committeeId: filter.committeeId });
    if (filter.status) builder.andWhere('cycle.status = :status', { status: filter.status });
    if (viewer.role === 'secretary') {
      builder.andWhere(`cycle.status <> 'HOST_SELECTION'`);
      builder.andWhere(
        new Brackets((where) => {
          where
            .where('cycle.hostCellId = :cellId', { cellId: viewer.cellId })
            .orWhere('EXISTS (SELECT 1 FROM cycle_invitations i WHERE i.cycle_id = cycle.id AND i.cell_id = :cellId)', {
              cellId: viewer.cellId,
            });
        }),
      );
    }
    if (filter.after) {
      const [createdAt, id] = filter.after;
      builder.andWhere('(cycle.createdAt, cycle.id) < (:createdAt, :id)', { createdAt, id });
    }
    return builder
      .orderBy('cycle.createdAt', 'DESC')
      .addOrderBy('cycle.id', 'DESC')
      .take(filter.limit + 1)
      .getMany();
  }

  hostCandidates(cycleId: string): Promise<HostCandidate[]> {
    return hostCandidatesForCycle(this.dataSource, cycleId);
  }
}
