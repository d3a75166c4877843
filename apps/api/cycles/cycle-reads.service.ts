import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, In } from 'typeorm';
import { relationTo, refusal, type CycleAction, type CycleRelation } from '../../../libs/domain/cycle-policy.js';
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

export type { CycleRelation } from '../../../libs/domain/cycle-policy.js';

export interface CycleAccess {
  cycle: CycleEntity;
  relation: CycleRelation;
}

@Injectable()
export class CycleReadsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The caller's relation to the cycle (cycle-policy.ts), or the refusal: another committee's cycle and a missing one are 404 alike. */
  async access(caller: AuthUser, cycleId: string): Promise<CycleAccess> {
    const cycle = await this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId });
    if (!cycle) throw new DomainError('NOT_FOUND');
    const [cellInvited, guestInvited] = await Promise.all([
      caller.role === 'secretary' && caller.cellId
        ? this.dataSource.getRepository(CycleInvitationEntity).existsBy({ cycleId, cellId: caller.cellId })
        : false,
      caller.role === 'guest' ? this.dataSource.getRepository(CycleGuestEntity).existsBy({ cycleId, userId: caller.id }) : false,
    ]);
    const relation = relationTo(caller, { committeeId: cycle.committeeId, hostCellId: cycle.hostCellId, stage: cycle.status, cellInvited, guestInvited });
    if (relation === 'NOT_FOUND' || relation === 'NOT_INVITED') throw new DomainError(relation);
    return { cycle, relation };
  }

  /** The caller's relation, checked against what the action allows (cycle-policy.ts). */
  async accessFor(caller: AuthUser, cycleId: string, action: CycleAction): Promise<CycleAccess> {
    const access = await this.access(caller, cycleId);
    const refused = refusal(action, access.relation, access.cycle.status);
    if (refused) throw new DomainError(refused.code, refused.stage ? { stage: refused.stage } : {});
    return access;
  }

  async view(caller: AuthUser, cycleId: string, language: Language): Promise<CycleView> {
    return this.viewOf(caller, await this.accessFor(caller, cycleId, 'view'), language);
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
    await this.accessFor(caller, cycleId, 'rankHosts');
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
