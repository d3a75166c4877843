import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource } from 'typeorm';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { HostCandidate } from '../../../libs/domain/host-ranking.js';
import type { Language } from '../../../libs/domain/messages.js';
import { ActionItemEntity } from '../../../libs/persistence/entities/action-item.entity.js';
import { CritiqueEntity } from '../../../libs/persistence/entities/critique.entity.js';
import { CycleEventEntity } from '../../../libs/persistence/entities/cycle-event.entity.js';
import { CycleInvitationEntity } from '../../../libs/persistence/entities/cycle-invitation.entity.js';
import { CycleEntity } from '../../../libs/persistence/entities/cycle.entity.js';
import { hostCandidatesForCycle } from '../../../libs/persistence/queries/host-candidates.query.js';
import type { AuthUser } from '../auth/auth-user.js';
import { toCycleSummary, toCycleView, type CycleSummary, type CycleView } from './cycle.mapper.js';
import type { ListCyclesQuery } from './dto/list-cycles.query.js';

/** The caller's place in one cycle, which decides what they see and which steps are theirs. */
export type CycleRelation = 'admin' | 'committee' | 'host' | 'invited';

export interface CycleAccess {
  cycle: CycleEntity;
  relation: CycleRelation;
}

@Injectable()
export class CycleReadsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * A cycle of another committee, or one that does not exist, is 404 alike; a secretary of this committee
   * whose cell is neither host nor invited may not open it (403).
   */
  async access(caller: AuthUser, cycleId: string): Promise<CycleAccess> {
    const cycle = await this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId });
    if (!cycle) throw new DomainError('NOT_FOUND');
    if (caller.role === 'admin') return { cycle, relation: 'admin' };
    if (caller.committeeId !== cycle.committeeId) throw new DomainError('NOT_FOUND');
    if (caller.role === 'committee') return { cycle, relation: 'committee' };
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
    const [invitations, allCritiques, events, actionItems] = await Promise.all([
      this.dataSource.getRepository(CycleInvitationEntity).find({ where: { cycleId: cycle.id }, order: { cellId: 'ASC' } }),
      this.dataSource.getRepository(CritiqueEntity).find({ where: { cycleId: cycle.id }, order: { submittedAt: 'ASC' } }),
      this.dataSource.getRepository(CycleEventEntity).find({ where: { cycleId: cycle.id }, order: { seq: 'ASC' } }),
      this.dataSource.getRepository(ActionItemEntity).find({ where: { cycleId: cycle.id }, order: { dueDate: 'ASC', id: 'ASC' } }),
    ]);
    let critiques = allCritiques;
    let hidden = false;
    if (relation === 'invited') {
      const own = allCritiques.filter((critique) => critique.cellId === caller.cellId);
      hidden = own.length === 0 && allCritiques.length > 0;
      if (own.length === 0) critiques = [];
    }
    return toCycleView(cycle, invitations, critiques, hidden, events, actionItems, language);
  }

  /** Newest first, keyset-paginated on (created_at, id); only cycles the caller has a place in. */
  async list(caller: AuthUser, query: ListCyclesQuery): Promise<{ items: CycleSummary[]; nextCursor: string | null }> {
    const limit = query.limit ?? 20;
    const builder = this.dataSource.getRepository(CycleEntity).createQueryBuilder('cycle');
    if (caller.role !== 'admin') builder.andWhere('cycle.committeeId = :own', { own: caller.committeeId });
    if (query.committeeId) builder.andWhere('cycle.committeeId = :committeeId', { committeeId: query.committeeId });
    if (query.status) builder.andWhere('cycle.status = :status', { status: query.status });
    if (caller.role === 'secretary') {
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

  /** Cells of the committee ranked for hosting; those invited to this cycle or hosting an open cycle are left out. */
  async hostCandidates(caller: AuthUser, cycleId: string): Promise<HostCandidate[]> {
    await this.access(caller, cycleId);
    return hostCandidatesForCycle(this.dataSource, cycleId);
  }
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new DomainError('VALIDATION_FAILED');
  }
  return [createdAt, id];
}
