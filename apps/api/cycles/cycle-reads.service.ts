import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, In } from 'typeorm';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { isUuid, parseOffsetDateTime } from '../../../libs/domain/input-bounds.js';
import type { HostCandidate } from '../../../libs/domain/host-ranking.js';
import type { Language } from '../../../libs/domain/messages.js';
import { ActionItemEntity } from '../../../libs/persistence/entities/action-item.entity.js';
import { CritiqueEntity } from '../../../libs/persistence/entities/critique.entity.js';
import { CycleEventEntity } from '../../../libs/persistence/entities/cycle-event.entity.js';
import { CycleGuestEntity } from '../../../libs/persistence/entities/cycle-guest.entity.js';
import { CycleInvitationEntity } from '../../../libs/persistence/entities/cycle-invitation.entity.js';
import { CycleEntity } from '../../../libs/persistence/entities/cycle.entity.js';
import { UserEntity } from '../../../libs/persistence/entities/user.entity.js';
import { hostCandidatesForCycle } from '../../../libs/persistence/queries/host-candidates.query.js';
import type { AuthUser } from '../auth/auth-user.js';
import { forVisitor, toCycleSummary, toCycleView, type CycleSummary, type CycleView } from './cycle.mapper.js';
import type { ListCyclesQuery } from './dto/list-cycles.query.js';

/** The caller's place in one cycle, which decides what they see and which steps are theirs. */
export type CycleRelation = 'admin' | 'committee' | 'host' | 'invited' | 'guest';

export interface CycleAccess {
  cycle: CycleEntity;
  relation: CycleRelation;
}

@Injectable()
export class CycleReadsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * A cycle of another committee, or one that does not exist, is 404 alike; a secretary of this committee
   * whose cell is neither host nor invited may not open it (403); a guest sees only the cycles it is invited to.
   */
  async access(caller: AuthUser, cycleId: string): Promise<CycleAccess> {
    const cycle = await this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId });
    if (!cycle) throw new DomainError('NOT_FOUND');
    if (caller.role === 'admin') return { cycle, relation: 'admin' };
    if (caller.role === 'guest') {
      const invited = await this.dataSource.getRepository(CycleGuestEntity).existsBy({ cycleId, userId: caller.id });
      // Until the host is picked the invitations have not gone out: only the committee knows of the cycle.
      if (!invited || cycle.status === 'HOST_SELECTION') throw new DomainError('NOT_FOUND');
      return { cycle, relation: 'guest' };
    }
    if (caller.committeeId !== cycle.committeeId) throw new DomainError('NOT_FOUND');
    if (caller.role === 'committee') return { cycle, relation: 'committee' };
    // Until the host is picked only the committee knows of the cycle: to every secretary it does not exist yet.
    if (cycle.status === 'HOST_SELECTION') throw new DomainError('NOT_FOUND');
    if (caller.cellId && caller.cellId === cycle.hostCellId) return { cycle, relation: 'host' };
    if (caller.cellId) {
      const invited = await this.dataSource.getRepository(CycleInvitationEntity).existsBy({ cycleId, cellId: caller.cellId });
      if (invited) return { cycle, relation: 'invited' };
    }
    throw new DomainError('NOT_INVITED');
  }

  async view(caller: AuthUser, cycleId: string, language: Language): Promise<CycleView> {
    return this.viewOf(caller, await this.access(caller, cycleId), language);
  }

  /** The view right after a step: the caller's place was checked before it; only the cycle row is read again. */
  async viewAfterStep(caller: AuthUser, { relation }: CycleAccess, cycleId: string, language: Language): Promise<CycleView> {
    const cycle = await this.dataSource.getRepository(CycleEntity).findOneByOrFail({ id: cycleId });
    return this.viewOf(caller, { cycle, relation }, language);
  }

  async viewOf(caller: AuthUser, { cycle, relation }: CycleAccess, language: Language): Promise<CycleView> {
    const [invitations, guestRows, allCritiques, events, actionItems, carriedOver] = await Promise.all([
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
    // A visitor (a cell or a guest) sees the others' critiques only once its own is in.
    let critiques = allCritiques;
    let critiquesHidden = false;
    if (relation === 'invited' || relation === 'guest') {
      const own = allCritiques.filter((critique) => (relation === 'guest' ? critique.guestId === caller.id : critique.cellId === caller.cellId));
      critiquesHidden = own.length === 0 && allCritiques.length > 0;
      if (own.length === 0) critiques = [];
    }
    const view = toCycleView({ cycle, invitations, guests, critiques, critiquesHidden, events, actionItems, carriedOver }, language);
    return relation === 'invited' || relation === 'guest' ? forVisitor(view, caller) : view;
  }

  /** The host cell's open commitments from cycles launched before this one. */
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

  /** Newest first, keyset-paginated on (created_at, id); only cycles the caller has a place in. */
  async list(caller: AuthUser, query: ListCyclesQuery): Promise<{ items: CycleSummary[]; nextCursor: string | null }> {
    const limit = query.limit ?? 20;
    const builder = this.dataSource.getRepository(CycleEntity).createQueryBuilder('cycle');
    if (caller.role === 'guest') {
      builder.andWhere('EXISTS (SELECT 1 FROM cycle_guests g WHERE g.cycle_id = cycle.id AND g.user_id = :guestId)', { guestId: caller.id });
      builder.andWhere(`cycle.status <> 'HOST_SELECTION'`);
    } else if (caller.role !== 'admin') {
      builder.andWhere('cycle.committeeId = :own', { own: caller.committeeId });
    }
    if (query.committeeId) builder.andWhere('cycle.committeeId = :committeeId', { committeeId: query.committeeId });
    if (query.status) builder.andWhere('cycle.status = :status', { status: query.status });
    if (caller.role === 'secretary') {
      builder.andWhere(`cycle.status <> 'HOST_SELECTION'`);
      builder.andWhere(
        new Brackets((where) => {
          where
            .where('cycle.hostCellId = :cellId', { cellId: caller.cellId })
            .orWhere('EXISTS (SELECT 1 FROM cycle_invitations i WHERE i.cycle_id = cycle.id AND i.cell_id = :cellId)', {
              cellId: caller.cellId,
            });
        }),
      );
    }
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor);
      builder.andWhere('(cycle.createdAt, cycle.id) < (:createdAt, :id)', { createdAt, id });
    }
    const rows = await builder
      .orderBy('cycle.createdAt', 'DESC')
      .addOrderBy('cycle.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toCycleSummary),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }

  /** Cells of the committee ranked for hosting (see hostCandidatesForCycle), best first. */
  async hostCandidates(caller: AuthUser, cycleId: string): Promise<HostCandidate[]> {
    await this.access(caller, cycleId);
    return hostCandidatesForCycle(this.dataSource, cycleId);
  }
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

/** A cursor this API made: a real time and a UUID; anything else (a crafted one) is a 400, never a 500. */
function decodeCursor(cursor: string): [string, string] {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const [createdAt, id] = parts;
  if (parts.length !== 2 || parseOffsetDateTime(createdAt) === null || !isUuid(id)) throw new DomainError('VALIDATION_FAILED');
  return [createdAt, id];
}
