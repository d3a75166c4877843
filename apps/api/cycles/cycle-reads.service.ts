import { Inject, Injectable } from '@nestjs/common';
import { relationTo, refusal, type CycleAction, type CycleRelation } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { isUuid, parseOffsetDateTime } from '../../../libs/domain/input-bounds.js';
import type { HostCandidate } from '../../../libs/domain/host-ranking.js';
import type { Language } from '../../../libs/wording/language.js';
import type { CycleEntity } from '../../../libs/persistence/entities/cycle.entity.js';
import { CycleReadsRepository } from '../../../libs/persistence/repositories/cycle-reads.repository.js';
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
  constructor(@Inject(CycleReadsRepository) private readonly cycles: CycleReadsRepository) {}

  /** The caller's relation to the cycle (cycle-policy.ts), or the refusal: another committee's cycle and a missing one are 404 alike. */
  async access(caller: AuthUser, cycleId: string): Promise<CycleAccess> {
    const cycle = await this.cycles.find(cycleId);
    if (!cycle) throw new DomainError('NOT_FOUND');
    const [cellInvited, guestInvited] = await Promise.all([
      caller.role === 'secretary' && caller.cellId ? this.cycles.isCellInvited(cycleId, caller.cellId) : false,
      caller.role === 'guest' ? this.cycles.isGuestInvited(cycleId, caller.id) : false,
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
    const cycle = await this.cycles.find(cycleId);
    if (!cycle) throw new DomainError('NOT_FOUND');
    return this.viewOf(caller, { cycle, relation }, language);
  }

  async viewOf(caller: AuthUser, { cycle, relation }: CycleAccess, language: Language): Promise<CycleView> {
    const { critiques: allCritiques, ...records } = await this.cycles.records(cycle);
    // A visitor (a cell or a guest) sees the others' critiques only once its own is in.
    let critiques = allCritiques;
    let critiquesHidden = false;
    if (relation === 'invited' || relation === 'guest') {
      const own = allCritiques.filter((critique) => (relation === 'guest' ? critique.guestId === caller.id : critique.cellId === caller.cellId));
      critiquesHidden = own.length === 0 && allCritiques.length > 0;
      if (own.length === 0) critiques = [];
    }
    const view = toCycleView({ cycle, ...records, critiques, critiquesHidden }, language);
    return relation === 'invited' || relation === 'guest' ? forVisitor(view, caller) : view;
  }

  /** Newest first, keyset-paginated on (created_at, id); only cycles the caller has a place in. */
  async list(caller: AuthUser, query: ListCyclesQuery): Promise<{ items: CycleSummary[]; nextCursor: string | null }> {
    const limit = query.limit ?? 20;
    const rows = await this.cycles.list({
      viewer: caller,
      committeeId: query.committeeId,
      status: query.status,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit,
    });
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
    return this.cycles.hostCandidates(cycleId);
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
