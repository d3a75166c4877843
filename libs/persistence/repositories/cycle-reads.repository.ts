import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, In } from 'typeorm';
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
